package io.shieldfab.design;

import io.shieldfab.design.process.FillDefaults;
import io.shieldfab.design.process.FillMethod;

/**
 * The flowable encapsulant that fills the depressions and flows between them (claims 12, 13, 16).
 *
 * @param material             encapsulant; default {@code EPOXY_MOLD_COMPOUND}
 * @param relativePermittivity εr of the cured encapsulant, [1, 100]; it fills the openings and shortens the
 *                             wavelength there; default {@link EncapsulantMaterial#typicalPermittivity} of the material
 * @param stage                when it is applied relative to support removal (claims 15, 16); default
 *                             {@code BEFORE_SUPPORT_REMOVAL}
 * @param allowancePercent     extra volume dispensed over the computed volume, %, [0, 100]; default 10
 * @param method               how it is brought in; default per material
 *                             ({@link io.shieldfab.design.process.FillDefaults#defaultMethod})
 * @param viscosityPaS         apparent viscosity at process temperature, Pa·s, (0, 10000]; default per material and
 *                             method ({@link io.shieldfab.design.process.FillDefaults}, docs/physics.md §6)
 * @param fillerTopCutUm       largest filler particle (top cut), µm, [0, 500]; 0 for an unfilled resin; default per
 *                             material
 * @param gelTimeS             time the material stays flowable at process temperature, s, (0, 86400]; default per
 *                             material and method
 * @param pressureKPa          driving pressure at the gate or dispense point, kPa, (0, 100000]; default per method
 * @param gatesPerRow          gates (moulding) or dispense points (dispensing) per row of sites, [1, columns];
 *                             default 1; compression moulding feeds every depression from above and ignores it
 * @param lossTangent          tan δ of the cured encapsulant, [0, 1], for a cavity loaded by it; default
 *                             {@link EncapsulantMaterial#typicalLossTangent} of the material
 */
public record EncapsulationSpec(
        EncapsulantMaterial material,
        double relativePermittivity,
        EncapsulationStage stage,
        double allowancePercent,
        FillMethod method,
        double viscosityPaS,
        double fillerTopCutUm,
        double gelTimeS,
        double pressureKPa,
        int gatesPerRow,
        double lossTangent) {

    /** An encapsulation with the material's typical loss tangent: the default (physics.md §1). */
    public EncapsulationSpec(EncapsulantMaterial material, double relativePermittivity, EncapsulationStage stage,
                             double allowancePercent, FillMethod method, double viscosityPaS, double fillerTopCutUm,
                             double gelTimeS, double pressureKPa, int gatesPerRow) {
        this(material, relativePermittivity, stage, allowancePercent, method, viscosityPaS, fillerTopCutUm, gelTimeS,
                pressureKPa, gatesPerRow, material.typicalLossTangent);
    }

    /**
     * An encapsulation with the material's default method and the fill defaults of that material and method
     * ({@link io.shieldfab.design.process.FillDefaults}), one gate per row and the material's typical loss tangent:
     * what the reader builds when only these four fields are given.
     */
    public static EncapsulationSpec of(EncapsulantMaterial material, double relativePermittivity,
                                       EncapsulationStage stage, double allowancePercent) {
        FillMethod method = FillDefaults.defaultMethod(material);
        FillDefaults fill = FillDefaults.of(material, method);
        return new EncapsulationSpec(material, relativePermittivity, stage, allowancePercent, method,
                fill.viscosityPaS(), fill.fillerTopCutUm(), fill.gelTimeS(), fill.pressureKPa(), 1,
                material.typicalLossTangent);
    }

    public enum EncapsulantMaterial {
        EPOXY_MOLD_COMPOUND(3.8, 0.01), LIQUID_EPOXY(3.5, 0.01), SILICONE(2.9, 0.017);

        /** Typical εr at 1 GHz; see docs/physics.md. */
        public final double typicalPermittivity;
        /**
         * Typical tan δ, the low end of the measured ranges (docs/physics.md §1): less loss damps a loaded cavity's
         * resonances less, so the default errs towards the pessimistic verdict.
         */
        public final double typicalLossTangent;

        EncapsulantMaterial(double typicalPermittivity, double typicalLossTangent) {
            this.typicalPermittivity = typicalPermittivity;
            this.typicalLossTangent = typicalLossTangent;
        }
    }

    public enum EncapsulationStage { BEFORE_SUPPORT_REMOVAL, AFTER_SUPPORT_REMOVAL }
}
