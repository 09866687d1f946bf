package io.shieldfab.design;

/**
 * The support (mandrel) with one recess per package (claims 2, 7, 8).
 *
 * @param material      required; mandrel metal (claim 7)
 * @param recessDepthMm required; recess depth = side wall height, mm, (0, 20]; should be about the package height
 *                      (claim 8): the reader warns when it is shallower than the package or deeper by more than
 *                      max(0.05 mm, 10 % of the height)
 */
public record MandrelSpec(
        MandrelMaterial material,
        double recessDepthMm) {

    public enum MandrelMaterial { MOLYBDENUM, STEEL, STAINLESS_STEEL, BRASS, CHROMIUM }
}
