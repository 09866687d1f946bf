package io.shieldfab.recipe.process;

import io.shieldfab.design.BondingSpec.BondingPattern;

import java.util.List;

/**
 * What the recipe takes from the layout, the single source of geometric truth (docs/architecture.md).
 *
 * @param layoutId             layout id
 * @param siteCount            sites on the panel
 * @param platedAreaMm2        3-D plated area of the whole panel, mm²
 * @param encapsulantVolumeMm3 encapsulant volume (cavity − package + pathways), mm³
 * @param openingCount         openings on the panel
 * @param streetWidthMm        the narrower saw street between depressions, mm: the layout's, never re-derived from
 *                             the design (the layout's geometry is the one validation checks, docs/layout.md)
 * @param recessDepthMm        mandrel recess depth = cavity depth, mm
 * @param bondingPadSizeMm     side of the square bonding pads, mm
 * @param bondingPadsPerSite   bonding pads the layout draws per site; 0 with a ring or when they do not fit
 * @param cuts                 the cut list
 * @param bondingPattern       PADS or RING, the layout's {@code bondingPattern} (PADS when it does not say)
 * @param bondingRingLengthMm  centre-line length of the drawn ring of one site, mm (the layout's
 *                             {@code bondingRingLengthMm}); the ring is bondingPadSizeMm wide, so its area is
 *                             bondingPadSizeMm × this. 0 with PADS or when no ring is drawn
 */
public record LayoutFacts(String layoutId, int siteCount, double platedAreaMm2, double encapsulantVolumeMm3,
                          long openingCount, double streetWidthMm, double recessDepthMm, double bondingPadSizeMm,
                          int bondingPadsPerSite, List<Singulation.Cut> cuts, BondingPattern bondingPattern,
                          double bondingRingLengthMm) {

    public LayoutFacts {
        cuts = List.copyOf(cuts);
        if (bondingPattern == null) {
            bondingPattern = BondingPattern.PADS;
        }
    }

    /** A layout bonded with square pads. */
    public LayoutFacts(String layoutId, int siteCount, double platedAreaMm2, double encapsulantVolumeMm3,
                       long openingCount, double streetWidthMm, double recessDepthMm, double bondingPadSizeMm,
                       int bondingPadsPerSite, List<Singulation.Cut> cuts) {
        this(layoutId, siteCount, platedAreaMm2, encapsulantVolumeMm3, openingCount, streetWidthMm, recessDepthMm,
                bondingPadSizeMm, bondingPadsPerSite, cuts, BondingPattern.PADS, 0);
    }

    /** Whether the layout bonds with a ring. */
    public boolean ring() {
        return bondingPattern == BondingPattern.RING;
    }

    /** The drawn ring's area on one site, mm²: its width (the pad size) × its centre-line length; 0 without one. */
    public double bondingRingAreaMm2() {
        return bondingPadSizeMm * bondingRingLengthMm;
    }
}
