package io.shieldfab.layout.geometry;

import java.math.BigDecimal;
import java.util.List;

/**
 * The layout's metrics, the numbers shielding-service and recipe-service read (docs/api-guide.md names). All are
 * computed exactly from the nanometre grid with {@link BigDecimal} and only then rounded to a double.
 *
 * <p>Per site, with cavity a × b (package + 2 × clearance), depth d (the recess depth: the deposit lines
 * the recess and covers the lands, so its inner bottom lies d below its land surface), n openings of
 * ℓ × h per wall, wall thickness T (t, or 3t for hollow walls), pitch pX × pY, all from the site's
 * {@code DepressionGeometry} (the street and pad values too, so consumers never derive geometry from the design):
 * <ul>
 *   <li>plated area = inner bottom a·b + inner walls 2(a+b)·d + land (pX·pY − a·b) − openings 4n·ℓ·h
 *       = pX·pY + 2(a+b)·d − 4n·ℓ·h (the deposit's front surface; the margin is masked and not plated)</li>
 *   <li>cavity volume = a·b·d; package volume = L·W·H</li>
 *   <li>opening volume = 4n·ℓ·h·T (the encapsulant fills the pathways through the wall, claims 13, 17)</li>
 *   <li>encapsulant volume = cavity − L·W·min(H, d) + opening volume: only the part of the package inside the
 *       depression displaces encapsulant, so a package taller than the recess (a warning, not an error) never
 *       gives a negative volume</li>
 * </ul>
 * Panel values are the per-site values times rows × columns.
 *
 * @param platedAreaMm2          plated (deposit front) area of the whole panel, mm²
 * @param platedAreaPerSiteMm2   the same for one site, mm²
 * @param cavityVolumeMm3        volume of all depressions, mm³
 * @param packageVolumeMm3       volume of all package bodies, mm³
 * @param openingVolumeMm3       volume of all openings through the walls, mm³
 * @param encapsulantVolumeMm3   encapsulant needed (no allowance), mm³
 * @param openingCount           openings on the panel (perWall × 4 × sites)
 * @param openingsPerSite        openings per depression (perWall × 4)
 * @param openingMaxDimensionMm  largest dimension of one opening, mm (0 without openings)
 * @param openingLengthMm        opening length along the wall, mm
 * @param openingHeightMm        opening height up the wall, mm
 * @param openingDepthMm         opening depth through the wall (the waveguide length), mm
 * @param wallThicknessUm        plated thickness of the wall, µm
 * @param wallTotalThicknessUm   wall thickness from cavity to street, µm (3 × plated for hollow walls)
 * @param recessDepthMm          mandrel recess depth = cavity depth, mm
 * @param streetWidthMm          the narrower street between depressions, mm
 * @param cuts                   the cut list
 * @param totalCutLengthMm       sum of the cut lengths, mm
 * @param openingsPerWall        openings on each of the four side walls
 * @param streetXMm              street between depressions of adjacent columns (pitchX − recess X), mm
 * @param streetYMm              street between depressions of adjacent rows (pitchY − recess Y), mm
 * @param padSizeMm              side of the square bonding pads, mm
 * @param padsPerSite            bonding pads drawn per site (0 when they do not fit on the lands)
 * @param padCentres             centres of the drawn pads relative to the site centre, order N, S, E, W
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
        List<Point> padCentres) {

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

    /** Computes the metrics of a spec (which must pass {@link LayoutGenerator#check(LayoutSpec)}). */
    public static LayoutMetrics of(LayoutSpec s) {
        BigDecimal sites = BigDecimal.valueOf(s.siteCount());
        BigDecimal a = mm(s.cavityXNm());
        BigDecimal b = mm(s.cavityYNm());
        BigDecimal d = mm(s.recessDepthNm());
        BigDecimal n4 = BigDecimal.valueOf(s.openingsPerSite());
        BigDecimal len = mm(s.openingLengthNm());
        BigDecimal h = mm(s.openingHeightNm());
        BigDecimal wall = mm(s.wallTotalNm());

        BigDecimal openingFaces = n4.multiply(len).multiply(h);
        BigDecimal platedSite = mm(s.pitchXNm()).multiply(mm(s.pitchYNm()))
                .add(BigDecimal.valueOf(2).multiply(a.add(b)).multiply(d))
                .subtract(openingFaces);
        BigDecimal cavity = a.multiply(b).multiply(d).multiply(sites);
        BigDecimal pkg = mm(s.packageLengthNm()).multiply(mm(s.packageWidthNm())).multiply(mm(s.packageHeightNm()))
                .multiply(sites);
        BigDecimal pkgInCavity = mm(s.packageLengthNm()).multiply(mm(s.packageWidthNm()))
                .multiply(mm(Math.min(s.packageHeightNm(), s.recessDepthNm()))).multiply(sites);
        BigDecimal openingVolume = openingFaces.multiply(wall).multiply(sites);
        BigDecimal encapsulant = cavity.subtract(pkgInCavity).add(openingVolume);

        boolean any = s.openingsPerWall() > 0;
        List<Point> pads = padCentres(s);
        return new LayoutMetrics(
                platedSite.multiply(sites).doubleValue(),
                platedSite.doubleValue(),
                cavity.doubleValue(),
                pkg.doubleValue(),
                openingVolume.doubleValue(),
                encapsulant.doubleValue(),
                s.siteCount() * s.openingsPerSite(),
                s.openingsPerSite(),
                any ? Math.max(s.openingLengthNm(), s.openingHeightNm()) / 1e6 : 0.0,
                any ? s.openingLengthNm() / 1e6 : 0.0,
                any ? s.openingHeightNm() / 1e6 : 0.0,
                any ? s.wallTotalNm() / 1e6 : 0.0,
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
                pads);
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
