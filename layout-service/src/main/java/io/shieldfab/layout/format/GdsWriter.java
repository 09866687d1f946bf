package io.shieldfab.layout.format;

import io.shieldfab.layout.geometry.Label;
import io.shieldfab.layout.geometry.Layer;
import io.shieldfab.layout.geometry.LayoutRule;
import io.shieldfab.layout.geometry.PanelLayout;
import io.shieldfab.layout.geometry.Rect;
import io.shieldfab.layout.geometry.Shape;

import io.shieldfab.support.hashing.Sha256;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;

/**
 * Writes a {@link PanelLayout} as GDSII Stream (version 600), streaming to an {@link OutputStream}.
 *
 * <ul>
 *   <li>hierarchical (default): one site cell placed once with an {@code AREF} of columns × rows, one street
 *       cell per direction placed with an {@code AREF} along the other axis, one fiducial cell placed three
 *       times with {@code SREF}; size is independent of the site count except for the row and column index
 *       texts;</li>
 *   <li>flat: a single cell with every polygon and a {@code R{row}C{col}} text per site.</li>
 * </ul>
 * Layers as in {@link Layer} (datatype 0). Byte-reproducible: the only time stamp
 * is the layout's creation time, and all elements come in generator order.
 */
public final class GdsWriter {

    /** GDSII Stream version written in the HEADER record (release 6.0). */
    static final int VERSION = 600;
    /** PRESENTATION bits: font 0, vertical middle (01 in bits 12–13), horizontal centre (01 in bits 14–15). */
    static final int CENTRED = 0x0005;

    private GdsWriter() {
    }

    /** The unit this layout will be written with. */
    public static GdsUnits units(PanelLayout layout) {
        return GdsUnits.forExtent(Math.max(layout.panelWidthNm(), layout.panelHeightNm()));
    }

    public static void write(PanelLayout layout, boolean flat, Instant createdAt, OutputStream out) throws IOException {
        GdsUnits units = units(layout);
        GdsStream g = new GdsStream(out);
        int[] time = timestamp(createdAt);
        g.short1(GdsStream.HEADER, VERSION);
        g.shorts(GdsStream.BGNLIB, concat(time, time));
        g.string(GdsStream.LIBNAME, cellName(layout.spec().name(), 28) + ".DB");
        g.reals(GdsStream.UNITS, units.userUnitsPerDbu(), units.metersPerDbu());

        String top = cellName(layout.spec().name() + "_" + layout.spec().revision(), 32);
        if (flat) {
            writeFlat(layout, units, time, top, g);
        } else {
            writeHierarchical(layout, units, time, top, g);
        }
        g.empty(GdsStream.ENDLIB);
        g.flush();
    }

    private static void writeHierarchical(PanelLayout layout, GdsUnits u, int[] time, String top, GdsStream g)
            throws IOException {
        String siteCell = "SITE_" + digest(layout.site().shapes());
        String fiducialCell = "FIDUCIAL_" + digest(layout.fiducial());
        if (top.startsWith("SITE_") || top.startsWith("FIDUCIAL_") || top.startsWith("STREET_")) {
            top = top.substring(0, Math.min(top.length(), 28)) + "_TOP";
        }
        structure(g, u, time, siteCell, layout.site().shapes());
        boolean fiducials = !layout.fiducial().isEmpty();
        if (fiducials) {
            structure(g, u, time, fiducialCell, layout.fiducial());
        }

        // Streets: one kerf-wide street per direction, placed rows + 1 and columns + 1 times with AREFs, so the
        // file does not grow with the site count.
        long kerf = layout.spec().kerfNm();
        long lo = -(kerf / 2);
        Rect streetX = kerf > 0 ? new Rect(Layer.SAW_STREET, 0, lo, layout.panelWidthNm(), lo + kerf) : null;
        Rect streetY = kerf > 0 ? new Rect(Layer.SAW_STREET, lo, 0, lo + kerf, layout.panelHeightNm()) : null;
        String streetXCell = "STREET_X_" + digest(streetX == null ? List.of() : List.of(streetX));
        String streetYCell = "STREET_Y_" + digest(streetY == null ? List.of() : List.of(streetY));
        if (kerf > 0) {
            structure(g, u, time, streetXCell, List.of(streetX));
            structure(g, u, time, streetYCell, List.of(streetY));
        }
        writeTop(layout, u, time, top, g, siteCell, fiducials ? fiducialCell : null,
                kerf > 0 ? List.of(streetXCell, streetYCell) : List.of());
    }

