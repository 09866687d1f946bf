package io.shieldfab.design;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.regex.Pattern;

/**
 * Every range the design reader enforces, in one place; docs/design-document.md and
 * docs/schema/design.schema.json state the same numbers. The maxima are sanity limits (a typo such as a pitch
 * in µm instead of mm is caught), not process capabilities.
 */
public final class DesignLimits {

    private DesignLimits() {
    }

    /** An interval of allowed values with its unit, e.g. {@code (0, 100] mm}. */
    public record Range(double min, boolean minInclusive, double max, boolean maxInclusive, String unit) {

        public static Range aboveZero(double max, String unit) {
            return new Range(0, false, max, true, unit);
        }

        public static Range closed(double min, double max, String unit) {
            return new Range(min, true, max, true, unit);
        }

        public boolean contains(double value) {
            return (minInclusive ? value >= min : value > min) && (maxInclusive ? value <= max : value < max);
        }

        /** E.g. "greater than 0 and at most 100 mm". */
        public String describe() {
            String lower = (minInclusive ? "at least " : "greater than ") + number(min);
            String upper = (maxInclusive ? "at most " : "less than ") + number(max);
            return lower + " and " + upper + unitSuffix();
        }

        String unitSuffix() {
            return unit.isEmpty() ? "" : " " + unit;
        }
    }

    /** A design name: 1..100 of letters, digits, '.', '_' or '-' (safe in file names and GDS cell names). */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");
    public static final int NAME_MAX_LENGTH = 100;
    public static final int REVISION_MAX_LENGTH = 20;

    public static final Range BODY_MM = Range.aboveZero(100, "mm");
    public static final Range PACKAGE_HEIGHT_MM = Range.aboveZero(20, "mm");
    /** 300 GHz: the top of the EHF (millimetre-wave) band, ITU-R V.431. */
    public static final Range FREQUENCY_HZ = Range.aboveZero(300e9, "Hz");
    public static final int HARMONICS_MIN = 1;
    public static final int HARMONICS_MAX = 50;
    public static final Range RISE_TIME_S = Range.aboveZero(1, "s");

    public static final int SITES_PER_AXIS_MIN = 1;
    public static final int SITES_PER_AXIS_MAX = 1000;
    public static final Range PITCH_MM = Range.aboveZero(500, "mm");
    public static final Range MARGIN_MM = Range.closed(0, 100, "mm");
    public static final Range SAW_KERF_MM = Range.aboveZero(5, "mm");
    /** Largest panel outline per side, mm (columns × pitchX + 2 × margin, rows × pitchY + 2 × margin). */
    public static final double PANEL_SIDE_MAX_MM = 2000;

    public static final Range THICKNESS_UM = Range.closed(1, 2000, "µm");
    public static final Range WALL_CLEARANCE_MM = Range.aboveZero(20, "mm");
    public static final Range RELATIVE_PERMEABILITY = Range.closed(1, 1e6, "");
    public static final int PER_WALL_MAX = 100;
    public static final Range OPENING_LENGTH_MM = Range.aboveZero(100, "mm");
    public static final Range OPENING_HEIGHT_MM = Range.aboveZero(20, "mm");
    /** With style NONE the opening sizes mean nothing; 0 (the default) is allowed. */
    public static final Range NO_OPENING_MM = Range.closed(0, 100, "mm");

    public static final Range RECESS_DEPTH_MM = Range.aboveZero(20, "mm");

    public static final Range RELATIVE_PERMITTIVITY = Range.closed(1, 100, "");
    public static final Range LOSS_TANGENT = Range.closed(0, 1, "");
    public static final Range ALLOWANCE_PERCENT = Range.closed(0, 100, "%");
    /** Apparent viscosity at process temperature: water is 0.001, the stiffest mould compounds about 1000. */
    public static final Range VISCOSITY_PA_S = Range.aboveZero(10_000, "Pa·s");
    public static final Range FILLER_TOP_CUT_UM = Range.closed(0, 500, "µm");
    public static final Range GEL_TIME_S = Range.aboveZero(86_400, "s");
    public static final Range PRESSURE_KPA = Range.aboveZero(100_000, "kPa");
    public static final int GATES_PER_ROW_MIN = 1;

