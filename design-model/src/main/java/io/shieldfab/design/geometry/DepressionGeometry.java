package io.shieldfab.design.geometry;

import io.shieldfab.design.BondingSpec;
import io.shieldfab.design.BondingSpec.BondingPattern;
import io.shieldfab.design.Design;
import io.shieldfab.design.EncapsulationSpec.EncapsulationStage;
import io.shieldfab.design.OpeningsSpec;
import io.shieldfab.design.OpeningsSpec.OpeningStyle;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
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
 *   T = wall = t: the deposit lines the recess, so the side walls of two neighbouring depressions sit on
 *       the two faces of the mandrel rib between them and the land covers its top (an inverted U)
 *   street = pitch − recess = rib width; it must be wider than the kerf (claim 1: the saw must not cut a side wall)
 *
 *   section through the rib between two depressions (docs/layout.md, "Routes for the encapsulant"):
 *          land (t)                        TROUGHS: a notch ℓ wide, h deep in the rib top; the deposit
 *      ┌───────────────┐                  follows it, an open channel over the rib (claims 13, 16)
 *   ───┘│    rib      │└───  floor       SLOTS: holes through the side walls; they face the rib until the
 *       │ (mandrel;   │                  support is removed, then open into the wall space (claims 13, 15)
 *       │  wall space │                  PILLARS: the rib is a row of posts; the gaps run the full wall
 *       │  once gone) │                  height across the rib (claims 22, 23)
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
 * @param wallSpaceOpen   the support is removed before encapsulation (claim 15): each rib leaves a wall space,
 *                        the inside of the inverted U, open to the rear
 * @param recessDepthNm   mandrel recess depth = depth of the cavity below the land = side wall height, nm
 * @param openingStyle    SLOTS, TROUGHS, PILLARS or NONE
 * @param openingsPerWall openings on each of the four side walls (0 with NONE)
 * @param openingLengthNm opening length along the wall, nm
 * @param openingHeightNm opening height up the wall, nm
 * @param padSizeNm       side of the square bonding pads, or width of the bonding ring, nm (0: no bonding)
 * @param bondingPattern  PADS (square pads on the lands) or RING (one closed ring round the depression)
 * @param padsPerSide     square pads on each of the four lands, at least 1 with PADS; 0 with RING
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
        boolean wallSpaceOpen,
        long recessDepthNm,
        OpeningStyle openingStyle,
        int openingsPerWall,
        long openingLengthNm,
        long openingHeightNm,
        long padSizeNm,
        BondingPattern bondingPattern,
        int padsPerSide) {

    public DepressionGeometry {
        if (bondingPattern == null) {
            bondingPattern = BondingPattern.PADS;
        }
        if (bondingPattern == BondingPattern.RING) {
            padsPerSide = 0;
        } else if (padsPerSide < 1) {
            throw new IllegalArgumentException("at least one pad a side");
        }
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

    /** One square pad a side ({@code PADS}, one a side): the default bonding (one pad mid-land on each side). */
    public DepressionGeometry(long pitchXNm, long pitchYNm, long kerfNm, long packageLengthNm, long packageWidthNm,
                              long packageHeightNm, long clearanceNm, long thicknessNm, boolean wallSpaceOpen,
                              long recessDepthNm, OpeningStyle openingStyle, int openingsPerWall, long openingLengthNm,
                              long openingHeightNm, long padSizeNm) {
        this(pitchXNm, pitchYNm, kerfNm, packageLengthNm, packageWidthNm, packageHeightNm, clearanceNm, thicknessNm,
                wallSpaceOpen, recessDepthNm, openingStyle, openingsPerWall, openingLengthNm, openingHeightNm,
                padSizeNm, BondingPattern.PADS, BondingSpec.DEFAULT_PADS_PER_SIDE);
    }

    /** Converts a validated design (defaults applied) to the nanometre grid. */
    public static DepressionGeometry from(Design d) {
        OpeningsSpec openings = d.shield().openings();
        OpeningStyle style = openings == null || openings.style() == null ? OpeningStyle.NONE : openings.style();
        int perWall = style == OpeningStyle.NONE ? 0 : openings.perWall();
        BondingSpec bonding = d.bonding();
        BondingPattern pattern = bonding == null ? BondingPattern.PADS : bonding.pattern();
        int padsPerSide = bonding == null || pattern == BondingPattern.RING ? BondingSpec.DEFAULT_PADS_PER_SIDE
                : bonding.padsPerSide();
        return new DepressionGeometry(
                nm(d.panel().pitchXMm()), nm(d.panel().pitchYMm()), nm(d.panel().sawKerfMm()),
                nm(d.packageSpec().bodyLengthMm()), nm(d.packageSpec().bodyWidthMm()), nm(d.packageSpec().heightMm()),
                nm(d.shield().wallClearanceMm()), nmFromUm(d.shield().thicknessUm()),
                d.encapsulation().stage() == EncapsulationStage.AFTER_SUPPORT_REMOVAL,
                nm(d.mandrel().recessDepthMm()),
                style, perWall,
                perWall == 0 ? 0 : nm(openings.lengthMm()), perWall == 0 ? 0 : nm(openings.heightMm()),
                bonding == null ? 0 : nm(bonding.padSizeMm()), pattern, padsPerSide);
    }

    /** The same depression bonded with k square pads a side (the seam fix tries larger k, docs/shielding.md "Seams"). */
    public DepressionGeometry withPadsPerSide(int k) {
        return new DepressionGeometry(pitchXNm, pitchYNm, kerfNm, packageLengthNm, packageWidthNm, packageHeightNm,
                clearanceNm, thicknessNm, wallSpaceOpen, recessDepthNm, openingStyle, openingsPerWall, openingLengthNm,
                openingHeightNm, padSizeNm, BondingPattern.PADS, k);
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
     * Length of wall the openings need, nm (docs/design-document.md, rule 4). SLOTS: the openings and one opening
     * length of solid wall between neighbours, (2n − 1)·ℓ; TROUGHS: the same with the notch each cuts in the rib,
     * ℓ + 2t wide (the deposit lines it), (2n − 1)·(ℓ + 2t), so neighbouring notches never merge; PILLARS: the gaps,
     * n·ℓ; NONE: 0.
     */
    public static long openingsNeedNm(OpeningStyle style, int perWall, long lengthNm, long thicknessNm) {
        if (style == null || style == OpeningStyle.NONE || perWall <= 0) {
            return 0;
        }
        return switch (style) {
            case PILLARS -> perWall * lengthNm;
            case TROUGHS -> (2L * perWall - 1) * (lengthNm + 2 * thicknessNm);
            default -> (2L * perWall - 1) * lengthNm;
        };
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

    /** Wall thickness from cavity to street: the plated thickness t (the class diagram). */
    public long wallTotalNm() {
        return thicknessNm;
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

    /**
     * Opening depth through the wall (the waveguide length the shielding model uses), nm: the wall thickness t, or
     * 0 without openings. For a trough or a pillar gap this is the conservative choice: the channel across the rib
     * is longer, and a longer below-cutoff guide attenuates more (docs/shielding.md).
     */
    public long openingDepthNm() {
        return openingsPerWall > 0 ? wallTotalNm() : 0;
    }

    /** Rule 4 on this geometry. */
    public boolean openingsFit() {
        return openingsFit(openingsNeedNm(openingStyle, openingsPerWall, openingLengthNm, thicknessNm),
                shorterWallNm());
    }

    /** Lower-left corner of the cavity in the site (origin at the site's lower-left): centred in the pitch box. */
    public long cavityMinXNm() {
        return pitchXNm / 2 - cavityXNm() / 2;
    }

    public long cavityMinYNm() {
        return pitchYNm / 2 - cavityYNm() / 2;
    }

    /** The route the encapsulant takes between depressions for this opening style and stage. */
    public FlowRoute route() {
        return FlowRoute.of(openingStyle, wallSpaceOpen);
    }

    /** Volume of one depression's cavity, mm³: a·b·d. */
    public BigDecimal cavityVolumeMm3() {
        return mm(cavityXNm()).multiply(mm(cavityYNm())).multiply(mm(recessDepthNm));
    }

    /**
     * The part of one package inside its depression, mm³: L·W·min(H, d). Only that part displaces encapsulant, so a
     * package taller than the recess (a warning, rule 7) never gives a negative encapsulant volume.
     */
    public BigDecimal packageInRecessVolumeMm3() {
        return mm(packageLengthNm).multiply(mm(packageWidthNm)).multiply(mm(Math.min(packageHeightNm, recessDepthNm)));
    }

    /**
     * Flow length through one pathway from a depression of a row to the next (along X), mm: through the side wall,
     * t, for SLOTS; across the rib and both walls, street X + 2t, for a trough or a pillar gap; 0 without openings.
     */
    public BigDecimal pathwayLengthMm() {
        return switch (route()) {
            case NONE -> BigDecimal.ZERO;
            case SLOTS_INTO_WALL_SPACE, SLOTS_FACING_RIB -> mm(thicknessNm);
            case TROUGHS, PILLAR_GAPS -> mm(streetXNm() + 2 * thicknessNm);
        };
    }

    /**
     * Encapsulant held by the pathways of one site, mm³. SLOTS: 4n·ℓ·h·t, the holes through the site's own walls.
     * TROUGHS and PILLARS: each channel crosses the rib and both walls, street + 2t, and is shared by the two
     * depressions it joins: n·ℓ·h·(street X + 2t) for the two walls facing along X plus n·ℓ·h·(street Y + 2t) for
     * the two facing along Y.
     */
    public BigDecimal pathwayVolumeMm3() {
        BigDecimal face = BigDecimal.valueOf(openingsPerWall).multiply(mm(openingLengthNm)).multiply(mm(openingHeightNm));
        return switch (route()) {
            case NONE -> BigDecimal.ZERO;
            case SLOTS_INTO_WALL_SPACE, SLOTS_FACING_RIB -> face.multiply(BigDecimal.valueOf(4)).multiply(mm(thicknessNm));
            case TROUGHS, PILLAR_GAPS -> face.multiply(mm(streetXNm() + streetYNm() + 4 * thicknessNm));
        };
    }

    /**
     * The wall space one site owns once the support is removed, mm³: the rib the mandrel leaves under the land,
     * (pX·pY − recess X·recess Y)·d (claim 15). 0 while the support is in place. For PILLARS this is the space of
     * the posts, which the deposit closes; only SLOTS open into it.
     */
    public BigDecimal wallSpaceVolumeMm3() {
        if (!wallSpaceOpen) {
            return BigDecimal.ZERO;
        }
        return mm(pitchXNm).multiply(mm(pitchYNm)).subtract(mm(recessXNm()).multiply(mm(recessYNm())))
                .multiply(mm(recessDepthNm));
    }

    /**
     * Encapsulant one site needs, mm³ (no allowance): cavity − package inside it + its pathways + the wall space
     * when the route fills it (SLOTS after support removal, claims 13, 15).
     */
    public BigDecimal encapsulantVolumeMm3() {
        BigDecimal v = cavityVolumeMm3().subtract(packageInRecessVolumeMm3()).add(pathwayVolumeMm3());
        return route().fillsWallSpace() ? v.add(wallSpaceVolumeMm3()) : v;
    }

    private static BigDecimal mm(long nm) {
        return BigDecimal.valueOf(nm, 6);
    }

    /**
     * The four lands across the site, nm, each from {@code lo} to {@code hi}: between the wall's outer face (the
     * recess edge) and the kerf edge, the half-kerf rounded in the land's disfavour (docs/layout.md §2, step 5).
     * N runs in Y from the recess top to pitch Y − kerf/2, S from kerf/2 to the recess bottom; E and W likewise in X.
     */
    private record Lands(long nLo, long nHi, long sLo, long sHi, long eLo, long eHi, long wLo, long wHi) {

        /** A strip {@code p} wide fits across every land. */
        boolean fit(long p) {
            return nHi - nLo >= p && sHi - sLo >= p && eHi - eLo >= p && wHi - wLo >= p;
        }

        /** Lower edge of a strip {@code p} wide centred in the band [lo, hi]. */
        static long centred(long lo, long hi, long p) {
            return (lo + hi) / 2 - p / 2;
        }
    }

    private Lands lands() {
        long halfKerfLow = (kerfNm + 1) / 2;
        long recessMinX = recessMinXNm();
        long recessMinY = recessMinYNm();
        return new Lands(recessMinY + recessYNm(), pitchYNm - halfKerfLow, halfKerfLow, recessMinY,
                recessMinX + recessXNm(), pitchXNm - halfKerfLow, halfKerfLow, recessMinX);
    }

    /** Left edge of the recess (the wall's outer face) in the site. */
    public long recessMinXNm() {
        return cavityMinXNm() - wallTotalNm();
    }

    public long recessMinYNm() {
        return cavityMinYNm() - wallTotalNm();
    }

    /**
     * Lower-left corners of the square bonding pads in the site (claims 9-10), {@code padsPerSide} (k) on each land
     * in the order N (left to right), S (left to right), E (bottom to top), W (bottom to top): each pad p square, in
     * the middle of its land between the wall's outer face and the kerf edge, and along the side the centre of pad i
     * at recessMin + (i + ½)·recess/k, so k = 1 puts it on the site's axis (docs/layout.md §2, step 5). Empty with
     * {@code RING}, without pads, or when they do not fit: a land narrower than p, or k·p longer than a recess side
     * (then neighbouring pads would overlap); the layout then warns.
     */
    public List<long[]> padCornersNm() {
        long p = padSizeNm;
        Lands lands = lands();
        if (p <= 0 || bondingPattern == BondingPattern.RING || !lands.fit(p)) {
            return List.of();
        }
        long[] alongX = alongSide(recessMinXNm(), recessXNm(), p);
        long[] alongY = alongSide(recessMinYNm(), recessYNm(), p);
        if (alongX.length == 0 || alongY.length == 0) {
            return List.of();
        }
        long ny = Lands.centred(lands.nLo(), lands.nHi(), p);
        long sy = Lands.centred(lands.sLo(), lands.sHi(), p);
        long ex = Lands.centred(lands.eLo(), lands.eHi(), p);
        long wx = Lands.centred(lands.wLo(), lands.wHi(), p);
        List<long[]> out = new ArrayList<>(4 * padsPerSide);
        for (long x : alongX) {
            out.add(new long[]{x, ny});
        }
        for (long x : alongX) {
            out.add(new long[]{x, sy});
        }
        for (long y : alongY) {
            out.add(new long[]{ex, y});
        }
        for (long y : alongY) {
            out.add(new long[]{wx, y});
        }
        return List.copyOf(out);
    }

    /**
     * Lower edges of the k pads along a recess side from {@code min}, {@code length} long: centre i at
     * min + (2i + 1)·length/(2k); empty when a pad would leave the side or overlap its neighbour.
     */
    private long[] alongSide(long min, long length, long p) {
        int k = padsPerSide;
        long[] out = new long[k];
        for (int i = 0; i < k; i++) {
            out[i] = min + (2L * i + 1) * length / (2L * k) - p / 2;
            if (out[i] < min || out[i] + p > min + length || i > 0 && out[i] - out[i - 1] < p) {
                return new long[0];
            }
        }
        return out;
    }

    /**
     * The bonding ring ({@code RING}) as four strips [minX, minY, maxX, maxY], nm, order N, S, E, W: a closed
     * rectangular band p wide in the middle of the lands; N and S span the corners, E and W run between them (as
     * the side walls do). Empty with {@code PADS}, without a width, or when a land is narrower than p.
     */
    public List<long[]> ringStripsNm() {
        long p = padSizeNm;
        Lands lands = lands();
        if (p <= 0 || bondingPattern != BondingPattern.RING || !lands.fit(p)) {
            return List.of();
        }
        long ny = Lands.centred(lands.nLo(), lands.nHi(), p);
        long sy = Lands.centred(lands.sLo(), lands.sHi(), p);
        long ex = Lands.centred(lands.eLo(), lands.eHi(), p);
        long wx = Lands.centred(lands.wLo(), lands.wHi(), p);
        return List.of(new long[]{wx, ny, ex + p, ny + p}, new long[]{wx, sy, ex + p, sy + p},
                new long[]{ex, sy + p, ex + p, ny}, new long[]{wx, sy + p, wx + p, ny});
    }

    /**
     * Centre-line length of the drawn bonding ring ({@code RING}), nm: the bonding line, the rectangle through the
     * middle of the four lands, 2·((xE − xW) + (yN − yS)); 0 when no ring is drawn ({@code PADS}, no width, or a land
     * narrower than p). The four strips of {@link #ringStripsNm()} cover exactly p × this length (N and S are
     * (xE − xW + p)·p each, E and W (yN − yS − p)·p each), so the ring's area is p times it.
     */
    public long ringLengthNm() {
        return ringStripsNm().isEmpty() ? 0 : bondingLineNm();
    }

    /** The bonding line's length, nm: 2·((xE − xW) + (yN − yS)) between the lands' middles. */
    private long bondingLineNm() {
        Lands l = lands();
        return 2 * ((l.eLo() + l.eHi()) / 2 - (l.wLo() + l.wHi()) / 2 + (l.nLo() + l.nHi()) / 2 - (l.sLo() + l.sHi()) / 2);
    }

    /**
     * The seam gaps along the bonding line, nm: where the rim is not bonded, the slots between the can and the board
     * (docs/shielding.md "Seams"). The bonding line is the rectangle through the middle of the four lands; the pads sit on it. Going
     * round it clockwise from the leftmost N pad (N left to right, E top to bottom, S right to left, W bottom to top),
     * each gap runs from one pad's edge to the next one's: the path between their centres along the line (straight
     * along a side, round the corner between two sides) less p. So 4k gaps, summing to the line's length less 4k·p.
     * A drawn ring leaves none (a closed seam). Nothing drawn (no width, or pads or ring do not fit) leaves one gap,
     * the whole line, 2·((xE − xW) + (yN − yS)) through the lands' middles: the rim touches the board nowhere.
     */
    public List<Long> seamGapsNm() {
        if (!ringStripsNm().isEmpty()) {
            return List.of();
        }
        List<long[]> pads = padCornersNm();
        if (pads.isEmpty()) {
            return List.of(bondingLineNm());
        }
        int k = padsPerSide;
        List<long[]> loop = new ArrayList<>(pads.subList(0, k));        // N, left to right
        List<long[]> e = new ArrayList<>(pads.subList(2 * k, 3 * k));
        List<long[]> s = new ArrayList<>(pads.subList(k, 2 * k));
        Collections.reverse(e);
        Collections.reverse(s);
        loop.addAll(e);                                                  // E, top to bottom
        loop.addAll(s);                                                  // S, right to left
        loop.addAll(pads.subList(3 * k, 4 * k));                         // W, bottom to top
        List<Long> gaps = new ArrayList<>(loop.size());
        for (int i = 0; i < loop.size(); i++) {
            long[] a = loop.get(i);
            long[] b = loop.get((i + 1) % loop.size());
            // equal pads: the centres differ as the corners do
            gaps.add(Math.abs(b[0] - a[0]) + Math.abs(b[1] - a[1]) - padSizeNm);
        }
        return List.copyOf(gaps);
    }
}
