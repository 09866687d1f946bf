package io.shieldfab.shielding.evaluation;

import io.shieldfab.design.BondingSpec.BondingPattern;
import io.shieldfab.design.Violation;
import io.shieldfab.shielding.rest.dto.LayoutView;
import io.shieldfab.shielding.rest.dto.LayoutView.Metrics;
import io.shieldfab.shielding.rest.dto.LayoutView.Site;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The shield as the shielding checks see it: one depression with its walls and openings, every length taken from
 * the layout of the design (layout-service's metrics are the geometric truth, docs/shielding.md "Geometry").
 *
 * <pre>
 *   cavity (inside the side walls):  lengthMm × widthMm × depthMm      layout.site.cavity{Length,Width,Depth}Mm
 *   side wall:  ──[ l×h ]────[ l×h ]────[ l×h ]──   openingsPerWall slots, thickness wallThicknessUm
 * </pre>
 *
 * @param cavityLengthMm         inner length of the depression, mm
 * @param cavityWidthMm          inner width of the depression, mm
 * @param cavityDepthMm          inner depth (recess depth), mm
 * @param wallThicknessUm        plated wall thickness, µm
 * @param openingsPerWall        openings on one side wall (0 = closed walls)
 * @param openingMaxDimensionMm  largest dimension of one opening, mm (0 when closed): what the aperture rules use
 * @param openingLengthMm        opening length along the wall, mm (the enclosure model's slot length l)
 * @param openingHeightMm        opening height up the wall, mm (the enclosure model's slot width w)
 * @param openingDepthMm         opening depth through the wall, mm, as the layout gives it (null when it does not);
 *                               reported, not used: the aperture rules take the plated wall thickness as the depth
 * @param openEnded              whether the openings are open at one end (the layout's route {@code PILLAR_GAPS});
 *                               null when the layout does not give its route
 * @param seam                   the seam between the can's rim and the board, null when the layout does not give it
 */
public record ShieldGeometry(double cavityLengthMm, double cavityWidthMm, double cavityDepthMm, double wallThicknessUm,
                             int openingsPerWall, double openingMaxDimensionMm, double openingLengthMm,
                             double openingHeightMm, Double openingDepthMm, Boolean openEnded, Seam seam) {

    /**
     * The unbonded stretches of the rim, as the layout's bonding pattern leaves them (docs/shielding.md, "Seams").
     *
     * @param pattern       {@code PADS} or {@code RING}
     * @param gapCount      gaps around one can's rim (0 for a ring)
     * @param longestGapMm  the longest gap, edge to edge along the bonding line, mm (0 for a ring)
     * @param padSizeMm     the drawn pads' side p, mm (layout metrics {@code bondingPadSizeMm}); null when the layout
     *                      does not give it or draws no pads
     * @param pads          the drawn pads' centres relative to the site centre (layout metrics {@code bondingPads});
     *                      null when the layout does not give them, empty when it draws none
     * @param gapHeightMm   how far the rim stands above the board between the pads: the bonding material's thickness
     *                      (design {@code bonding.padThicknessUm}), mm; null when the design has no bonding section
     */
    public record Seam(String pattern, int gapCount, double longestGapMm, Double padSizeMm, List<Pad> pads,
                       Double gapHeightMm) {

        /** The seam as the seam rule reads it: the layout's gaps, without the pads' positions or the gap height. */
        public Seam(String pattern, int gapCount, double longestGapMm) {
            this(pattern, gapCount, longestGapMm, null, null, null);
        }

        /** Whether the rim is bonded all round, so the seam leaks nothing the wall does not. */
        public boolean closed() {
            return gapCount == 0 || longestGapMm <= 0;
        }

        /** The same seam with the rim {@code mm} above the board between its pads. */
        public Seam withGapHeightMm(Double mm) {
            return new Seam(pattern, gapCount, longestGapMm, padSizeMm, pads, mm);
        }
    }

    /** A drawn bonding pad's centre relative to the site centre, mm. */
    public record Pad(double xMm, double yMm) {
    }

    /** The geometry without the layout's route and seam: the form of tests that exercise the walls only. */
    public ShieldGeometry(double cavityLengthMm, double cavityWidthMm, double cavityDepthMm, double wallThicknessUm,
                          int openingsPerWall, double openingMaxDimensionMm, double openingLengthMm,
                          double openingHeightMm, Double openingDepthMm) {
        this(cavityLengthMm, cavityWidthMm, cavityDepthMm, wallThicknessUm, openingsPerWall, openingMaxDimensionMm,
                openingLengthMm, openingHeightMm, openingDepthMm, null, null);
    }

    /** Where the geometry comes from, as the report's {@code geometrySource} says. */
    public static final String SOURCE = "LAYOUT";

    private static final String METRICS = "layout.metrics.";
    private static final String SITE = "layout.site.";

    public boolean hasOpenings() {
        return openingsPerWall > 0 && openingMaxDimensionMm > 0;
    }

    /** Whether both opening dimensions exceed a length, so that a fix must shrink both. */
    boolean bothOpeningDimensionsAbove(double mm) {
        return Math.min(openingLengthMm, openingHeightMm) > mm;
    }

    /** The design field that holds the largest opening dimension: what an opening fix changes. */
    String openingField() {
        return openingHeightMm > openingLengthMm ? "shield.openings.heightMm" : "shield.openings.lengthMm";
    }

    /**
     * The geometry of a layout of a design with {@code designSites} sites. Adds one violation per missing or
     * unusable member, named by its JSON path in the request ({@code layout.metrics.wallThicknessUm}, …), and
     * returns null when there is any.
     */
    public static ShieldGeometry from(LayoutView layout, int designSites, List<Violation> violations) {
        int before = violations.size();
        if (layout.siteCount() != null && layout.siteCount() != designSites) {
            violations.add(new Violation("layout.siteCount", "the layout has " + layout.siteCount()
                    + " sites but the design " + designSites + ": is this the layout of this design?"));
        }
        Site site = layout.site();
        if (site == null) {
            violations.add(new Violation("layout.site", "required: the layout's site (cavityLengthMm, cavityWidthMm,"
                    + " cavityDepthMm)"));
        } else {
            positive(SITE + "cavityLengthMm", site.cavityLengthMm(), violations);
            positive(SITE + "cavityWidthMm", site.cavityWidthMm(), violations);
            positive(SITE + "cavityDepthMm", site.cavityDepthMm(), violations);
        }
        Metrics m = layout.metrics();
        if (m == null) {
            violations.add(new Violation("layout.metrics", "required: the layout's metrics (openingsPerSite,"
                    + " openingMaxDimensionMm, openingLengthMm, openingHeightMm, wallThicknessUm)"));
            return null;
        }
        Integer perWall = openingsPerWall(m, violations);
        if (m.openingMaxDimensionMm() == null || !(m.openingMaxDimensionMm() >= 0)
                || !Double.isFinite(m.openingMaxDimensionMm())) {
            violations.add(new Violation(METRICS + "openingMaxDimensionMm", "required, a number ≥ 0 (mm)"));
        }
        positive(METRICS + "wallThicknessUm", m.wallThicknessUm(), violations);
        if (m.openingDepthMm() != null && !(m.openingDepthMm() >= 0 && Double.isFinite(m.openingDepthMm()))) {
            violations.add(new Violation(METRICS + "openingDepthMm", "a number ≥ 0 (mm) when given"));
        }
        boolean open = perWall != null && perWall > 0 && m.openingMaxDimensionMm() != null
                && m.openingMaxDimensionMm() > 0;
        if (open) {
            positive(METRICS + "openingLengthMm", m.openingLengthMm(), violations);
            positive(METRICS + "openingHeightMm", m.openingHeightMm(), violations);
        }
        Seam seam = seam(m, violations);
        if (violations.size() > before) {
            return null;
        }
        Boolean openEnded = m.route() == null ? null : "PILLAR_GAPS".equals(m.route());
        return new ShieldGeometry(site.cavityLengthMm(), site.cavityWidthMm(), site.cavityDepthMm(),
                m.wallThicknessUm(), open ? perWall : 0, open ? m.openingMaxDimensionMm() : 0.0,
                open ? m.openingLengthMm() : 0.0, open ? m.openingHeightMm() : 0.0, m.openingDepthMm(), openEnded,
                seam);
    }

    /**
     * The seam when the layout gives {@code seamGapCount} and {@code seamLongestGapMm} (both or neither), else null:
     * a layout of an older layout-service is evaluated without the seam check.
     */
    private static Seam seam(Metrics m, List<Violation> violations) {
        if (m.seamGapCount() == null && m.seamLongestGapMm() == null) {
            return null;
        }
        int before = violations.size();
        if (m.seamGapCount() == null || !wholeNonNegative(m.seamGapCount())) {
            violations.add(new Violation(METRICS + "seamGapCount", "a whole number ≥ 0 with seamLongestGapMm"));
        }
        if (m.seamLongestGapMm() == null || !(m.seamLongestGapMm() >= 0) || !Double.isFinite(m.seamLongestGapMm())) {
            violations.add(new Violation(METRICS + "seamLongestGapMm", "a number ≥ 0 (mm) with seamGapCount"));
        }
        if (m.bondingPattern() != null
                && Arrays.stream(BondingPattern.values()).noneMatch(p -> p.name().equals(m.bondingPattern()))) {
            violations.add(new Violation(METRICS + "bondingPattern", "one of " + Arrays.toString(BondingPattern.values())
                    + " when given"));
        }
        if (violations.size() > before) {
            return null;
        }
        List<Pad> pads = pads(m, violations);
        if (violations.size() > before) {
            return null;
        }
        return new Seam(m.bondingPattern() == null ? "PADS" : m.bondingPattern(), m.seamGapCount().intValue(),
                m.seamLongestGapMm(), pads == null || pads.isEmpty() ? null : m.bondingPadSizeMm(), pads, null);
    }

    /**
     * The drawn pads when the layout gives them with their size (both or neither; an empty list: none drawn), else
     * null: they place the seam's gaps in the full-wave model (docs/shielding.md, "Full-wave model").
     */
    private static List<Pad> pads(Metrics m, List<Violation> violations) {
        if (m.bondingPads() == null) {
            return null;
        }
        List<Pad> pads = new ArrayList<>();
        for (int i = 0; i < m.bondingPads().size(); i++) {
            LayoutView.Pad p = m.bondingPads().get(i);
            if (p == null || !finite(p.xMm()) || !finite(p.yMm())) {
                violations.add(new Violation(METRICS + "bondingPads[" + i + "]", "a pad centre {xMm, yMm} in mm"));
                return null;
            }
            pads.add(new Pad(p.xMm(), p.yMm()));
        }
        if (!pads.isEmpty()) {
            positive(METRICS + "bondingPadSizeMm", m.bondingPadSizeMm(), violations);
        }
        return List.copyOf(pads);
    }

    private static boolean finite(Double v) {
        return v != null && Double.isFinite(v);
    }

    /**
     * Openings on one wall: {@code openingsPerWall} when the layout gives it, else {@code openingsPerSite} / 4 (one
     * depression has four side walls with the same openings, docs/layout.md); both must agree when both are given.
     */
    private static Integer openingsPerWall(Metrics m, List<Violation> violations) {
        Double perWall = m.openingsPerWall();
        Double perSite = m.openingsPerSite();
        if (perWall == null && perSite == null) {
            violations.add(new Violation(METRICS + "openingsPerSite", "required, a whole number ≥ 0 (the openings of"
                    + " one depression, 4 × openingsPerWall)"));
            return null;
        }
        if (perWall != null && !wholeNonNegative(perWall)) {
            violations.add(new Violation(METRICS + "openingsPerWall", "a whole number ≥ 0 when given"));
            return null;
        }
        if (perSite != null && (!wholeNonNegative(perSite) || perSite % 4 != 0)) {
            violations.add(new Violation(METRICS + "openingsPerSite", "a whole number ≥ 0 that is 4 × the openings"
                    + " per wall (" + Quantities.num(perSite) + " is not)"));
            return null;
        }
        if (perWall != null && perSite != null && perSite != 4 * perWall) {
            violations.add(new Violation(METRICS + "openingsPerSite", "must be 4 × openingsPerWall ("
                    + Quantities.num(perSite) + " ≠ 4 × " + Quantities.num(perWall) + ")"));
            return null;
        }
        return (int) (perWall != null ? perWall : perSite / 4);
    }

    private static boolean wholeNonNegative(double v) {
        return v >= 0 && v <= Integer.MAX_VALUE && v == Math.rint(v);
    }

    private static void positive(String field, Double v, List<Violation> violations) {
        if (v == null || !(v > 0) || !Double.isFinite(v)) {
            violations.add(new Violation(field, "required, a number > 0"));
        }
    }
}
