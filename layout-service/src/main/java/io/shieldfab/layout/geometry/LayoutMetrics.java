package io.shieldfab.layout.geometry;

import io.shieldfab.design.BondingSpec.BondingPattern;
import io.shieldfab.design.OpeningsSpec.OpeningStyle;
import io.shieldfab.design.geometry.DepressionGeometry;
import io.shieldfab.design.geometry.FlowRoute;

import java.math.BigDecimal;
import java.util.List;

/**
 * The layout's metrics, the numbers shielding-service and recipe-service read (docs/api-guide.md names). All are
 * computed exactly from the nanometre grid with {@link BigDecimal} and only then rounded to a double.
 *
 * <p>Per site, with cavity a × b (package + 2 × clearance), depth d (the recess depth: the deposit lines
 * the recess and covers the lands, so its inner bottom lies d below its land surface), n openings of
 * ℓ × h per wall, wall thickness t (one plated thickness: the wall is one leg of the inverted U over the rib),
 * streets sX × sY, pitch pX × pY, all from the site's {@code DepressionGeometry} (the street and pad values too, so
 * consumers never derive geometry from the design). The volumes are the geometry's own (one place for the process
 * model); only the plated area is worked out here (docs/layout.md §4 and "Routes for the encapsulant"):
 * <ul>
 *   <li>plated area = inner bottom a·b + inner walls 2(a+b)·d + land (pX·pY − a·b) − wall patches 4n·ℓ·h
 *       = pX·pY + 2(a+b)·d − 4n·ℓ·h (the deposit's front surface; the margin is masked and not plated);
 *       TROUGHS add the two side faces of each channel, 2n·h·(sX + sY + 4t), because the deposit follows the
 *       notch instead of leaving a hole</li>
 *   <li>opening volume = the pathways' volume; encapsulant = cavity − package inside + pathways + the wall space
 *       when the route fills it</li>
 * </ul>
 * Panel values are the per-site values times rows × columns.
 *
 * @param platedAreaMm2          plated (deposit front) area of the whole panel, mm²
 * @param platedAreaPerSiteMm2   the same for one site, mm²
 * @param cavityVolumeMm3        volume of all depressions, mm³
 * @param packageVolumeMm3       volume of all package bodies, mm³
 * @param openingVolumeMm3       volume of all pathways (slots, troughs or pillar gaps) of the panel, mm³
 * @param encapsulantVolumeMm3   encapsulant needed (no allowance): sites × encapsulant per site, mm³
 * @param openingCount           openings on the panel (perWall × 4 × sites)
 * @param openingsPerSite        openings per depression (perWall × 4)
 * @param openingMaxDimensionMm  largest dimension of one opening, mm (0 without openings)
 * @param openingLengthMm        opening length along the wall, mm
 * @param openingHeightMm        opening height up the wall, mm
 * @param openingDepthMm         opening depth through the wall (the waveguide length), mm
 * @param wallThicknessUm        plated thickness of the wall, µm
 * @param wallTotalThicknessUm   wall thickness from cavity to street, µm (the plated thickness)
 * @param recessDepthMm          mandrel recess depth = cavity depth, mm
 * @param streetWidthMm          the narrower street between depressions, mm
 * @param cuts                   the cut list
 * @param totalCutLengthMm       sum of the cut lengths, mm
 * @param openingsPerWall        openings on each of the four side walls
 * @param streetXMm              street between depressions of adjacent columns (pitchX − recess X), mm
 * @param streetYMm              street between depressions of adjacent rows (pitchY − recess Y), mm
 * @param padSizeMm              side of the square bonding pads, mm
 * @param padsPerSite            square bonding pads drawn per site, 4 × pads per side (0 with a ring, or when they
 *                               do not fit on the lands)
 * @param padCentres             centres of the drawn pads relative to the site centre, order N, S, E, W (each side's
 *                               pads left to right or bottom to top)
 * @param pathways               the encapsulant's route and its pathways, wall space and volumes per site
 * @param bondingPattern         PADS or RING (the design's {@code bonding.pattern})
 * @param seamGapCount           seam gaps of one site: unbonded stretches of the bonding line between the can's rim
 *                               and the board ({@link DepressionGeometry#seamGapsNm}); 4 × pads per side, 0 for a
 *                               drawn ring, 1 (the whole line) when nothing is drawn
 * @param seamLongestGapMm       the longest of them, pad edge to pad edge along the line, mm (0 without gaps)
 * @param bondingRingLengthMm    centre-line length of the drawn bonding ring of one site, mm
 *                               ({@link DepressionGeometry#ringLengthNm}): the bonding line through the lands'
 *                               middles; its four strips cover padSizeMm × this. 0 without a drawn ring
 */