    /** A structure of {@code shapes} at their own coordinates. */
    private static void structure(GdsStream g, GdsUnits u, int[] time, String name, List<Shape> shapes)
            throws IOException {
        beginStructure(g, time, name);
        for (Shape s : shapes) {
            boundary(g, u, s, 0, 0);
        }
        g.empty(GdsStream.ENDSTR);
    }

    /**
     * The top cell of the hierarchical file: the panel's shapes but the streets, the street cells (X then Y, none
     * without a kerf) and the fiducial cell (or null) placed, the site array, the row and column indices.
     */
    private static void writeTop(PanelLayout layout, GdsUnits u, int[] time, String top, GdsStream g,
                                 String siteCell, String fiducialCell, List<String> streetCells) throws IOException {
        var spec = layout.spec();
        beginStructure(g, time, top);
        for (Shape s : layout.panelShapes()) {
            if (s.layer() != Layer.SAW_STREET) {
                boundary(g, u, s, 0, 0);
            }
        }
        if (!streetCells.isEmpty()) {
            long m = spec.marginNm();
            aref(g, u, streetCells.get(0), 1, spec.rows() + 1, 0, m, spec.pitchXNm(), spec.pitchYNm());
            aref(g, u, streetCells.get(1), spec.columns() + 1, 1, m, 0, spec.pitchXNm(), spec.pitchYNm());
        }
        if (fiducialCell != null) {
            for (long[] c : layout.fiducialCentres()) {
                g.empty(GdsStream.SREF);
                g.string(GdsStream.SNAME, fiducialCell);
                g.xyHead(1);
                g.point(u.toDbu(c[0]), u.toDbu(c[1]));
                g.empty(GdsStream.ENDEL);
            }
        }
        aref(g, u, siteCell, spec.columns(), spec.rows(), layout.siteOriginX(0), layout.siteOriginY(0),
                spec.pitchXNm(), spec.pitchYNm());
        for (Label l : layout.edgeLabels()) {
            text(g, u, l.text(), l.x(), l.y());
        }
        g.empty(GdsStream.ENDSTR);
    }

    private static void writeFlat(PanelLayout layout, GdsUnits u, int[] time, String top, GdsStream g)
            throws IOException {
        beginStructure(g, time, top);
        for (Shape s : layout.panelShapes()) {
            boundary(g, u, s, 0, 0);
        }
        for (long[] c : layout.fiducialCentres()) {
            for (Shape s : layout.fiducial()) {
                boundary(g, u, s, c[0], c[1]);
            }
        }
        List<Shape> site = layout.site().shapes();
        Shape[] shapes = site.toArray(new Shape[0]);
        long cx = layout.spec().pitchXNm() / 2;
        long cy = layout.spec().pitchYNm() / 2;
        for (int r = 0; r < layout.spec().rows(); r++) {
            long dy = layout.siteOriginY(r);
            for (int c = 0; c < layout.spec().columns(); c++) {
                long dx = layout.siteOriginX(c);
                for (Shape s : shapes) {
                    boundary(g, u, s, dx, dy);
                }
                text(g, u, PanelLayout.siteLabel(r, c), dx + cx, dy + cy);
            }
        }
        for (Label l : layout.edgeLabels()) {
            text(g, u, l.text(), l.x(), l.y());
        }
        g.empty(GdsStream.ENDSTR);
    }

