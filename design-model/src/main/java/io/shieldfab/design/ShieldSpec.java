package io.shieldfab.design;

/**
 * The electroformed conductive element (claims 3–6, 14–22).
 *
 * @param material             deposited metal: copper, nickel or gold (claim 6)
 * @param thicknessUm          plated thickness = wall thickness, µm
 * @param wallClearanceMm      gap between package body and the inside of each side wall, mm
 * @param openings             openings (pathways) in the side walls (claims 12–14, 22)
 * @param hollowWalls          side walls hollow and open to the rear (claim 15); default false
 * @param relativePermeability optional μr override for the deposit (nickel's μr is frequency dependent)
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
