package io.shieldfab.design;

import io.shieldfab.design.BondingSpec.BondingPattern;
import io.shieldfab.design.OpeningsSpec.OpeningStyle;
import io.shieldfab.design.EncapsulationSpec.EncapsulationStage;
import io.shieldfab.design.geometry.DepressionGeometry;
import io.shieldfab.design.geometry.FlowRoute;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How much a design makes layout-service write: the shapes of a flat file and the bytes of each file format,
 * computed from the design alone in constant time, as upper bounds (docs/design-document.md, "Output size").
 * The counts mirror layout-service's generator and writers (docs/layout.md §2, §5); layout-service's
 * {@code OutputEstimateTest} writes real files of several designs and checks each estimate against them.
 *
 * <pre>
 *   flat (DXF, GDSII ?flat=true)   every polygon of every site, plus a label per site   ~ sites × shapes per site
 *   hierarchical GDSII             one site cell placed with an AREF                     ~ shapes per site + rows + columns
 *   SVG                            one site cell as a pattern tile, and the inset         ~ shapes per site + rows + columns
 * </pre>
 *
 * <p>Bytes per element, as the writers emit them (R = rows, C = columns, S = polygons per site, N = characters of
 * the longest coordinate in mm: integer digits + 7 for the point and six decimals, at least 9 for a negative
 * street edge):
 * <ul>
 *   <li>GDSII rectangle 64 (BOUNDARY 4, LAYER 6, DATATYPE 6, XY 4 + 5 × 8, ENDEL 4); fiducial cross of 12
 *       vertices 128; text 42 + its characters padded to even;</li>
 *   <li>DXF closed polyline of v vertices on a layer named with L characters 51 + 2L + v × (25 + L + 2N), so a
 *       rectangle is 151 + 6L + 8N; text 57 + its characters + 5N;</li>
 *   <li>SVG rectangle at most 84 (52 + four numbers of at most 8 characters), drawn twice per site polygon (the
 *       pattern tile and the inset).</li>
 * </ul>
 *
 * @param sites         rows × columns
 * @param shapesPerSite polygons of one site: recess, bottom, walls (or pillars), openings, mandrel notches
 *                      (TROUGHS), bonding pads
 * @param shapes        elements of a flat file: every site's polygons and label, outline, rear cover, streets,
 *                      fiducials, indices
 * @param gdsBytes      hierarchical GDSII (GET /api/v1/layouts/{id}/gds, and the handoff bundle)
 * @param flatGdsBytes  flat GDSII (GET /api/v1/layouts/{id}/gds?flat=true)
 * @param dxfBytes      DXF, always flat (GET /api/v1/layouts/{id}/dxf, and the handoff bundle)
 * @param svgBytes      SVG preview (GET /api/v1/layouts/{id}/svg, and the handoff bundle)
 */