public record LayoutMetrics(
        double platedAreaMm2,
        double platedAreaPerSiteMm2,
        double cavityVolumeMm3,
        double packageVolumeMm3,
        double openingVolumeMm3,
        double encapsulantVolumeMm3,
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
        List<Cut> cuts,
        double totalCutLengthMm,
        int openingsPerWall,
        double streetXMm,
        double streetYMm,
        double padSizeMm,
        int padsPerSite,
        List<Point> padCentres,
        Pathways pathways,
        BondingPattern bondingPattern,
        int seamGapCount,
        double seamLongestGapMm,
        double bondingRingLengthMm) {

    public LayoutMetrics {
        cuts = List.copyOf(cuts);
        padCentres = List.copyOf(padCentres);
    }

    /**
     * A point of the site pattern relative to the site centre, mm.
     *
     * @param xMm along X
     * @param yMm along Y
     */
    public record Point(double xMm, double yMm) {
    }

    /**
     * The route the encapsulant takes and what it fills (docs/layout.md, "Routes for the encapsulant").
     *
     * @param route                        the geometry's {@link FlowRoute}
     * @param pathwayCount                 pathways of the panel: SLOTS 4n a site (each slot crosses one wall);
     *                                     TROUGHS and PILLARS 2n a site, because a channel crosses the rib and is
     *                                     shared by the two depressions it joins (a site owns half of each of its
     *                                     4n)
     * @param pathwayCrossSectionMm2       flow cross-section of one pathway, ℓ·h, mm² (0 without openings)
     * @param pathwayLengthMm              flow length of one pathway from a depression to the next along X, mm
     * @param wallSpaceVolumePerSiteMm3    the wall space one site owns once the support is removed, mm³
     *                                     (0 while it is in place)
     * @param wallSpaceVolumeMm3           the same for the panel, mm³
     * @param wallSpaceFilled              whether the encapsulant fills the wall spaces (counted in the encapsulant)
     * @param packageInRecessVolumeMm3     the packages' part inside the depressions, L·W·min(H, d) × sites, mm³
     * @param encapsulantVolumePerSiteMm3  encapsulant of one site (cavity − package inside + pathways + filled
     *                                     wall space), mm³
     * @param rearCoverRequired            a rear covering layer must close the wall spaces while filling
     */
    public record Pathways(FlowRoute route, long pathwayCount, double pathwayCrossSectionMm2, double pathwayLengthMm,
                           double wallSpaceVolumePerSiteMm3, double wallSpaceVolumeMm3, boolean wallSpaceFilled,
                           double packageInRecessVolumeMm3, double encapsulantVolumePerSiteMm3,
                           boolean rearCoverRequired) {

        static Pathways of(LayoutSpec s) {
            DepressionGeometry g = s.depression();
            FlowRoute route = g.route();
            BigDecimal sites = BigDecimal.valueOf(s.siteCount());
            long perSite = switch (route) {
                case NONE -> 0;
                case SLOTS_FACING_RIB, SLOTS_INTO_WALL_SPACE -> 4L * s.openingsPerWall();
                case TROUGHS, PILLAR_GAPS -> 2L * s.openingsPerWall();
            };
            BigDecimal section = perSite == 0 ? BigDecimal.ZERO : mm(s.openingLengthNm()).multiply(mm(s.openingHeightNm()));
            return new Pathways(route, perSite * s.siteCount(), section.doubleValue(), g.pathwayLengthMm().doubleValue(),
                    g.wallSpaceVolumeMm3().doubleValue(), g.wallSpaceVolumeMm3().multiply(sites).doubleValue(),
                    route.fillsWallSpace(), g.packageInRecessVolumeMm3().multiply(sites).doubleValue(),
                    g.encapsulantVolumeMm3().doubleValue(), route.needsRearCover());
        }
    }

    /** Computes the metrics of a spec (which must pass {@link LayoutGenerator#check(LayoutSpec)}). */
    public static LayoutMetrics of(LayoutSpec s) {
        DepressionGeometry g = s.depression();
        BigDecimal sites = BigDecimal.valueOf(s.siteCount());
        BigDecimal platedSite = platedAreaPerSiteMm2(s);
        BigDecimal pkg = mm(s.packageLengthNm()).multiply(mm(s.packageWidthNm())).multiply(mm(s.packageHeightNm()))
                .multiply(sites);
        boolean any = s.openingsPerWall() > 0;
        List<Point> pads = padCentres(s);
        List<Long> seams = g.seamGapsNm();
        return new LayoutMetrics(
                platedSite.multiply(sites).doubleValue(),
                platedSite.doubleValue(),
                g.cavityVolumeMm3().multiply(sites).doubleValue(),
                pkg.doubleValue(),
                g.pathwayVolumeMm3().multiply(sites).doubleValue(),
                g.encapsulantVolumeMm3().multiply(sites).doubleValue(),
                s.siteCount() * s.openingsPerSite(),
                s.openingsPerSite(),
                any ? Math.max(s.openingLengthNm(), s.openingHeightNm()) / 1e6 : 0.0,
                any ? s.openingLengthNm() / 1e6 : 0.0,
                any ? s.openingHeightNm() / 1e6 : 0.0,
                g.openingDepthNm() / 1e6,
                s.thicknessNm() / 1e3,
                s.wallTotalNm() / 1e3,
                s.recessDepthNm() / 1e6,
                Math.min(s.streetXNm(), s.streetYNm()) / 1e6,
                CutPlan.cuts(s),
                CutPlan.totalLengthNm(s) / 1e6,
                s.openingsPerWall(),
                s.streetXNm() / 1e6,
                s.streetYNm() / 1e6,
                s.padSizeNm() / 1e6,
                pads.size(),
                pads,
                Pathways.of(s),
                g.bondingPattern(),
                seams.size(),
                seams.stream().mapToLong(Long::longValue).max().orElse(0) / 1e6,
                g.ringLengthNm() / 1e6);
    }

    /**
     * The deposit's front surface in one site, mm²: pX·pY + 2(a+b)·d − 4n·ℓ·h; with TROUGHS plus the channel side
     * faces 2n·h·(sX + sY + 4t): each of the 4n half-channels a site owns runs from its cavity edge to the site
     * boundary (t + s/2) with two side faces h high, while its floor replaces the land strip it sits in (docs/layout.md,
     * "Routes for the encapsulant").
     */
    static BigDecimal platedAreaPerSiteMm2(LayoutSpec s) {
        BigDecimal a = mm(s.cavityXNm());
        BigDecimal b = mm(s.cavityYNm());
        BigDecimal n = BigDecimal.valueOf(s.openingsPerWall());
        BigDecimal h = mm(s.openingHeightNm());
        BigDecimal wallPatches = BigDecimal.valueOf(4).multiply(n).multiply(mm(s.openingLengthNm())).multiply(h);
        BigDecimal area = mm(s.pitchXNm()).multiply(mm(s.pitchYNm()))
                .add(BigDecimal.valueOf(2).multiply(a.add(b)).multiply(mm(s.recessDepthNm())))
                .subtract(wallPatches);
        if (s.openingStyle() != OpeningStyle.TROUGHS) {
            return area;
        }
        BigDecimal channel = mm(s.streetXNm() + s.streetYNm() + 4 * s.thicknessNm());
        return area.add(BigDecimal.valueOf(2).multiply(n).multiply(h).multiply(channel));
    }

    /** Centres of the pads the layout draws, from their lower-left corners in the site: 2·corner + p − pitch, halved. */
    private static List<Point> padCentres(LayoutSpec s) {
        long p = s.padSizeNm();
        return s.depression().padCornersNm().stream()
                .map(c -> new Point((2 * c[0] + p - s.pitchXNm()) / 2e6, (2 * c[1] + p - s.pitchYNm()) / 2e6))
                .toList();
    }

    private static BigDecimal mm(long nm) {
        return BigDecimal.valueOf(nm, 6);
    }
}
