package io.shieldfab.design;

/**
 * The flowable encapsulant that fills the depressions and flows between them (claims 12, 13, 16).
 *
 * @param material             encapsulant; default {@code EPOXY_MOLD_COMPOUND}
 * @param relativePermittivity εr of the cured encapsulant, [1, 100]; it fills the openings and shortens the
 *                             wavelength there; default {@link EncapsulantMaterial#typicalPermittivity} of the material
 * @param stage                when it is applied relative to support removal (claims 15, 16); default
 *                             {@code BEFORE_SUPPORT_REMOVAL}
 * @param allowancePercent     extra volume dispensed over the computed volume, %, [0, 100]; default 10
 */
public record EncapsulationSpec(
        EncapsulantMaterial material,
        double relativePermittivity,
        EncapsulationStage stage,
        double allowancePercent) {

    public enum EncapsulantMaterial {
        EPOXY_MOLD_COMPOUND(3.8), LIQUID_EPOXY(3.5), SILICONE(2.9);

        /** Typical εr at 1 GHz; see docs/physics.md. */
        public final double typicalPermittivity;

        EncapsulantMaterial(double typicalPermittivity) {
            this.typicalPermittivity = typicalPermittivity;
        }
    }

    public enum EncapsulationStage { BEFORE_SUPPORT_REMOVAL, AFTER_SUPPORT_REMOVAL }
}
