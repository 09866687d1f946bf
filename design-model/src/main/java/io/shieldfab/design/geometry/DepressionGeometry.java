package io.shieldfab.design.geometry;

import io.shieldfab.design.Design;
import io.shieldfab.design.OpeningsSpec;
import io.shieldfab.design.OpeningsSpec.OpeningStyle;

import java.util.List;

/**
 * The one geometry of a depression and its site, on the integer nanometre grid
 * (docs/layout.md, "How the geometry is built"). Lengths are rounded to the nearest nanometre once, by
 * {@link #nm(double)} and {@link #nmFromUm(double)}, so validation (design-model), layout and recipe compare exact
 * integers and can never disagree at a boundary. A change of the process model (a different wall build-up, say) is
 * made here and nowhere else.
 *
 * <pre>
 *   one site, section along X (the same along Y with the body width and pitchY):
 *   |&lt;----------------------------- pitch ------------------------------&gt;|
 *   | street/2 |&lt;----------------- recess (footprint) ---------------&gt;| street/2 |
 *              | T |clearance|&lt;---- body ----&gt;|clearance| T |
 *                  |&lt;------------- cavity -------------&gt;|
 *   T = wall total = t (solid) or 3t (hollow: two skins around a core of one skin, claim 15)
 *   street = pitch − recess must be wider than the kerf (claim 1: the saw must not cut a side wall)
 * </pre>
 *
 * @param pitchXNm        column pitch, nm
 * @param pitchYNm        row pitch, nm
 * @param kerfNm          saw kerf, nm
 * @param packageLengthNm package body along X, nm
 * @param packageWidthNm  package body along Y, nm
 * @param packageHeightNm package body height, nm
 * @param clearanceNm     gap between package and inner wall face, nm
 * @param thicknessNm     plated thickness (one skin of the wall, and the bottom), nm
 * @param hollowWalls     claim 15: walls are two skins around a hollow core open to the rear
 * @param recessDepthNm   mandrel recess depth = depth of the cavity below the land = side wall height, nm
 * @param openingStyle    SLOTS, PILLARS or NONE
 * @param openingsPerWall openings on each of the four side walls (0 with NONE)
 * @param openingLengthNm opening length along the wall, nm
 * @param openingHeightNm opening height up the wall, nm
 * @param padSizeNm       side of the square bonding pads, nm (0: no pads)
 */
