package io.shieldfab.design;

/**
 * The flowable encapsulant that fills the depressions and flows between them (claims 12, 13, 16).
 *
 * @param material             encapsulant
 * @param relativePermittivity εr of the cured encapsulant; it fills the openings and shortens the wavelength
 *                             there; default from the material
 * @param stage                when it is applied relative to support removal (claims 15, 16)
 * @param allowancePercent     extra volume dispensed over the computed volume, %; default 10
 */
public record EncapsulationSpec(
        EncapsulantMaterial material,
        double relativePermittivity,
        EncapsulationStage stage,
        double allowancePercent) {

    public enum EncapsulantMaterial {
        EPOXY_MOLD_COMPOUND(3.8), LIQUID_EPOXY(3.5), SILICONE(2.9);

        /** Typical εr at 1 GHz; see docs/physics-sources.md. */
        public final double typicalPermittivity;

        EncapsulantMaterial(double typicalPermittivity) {
            this.typicalPermittivity = typicalPermittivity;
        }
    }

    public enum EncapsulationStage { BEFORE_SUPPORT_REMOVAL, AFTER_SUPPORT_REMOVAL }
}
