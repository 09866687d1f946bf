package io.shieldfab.layout.geometry;

import io.shieldfab.design.BondingSpec.BondingPattern;
import io.shieldfab.design.OpeningsSpec.OpeningStyle;
import io.shieldfab.design.Violation;
import io.shieldfab.design.geometry.DepressionGeometry;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static io.shieldfab.design.DesignLimits.number;

/**
 * Builds the panel geometry from a {@link LayoutSpec}: a pure function, so the same design always gives
 * the same shapes in the same order (writers are byte-reproducible because of it).
 *
 * <pre>
 *   one side wall (N), plan view, SLOTS with perWall = 3:
 *   ┌────┬──┬─────┬──┬─────┬──┬────┐  ← outer face (recess edge)
 *   │wall│op│     │op│     │op│    │     gaps between openings are equal:
 *   └────┴──┴─────┴──┴─────┴──┴────┘  ← inner face (cavity edge)   (side − n·length)/(n+1)
 * </pre>
 */
public final class LayoutGenerator {

    /** Fiducial cross: arm span 1 mm, or 60 % of the margin when the margin is narrower (house rule, docs/layout.md). */
    static final long FIDUCIAL_MAX_SPAN_NM = 1_000_000L;

    /** JTS on the integer nanometre grid: a fixed precision model of scale 1 keeps results on the grid. */
    private static final GeometryFactory JTS = new GeometryFactory(new PrecisionModel(1.0));

    private LayoutGenerator() {
    }

    /**
     * Geometry rules on the nm grid, by the same {@link DepressionGeometry} predicates validation uses
     * (docs/design-document.md, "Rules across fields"), so a design the reader accepts passes them; they guard specs
     * built without the reader. Field names are the design document's JSON paths.
     */
    public static List<Violation> check(LayoutSpec s) {
        DepressionGeometry g = s.depression();
        List<Violation> v = new ArrayList<>();
        checkAxis(g.x(), "columns", v);
        checkAxis(g.y(), "rows", v);
        if (s.openingsPerWall() > 0) {
            long need = DepressionGeometry.openingsNeedNm(s.openingStyle(), s.openingsPerWall(), s.openingLengthNm(),
                    s.thicknessNm());
            if (s.openingLengthNm() <= 0) {
                v.add(Violation.of(LayoutRule.LAYOUT_GRID, "shield.openings.lengthMm", 0, 1e-6, "mm",
                        "must be at least {limit} {unit}; got {measured} {unit}"));
            } else if (!g.openingsFit()) {
                v.add(Violation.of(LayoutRule.OPENINGS_ON_WALL, "shield.openings.lengthMm", mm(need),
                        mm(g.shorterWallNm()), "mm", s.openingsPerWall() + " " + s.openingStyle().name().toLowerCase()
                                + " openings of " + number(mm(s.openingLengthNm())) + " mm need {measured} {unit} and do not"
                                + " fit the shortest side wall of {limit} {unit}"));
            }
            if (s.openingHeightNm() <= 0) {
                v.add(Violation.of(LayoutRule.LAYOUT_GRID, "shield.openings.heightMm", 0, 1e-6, "mm",
                        "must be at least {limit} {unit}; got {measured} {unit}"));
            } else if (!DepressionGeometry.openingHeightFits(s.openingHeightNm(), s.recessDepthNm())) {
                v.add(Violation.of(LayoutRule.OPENING_HEIGHT, "shield.openings.heightMm", mm(s.openingHeightNm()),
                        mm(s.recessDepthNm()), "mm", "an opening of {measured} {unit} is taller than the {limit} {unit}"
                                + " side wall (mandrel.recessDepthMm)"));
            }
        }
        long maxCoordinate = Math.max(s.panelWidthNm(), s.panelHeightNm());
        if (maxCoordinate <= 0) {
            v.add(Violation.of(LayoutRule.PANEL_COORDINATES, "panel", "the panel is too large"));
        }
        return v;
    }