public record DepressionGeometry(
        long pitchXNm,
        long pitchYNm,
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

    /** Bonding pads per site when they fit: one on each of the four lands (claims 9-10, docs/layout.md). */
    public static final int PADS_PER_SITE = 4;

    public DepressionGeometry {
        if (openingStyle == null) {
            openingStyle = OpeningStyle.NONE;
        }
        if (openingStyle == OpeningStyle.NONE) {
            openingsPerWall = 0;
        }
        if (thicknessNm <= 0 || packageLengthNm <= 0 || packageWidthNm <= 0 || packageHeightNm <= 0
                || recessDepthNm <= 0 || pitchXNm <= 0 || pitchYNm <= 0 || clearanceNm < 0 || kerfNm < 0
                || openingsPerWall < 0 || padSizeNm < 0) {
            throw new IllegalArgumentException("lengths must be positive");
        }
    }

    /** Converts a validated design (defaults applied) to the nanometre grid. */
    public static DepressionGeometry from(Design d) {
        OpeningsSpec openings = d.shield().openings();
        OpeningStyle style = openings == null || openings.style() == null ? OpeningStyle.NONE : openings.style();
        int perWall = style == OpeningStyle.NONE ? 0 : openings.perWall();
        return new DepressionGeometry(
                nm(d.panel().pitchXMm()), nm(d.panel().pitchYMm()), nm(d.panel().sawKerfMm()),
                nm(d.packageSpec().bodyLengthMm()), nm(d.packageSpec().bodyWidthMm()), nm(d.packageSpec().heightMm()),
                nm(d.shield().wallClearanceMm()), nmFromUm(d.shield().thicknessUm()), d.shield().hollowWalls(),
                nm(d.mandrel().recessDepthMm()),
                style, perWall,
                perWall == 0 ? 0 : nm(openings.lengthMm()), perWall == 0 ? 0 : nm(openings.heightMm()),
                d.bonding() == null ? 0 : nm(d.bonding().padSizeMm()));
    }

    /** Millimetres to the nearest nanometre: the one conversion of a design length to the grid. */
    public static long nm(double mm) {
        return Math.round(mm * 1_000_000.0);
    }

    /** Micrometres to the nearest nanometre. */
    public static long nmFromUm(double um) {
        return Math.round(um * 1_000.0);
    }

    /**
     * Wall thickness from cavity to street: one skin of {@code t}, or two skins and a core of one skin (claim 15,
     * docs/layout.md: what the GDSII draws).
     */
    public static long wallTotalNm(long thicknessNm, boolean hollowWalls) {
        return hollowWalls ? 3 * thicknessNm : thicknessNm;
    }

    /**
     * Length of wall the openings need, nm (docs/design-document.md, rule 4). SLOTS: the slots and one slot length
     * of solid wall between neighbours, (2n − 1)·ℓ; PILLARS: the gaps, n·ℓ; NONE: 0.
     */
    public static long openingsNeedNm(OpeningStyle style, int perWall, long lengthNm) {
        if (style == null || style == OpeningStyle.NONE || perWall <= 0) {
            return 0;
        }
        return style == OpeningStyle.SLOTS ? (2L * perWall - 1) * lengthNm : perWall * lengthNm;
    }

    /** Whether openings needing {@code needNm} of wall fit on a wall of {@code wallNm}: some wall must remain. */
    public static boolean openingsFit(long needNm, long wallNm) {
        return needNm < wallNm;
    }

    /** An opening fits up the side wall when it is not taller than the recess depth. */
    public static boolean openingHeightFits(long heightNm, long recessDepthNm) {
        return heightNm <= recessDepthNm;
    }

    /**
     * One axis of the site section (see the class diagram).
     *
     * @param name        X or Y
     * @param bodyNm      package body along the axis, nm
     * @param clearanceNm gap between body and inner wall face, nm
     * @param wallTotalNm wall thickness from cavity to street, nm
     * @param pitchNm     pitch along the axis, nm
     * @param kerfNm      saw kerf, nm
     */
    public record Axis(char name, long bodyNm, long clearanceNm, long wallTotalNm, long pitchNm, long kerfNm) {

        /** Inner cavity: body + 2 × clearance. */
        public long cavityNm() {
            return bodyNm + 2 * clearanceNm;
        }

        /** Outer footprint = mandrel recess: cavity + 2 × wall total. */
        public long recessNm() {
            return cavityNm() + 2 * wallTotalNm;
        }

        /** Street between neighbouring depressions: pitch − recess. */
        public long streetNm() {
            return pitchNm - recessNm();
        }

        /** Rule 1: the depression fits in the pitch (some street remains). */
        public boolean recessFits() {
            return streetNm() > 0;
        }

        /** Rule 2: the kerf is narrower than the street, so the saw does not cut a side wall. */
        public boolean kerfFits() {
            return kerfNm < streetNm();
        }
    }

    public Axis x() {
        return new Axis('X', packageLengthNm, clearanceNm, wallTotalNm(), pitchXNm, kerfNm);
    }

    public Axis y() {
        return new Axis('Y', packageWidthNm, clearanceNm, wallTotalNm(), pitchYNm, kerfNm);
    }

    public long wallTotalNm() {
        return wallTotalNm(thicknessNm, hollowWalls);
    }

    public long cavityXNm() {
        return x().cavityNm();
    }

    public long cavityYNm() {
        return y().cavityNm();
    }

    /** Outer size of the depression along X = size of the mandrel recess. */
    public long recessXNm() {
        return x().recessNm();
    }

    public long recessYNm() {
        return y().recessNm();
    }

    public long streetXNm() {
        return x().streetNm();
    }

    public long streetYNm() {
        return y().streetNm();
    }

    /** The narrower street. */
    public long streetNm() {
        return Math.min(streetXNm(), streetYNm());
    }

    /** The shorter inner wall, the one the openings must fit on (rule 4). */
    public long shorterWallNm() {
        return Math.min(cavityXNm(), cavityYNm());
    }

    public int openingsPerSite() {
        return 4 * openingsPerWall;
    }

    /** Opening depth through the wall (the waveguide length), nm: the wall total, or 0 without openings. */
    public long openingDepthNm() {
        return openingsPerWall > 0 ? wallTotalNm() : 0;
    }

    /** Rule 4 on this geometry. */
    public boolean openingsFit() {
        return openingsFit(openingsNeedNm(openingStyle, openingsPerWall, openingLengthNm), shorterWallNm());
    }

    /** Lower-left corner of the cavity in the site (origin at the site's lower-left): centred in the pitch box. */
    public long cavityMinXNm() {
        return pitchXNm / 2 - cavityXNm() / 2;
    }

    public long cavityMinYNm() {
        return pitchYNm / 2 - cavityYNm() / 2;
    }

    /**
     * Lower-left corners of the bonding pads in the site, order N, S, E, W (claims 9-10): each square pad centred on
     * the site's axis and in the land between the wall's outer face and the kerf edge. Empty when there are no pads
     * or they do not fit on a land (the layout then warns).
     */
    public List<long[]> padCornersNm() {
        long p = padSizeNm;
        if (p <= 0) {
            return List.of();
        }
        long halfKerfLow = (kerfNm + 1) / 2;
        long recessMinX = cavityMinXNm() - wallTotalNm();
        long recessMinY = cavityMinYNm() - wallTotalNm();
        long recessMaxX = recessMinX + recessXNm();
        long recessMaxY = recessMinY + recessYNm();
        long nLo = recessMaxY, nHi = pitchYNm - halfKerfLow;
        long sLo = halfKerfLow, sHi = recessMinY;
        long eLo = recessMaxX, eHi = pitchXNm - halfKerfLow;
        long wLo = halfKerfLow, wHi = recessMinX;
        if (nHi - nLo < p || sHi - sLo < p || eHi - eLo < p || wHi - wLo < p || p > recessXNm() || p > recessYNm()) {
            return List.of();
        }
        long px = pitchXNm / 2 - p / 2;
        long py = pitchYNm / 2 - p / 2;
        long ny = (nLo + nHi) / 2 - p / 2;
        long sy = (sLo + sHi) / 2 - p / 2;
        long ex = (eLo + eHi) / 2 - p / 2;
        long wx = (wLo + wHi) / 2 - p / 2;
        return List.of(new long[]{px, ny}, new long[]{px, sy}, new long[]{ex, py}, new long[]{wx, py});
    }
}