    /**
     * AREF of {@code columns × rows} placements: XY = origin, origin + columns × column pitch (along x),
     * origin + rows × row pitch (along y), as the Stream Format Manual defines the three reference points.
     */
    static void aref(GdsStream g, GdsUnits u, String cell, int columns, int rows, long x0, long y0, long pitchXNm,
                     long pitchYNm) throws IOException {
        if (columns > 32767 || rows > 32767) {
            throw new FormatLimitException(LayoutRule.GDS_AREF_SIZE, "an AREF holds at most 32767 columns and rows");
        }
        g.empty(GdsStream.AREF);
        g.string(GdsStream.SNAME, cell);
        g.shorts(GdsStream.COLROW, columns, rows);
        g.xyHead(3);
        g.point(u.toDbu(x0), u.toDbu(y0));
        g.point(u.toDbu(x0 + columns * pitchXNm), u.toDbu(y0));
        g.point(u.toDbu(x0), u.toDbu(y0 + rows * pitchYNm));
        g.empty(GdsStream.ENDEL);
    }

    private static void beginStructure(GdsStream g, int[] time, String name) throws IOException {
        g.shorts(GdsStream.BGNSTR, concat(time, time));
        g.string(GdsStream.STRNAME, name);
    }

    /** BOUNDARY, LAYER, DATATYPE 0, XY (closed: first point repeated), ENDEL; translated by (dx, dy) nm. */
    static void boundary(GdsStream g, GdsUnits u, Shape s, long dx, long dy) throws IOException {
        int n = s.vertexCount();
        g.ensure(16 + 4 + 8 * (n + 1) + 4);
        g.head(4, GdsStream.BOUNDARY);
        g.head(6, GdsStream.LAYER);
        g.i2(s.layer().gdsLayer());
        g.head(6, GdsStream.DATATYPE);
        g.i2(0);
        g.xyHead(n + 1);
        for (int i = 0; i < n; i++) {
            g.point(u.toDbu(s.x(i) + dx), u.toDbu(s.y(i) + dy));
        }
        g.point(u.toDbu(s.x(0) + dx), u.toDbu(s.y(0) + dy));
        g.head(4, GdsStream.ENDEL);
    }

    static void text(GdsStream g, GdsUnits u, String text, long x, long y) throws IOException {
        g.empty(GdsStream.TEXT);
        g.short1(GdsStream.LAYER, Layer.TEXT.gdsLayer());
        g.short1(GdsStream.TEXTTYPE, 0);
        g.short1(GdsStream.PRESENTATION, CENTRED);
        g.xyHead(1);
        g.point(u.toDbu(x), u.toDbu(y));
        g.string(GdsStream.STRING, text);
        g.empty(GdsStream.ENDEL);
    }

    /** Year, month, day, hour, minute, second in UTC, as BGNLIB/BGNSTR want them (full year, as KLayout writes). */
    static int[] timestamp(Instant t) {
        LocalDateTime d = LocalDateTime.ofInstant(t, ZoneOffset.UTC);
        return new int[]{d.getYear(), d.getMonthValue(), d.getDayOfMonth(), d.getHour(), d.getMinute(), d.getSecond()};
    }

    private static int[] concat(int[] a, int[] b) {
        int[] out = new int[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /**
     * A GDSII structure name from free text: letters, digits, '_', '?', '$' only (Stream Format Manual), other
     * characters become '_', at most {@code max} characters (32 is the conventional limit).
     */
    static String cellName(String text, int max) {
        StringBuilder sb = new StringBuilder();
        for (char c : (text == null || text.isEmpty() ? "LAYOUT" : text).toCharArray()) {
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '?' || c == '$';
            sb.append(ok ? c : '_');
            if (sb.length() == max) {
                break;
            }
        }
        return sb.toString();
    }

    /** 8 hex digits of SHA-256 over the shapes' text form: a cell's name follows from its content. */
    static String digest(List<Shape> shapes) {
        MessageDigest md = Sha256.digest();
        for (Shape s : shapes) {
            md.update(s.toString().getBytes(StandardCharsets.US_ASCII));
            md.update((byte) ';');
        }
        return HexFormat.of().withUpperCase().formatHex(md.digest(), 0, 4);
    }
}