    /** Rules 1 and 2 on one axis: the recess fits the pitch, then the kerf fits the street. */
    private static void checkAxis(DepressionGeometry.Axis a, String between, List<Violation> v) {
        if (!a.recessFits()) {
            v.add(Violation.of(LayoutRule.RECESS_WITHIN_PITCH, "panel.pitch" + a.name() + "Mm", mm(a.recessNm()),
                    mm(a.pitchNm()), "mm", "the depression is {measured} {unit} along " + a.name() + " (package + 2 ×"
                            + " clearance + 2 × wall) and does not fit the pitch of {limit} {unit} between " + between));
        } else if (!a.kerfFits()) {
            v.add(Violation.of(LayoutRule.KERF_WITHIN_STREET, "panel.sawKerfMm", mm(a.kerfNm()), mm(a.streetNm()),
                    "mm", "the saw kerf of {measured} {unit} does not fit the street of {limit} {unit} between "
                            + between));
        }
    }

    /**
     * Generates the panel. The spec must pass {@link #check(LayoutSpec)}.
     *
     * @throws IllegalArgumentException if it does not
     */
    public static PanelLayout generate(LayoutSpec s) {
        List<Violation> problems = check(s);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(problems.get(0).field() + ": " + problems.get(0).message());
        }
        List<Violation> warnings = new ArrayList<>();
        SiteCell site = site(s, warnings);
        return new PanelLayout(s, site, panelShapes(s), fiducial(s), fiducialCentres(s), edgeLabels(s), warnings);
    }

    /** The site cell, relative to the site's lower-left corner; the depression is centred in the pitch box. */
    static SiteCell site(LayoutSpec s, List<Violation> warnings) {
        long x0 = s.depression().cavityMinXNm();
        long y0 = s.depression().cavityMinYNm();
        Rect cavity = new Rect(Layer.DEPRESSION_BOTTOM, x0, y0, x0 + s.cavityXNm(), y0 + s.cavityYNm());
        Rect recess = cavity.enlarged(s.wallTotalNm()).onLayer(Layer.MANDREL_RECESS);

        List<Shape> shapes = new ArrayList<>();
        shapes.add(recess);
        shapes.add(cavity);

        List<Rect> openings = openings(s, cavity);
        // The wall is one plated thickness whatever the stage: the inside of the inverted U is the rib, not a core.
        List<Rect> walls = wallBand(cavity, s.thicknessNm());
        if (s.openingStyle() == OpeningStyle.PILLARS && !openings.isEmpty()) {
            shapes.addAll(pillars(walls, openings));
        } else {
            shapes.addAll(walls);
        }
        shapes.addAll(openings);
        shapes.addAll(notches(s, cavity, recess));

        boolean padsFit = s.padSizeNm() > 0;
        if (padsFit) {
            List<Rect> pads = pads(s);
            if (pads.isEmpty()) {
                padsFit = false;
                warnings.add(padsLeftOut(s));
            } else {
                shapes.addAll(pads);
            }
        }
        return new SiteCell(cavity, recess, shapes, padsFit);
    }

    /**
     * The warning for bonding the lands cannot hold: the pads (or the ring) are wider than a land, or k pads a side
     * are longer than the shorter recess side ({@link DepressionGeometry#padCornersNm}).
     */
    private static Violation padsLeftOut(LayoutSpec s) {
        DepressionGeometry g = s.depression();
        double land = mm(Math.min(s.streetXNm(), s.streetYNm()) - s.kerfNm()) / 2;
        if (mm(s.padSizeNm()) <= land) {
            long side = Math.min(g.recessXNm(), g.recessYNm());
            return Violation.of(LayoutRule.PADS_ON_LAND, "bonding.padsPerSide", mm(g.padsPerSide() * s.padSizeNm()),
                    mm(side), "mm", g.padsPerSide() + " bonding pads of " + number(mm(s.padSizeNm())) + " mm a side"
                            + " need {measured} {unit} and do not fit the shorter recess side of {limit} {unit}; they"
                            + " are left out of the layout");
        }
        String what = g.bondingPattern() == BondingPattern.RING
                ? "a bonding ring of {measured} {unit} does not fit on the land between side wall and saw kerf; it is"
                : "bonding pads of {measured} {unit} do not fit on the land between side wall and saw kerf; they are";
        return Violation.of(LayoutRule.PADS_ON_LAND, "bonding.padSizeMm", mm(s.padSizeNm()), land, "mm",
                what + " left out of the layout");
    }

    /** The four walls of a skin of thickness {@code t} around {@code inner}: N and S span the corners. */
    static List<Rect> wallBand(Rect inner, long t) {
        Rect outer = inner.enlarged(t);
        return List.of(
                new Rect(Layer.SIDE_WALL, outer.minX(), inner.maxY(), outer.maxX(), outer.maxY()), // N
                new Rect(Layer.SIDE_WALL, outer.minX(), outer.minY(), outer.maxX(), inner.minY()), // S
                new Rect(Layer.SIDE_WALL, inner.maxX(), inner.minY(), outer.maxX(), inner.maxY()), // E
                new Rect(Layer.SIDE_WALL, outer.minX(), inner.minY(), inner.minX(), inner.maxY())); // W
    }

    /**
     * The openings on layer 5, {@code perWall} on each side, evenly spaced along the cavity side: equal gaps
     * {@code (side − n·length)/(n+1)} before, between and after them. SLOTS and pillar gaps go through the wall
     * (t); a trough is the open channel over the rib, so the site draws its half from the cavity edge through the
     * wall to the site boundary, where the neighbour's half continues it (docs/layout.md, "Routes for the
     * encapsulant"). Order: N, S, E, W.
     */
    static List<Rect> openings(LayoutSpec s, Rect cavity) {
        Rect reach = s.openingStyle() == OpeningStyle.TROUGHS ? siteBox(s) : cavity.enlarged(s.wallTotalNm());
        return across(s, cavity, Layer.OPENING, 0, cavity, reach);
    }

    /**
     * TROUGHS: the notches cut into the rib tops on the mandrel, layer 10. The deposit lines a notch, so it is the
     * channel ℓ plus a plated thickness on each side wide, and runs over the rib from the recess edge; each site
     * draws its half up to the site boundary. Empty for the other styles.
     */
    static List<Rect> notches(LayoutSpec s, Rect cavity, Rect recess) {
        if (s.openingStyle() != OpeningStyle.TROUGHS) {
            return List.of();
        }
        return across(s, cavity, Layer.MANDREL_NOTCH, s.thicknessNm(), recess, siteBox(s));
    }

    /** The site's pitch box, relative to its lower-left corner. */
    static Rect siteBox(LayoutSpec s) {
        return new Rect(Layer.PANEL_OUTLINE, 0, 0, s.pitchXNm(), s.pitchYNm());
    }

    /**
     * Rectangles across the four walls at the opening positions along the cavity sides, {@code widen} wider on
     * each side, from the edge of {@code from} out to the edge of {@code to}. Order: N, S, E, W.
     */
    static List<Rect> across(LayoutSpec s, Rect cavity, Layer layer, long widen, Rect from, Rect to) {
        int n = s.openingsPerWall();
        List<Rect> out = new ArrayList<>(4 * n);
        long len = s.openingLengthNm();
        for (int i = 0; i < n; i++) {
            long a = cavity.minX() + offset(cavity.widthNm(), n, len, i);
            out.add(new Rect(layer, a - widen, from.maxY(), a + len + widen, to.maxY()));
        }
        for (int i = 0; i < n; i++) {
            long a = cavity.minX() + offset(cavity.widthNm(), n, len, i);
            out.add(new Rect(layer, a - widen, to.minY(), a + len + widen, from.minY()));
        }
        for (int i = 0; i < n; i++) {
            long a = cavity.minY() + offset(cavity.heightNm(), n, len, i);
            out.add(new Rect(layer, from.maxX(), a - widen, to.maxX(), a + len + widen));
        }
        for (int i = 0; i < n; i++) {
            long a = cavity.minY() + offset(cavity.heightNm(), n, len, i);
            out.add(new Rect(layer, to.minX(), a - widen, from.minX(), a + len + widen));
        }
        return out;
    }

    /** Start of opening {@code i} of {@code n} along a side of length {@code side}: i+1 equal gaps and i openings. */
    static long offset(long side, int n, long len, int i) {
        return (side - n * len) * (i + 1) / (n + 1) + i * len;
    }

    /** Claim 22: the walls as spaced pillars, i.e. the wall band less the gaps (JTS difference on the nm grid). */
    static List<Shape> pillars(List<Rect> walls, List<Rect> gaps) {
        Geometry cut = JTS.createGeometryCollection(gaps.stream().map(LayoutGenerator::jts).toArray(Geometry[]::new))
                .union();
        List<Shape> out = new ArrayList<>();
        for (Rect wall : walls) {
            Geometry rest = jts(wall).difference(cut);
            List<Shape> pieces = new ArrayList<>();
            for (int g = 0; g < rest.getNumGeometries(); g++) {
                Polygon p = (Polygon) rest.getGeometryN(g);
                if (!p.isEmpty() && p.getArea() > 0) {
                    pieces.add(shape(Layer.SIDE_WALL, p));
                }
            }
            pieces.sort(Comparator.comparingLong((Shape sh) -> sh.x(0)).thenComparingLong(sh -> sh.y(0)));
            out.addAll(pieces);
        }
        return out;
    }

    static Polygon jts(Rect r) {
        return JTS.createPolygon(new Coordinate[]{
                new Coordinate(r.minX(), r.minY()), new Coordinate(r.maxX(), r.minY()),
                new Coordinate(r.maxX(), r.maxY()), new Coordinate(r.minX(), r.maxY()),
                new Coordinate(r.minX(), r.minY())});
    }

    /** A JTS polygon without holes back on the grid: a {@link Rect} when it is one, else a {@link Poly}. */
    static Shape shape(Layer layer, Polygon p) {
        Geometry n = p.norm();
        Coordinate[] c = ((Polygon) n).getExteriorRing().getCoordinates();
        int count = c.length - 1;
        long[] xs = new long[count];
        long[] ys = new long[count];
        long minX = Long.MAX_VALUE, minY = Long.MAX_VALUE, maxX = Long.MIN_VALUE, maxY = Long.MIN_VALUE;
        for (int i = 0; i < count; i++) {
            xs[i] = Math.round(c[i].x);
            ys[i] = Math.round(c[i].y);
            minX = Math.min(minX, xs[i]);
            minY = Math.min(minY, ys[i]);
            maxX = Math.max(maxX, xs[i]);
            maxY = Math.max(maxY, ys[i]);
        }
        if (count == 4 && Math.round(p.getArea()) == (maxX - minX) * (maxY - minY)) {
            return new Rect(layer, minX, minY, maxX, maxY);
        }
        // JTS normal form is clockwise; GDSII does not care, but keep our own counter-clockwise convention.
        for (int i = 0, j = count - 1; i < j; i++, j--) {
            long t = xs[i]; xs[i] = xs[j]; xs[j] = t;
            t = ys[i]; ys[i] = ys[j]; ys[j] = t;
        }
        return new Poly(layer, xs, ys);
    }

    /**
     * Claims 9–10: the bonding where the {@link DepressionGeometry} places it, on layer 7: the square pads (order
     * N, S, E, W, each side's k pads left to right or bottom to top), or for a {@code RING} its four strips (N and S
     * spanning the corners, E and W between them, like {@link #wallBand}).
     */
    static List<Rect> pads(LayoutSpec s) {
        DepressionGeometry g = s.depression();
        if (g.bondingPattern() == BondingPattern.RING) {
            return g.ringStripsNm().stream().map(r -> new Rect(Layer.BONDING_PAD, r[0], r[1], r[2], r[3])).toList();
        }
        long p = s.padSizeNm();
        return g.padCornersNm().stream()
                .map(c -> new Rect(Layer.BONDING_PAD, c[0], c[1], c[0] + p, c[1] + p)).toList();
    }

    /**
     * Panel outline, the rear cover over the site array when the route needs one, and the saw streets: one kerf-wide street centred on every site boundary
     * (columns + 1 vertical, rows + 1 horizontal), running edge to edge of the panel.
     */
    static List<Shape> panelShapes(LayoutSpec s) {
        long w = s.panelWidthNm();
        long h = s.panelHeightNm();
        List<Shape> out = new ArrayList<>(s.rows() + s.columns() + 3);
        out.add(new Rect(Layer.PANEL_OUTLINE, 0, 0, w, h));
        if (s.depression().route().needsRearCover()) {
            // claim 15: the rear cover closes every wall space of the site array while the encapsulant fills them
            out.add(new Rect(Layer.REAR_COVER, s.marginNm(), s.marginNm(), w - s.marginNm(), h - s.marginNm()));
        }
        if (s.kerfNm() > 0) {
            for (Cut cut : CutPlan.cuts(s)) {
                long lo = cut.positionNm() - s.kerfNm() / 2;
                out.add(cut.axis() == Cut.Axis.X
                        ? new Rect(Layer.SAW_STREET, 0, lo, w, lo + s.kerfNm())
                        : new Rect(Layer.SAW_STREET, lo, 0, lo + s.kerfNm(), h));
            }
        }
        return out;
    }

    /** Fiducial cross relative to its centre: span min(1 mm, 0.6 × margin), arm width span/5. */
    static List<Shape> fiducial(LayoutSpec s) {
        long span = Math.min(FIDUCIAL_MAX_SPAN_NM, s.marginNm() * 6 / 10);
        if (span < 10) {
            return List.of();
        }
        long a = span / 2;
        long b = Math.max(1, span / 10);
        return List.of(new Poly(Layer.FIDUCIAL,
                new long[]{-b, b, b, a, a, b, b, -b, -b, -a, -a, -b},
                new long[]{-a, -a, -b, -b, b, b, a, a, b, b, -b, -b}));
    }

    /** Three corners (lower-left, lower-right, upper-left), centred in the margin: the asymmetry fixes orientation. */
    static List<long[]> fiducialCentres(LayoutSpec s) {
        if (fiducial(s).isEmpty()) {
            return List.of();
        }
        long m = s.marginNm() / 2;
        return List.of(new long[]{m, m}, new long[]{s.panelWidthNm() - m, m}, new long[]{m, s.panelHeightNm() - m});
    }

    /** Column indices below the array ("C1"…) and row indices left of it ("R1"…), centred in the margin. */
    static List<Label> edgeLabels(LayoutSpec s) {
        if (s.marginNm() <= 0) {
            return List.of();
        }
        long m = s.marginNm() / 2;
        long height = Math.max(1, Math.min(s.marginNm() * 4 / 10, Math.min(s.pitchXNm(), s.pitchYNm()) * 4 / 10));
        List<Label> out = new ArrayList<>(s.rows() + s.columns());
        for (int c = 0; c < s.columns(); c++) {
            out.add(new Label("C" + (c + 1), s.marginNm() + c * s.pitchXNm() + s.pitchXNm() / 2, m, height));
        }
        for (int r = 0; r < s.rows(); r++) {
            out.add(new Label("R" + (r + 1), m, s.marginNm() + r * s.pitchYNm() + s.pitchYNm() / 2, height));
        }
        return out;
    }

    static double mm(long nm) {
        return nm / 1e6;
    }
}