    public static final Range PAD_SIZE_MM = Range.aboveZero(10, "mm");
    public static final Range PAD_THICKNESS_UM = Range.closed(1, 1000, "µm");
    public static final Range BOARD_PAD_SIZE_MM = Range.aboveZero(10, "mm");
    public static final int PADS_PER_SIDE_MIN = 1;
    public static final int PADS_PER_SIDE_MAX = 20;

    public static final Range MIN_SHIELDING_DB = Range.closed(0, 200, "dB");
    public static final Range CURRENT_DENSITY_A_PER_DM2 = Range.aboveZero(100, "A/dm²");

    /** Claim 8 tolerance: recess depth may differ from the package height by max(0.05 mm, 10 % of the height). */
    public static final double RECESS_TOLERANCE_MIN_MM = 0.05;
    public static final double RECESS_TOLERANCE_FRACTION = 0.10;

    /** Geometric comparisons ignore differences below 1 nm, the layout grid (docs/layout.md). */
    public static final double GEOMETRY_EPSILON_MM = 1e-6;

    // Output size (docs/design-document.md, "Output size"): the defaults of OutputLimits.DEFAULTS. Reference panel:
    // docs/benchmarks.md's 300 × 300 sites at 5 mm, 18 polygons and a label per site: 1 711 206 flat shapes,
    // estimated 457 MiB of DXF (419 MB written). The 500 × 500 sites with 100 slots per wall of the security
    // review (docs/evidence.md, finding 5) is 101 752 006 shapes and an estimated 26.6 GiB of DXF.

    /**
     * Most shapes (polygons and texts) in a flat layout file: the reference panel with 15 % to spare. It bounds
     * layout-service's work for any flat file: 2 million elements take about 0.1 s as GDSII and 1 s as DXF on the
     * benchmark machine.
     */
    public static final long MAX_SHAPES = 2_000_000L;
    /**
     * Largest DXF (always flat), bytes: 512 MiB admits the reference panel (estimate 457 MiB) and keeps the DXF
     * inside a handoff bundle near 30 MB, since DXF text deflates 17:1 to 20:1 (measured on the reference panel and
     * on a design with six-decimal coordinates), within the gateway's 32 MiB bundle limit.
     */
    public static final long MAX_DXF_BYTES = 512L << 20;
    /**
     * Largest flat GDSII, bytes (64 bytes a rectangle): 256 MiB is above what {@link #MAX_SHAPES} allows
     * (2 million rectangles are 122 MiB), so it binds only if the shape limit is raised alone.
     */
    public static final long MAX_FLAT_GDS_BYTES = 256L << 20;
    /**
     * Largest hierarchical GDSII, bytes. It holds one site cell and the row and column indices, about 0.2 MB at
     * most for a valid design (1000 × 1000 sites, hollow pillar walls with 100 gaps), so 16 MiB is a guard
     * against writer changes rather than a limit designs meet.
     */
    public static final long MAX_GDS_BYTES = 16L << 20;
    /**
     * Largest SVG preview, bytes: the portal shows it inline. The site array is one pattern tile, so a valid
     * design stays under 0.5 MB; 16 MiB guards the portal against writer changes.
     */
    public static final long MAX_SVG_BYTES = 16L << 20;

    /** A number for a message: at most 6 significant digits, no trailing zeros, e.g. 5.65, 2.45e9, 0.0002, 1e-12. */
    public static String number(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        if (value == 0) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(6)).stripTrailingZeros();
        double magnitude = Math.abs(value);
        return magnitude >= 1e-4 && magnitude < 1e7 ? rounded.toPlainString()
                : rounded.toString().replace("E+", "e").replace("E", "e");
    }
}
