package io.shieldfab.layout.rest.dto;

import io.shieldfab.design.BondingSpec.BondingPattern;
import io.shieldfab.design.geometry.FlowRoute;
import io.shieldfab.layout.geometry.Cut;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * Layout metrics with the names of docs/api-guide.md; formulas in docs/layout.md. Lengths mm, areas mm², volumes mm³,
 * thickness µm.
 *
 * @param platedAreaMm2         plated area of the panel: inner bottoms + inner walls + lands − openings
 * @param platedAreaPerSiteMm2  the same for one site
 * @param cavityVolumeMm3       all depressions
 * @param packageVolumeMm3      all package bodies
 * @param encapsulantVolumeMm3  sites × encapsulantVolumePerSiteMm3 (no dispensing allowance)
 * @param openingVolumeMm3      all pathways of the panel (slots, troughs or pillar gaps), sites × per-site pathway volume
 * @param openingCount          perWall × 4 × sites
 * @param openingsPerSite       perWall × 4
 * @param openingMaxDimensionMm largest dimension of one opening
 * @param openingLengthMm       opening length along the wall
 * @param openingHeightMm       opening height up the wall
 * @param openingDepthMm        opening depth through the wall (waveguide length)
 * @param wallThicknessUm       plated wall thickness
 * @param wallTotalThicknessUm  wall from cavity to street: the plated thickness (one leg of the inverted U)
 * @param recessDepthMm         mandrel recess depth = cavity depth
 * @param streetWidthMm         narrower street between depressions
 * @param cutList               singulation cuts
 * @param openingsPerWall       openings on each of the four side walls
 * @param streetXMm             street between depressions of adjacent columns (pitchX − recess X)
 * @param streetYMm             street between depressions of adjacent rows (pitchY − recess Y)
 * @param bondingPadSizeMm      side of the square bonding pads
 * @param bondingPadsPerSite    square bonding pads drawn per site, 4 × bonding.padsPerSide (0 with a RING, or when
 *                              they do not fit on the lands)
 * @param bondingPads           centres of the drawn pads relative to the site centre, order N, S, E, W (each side's
 *                              pads left to right or bottom to top)
 * @param route                 how the encapsulant gets from one depression to the next: NONE, TROUGHS,
 *                              SLOTS_FACING_RIB (blocked), SLOTS_INTO_WALL_SPACE or PILLAR_GAPS
 * @param pathwayCount          pathways of the panel: SLOTS 4n a site; TROUGHS and PILLARS 2n a site (a channel over
 *                              the rib is shared by the two depressions it joins)
 * @param pathwayCrossSectionMm2 flow cross-section of one pathway, ℓ·h
 * @param pathwayLengthMm       flow length of one pathway from a depression to the next along X: t for a slot,
 *                              streetX + 2t for a trough or pillar gap
 * @param wallSpaceVolumePerSiteMm3 the wall space one site owns once the support is removed, (pX·pY − recess)·d;
 *                              0 while the support is in place
 * @param wallSpaceVolumeMm3    the same for the panel (geometric, whether or not it is filled)
 * @param wallSpaceFilled       whether the encapsulant fills the wall spaces (then they count in the encapsulant)
 * @param packageInRecessVolumeMm3 the packages' part inside the depressions, L·W·min(H, d) × sites
 * @param encapsulantVolumePerSiteMm3 cavity − package inside + pathways + the wall space when filled, one site
 * @param rearCoverRequired     a rear covering layer must close the wall spaces during encapsulation (layer 11)
 * @param bondingPattern        PADS (square pads on the lands) or RING (one closed ring round the depression)
 * @param seamGapCount          seam gaps per site, the unbonded stretches of the bonding line (the rectangle through
 *                              the middle of the lands) between rim and board: 4 × padsPerSide with PADS, 0 with a
 *                              drawn RING, 1 (the whole line) when no bonding is drawn
 * @param seamLongestGapMm      the longest seam gap, pad edge to pad edge along the bonding line (0 with a RING)
 * @param bondingRingLengthMm   centre-line length of the drawn bonding ring of one site, the bonding line
 *                              2·((xE − xW) + (yN − yS)) through the lands' middles; the ring's 4 strips on layer 7
 *                              cover bondingPadSizeMm × this. 0 with PADS or when the ring does not fit
 */
@Schema(name = "LayoutMetrics")
public record MetricsDto(
        double platedAreaMm2,
        double platedAreaPerSiteMm2,
        double cavityVolumeMm3,
        double packageVolumeMm3,
        double encapsulantVolumeMm3,
        double openingVolumeMm3,
        long openingCount,
        int openingsPerSite,
        double openingMaxDimensionMm,
        double openingLengthMm,
        double openingHeightMm,
        double openingDepthMm,
        double wallThicknessUm,
        double wallTotalThicknessUm,
        double recessDepthMm,
        double streetWidthMm,
        CutListDto cutList,
        int openingsPerWall,
        double streetXMm,
        double streetYMm,
        double bondingPadSizeMm,
        int bondingPadsPerSite,
        List<PadDto> bondingPads,
        FlowRoute route,
        long pathwayCount,
        double pathwayCrossSectionMm2,
        double pathwayLengthMm,
        double wallSpaceVolumePerSiteMm3,
        double wallSpaceVolumeMm3,
        boolean wallSpaceFilled,
        double packageInRecessVolumeMm3,
        double encapsulantVolumePerSiteMm3,
        boolean rearCoverRequired,
        BondingPattern bondingPattern,
        int seamGapCount,
        double seamLongestGapMm,
        double bondingRingLengthMm) {

    /**
     * @param xMm pad centre along X from the site centre
     * @param yMm pad centre along Y from the site centre
     */
    public record PadDto(double xMm, double yMm) {
    }

    /**
     * @param cuts          X cuts bottom to top, then Y cuts left to right
     * @param totalLengthMm sum of the cut lengths
     * @param cutCount      number of cuts
     */
    public record CutListDto(List<CutDto> cuts, double totalLengthMm, int cutCount) {
    }

    /**
     * @param axis       {@code X}: the saw travels along X, at y = positionMm; {@code Y}: along Y at x = positionMm
     * @param positionMm cut centre line from the panel's lower-left corner
     * @param lengthMm   cut length (edge to edge of the panel)
     */
    public record CutDto(Cut.Axis axis, double positionMm, double lengthMm) {
    }
}
