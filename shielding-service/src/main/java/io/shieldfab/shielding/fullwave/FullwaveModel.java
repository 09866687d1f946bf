package io.shieldfab.shielding.fullwave;

import io.shieldfab.shielding.evaluation.ShieldGeometry;
import io.shieldfab.shielding.physics.PhysicalConstants;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * An openEMS (FDTD) model of one site of a design, built from its shielding report: the can over a ground plane, with
 * its openings, filled with the loaded cavity's dielectric, a short electric (or magnetic) dipole at the die, and E-field probes
 * outside the can (docs/shielding.md, "Full-wave model"). The same model without the can is the reference: the
 * ratio of the probes' fields without and with the can is the full-wave shielding effectiveness.
 *
 * <p>Coordinates in mm, the origin at the centre of the site on the board plane; the can's rim stands on the ground
 * plane (z = 0, the grid's lower boundary), its roof at the cavity depth.
 *
 * @param cavityLengthMm   inner length (x)
 * @param cavityWidthMm    inner width (y)
 * @param cavityDepthMm    inner depth (z): the roof's height above the board
 * @param walls            how the walls are modelled
 * @param openings         the openings, each on one side wall
 * @param fillPermittivity εr inside the can (the loaded cavity's effective permittivity)
 * @param fillConductivitySPerM the fill's loss as a conductivity κ = 2π·f·ε0·ε″ at {@code lossReferenceHz}, where
 *                         ε″ = (1 − φ)·εe·tan δ is the encapsulant's share of the loss (the package taken lossless);
 *                         an FDTD conductivity is constant, so tan δ falls as 1/f away from that frequency
 * @param lossReferenceHz  where κ matches the encapsulant's tan δ: the lowest cavity mode, where the can rings
 * @param maxFrequencyHz   the highest frequency the model resolves (the highest checked frequency)
 * @param marginMm         air between the can and the absorbing boundaries
 * @param probes           where the field is read, outside the can
 * @param density          how fine the mesh is
 * @param x                the mesh lines along x, mm
 * @param y                the mesh lines along y, mm
 * @param z                the mesh lines along z, mm
 * @param source           the dipole at the die: electric, or magnetic when the design names a magnetic near-field
 *                         source ({@code requirements.nearFieldSource})
 * @param seam             the seam between rim and board: its gaps between the bonding pads, {@link Seam#BONDED}
 *                         when the rim is bonded all round, or why it is not modelled
 * @param pulse            what drives the dipole: the broadband pulse over every checked frequency, or one centred on
 *                         the operating frequency
 */
public record FullwaveModel(double cavityLengthMm, double cavityWidthMm, double cavityDepthMm, Walls walls,
                            List<Opening> openings, double fillPermittivity, double fillConductivitySPerM,
                            double lossReferenceHz, double maxFrequencyHz, double marginMm,
                            List<Probe> probes, Density density, List<Double> x, List<Double> y, List<Double> z,
                            Source source, Seam seam, Pulse pulse) {

    /**
     * The source at the die, z-directed on the cavity's axis from ¼ to ¾ of its depth: a short electric dipole (a
     * soft E-field excitation on the axis) or a small magnetic dipole (a soft H-field excitation on the four H_z
     * nodes of the cells round the axis, a current loop about it). Both are driven by the same pulse.
     */
    public enum Source { ELECTRIC_DIPOLE, MAGNETIC_DIPOLE }

    /** The same model driven by {@code source}. */
    public FullwaveModel withSource(Source source) {
        return new FullwaveModel(cavityLengthMm, cavityWidthMm, cavityDepthMm, walls, openings, fillPermittivity,
                fillConductivitySPerM, lossReferenceHz, maxFrequencyHz, marginMm, probes, density, x, y, z, source,
                seam, pulse);
    }

    /** The same model driven by {@code pulse} (the mesh is the same: it resolves every checked frequency). */
    public FullwaveModel withPulse(Pulse pulse) {
        return new FullwaveModel(cavityLengthMm, cavityWidthMm, cavityDepthMm, walls, openings, fillPermittivity,
                fillConductivitySPerM, lossReferenceHz, maxFrequencyHz, marginMm, probes, density, x, y, z, source,
                seam, pulse);
    }

    /** The two pulses a verification can drive its model with (docs/shielding.md, "The pulse"). */
    public enum PulseKind {
        /** Over every checked frequency: centred on ⅔ of the highest, −20 dB at ⅓ of it and at the highest. */
        BROADBAND,
        /**
         * Centred on the operating frequency (the first harmonic), which the broadband pulse excites weakly (58 dB
         * below its peak for the Wi-Fi): the reference there is that much stronger against the solver's rounding
         * floor, so the figure reaches that much higher (the Wi-Fi: 117.9 against 72.4 dB, both on the floor: lower
         * bounds; docs/shielding.md, "The pulse").
         */
        OPERATING_FREQUENCY
    }

    /**
     * The pulse that drives the dipole, a Gaussian-modulated <em>sine</em> sin(2πf₀(t − t₀))·exp(−((t − t₀)/σ)²), odd
     * about its centre t₀ and so without any DC: a soft E-field source driven with DC leaves a static charge on the
     * dipole, under which the absorbing boundaries grow without end (a cosine-modulated pulse, 78 dB down at DC, did
     * that: docs/shielding.md, "Verification runs"). Its spectrum is ∝ exp(−(π(f − f₀)σ)²).
     *
     * @param kind     which of the two pulses
     * @param centreHz f₀
     * @param widthS   σ
     * @param delayS   t₀
     */
    public record Pulse(PulseKind kind, double centreHz, double widthS, double delayS) {

        /**
         * σ of the operating-frequency pulse in periods of f₀ (0.25 ns at 2.45 GHz): its spectrum is
         * exp(−(π·0.6125)²) = −32 dB at 0 Hz and at the second harmonic, −129 dB at the third, so it excites the
         * first harmonic alone; the calibrated hand runs used it (docs/shielding.md, "A pulse at 2.45 GHz").
         */
        public static final double OPERATING_WIDTH_PERIODS = 0.6125;

        /**
         * t₀ of the operating-frequency pulse in σ: the envelope is exp(−16) = 1.1e-7 (−139 dB) at t = 0, below
         * single precision's rounding, so the pulse starts without a step.
         */
        public static final double OPERATING_DELAY_WIDTHS = 4;

        /**
         * How long an operating-frequency run lasts, in σ: the pulse is over (−139 dB) at 2t₀ = 8σ, and as long again
         * lets its field leave the can and the reference (the Wi-Fi's reference 46 dB below its peak at 16σ = 4 ns;
         * its figure within 2.2 dB from 4 to 8 ns: docs/shielding.md, "A pulse at 2.45 GHz").
         */
        public static final double OPERATING_RUN_WIDTHS = 16;

        /**
         * The broadband pulse of a model checked up to {@code maxFrequencyHz}: f₀ = ⅔·f_max, half-width fc = ⅓·f_max,
         * σ = 3/(2π·fc) (its spectrum exp(−2.25) = −19.5 dB down at f₀ ± fc), t₀ = 3σ (openEMS's Gaussian pulse).
         */
        public static Pulse broadband(double maxFrequencyHz) {
            double halfWidth = maxFrequencyHz / 3;
            double sigma = 3 / (2 * Math.PI * halfWidth);
            return new Pulse(PulseKind.BROADBAND, 2 * maxFrequencyHz / 3, sigma, 3 * sigma);
        }

        /** The pulse centred on the operating frequency: σ = {@value #OPERATING_WIDTH_PERIODS}/f₀, t₀ = 4σ. */
        public static Pulse atOperatingFrequency(double operatingFrequencyHz) {
            double sigma = OPERATING_WIDTH_PERIODS / operatingFrequencyHz;
            return new Pulse(PulseKind.OPERATING_FREQUENCY, operatingFrequencyHz, sigma, OPERATING_DELAY_WIDTHS * sigma);
        }

        /** The half-width of the band within 20 dB of the pulse's peak, √(ln 10)/(πσ). */
        public double halfWidthHz() {
            return Math.sqrt(Math.log(10)) / (Math.PI * widthS);
        }

        /**
         * Whether the run gives a figure at {@code frequencyHz}: the broadband pulse at every checked frequency (the
         * rounding floor flags those it excites too weakly), the operating-frequency pulse within 20 dB of its peak
         * ({@link #halfWidthHz}) only.
         */
        public boolean reaches(double frequencyHz) {
            return kind == PulseKind.BROADBAND || Math.abs(frequencyHz - centreHz) <= halfWidthHz();
        }

        /**
         * How long a run of this pulse lasts, s: {@link #OPERATING_RUN_WIDTHS}·σ for the operating-frequency pulse;
         * null for the broadband one, which runs the fixed {@code shieldfab.fullwave.max-timesteps}.
         */
        public Double runS() {
            return kind == PulseKind.OPERATING_FREQUENCY ? OPERATING_RUN_WIDTHS * widthS : null;
        }
    }

    /** The openings and the seam's gaps in one side wall, by their centre along it. */
    public List<Opening> holesIn(Wall wall) {
        return Stream.concat(openings.stream(), seam.gaps().stream())
                .filter(o -> o.wall() == wall).sorted(Comparator.comparingDouble(Opening::centreMm)).toList();
    }

    /**
     * The mesh's density: cells per wavelength in each medium at the highest frequency, cells across an opening.
     * The export uses {@link #STANDARD}; a finer one checks that the figures have converged.
     */
    public record Density(int cellsPerWavelength, int cellsPerOpening) {
        public static final Density STANDARD = new Density(CELLS_PER_WAVELENGTH, CELLS_PER_OPENING);
    }

    /** Cells per wavelength at the highest frequency, in the densest dielectric (openEMS's guideline: 10–20). */
    public static final int CELLS_PER_WAVELENGTH = 20;

    /** Cells across the smaller dimension of an opening, at least. */
    public static final int CELLS_PER_OPENING = 2;

    /** Walls this many skin depths thick or more are modelled as perfect conductors (see {@link Walls}). */
    public static final double PEC_SKIN_DEPTHS = 3;

    /** Distance of the probes from the can's outer faces, mm. */
    public static final double PROBE_DISTANCE_MM = 1.0;

    /** Air between the can and the boundaries, mm, at least. */
    public static final double MIN_MARGIN_MM = 3.0;

    /**
     * The walls: perfect conductors when they are {@link #PEC_SKIN_DEPTHS} skin depths thick or more at the lowest
     * checked frequency (their own attenuation, 8.686 dB per skin depth plus reflection, is then far above what
     * leaks through the openings, and openEMS's conducting-sheet model is made for sheets thinner than that);
     * otherwise openEMS conducting sheets of the deposit's conductivity and thickness.
     *
     * @param perfect            whether modelled as perfect conductors
     * @param conductivitySPerM  the deposit's σ (used when not perfect)
     * @param thicknessUm        the plated wall thickness
     * @param skinDepthUm        the skin depth at the lowest checked frequency
     */
    public record Walls(boolean perfect, double conductivitySPerM, double thicknessUm, double skinDepthUm) {
    }

    /** The four side walls, by the axis their plane is normal to and its sign. */
    public enum Wall { X_MIN, X_MAX, Y_MIN, Y_MAX }

    /**
     * One opening in a side wall, from the rim (z = 0) up: the troughs and pillar gaps connect neighbouring
     * depressions at the rim (docs/shielding.md, "Full-wave model").
     *
     * @param wall     the wall it is in
     * @param centreMm its centre along the wall (x for a Y wall, y for an X wall)
     * @param lengthMm its length along the wall
     * @param heightMm its height from the rim
     */
    public record Opening(Wall wall, double centreMm, double lengthMm, double heightMm) {
    }

    /**
     * The seam between the can's rim and the board (docs/shielding.md, "Seams" and "Full-wave model"): where no
     * bonding pad holds it, the rim stands the bonding material's thickness above the board, a slot at the board
     * interface. Each gap is drawn as an opening of its wall from the board up, between the edges of the pads
     * projected on that wall (a pad on the land beside a wall bonds the stretch of rim it lies along); a gap that
     * turns a corner is two, meeting there.
     *
     * @param gapHeightMm   how far the rim stands above the board between the pads (the bonding material's thickness)
     * @param drawnHeightMm the gaps' height in the model: gapHeightMm, or an opening's height within
     *                      {@link #SNAP_FRACTION} of it, drawn on the same mesh lines
     * @param padSizeMm     the pads' side
     * @param padCount      pads round one rim
     * @param gaps          the gaps, each in one side wall from the board up; none when bonded all round
     * @param notModelled   why the rim's gaps are not in the model although it has them, or null
     */
    public record Seam(double gapHeightMm, double drawnHeightMm, double padSizeMm, int padCount, List<Opening> gaps,
                       String notModelled) {

        /** The rim bonded all round (a ring, or a layout without gaps): no seam gap. */
        public static final Seam BONDED = new Seam(0, 0, 0, 0, List.of(), null);

        /**
         * A seam gap this close to an opening's height (as a fraction of it) is drawn at that height: the two would
         * otherwise need mesh lines a few micrometres apart, and FDTD's time step shrinks with the smallest cell (the
         * Wi-Fi's 0.05 mm gaps beside its 0.057 mm troughs: a 3.5 µm cell, 6.1 times the steps; drawn either way, its
         * figures agree within 1.4 dB from 4.9 GHz up: docs/shielding.md, "Calibration").
         */
        public static final double SNAP_FRACTION = 0.2;

        /** The rim has gaps, but the model cannot place them: it is drawn bonded all round, and says why. */
        public static Seam notModelledBecause(String why) {
            return new Seam(0, 0, 0, 0, List.of(), why);
        }

        /** Whether the model has gaps between rim and board. */
        public boolean open() {
            return !gaps.isEmpty();
        }

        /**
         * The gaps that pads of side {@code padSizeMm} centred at {@code pads} (relative to the site centre) leave
         * round the rim of a cavity of {@code lengthMm} × {@code widthMm}; no pad at all leaves the whole rim open.
         * A pad belongs to the wall whose plane it lies further outside of (the lands run beside the walls).
         */
        public static Seam between(List<ShieldGeometry.Pad> pads, double padSizeMm, double gapHeightMm,
                                   double lengthMm, double widthMm) {
            List<Opening> gaps = new ArrayList<>();
            for (Wall wall : Wall.values()) {
                boolean xWall = wall == Wall.X_MIN || wall == Wall.X_MAX;
                double half = (xWall ? widthMm : lengthMm) / 2;
                List<double[]> bonded = new ArrayList<>();
                for (ShieldGeometry.Pad p : pads) {
                    boolean onXWall = Math.abs(p.xMm()) - lengthMm / 2 > Math.abs(p.yMm()) - widthMm / 2;
                    double side = onXWall ? p.xMm() : p.yMm();
                    boolean positive = wall == Wall.X_MAX || wall == Wall.Y_MAX;
                    if (onXWall == xWall && side > 0 == positive) {
                        double along = xWall ? p.yMm() : p.xMm();
                        bonded.add(new double[] {along - padSizeMm / 2, along + padSizeMm / 2});
                    }
                }
                bonded.sort(Comparator.comparingDouble(b -> b[0]));
                double at = -half;
                for (double[] b : bonded) {
                    addGap(gaps, wall, at, Math.min(b[0], half), gapHeightMm);
                    at = Math.max(at, b[1]);
                }
                addGap(gaps, wall, at, half, gapHeightMm);
            }
            return new Seam(gapHeightMm, gapHeightMm, padSizeMm, pads.size(), List.copyOf(gaps), null);
        }

        private static void addGap(List<Opening> gaps, Wall wall, double from, double to, double heightMm) {
            if (to - from > MeshLines.SNAP_MM) {
                gaps.add(new Opening(wall, (from + to) / 2, to - from, heightMm));
            }
        }

        /** The same gaps drawn {@code mm} high (at most the cavity's depth: a rim that high floats). */
        Seam drawnAt(double mm) {
            return new Seam(gapHeightMm, mm, padSizeMm, padCount,
                    gaps.stream().map(g -> new Opening(g.wall(), g.centreMm(), g.lengthMm(), mm)).toList(), notModelled);
        }
    }

    /** An E-field probe: a name (its output file) and a point. */
    public record Probe(String name, double xMm, double yMm, double zMm) {
    }

    /** The die: the dipole's centre (the middle of the cavity) and its length (the middle half of the depth). */
    public double sourceZ1Mm() {
        return cavityDepthMm / 4;
    }

    public double sourceZ2Mm() {
        return 3 * cavityDepthMm / 4;
    }

    public double wavelengthAirMm() {
        return PhysicalConstants.SPEED_OF_LIGHT_M_PER_S / maxFrequencyHz * 1e3;
    }

    public long cellCount() {
        return (long) (x.size() - 1) * (y.size() - 1) * (z.size() - 1);
    }

    /**
     * The model of one site.
     *
     * @param openingsPerWall   openings on each side wall (0: closed)
     * @param openingLengthMm   along the wall
     * @param openingHeightMm   up the wall, from the rim
     * @param fillLossPermittivity ε″ of the fill, (1 − φ)·εe·tan δ
     */
    public static FullwaveModel of(double cavityLengthMm, double cavityWidthMm, double cavityDepthMm, Walls walls,
                                   int openingsPerWall, double openingLengthMm, double openingHeightMm,
                                   double fillPermittivity, double fillLossPermittivity, double lossReferenceHz,
                                   double maxFrequencyHz) {
        return of(cavityLengthMm, cavityWidthMm, cavityDepthMm, walls, openingsPerWall, openingLengthMm,
                openingHeightMm, fillPermittivity, fillLossPermittivity, lossReferenceHz, maxFrequencyHz,
                Density.STANDARD, Seam.BONDED);
    }

    /** A model whose mesh would have more cells than allowed; {@code cells} is at least what it would have. */
    public static final class TooLarge extends RuntimeException {
        public final long cells;

        TooLarge(long cells) {
            super("the mesh would have " + (cells == Long.MAX_VALUE ? "more than 9e18" : cells) + " cells");
            this.cells = cells;
        }
    }

    /** Cells a model may have by default: about 2 GB of openEMS memory, minutes of run per million cells. */
    public static final long MAX_CELLS = 20_000_000L;

    /** The conductivity κ = 2π·f·ε0·ε″ that gives a dielectric of loss ε″ its loss at f (an FDTD κ is constant). */
    static double conductivitySPerM(double lossPermittivity, double atHz) {
        double epsilon0 = 1 / (PhysicalConstants.VACUUM_PERMEABILITY_H_PER_M
                * PhysicalConstants.SPEED_OF_LIGHT_M_PER_S * PhysicalConstants.SPEED_OF_LIGHT_M_PER_S);
        return 2 * Math.PI * atHz * epsilon0 * lossPermittivity;
    }

    /**
     * The model of one site on a mesh of the given density with the rim's {@code seam} ({@link Seam#between}, or
     * {@link Seam#BONDED}), refused ({@link TooLarge}) above {@link #MAX_CELLS}.
     */
    public static FullwaveModel of(double cavityLengthMm, double cavityWidthMm, double cavityDepthMm, Walls walls,
                                   int openingsPerWall, double openingLengthMm, double openingHeightMm,
                                   double fillPermittivity, double fillLossPermittivity, double lossReferenceHz,
                                   double maxFrequencyHz, Density density, Seam seam) {
        List<Opening> openings = openings(cavityLengthMm, cavityWidthMm, cavityDepthMm, openingsPerWall,
                openingLengthMm, openingHeightMm);
        Seam drawn = seam.open() ? seam.drawnAt(gapDrawnHeightMm(seam, openings, cavityDepthMm)) : seam;
        double lambdaAir = PhysicalConstants.SPEED_OF_LIGHT_M_PER_S / maxFrequencyHz * 1e3;
        double margin = Math.max(MIN_MARGIN_MM, lambdaAir / 8);
        double hx = cavityLengthMm / 2;
        double hy = cavityWidthMm / 2;
        double d = cavityDepthMm;
        double p = PROBE_DISTANCE_MM;
        List<Probe> probes = List.of(
                new Probe("E_xmax", hx + p, 0, d / 2), new Probe("E_xmin", -hx - p, 0, d / 2),
                new Probe("E_ymax", 0, hy + p, d / 2), new Probe("E_ymin", 0, -hy - p, d / 2),
                new Probe("E_top", 0, 0, d + p));

        double cellAir = lambdaAir / density.cellsPerWavelength();
        double cellFill = lambdaAir / Math.sqrt(fillPermittivity) / density.cellsPerWavelength();
        // Before any line is made: the cavity alone needs at least (L/cell)·(W/cell)·(D/cell) cells, so a request
        // for a model far too large costs nothing (a big cavity at a high frequency would need millions of lines).
        double inside = Math.ceil(cavityLengthMm / cellFill) * Math.ceil(cavityWidthMm / cellFill)
                * Math.ceil(cavityDepthMm / cellFill);
        if (inside > MAX_CELLS) {
            throw new TooLarge(inside >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) inside);
        }

        TreeSet<Double> xs = new TreeSet<>(List.of(-hx - margin, -hx, 0.0, hx, hx + margin, hx + p, -hx - p));
        TreeSet<Double> ys = new TreeSet<>(List.of(-hy - margin, -hy, 0.0, hy, hy + margin, hy + p, -hy - p));
        TreeSet<Double> zs = new TreeSet<>(List.of(0.0, d / 4, d / 2, 3 * d / 4, d, d + p, d + margin));
        List<Opening> holes = new ArrayList<>(openings);
        holes.addAll(drawn.gaps());
        for (Opening o : holes) {
            TreeSet<Double> along = o.wall() == Wall.X_MIN || o.wall() == Wall.X_MAX ? ys : xs;
            int cells = Math.max(density.cellsPerOpening(), 1);
            for (int k = 0; k <= cells; k++) {
                along.add(o.centreMm() - o.lengthMm() / 2 + k * o.lengthMm() / cells);
                zs.add(k * o.heightMm() / cells);
            }
        }
        List<Double> x = MeshLines.smooth(xs, v -> Math.abs(v) < hx ? cellFill : cellAir);
        List<Double> y = MeshLines.smooth(ys, v -> Math.abs(v) < hy ? cellFill : cellAir);
        List<Double> z = MeshLines.smooth(zs, v -> v < d ? cellFill : cellAir);
        double kappa = conductivitySPerM(fillLossPermittivity, lossReferenceHz);
        FullwaveModel model = new FullwaveModel(cavityLengthMm, cavityWidthMm, cavityDepthMm, walls, List.copyOf(openings),
                fillPermittivity, kappa, lossReferenceHz, maxFrequencyHz, margin, probes, density, x, y, z,
                Source.ELECTRIC_DIPOLE, drawn, Pulse.broadband(maxFrequencyHz));
        if (model.cellCount() > MAX_CELLS) {
            throw new TooLarge(model.cellCount());
        }
        return model;
    }

    /** The openings of the four side walls, evenly spaced as the layout places them (centres at (i + ½)/n). */
    private static List<Opening> openings(double cavityLengthMm, double cavityWidthMm, double cavityDepthMm,
                                          int openingsPerWall, double openingLengthMm, double openingHeightMm) {
        List<Opening> openings = new ArrayList<>();
        if (openingsPerWall > 0 && openingLengthMm > 0 && openingHeightMm > 0) {
            for (Wall wall : Wall.values()) {
                double along = wall == Wall.X_MIN || wall == Wall.X_MAX ? cavityWidthMm : cavityLengthMm;
                for (int i = 0; i < openingsPerWall; i++) {
                    openings.add(new Opening(wall, -along / 2 + (i + 0.5) * along / openingsPerWall,
                            Math.min(openingLengthMm, along / openingsPerWall), Math.min(openingHeightMm, cavityDepthMm)));
                }
            }
        }
        return openings;
    }

    /** The seam gaps' height as drawn: the rim's height over the board, or an opening's within {@link Seam#SNAP_FRACTION}. */
    private static double gapDrawnHeightMm(Seam seam, List<Opening> openings, double cavityDepthMm) {
        double h = Math.min(seam.gapHeightMm(), cavityDepthMm);
        for (Opening o : openings) {
            if (Math.abs(h - o.heightMm()) <= Seam.SNAP_FRACTION * o.heightMm()) {
                return o.heightMm();
            }
        }
        return h;
    }
}
