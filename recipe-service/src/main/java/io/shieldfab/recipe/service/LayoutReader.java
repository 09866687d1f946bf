package io.shieldfab.recipe.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.shieldfab.design.BondingSpec.BondingPattern;
import io.shieldfab.design.Design;
import io.shieldfab.design.Violation;
import io.shieldfab.recipe.process.LayoutFacts;
import io.shieldfab.recipe.process.Singulation;
import io.shieldfab.recipe.rest.dto.LayoutInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Reads the layout JSON of a request into {@link LayoutFacts}: maps it onto the consumer-side
 * {@link LayoutInput} records (unknown fields ignored), validates it, and checks it belongs to the design.
 * Every problem becomes a violation whose field is the JSON path under {@code layout}.
 */
@ApplicationScoped
public class LayoutReader {

    /** Relative tolerance when the cut list's total is compared with the sum of its cuts. */
    static final double TOTAL_LENGTH_TOLERANCE = 1e-6;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    @Inject
    Validator validator;

    /** The layout's facts, or the violations found (never both). */
    public record Result(LayoutFacts facts, List<Violation> violations) {
    }

    public Result read(JsonNode layout, Design design) {
        if (layout == null || layout.isNull() || layout.isMissingNode()) {
            return invalid(new Violation("layout", "is required: the layout JSON from layout-service"));
        }
        if (!layout.isObject()) {
            return invalid(new Violation("layout", "must be a JSON object"));
        }
        LayoutInput input;
        try {
            input = MAPPER.treeToValue(layout, LayoutInput.class);
        } catch (JsonMappingException e) {
            return invalid(new Violation(path(e), "has the wrong type"));
        } catch (JsonProcessingException e) {
            return invalid(new Violation("layout", "cannot be read"));
        }
        List<Violation> violations = new ArrayList<>();
        for (ConstraintViolation<LayoutInput> v : validator.validate(input)) {
            violations.add(new Violation("layout." + v.getPropertyPath().toString().replace(".<list element>", ""),
                    v.getMessage()));
        }
        if (violations.isEmpty()) {
            if (design != null && input.siteCount() != design.siteCount()) {
                violations.add(new Violation("layout.siteCount", "is " + input.siteCount() + " but the design has "
                        + design.siteCount() + " sites: the layout was not generated from this design"));
            }
            if (design != null && input.designName() != null && !Objects.equals(input.designName(), design.name())) {
                violations.add(new Violation("layout.designName", "is '" + input.designName()
                        + "' but the design is '" + design.name() + "'"));
            }
            if (input.metrics().bondingPads().size() != input.metrics().bondingPadsPerSite()) {
                violations.add(new Violation("layout.metrics.bondingPads", "has " + input.metrics().bondingPads().size()
                        + " pads but bondingPadsPerSite is " + input.metrics().bondingPadsPerSite()));
            }
            double sum = input.metrics().cutList().cuts().stream().mapToDouble(LayoutInput.Cut::lengthMm).sum();
            double total = input.metrics().cutList().totalLengthMm();
            if (Math.abs(sum - total) > TOTAL_LENGTH_TOLERANCE * Math.max(1.0, total)) {
                violations.add(new Violation("layout.metrics.cutList.totalLengthMm", "is " + total
                        + " mm but the cuts add up to " + sum + " mm"));
            }
        }
        if (!violations.isEmpty()) {
            violations.sort(Comparator.comparing(Violation::field).thenComparing(Violation::message));
            return new Result(null, List.copyOf(violations));
        }
        LayoutInput.Metrics m = input.metrics();
        List<Singulation.Cut> cuts = m.cutList().cuts().stream()
                .map(c -> new Singulation.Cut(c.axis(), c.positionMm(), c.lengthMm())).toList();
        return new Result(new LayoutFacts(input.id(), input.siteCount(), m.platedAreaMm2(),
                m.encapsulantVolumeMm3(), m.openingCount(), m.streetWidthMm(), m.recessDepthMm(),
                m.bondingPadSizeMm(), m.bondingPadsPerSite(), cuts,
                m.bondingPattern() == null ? BondingPattern.PADS : BondingPattern.valueOf(m.bondingPattern()),
                m.bondingRingLengthMm() == null ? 0 : m.bondingRingLengthMm()), List.of());
    }

    private static Result invalid(Violation v) {
        return new Result(null, List.of(v));
    }

    /** {@code layout.metrics.cutList.cuts[2].lengthMm} from Jackson's reference chain. */
    static String path(JsonMappingException e) {
        StringBuilder b = new StringBuilder("layout");
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                b.append('.').append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }
}
