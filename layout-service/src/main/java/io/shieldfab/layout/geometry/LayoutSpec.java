package io.shieldfab.layout.geometry;

import io.shieldfab.design.Design;
import io.shieldfab.design.OpeningsSpec.OpeningStyle;

/**
 * Everything the layout generator needs, on the integer nanometre grid. Built from a validated
 * {@link Design} by {@link #from(Design)}; lengths are rounded to the nearest nanometre once, here, so all
 * geometry downstream is exact integer arithmetic.
 *
 * <pre>
 *   site (pitchX × pitchY), centred depression, seen from above:
 *   ┌──────────────────────────────┐
 *   │  land      ┌──────────┐      │   cavity  = package + 2 × clearance
 *   │            │▓ wall ▓▓▓│      │   recess  = cavity + 2 × wallTotal  (the mandrel recess = depression outline)
 *   │            │▓ cavity ▓│      │   street  = pitch − recess
 *   │            └──────────┘      │   kerf is centred on the site boundary
 *   └──────────────────────────────┘
 * </pre>
 *
 * @param name              design name
 * @param revision          design revision
 * @param rows              site rows
 * @param columns           site columns
 * @param pitchXNm          column pitch, nm
 * @param pitchYNm          row pitch, nm
 * @param marginNm          panel margin outside the site array, nm
 * @param kerfNm            saw kerf, nm
 * @param packageLengthNm   package body along X, nm
 * @param packageWidthNm    package body along Y, nm
 * @param packageHeightNm   package body height, nm
 * @param clearanceNm       gap between package and inner wall face, nm
 * @param thicknessNm       plated thickness (one skin of the wall, and the bottom), nm
 * @param hollowWalls       claim 15: walls are two skins around a hollow core open to the rear
 * @param recessDepthNm     mandrel recess depth = depth of the cavity below the land, nm
 * @param openingStyle      SLOTS, PILLARS or NONE
 * @param openingsPerWall   openings on each of the four side walls
 * @param openingLengthNm   opening length along the wall, nm
 * @param openingHeightNm   opening height up the wall, nm
 * @param padSizeNm         side of the square bonding pads, nm
 */
public record LayoutSpec(
        String name,
        String revision,
        int rows,
        int columns,
        long pitchXNm,
        long pitchYNm,
        long marginNm,
        long kerfNm,
        long packageLengthNm,
        long packageWidthNm,
        long packageHeightNm,
        long clearanceNm,
        long thicknessNm,
        boolean hollowWalls,
        long recessDepthNm,
        OpeningStyle openingStyle,
        int openingsPerWall,
        long openingLengthNm,
        long openingHeightNm,
        long padSizeNm) {

    /** The most sites a panel may have (issue 3: refuse larger panels instead of running out of memory). */
    public static final long MAX_SITES = 1_000_000L;

    public LayoutSpec {
        if (rows < 1 || columns < 1) {
            throw new IllegalArgumentException("rows and columns must be at least 1");
        }
        if ((long) rows * columns > MAX_SITES) {
            throw new IllegalArgumentException("a panel may have at most " + MAX_SITES + " sites");
        }
        if (openingStyle == null) {
            openingStyle = OpeningStyle.NONE;
        }
        if (openingStyle == OpeningStyle.NONE) {
            openingsPerWall = 0;
        }
        if (thicknessNm <= 0 || packageLengthNm <= 0 || packageWidthNm <= 0 || packageHeightNm <= 0
                || recessDepthNm <= 0 || pitchXNm <= 0 || pitchYNm <= 0 || clearanceNm < 0 || marginNm < 0
                || kerfNm < 0 || openingsPerWall < 0) {
            throw new IllegalArgumentException("lengths must be positive");
        }
    }

    /** Converts a validated design (defaults applied) to the nanometre grid. */
    public static LayoutSpec from(Design d) {
        var openings = d.shield().openings();
        OpeningStyle style = openings == null || openings.style() == null ? OpeningStyle.NONE : openings.style();
        int perWall = style == OpeningStyle.NONE ? 0 : openings.perWall();
        return new LayoutSpec(
                d.name(), d.revision(),
                d.panel().rows(), d.panel().columns(),
                mm(d.panel().pitchXMm()), mm(d.panel().pitchYMm()),
                mm(d.panel().marginMm()), mm(d.panel().sawKerfMm()),
                mm(d.packageSpec().bodyLengthMm()), mm(d.packageSpec().bodyWidthMm()), mm(d.packageSpec().heightMm()),
                mm(d.shield().wallClearanceMm()), um(d.shield().thicknessUm()), d.shield().hollowWalls(),
                mm(d.mandrel().recessDepthMm()),
                style, perWall,
                perWall == 0 ? 0 : mm(openings.lengthMm()), perWall == 0 ? 0 : mm(openings.heightMm()),
                d.bonding() == null ? 0 : mm(d.bonding().padSizeMm()));
    }

    /** Millimetres to the nearest nanometre. */
    public static long mm(double mm) {
        return Math.round(mm * 1_000_000.0);
    }

    /** Micrometres to the nearest nanometre. */
    public static long um(double um) {
        return Math.round(um * 1_000.0);
    }

    public long siteCount() {
        return (long) rows * columns;
    }

    /** Thickness of a side wall from cavity to street: one skin, or two skins and a core of one skin (claim 15). */
    public long wallTotalNm() {
        return hollowWalls ? 3 * thicknessNm : thicknessNm;
    }

    public long cavityXNm() {
        return packageLengthNm + 2 * clearanceNm;
    }

    public long cavityYNm() {
        return packageWidthNm + 2 * clearanceNm;
    }

    /** Outer size of the depression along X = size of the mandrel recess. */
    public long recessXNm() {
        return cavityXNm() + 2 * wallTotalNm();
    }

    public long recessYNm() {
        return cavityYNm() + 2 * wallTotalNm();
    }

    public long streetXNm() {
        return pitchXNm - recessXNm();
    }

    public long streetYNm() {
        return pitchYNm - recessYNm();
    }

    public long panelWidthNm() {
        return columns * pitchXNm + 2 * marginNm;
    }

    public long panelHeightNm() {
        return rows * pitchYNm + 2 * marginNm;
    }

    public int openingsPerSite() {
        return 4 * openingsPerWall;
    }
}
