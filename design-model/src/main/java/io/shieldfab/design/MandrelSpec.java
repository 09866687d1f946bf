package io.shieldfab.design;

/**
 * The support (mandrel) with one recess per package (claims 2, 7, 8).
 *
 * @param material      mandrel metal (claim 7)
 * @param recessDepthMm recess depth, mm; should be about the package height (claim 8)
 */
public record MandrelSpec(
        MandrelMaterial material,
        double recessDepthMm) {

    public enum MandrelMaterial { MOLYBDENUM, STEEL, STAINLESS_STEEL, BRASS, CHROMIUM }
}
