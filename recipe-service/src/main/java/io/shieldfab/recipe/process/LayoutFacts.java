package io.shieldfab.recipe.process;

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
 * @param bondingPadsPerSite   bonding pads the layout draws per site; 0 when they do not fit on the lands
 * @param cuts                 the cut list
 */
public record LayoutFacts(String layoutId, int siteCount, double platedAreaMm2, double encapsulantVolumeMm3,
                          long openingCount, double streetWidthMm, double recessDepthMm, double bondingPadSizeMm,
                          int bondingPadsPerSite, List<Singulation.Cut> cuts) {

    public LayoutFacts {
        cuts = List.copyOf(cuts);
    }
}