public record OutputEstimate(long sites, int shapesPerSite, long shapes, long gdsBytes, long flatGdsBytes,
                             long dxfBytes, long svgBytes) {

    // GDSII records (Stream Format Manual release 6.0; layout-service GdsWriter).
    /** HEADER 6, BGNLIB 28, LIBNAME at most 4 + 32 (28 characters + ".DB", padded), UNITS 20. */
    static final long GDS_LIBRARY = 6 + 28 + 36 + 20;
    /** BGNSTR 28 and STRNAME at most 4 + 32: the top cell's name is at most 32 characters. */
    static final long GDS_TOP_CELL = 28 + 36;
    static final long GDS_RECTANGLE = 4 + 6 + 6 + (4 + 5 * 8) + 4;
    static final long GDS_FIDUCIAL = 4 + 6 + 6 + (4 + 13 * 8) + 4;
    /** TEXT 4, LAYER 6, TEXTTYPE 6, PRESENTATION 6, XY 12, STRING 4 + characters, ENDEL 4. */
    static final long GDS_TEXT = 4 + 6 + 6 + 6 + 12 + 4 + 4;
    /** The site cell without its polygons: BGNSTR 28, STRNAME "SITE_" + 8 hex digits (4 + 14), ENDSTR 4. */
    static final long GDS_SITE_CELL = 28 + 18 + 4;
    /** Fiducial cell (BGNSTR, STRNAME of 17 characters, the cross, ENDSTR) and its three SREFs of 42. */
    static final long GDS_FIDUCIALS = 28 + 22 + GDS_FIDUCIAL + 4 + 3 * 42;
    /** Two street cells (BGNSTR, STRNAME of 17 characters, one rectangle, ENDSTR) and their two AREFs of 66. */
    static final long GDS_STREETS = 2 * (28 + 22 + GDS_RECTANGLE + 4) + 2 * 66;
    /** The site AREF (SNAME of 13 characters, COLROW, three points), ENDSTR, ENDLIB. */
    static final long GDS_SITE_AREF_AND_ENDS = 62 + 4 + 4;

    // DXF R12 (layout-service DxfWriter): layer names of docs/layout.md §3.
    static final int OUTLINE = "PANEL_OUTLINE".length();
    static final int RECESS = "MANDREL_RECESS".length();
    static final int BOTTOM = "DEPRESSION_BOTTOM".length();
    static final int WALL = "SIDE_WALL".length();
    static final int OPENING = "OPENING".length();
    static final int STREET = "SAW_STREET".length();
    static final int PAD = "BONDING_PAD".length();
    static final int FIDUCIAL = "FIDUCIAL".length();
    static final int NOTCH = "MANDREL_NOTCH".length();
    static final int REAR_COVER = "REAR_COVER".length();
    /**
     * Everything but entities: HEADER 160 + the four extents, TABLES 763 (LTYPE, LAYER "0" and eleven layers,
     * STYLE: the nine layers' 668, MANDREL_NOTCH's entry 48 and REAR_COVER's 46, one more digit of the layer
     * count), empty BLOCKS 28, the ENTITIES section's start 21 and the file's end 15.
     */
    static final long DXF_FIXED = 160 + 763 + 28 + 21 + 15;
    /** A TEXT without its string and numbers (two points, the height). */
    static final long DXF_TEXT = 57;

    // SVG (layout-service SvgWriter).
    /** The longest screen coordinate: "-1399.99" (the canvas is 1400 px wide, two decimals). */
    static final long SVG_NUMBER = 8;
    static final long SVG_RECTANGLE = 52 + 4 * SVG_NUMBER;
    static final long SVG_STREET = 37 + 4 * SVG_NUMBER;
    /** The rear cover: a dashed outline, 74 characters and four numbers. */
    static final long SVG_REAR_COVER = 74 + 4 * SVG_NUMBER;
    static final long SVG_FIDUCIAL = 35 + 12 * (2 * SVG_NUMBER + 2);
    static final long SVG_TEXT = 24 + 2 * SVG_NUMBER;
    /**
     * Heading, title, legend, inset notes, scale bars and group tags: under 5 KB for every design measured; 8 KiB,
     * plus twice the longest name and revision (100 characters, and 20 characters of up to 10 bytes as XML
     * character references).
     */
    static final long SVG_FIXED = 8192 + 2 * (100 + 200);
    /** Per-site labels in the SVG only up to this many sites (SvgWriter.MAX_LABELLED_SITES). */
    static final long SVG_LABELLED_SITES = 2500;

    /**
     * What the estimate reads from a design.
     *
     * @param rearCover whether the route needs the rear cover, one more rectangle over the site array
     *                  (slots after support removal, claim 15)
     * @param pads      bonding-pad rectangles of one site when they may fit on the lands: 4 × pads per side, or
     *                  the ring's 4 sides; 0 when they do not; counted whenever in doubt
     */
    record Input(int rows, int columns, double pitchXMm, double pitchYMm, double marginMm, double kerfMm,
                 boolean rearCover, OpeningStyle style, int perWall, int pads) {

        Input withRows(int value) {
            return new Input(value, columns, pitchXMm, pitchYMm, marginMm, kerfMm, rearCover, style, perWall, pads);
        }

        Input withColumns(int value) {
            return new Input(rows, value, pitchXMm, pitchYMm, marginMm, kerfMm, rearCover, style, perWall, pads);
        }

        Input withPerWall(int value) {
            return new Input(rows, columns, pitchXMm, pitchYMm, marginMm, kerfMm, rearCover, style, value, pads);
        }
    }

    /** The estimate of a valid design. */
    public static OutputEstimate of(Design design) {
        PanelSpec panel = design.panel();
        ShieldSpec shield = design.shield();
        OpeningsSpec openings = shield.openings();
        PackageSpec body = design.packageSpec();
        BondingSpec bonding = design.bonding();
        int along = bonding == null ? 1 : bonding.pattern() == BondingPattern.RING ? 0 : bonding.padsPerSide();
        boolean fit = padsMayFit(body.bodyLengthMm(), body.bodyWidthMm(), shield.wallClearanceMm(),
                shield.thicknessUm(), panel.pitchXMm(), panel.pitchYMm(), panel.sawKerfMm(),
                bonding == null ? null : bonding.padSizeMm(), along);
        int pads = fit ? 4 * Math.max(1, along) : 0;
        boolean wallSpaceOpen = design.encapsulation() != null
                && design.encapsulation().stage() == EncapsulationStage.AFTER_SUPPORT_REMOVAL;
        boolean rearCover = FlowRoute.of(openings.style(), wallSpaceOpen).needsRearCover();
        return of(new Input(panel.rows(), panel.columns(), panel.pitchXMm(), panel.pitchYMm(), panel.marginMm(),
                panel.sawKerfMm(), rearCover, openings.style(), openings.perWall(), pads));
    }

    static OutputEstimate of(Input in) {
        long rows = in.rows();
        long columns = in.columns();
        long sites = rows * columns;
        int perWall = in.style() == OpeningStyle.NONE ? 0 : in.perWall();
        // PILLARS: the perWall gaps cut each wall rectangle into at most perWall + 1 pillars (docs/layout.md §2)
        int piecesPerWall = in.style() == OpeningStyle.PILLARS && perWall > 0 ? perWall + 1 : 1;
        int walls = 4 * piecesPerWall;
        int openings = 4 * perWall;
        // TROUGHS: each half-trough on layer 5 has its notch in the rib top on layer 10 (docs/layout.md, routes)
        int notches = in.style() == OpeningStyle.TROUGHS ? openings : 0;
        int pads = in.pads();
        int perSite = 2 + walls + openings + notches + pads;
        long cover = in.rearCover() ? 1 : 0;
        long streets = in.kerfMm() > 0 ? rows + columns + 2 : 0;
        long fiducials = in.marginMm() > 0 ? 3 : 0;
        long indices = in.marginMm() > 0 ? rows + columns : 0;
        long shapes = sites * (perSite + 1) + 1 + cover + streets + fiducials + indices;

        // Characters of all site labels "R{row}C{col}" (2 + digits) and index texts "C{col}", "R{row}" (1 + digits).
        long labelChars = 2 * sites + columns * digitSum(rows) + rows * digitSum(columns);
        long indexChars = indices == 0 ? 0 : indices + digitSum(rows) + digitSum(columns);

        // GDSII texts: + 1 for the padding of an odd length.
        long gdsIndices = indices * (GDS_TEXT + 1) + indexChars;
        long flatGds = GDS_LIBRARY + GDS_TOP_CELL
                + GDS_RECTANGLE * (1 + cover + streets + sites * perSite) + GDS_FIDUCIAL * fiducials
                + sites * (GDS_TEXT + 1) + labelChars + gdsIndices + 4 + 4;
        long gds = GDS_LIBRARY + GDS_SITE_CELL + GDS_RECTANGLE * perSite
                + (fiducials > 0 ? GDS_FIDUCIALS : 0) + (streets > 0 ? GDS_STREETS : 0)
                + GDS_TOP_CELL + GDS_RECTANGLE * (1 + cover) + gdsIndices + GDS_SITE_AREF_AND_ENDS;

        long n = numberChars(Math.max(columns * in.pitchXMm(), rows * in.pitchYMm()) + 2 * in.marginMm());
        long site = dxfRectangle(RECESS, n) + dxfRectangle(BOTTOM, n) + walls * dxfRectangle(WALL, n)
                + openings * dxfRectangle(OPENING, n) + notches * dxfRectangle(NOTCH, n) + pads * dxfRectangle(PAD, n);
        long dxf = DXF_FIXED + 4 * n
                + dxfRectangle(OUTLINE, n) + cover * dxfRectangle(REAR_COVER, n) + streets * dxfRectangle(STREET, n) + fiducials * dxfPolyline(12, FIDUCIAL, n)
                + sites * (site + DXF_TEXT + 5 * n) + labelChars
                + indices * (DXF_TEXT + 5 * n) + indexChars;

        long svgLabels = sites <= SVG_LABELLED_SITES ? sites * SVG_TEXT + labelChars : 0;
        long svg = SVG_FIXED + 2 * perSite * SVG_RECTANGLE + svgLabels + indices * SVG_TEXT + indexChars
                + cover * SVG_REAR_COVER + streets * SVG_STREET + fiducials * SVG_FIDUCIAL;
        return new OutputEstimate(sites, perSite, shapes, gds, flatGds, dxf, svg);
    }

    /**
     * Whether the generator may place the pads: each land, (street − kerf) / 2, at least the pad side on both
     * axes, and {@code along} pads side by side no longer than the shorter recess side ({@code along} 0: a ring,
     * which only needs the land) (docs/layout.md §2, step 5). The generator works on the nanometre grid, so the comparison allows 5 nm
     * of rounding in the pad's favour: in doubt the pads are counted. No pad size (no bonding section) counts too.
     * {@code hollowWalls} is the deprecated design field: the wall is one plated thickness either way, so it does
     * not move the lands; it stays in the signature for the design reader's rule 10.
     */
    static boolean padsMayFit(double bodyLengthMm, double bodyWidthMm, double clearanceMm, double thicknessUm,
                              double pitchXMm, double pitchYMm, double kerfMm, Double padMm, int along) {
        if (padMm == null) {
            return true;
        }
        double wallMm = DepressionGeometry.nmFromUm(thicknessUm) / 1e6;
        double recessX = bodyLengthMm + 2 * clearanceMm + 2 * wallMm;
        double recessY = bodyWidthMm + 2 * clearanceMm + 2 * wallMm;
        double landX = (pitchXMm - recessX - kerfMm) / 2;
        double landY = (pitchYMm - recessY - kerfMm) / 2;
        double slack = 5 * DesignLimits.GEOMETRY_EPSILON_MM;
        return padMm <= Math.min(landX, landY) + slack && along * padMm <= Math.min(recessX, recessY) + slack;
    }

    /** A closed 4-vertex DXF polyline on a layer named with {@code layer} characters. */
    static long dxfRectangle(int layer, long numberChars) {
        return dxfPolyline(4, layer, numberChars);
    }

    /** POLYLINE 39 + L, v VERTEXes of 25 + L + two numbers, SEQEND 12 + L. */
    static long dxfPolyline(int vertices, int layer, long numberChars) {
        return 51 + 2L * layer + vertices * (25 + layer + 2 * numberChars);
    }

    /**
     * Characters of the longest millimetre number up to {@code extentMm}: its integer digits, the point and six
     * decimals (the nanometre grid); at least 9 for "-0.000001"-like street edges left of a zero margin.
     */
    static long numberChars(double extentMm) {
        long whole = (long) Math.floor(Math.max(1, extentMm));
        return Math.max(Long.toString(whole).length() + 7, 9);
    }

    /** The sum of the decimal digit counts of 1, 2, …, {@code n}. */
    static long digitSum(long n) {
        long sum = 0;
        long low = 1;
        for (int digits = 1; low <= n; digits++, low *= 10) {
            sum += digits * (Math.min(n, low * 10 - 1) - low + 1);
        }
        return sum;
    }

    /** Whether every figure is within the limits. */
    public boolean within(OutputLimits limits) {
        return shapes <= limits.maxShapes() && gdsBytes <= limits.maxGdsBytes()
                && flatGdsBytes <= limits.maxFlatGdsBytes() && dxfBytes <= limits.maxDxfBytes()
                && svgBytes <= limits.maxSvgBytes();
    }

    /** The figures over their limits, in words, e.g. "DXF 24.1 GiB (limit 512 MiB)"; empty when within. */
    public List<String> exceeded(OutputLimits limits) {
        List<String> over = new ArrayList<>();
        if (shapes > limits.maxShapes()) {
            over.add(count(shapes) + " shapes in a flat file (limit " + count(limits.maxShapes()) + ")");
        }
        if (dxfBytes > limits.maxDxfBytes()) {
            over.add("DXF " + bytes(dxfBytes) + " (limit " + bytes(limits.maxDxfBytes()) + ")");
        }
        if (flatGdsBytes > limits.maxFlatGdsBytes()) {
            over.add("flat GDSII " + bytes(flatGdsBytes) + " (limit " + bytes(limits.maxFlatGdsBytes()) + ")");
        }
        if (gdsBytes > limits.maxGdsBytes()) {
            over.add("GDSII " + bytes(gdsBytes) + " (limit " + bytes(limits.maxGdsBytes()) + ")");
        }
        if (svgBytes > limits.maxSvgBytes()) {
            over.add("SVG " + bytes(svgBytes) + " (limit " + bytes(limits.maxSvgBytes()) + ")");
        }
        return over;
    }

    /** A count with thousands separated, e.g. "101,752,006". */
    public static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** Bytes in binary units with three significant digits, e.g. "512 MiB", "24.1 GiB", "980 B". */
    public static String bytes(long value) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        double v = value;
        int unit = 0;
        while (v >= 1024 && unit < units.length - 1) {
            v /= 1024;
            unit++;
        }
        String text = new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
        return text + " " + units[unit];
    }
}
