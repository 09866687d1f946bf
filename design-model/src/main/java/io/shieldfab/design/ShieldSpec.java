package io.shieldfab.design;

/**
 * The electroformed conductive element (claims 3–6, 14–22).
 *
 * @param material             required; deposited metal: copper, nickel or gold (claim 6)
 * @param thicknessUm          required; plated thickness = wall thickness, µm, [1, 2000]
 * @param wallClearanceMm      required; gap between package body and the inside of each side wall, mm, (0, 20]
 * @param openings             required; openings (pathways) in the side walls (claims 12–14, 22); {@code style NONE}
 *                             for solid walls
 * @param hollowWalls          side walls hollow and open to the rear (claim 15); default false. With encapsulation
 *                             stage {@code BEFORE_SUPPORT_REMOVAL} the reader warns (recipe-service refuses it)
 * @param relativePermeability optional μr override for the deposit, [1, 1e6]; null when absent (nickel's μr is
 *                             frequency dependent; shielding-service then uses its own default)
 */
public record ShieldSpec(
        ShieldMaterial material,
        double thicknessUm,
        double wallClearanceMm,
        OpeningsSpec openings,
        boolean hollowWalls,
        Double relativePermeability) {

    public enum ShieldMaterial { COPPER, NICKEL, GOLD }
}
