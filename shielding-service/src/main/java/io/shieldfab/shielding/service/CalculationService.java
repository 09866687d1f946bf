package io.shieldfab.shielding.service;

import io.shieldfab.design.Violation;
import io.shieldfab.shielding.physics.ApertureShape;
import io.shieldfab.shielding.physics.ApertureShielding;
import io.shieldfab.shielding.physics.CavityModes;
import io.shieldfab.shielding.physics.EnclosureShielding;
import io.shieldfab.shielding.physics.FieldType;
import io.shieldfab.shielding.physics.Material;
import io.shieldfab.shielding.physics.NickelPermeability;
import io.shieldfab.shielding.physics.SheetShielding;
import io.shieldfab.shielding.rest.dto.ApertureRequest;
import io.shieldfab.shielding.rest.dto.ApertureResponse;
import io.shieldfab.shielding.rest.dto.EnclosureRequest;
import io.shieldfab.shielding.rest.dto.EnclosureResponse;
import io.shieldfab.shielding.rest.dto.MaterialResponse;
import io.shieldfab.shielding.rest.dto.SheetRequest;
import io.shieldfab.shielding.rest.dto.SheetResponse;
import io.shieldfab.support.problem.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The stateless calculators: checks what Bean Validation cannot (one-of fields, enum names, cross-field
 * geometry), then calls the physics. No database, so no transaction.
 */
@ApplicationScoped
public class CalculationService {

    public SheetResponse sheet(SheetRequest r) {
        List<Violation> v = new ArrayList<>();
        Material material = null;
        if (r.material() != null) {
            material = parseEnum(Material.class, r.material(), "material", v);
            if (r.conductivitySPerM() != null) {
                v.add(new Violation("conductivitySPerM", "give either material or conductivitySPerM, not both"));
            }
        } else if (r.conductivitySPerM() == null) {
            v.add(new Violation("material", "give a material (" + names(Material.class)
                    + ") or conductivitySPerM with relativePermeability"));
        }
        FieldType field = r.field() == null ? FieldType.PLANE_WAVE : parseEnum(FieldType.class, r.field(), "field", v);
        if (field != null && field != FieldType.PLANE_WAVE && r.sourceDistanceMm() == null) {
            v.add(new Violation("sourceDistanceMm", "required for the near-field form " + field.name()));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        double f = r.frequencyHz();
        double sigma = material != null ? material.conductivitySPerM : r.conductivitySPerM();
        double mur = r.relativePermeability() != null ? r.relativePermeability()
                : material != null ? material.relativePermeabilityAt(f) : 1.0;
        SheetShielding.Result res = SheetShielding.calculate(
                new SheetShielding.Input(sigma, mur, r.thicknessUm(), f, field, r.sourceDistanceMm()));
        return new SheetResponse(res.skinDepthUm(), res.absorptionDb(), res.reflectionDb(), res.multipleReflectionDb(),
                res.totalDb(), material, sigma, mur, field, r.thicknessUm(), f);
    }

    public ApertureResponse aperture(ApertureRequest r) {
        List<Violation> v = new ArrayList<>();
        ApertureShape shape = r.shape() == null ? ApertureShape.RECTANGULAR
                : parseEnum(ApertureShape.class, r.shape(), "shape", v);
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        int count = r.count() == null ? 1 : r.count();
        ApertureShielding.Result res = ApertureShielding.calculate(new ApertureShielding.Input(r.lengthMm(), count,
                r.frequencyHz(), r.depthMm() == null ? 0.0 : r.depthMm(),
                r.relativePermittivity() == null ? 1.0 : r.relativePermittivity(), shape));
        return new ApertureResponse(res.wavelengthMm(), res.seDb(), res.cutoffFrequencyHz(), res.depthAttenuationDb(),
                res.singleApertureSeDb(), res.countPenaltyDb(), res.wavelengthMm() / 2, count, shape, res.resonantLengthMm(),
                res.depthCreditApplied());
    }

    public EnclosureResponse enclosure(EnclosureRequest r) {
        int n = r.apertureCount() == null ? 1 : r.apertureCount();
        double er = r.relativePermittivity() == null ? 1.0 : r.relativePermittivity();
        List<Violation> v = new ArrayList<>();
        if (n * r.apertureLengthMm() > r.widthMm() * (1 + 1e-12)) {
            v.add(new Violation("apertureLengthMm", "apertureCount × apertureLengthMm ("
                    + n * r.apertureLengthMm() + " mm) must fit along widthMm (" + r.widthMm() + " mm)"));
        }
        if (r.apertureWidthMm() >= r.heightMm()) {
            v.add(new Violation("apertureWidthMm", "must be smaller than heightMm (" + r.heightMm() + " mm)"));
        }
        if (r.probeDistanceMm() >= r.depthMm()) {
            v.add(new Violation("probeDistanceMm", "must be inside the enclosure: less than depthMm (" + r.depthMm() + " mm)"));
        }
        // "not > 0" rather than "<= 0": a subnormal thickness (4.9e-324 mm) makes the width NaN (0 × ∞), which
        // must be refused here, not fail in the calculation (CalculationsFuzzTest sends such values)
        if (!(EnclosureShielding.effectiveWidthMm(r.apertureWidthMm(), r.wallThicknessMm()) > 0)) {
            v.add(new Violation("wallThicknessMm", "too thick for a " + r.apertureWidthMm()
                    + " mm slot: the thin-wall effective width w − (5t/4π)(1 + ln(4πw/t)) is not positive"));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        EnclosureShielding.Result res = EnclosureShielding.calculate(new EnclosureShielding.Input(r.widthMm(),
                r.heightMm(), r.depthMm(), r.apertureLengthMm(), r.apertureWidthMm(), r.wallThicknessMm(), n,
                r.probeDistanceMm(), r.frequencyHz(), er));
        double first = CavityModes.frequencyHz(r.widthMm(), r.depthMm(), r.heightMm(), er, 1, 1, 0);
        return new EnclosureResponse(res.seElectricDb(), res.seMagneticDb(), first,
                EnclosureShielding.effectiveWidthMm(r.apertureWidthMm(), r.wallThicknessMm()), r.frequencyHz());
    }

    public List<MaterialResponse> materials() {
        return Arrays.stream(Material.values()).map(m -> new MaterialResponse(m, m.role,
                m.conductivitySPerM, m.relativeConductivity(), m.relativePermeability,
                m.frequencyDependentPermeability() ? nickelModel() : null, m.source)).toList();
    }

    private static MaterialResponse.PermeabilityModel nickelModel() {
        NickelPermeability p = NickelPermeability.DEFAULT;
        Map<String, Double> example = new LinkedHashMap<>();
        for (double f : new double[] {1e6, 1e8, 1e9, 2.45e9, 1e10, 2.8e10}) {
            example.put(String.format(Locale.ROOT, "%.3g Hz", f), p.at(f));
        }
        return new MaterialResponse.PermeabilityModel(
                "μr(f) = 1 + (μi − 1)/√(1 + (f/fr)²), fr from Snoek's law (μi − 1)·fr = γ·μ0Ms/(3π); "
                        + "override with relativePermeability", p.initialPermeability(), p.relaxationFrequencyHz(), example);
    }

    static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String field, List<Violation> v) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(value.trim())) {
                return e;
            }
        }
        v.add(new Violation(field, "unknown value '" + value + "'; one of " + names(type)));
        return null;
    }

    static <E extends Enum<E>> String names(Class<E> type) {
        return String.join(", ", Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
    }
}
