package io.shieldfab.layout.geometry;

import io.shieldfab.design.OpeningsSpec.OpeningStyle;
import io.shieldfab.design.Violation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

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
     * Geometry rules a valid design may still break (an impossible geometry is a validation error,
     * docs/design-document.md). Field names are the design document's JSON paths.
     */
    public static List<Violation> check(LayoutSpec s) {
        List<Violation> v = new ArrayList<>();
        if (s.streetXNm() <= 0) {
            v.add(new Violation("panel.pitchXMm", "the depression is " + mm(s.recessXNm())
                    + " mm wide (package + 2 × clearance + 2 × wall) and does not fit the column pitch of "
                    + mm(s.pitchXNm()) + " mm"));
        } else if (s.kerfNm() >= s.streetXNm()) {
            v.add(new Violation("panel.sawKerfMm", "the saw kerf of " + mm(s.kerfNm())
                    + " mm does not fit the street of " + mm(s.streetXNm()) + " mm between columns"));
        }
        if (s.streetYNm() <= 0) {
            v.add(new Violation("panel.pitchYMm", "the depression is " + mm(s.recessYNm())
                    + " mm long (package + 2 × clearance + 2 × wall) and does not fit the row pitch of "
                    + mm(s.pitchYNm()) + " mm"));
        } else if (s.kerfNm() >= s.streetYNm()) {
            v.add(new Violation("panel.sawKerfMm", "the saw kerf of " + mm(s.kerfNm())
                    + " mm does not fit the street of " + mm(s.streetYNm()) + " mm between rows"));
        }
        if (s.openingsPerWall() > 0) {
            long shortest = Math.min(s.cavityXNm(), s.cavityYNm());
            if (s.openingLengthNm() <= 0) {
                v.add(new Violation("shield.openings.lengthMm", "must be greater than 0"));
            } else if ((long) s.openingsPerWall() * s.openingLengthNm() >= shortest) {
                v.add(new Violation("shield.openings.lengthMm", s.openingsPerWall() + " openings of "
                        + mm(s.openingLengthNm()) + " mm do not fit the shortest side wall of " + mm(shortest) + " mm"));
            }
            if (s.openingHeightNm() <= 0) {
                v.add(new Violation("shield.openings.heightMm", "must be greater than 0"));
            } else if (s.openingHeightNm() > s.recessDepthNm()) {
                v.add(new Violation("shield.openings.heightMm", "an opening of " + mm(s.openingHeightNm())
                        + " mm is taller than the " + mm(s.recessDepthNm()) + " mm side wall (mandrel.recessDepthMm)"));
            }
        }
        long maxCoordinate = Math.max(s.panelWidthNm(), s.panelHeightNm());
        if (maxCoordinate <= 0) {
            v.add(new Violation("panel", "the panel is too large"));
        }
        return v;
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
        long cx = s.pitchXNm() / 2;
        long cy = s.pitchYNm() / 2;
        long x0 = cx - s.cavityXNm() / 2;
        long y0 = cy - s.cavityYNm() / 2;
        Rect cavity = new Rect(Layer.DEPRESSION_BOTTOM, x0, y0, x0 + s.cavityXNm(), y0 + s.cavityYNm());
        Rect recess = cavity.enlarged(s.wallTotalNm()).onLayer(Layer.MANDREL_RECESS);

        List<Shape> shapes = new ArrayList<>();
        shapes.add(recess);
        shapes.add(cavity);

        List<Rect> openings = openings(s, cavity);
        // Skins: the inner skin lines the cavity; a hollow wall (claim 15) has an outer skin one core away.
        List<Rect> walls = new ArrayList<>(wallBand(cavity, s.thicknessNm()));
        if (s.hollowWalls()) {
            walls.addAll(wallBand(cavity.enlarged(2 * s.thicknessNm()), s.thicknessNm()));
        }
        if (s.openingStyle() == OpeningStyle.PILLARS && !openings.isEmpty()) {
            shapes.addAll(pillars(walls, openings));
        } else {
            shapes.addAll(walls);
        }
        shapes.addAll(openings);

        boolean padsFit = s.padSizeNm() > 0;
        if (padsFit) {
            List<Rect> pads = pads(s, cx, cy, recess);
            if (pads.isEmpty()) {
                padsFit = false;
                warnings.add(new Violation("bonding.padSizeMm", "bonding pads of " + mm(s.padSizeNm())
                        + " mm do not fit on the land between side wall and saw kerf; they are left out of the layout"));
            } else {
                shapes.addAll(pads);
            }
        }
        return new SiteCell(cavity, recess, shapes, padsFit);
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
     * Openings through the whole wall, {@code perWall} on each side, evenly spaced along the cavity side:
     * equal gaps {@code (side − n·length)/(n+1)} before, between and after them. Order: N, S, E, W.
     */
    static List<Rect> openings(LayoutSpec s, Rect cavity) {
        int n = s.openingsPerWall();
        List<Rect> out = new ArrayList<>(4 * n);
        if (n == 0) {
            return out;
        }
        long len = s.openingLengthNm();
        long w = s.wallTotalNm();
        for (int i = 0; i < n; i++) {
            long a = cavity.minX() + offset(cavity.widthNm(), n, len, i);
            out.add(new Rect(Layer.OPENING, a, cavity.maxY(), a + len, cavity.maxY() + w));
        }
        for (int i = 0; i < n; i++) {
            long a = cavity.minX() + offset(cavity.widthNm(), n, len, i);
            out.add(new Rect(Layer.OPENING, a, cavity.minY() - w, a + len, cavity.minY()));
        }
        for (int i = 0; i < n; i++) {
            long a = cavity.minY() + offset(cavity.heightNm(), n, len, i);
            out.add(new Rect(Layer.OPENING, cavity.maxX(), a, cavity.maxX() + w, a + len));
        }
        for (int i = 0; i < n; i++) {
            long a = cavity.minY() + offset(cavity.heightNm(), n, len, i);
            out.add(new Rect(Layer.OPENING, cavity.minX() - w, a, cavity.minX(), a + len));
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
     * Claims 9–10: one square bonding pad on each of the four lands around the depression, centred on the
     * site's axis and in the land between the wall's outer face and the kerf edge. Order: N, S, E, W.
     */
    static List<Rect> pads(LayoutSpec s, long cx, long cy, Rect recess) {
        long p = s.padSizeNm();
        long halfKerfLow = (s.kerfNm() + 1) / 2;
        long nLo = recess.maxY(), nHi = s.pitchYNm() - halfKerfLow;
        long sLo = halfKerfLow, sHi = recess.minY();
        long eLo = recess.maxX(), eHi = s.pitchXNm() - halfKerfLow;
        long wLo = halfKerfLow, wHi = recess.minX();
        if (nHi - nLo < p || sHi - sLo < p || eHi - eLo < p || wHi - wLo < p
                || p > s.recessXNm() || p > s.recessYNm()) {
            return List.of();
        }
        long px = cx - p / 2;
        long py = cy - p / 2;
        long ny = (nLo + nHi) / 2 - p / 2;
        long sy = (sLo + sHi) / 2 - p / 2;
        long ex = (eLo + eHi) / 2 - p / 2;
        long wx = (wLo + wHi) / 2 - p / 2;
        return List.of(
                new Rect(Layer.BONDING_PAD, px, ny, px + p, ny + p),
                new Rect(Layer.BONDING_PAD, px, sy, px + p, sy + p),
                new Rect(Layer.BONDING_PAD, ex, py, ex + p, py + p),
                new Rect(Layer.BONDING_PAD, wx, py, wx + p, py + p));
    }

    /**
     * Panel outline and the saw streets: one kerf-wide street centred on every site boundary
     * (columns + 1 vertical, rows + 1 horizontal), running edge to edge of the panel.
     */
    static List<Shape> panelShapes(LayoutSpec s) {
        long w = s.panelWidthNm();
        long h = s.panelHeightNm();
        List<Shape> out = new ArrayList<>(s.rows() + s.columns() + 3);
        out.add(new Rect(Layer.PANEL_OUTLINE, 0, 0, w, h));
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

    static String mm(long nm) {
        return java.math.BigDecimal.valueOf(nm, 6).stripTrailingZeros().toPlainString();
    }
}
