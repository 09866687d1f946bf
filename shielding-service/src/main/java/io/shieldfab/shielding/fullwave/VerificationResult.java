package io.shieldfab.shielding.fullwave;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a verification run found: the full-wave shielding effectiveness at each checked frequency beside the analytic
 * one, and as a curve, with the facts of both runs and what limits the figures (docs/shielding.md, "Verification
 * runs").
 *
 * @param frequencies     each checked frequency the pulse reaches ({@link FullwaveModel.Pulse#reaches}): analytic and
 *                        full-wave SE and their difference
 * @param curve           full-wave SE from the lowest to the highest checked frequency, log-spaced (the
 *                        operating-frequency pulse: across the band within 20 dB of its peak)
 * @param can             the run with the can
 * @param reference       the run without it
 * @param simulatedTimeNs how long the can's run followed the field, ns (the reference's as long, or longer when it ran
 *                        again to its own ring-down: {@code reference.timesteps})
 * @param canRingDownDb   the can's field outside in the last tenth of the run against its peak, dB, the largest
 *                        over the probes: how far it had died away; null when no field reached them
 * @param ringDownComplete whether that is {@link #RING_DOWN_DB} or lower: a spectrum cut off earlier is uncertain
 *                        near the cavity's modes
 * @param ringDownFit     the modes fitted to a ring-down cut off, whose tail completes the figures when they are one
 *                        (docs/shielding.md, "Ring-down tail"); null when the run saw the ring-down through
 * @param roundingFloorBand where the solver's rounding floor under the figures was read (docs/shielding.md,
 *                        "Rounding floor"); null when the probes' sampling cannot resolve it
 * @param pulse           what drove the dipole (docs/shielding.md, "The pulse")
 * @param warnings        what limits the figures, in words
 */
public record VerificationResult(List<CheckedFrequency> frequencies, List<CurvePoint> curve,
                                 OpenEmsRunner.RunFacts can, OpenEmsRunner.RunFacts reference, double simulatedTimeNs,
                                 Double canRingDownDb, boolean ringDownComplete, RingDownFit ringDownFit,
                                 RoundingFloor.Band roundingFloorBand, FullwaveModel.Pulse pulse,
                                 List<String> warnings) {

    /** Points of the full-wave curve. */
    public static final int CURVE_POINTS = 100;

    /** The share of a run's end looked at for the ring-down. */
    static final double TAIL = 0.1;

    /** Energy grown back this far from its lowest by a run's end is reported as numerical growth. */
    static final double REGROWTH_DB = 10;

    /** A field 40 dB (1 %) below its peak has died away for the spectrum's purpose. */
    public static final double RING_DOWN_DB = -40;

    /** The fit window starts this far into the run (its second half: the source has long died away). */
    static final double FIT_FROM = 0.5;

    /** The earlier cut the tail is checked against, a share of the run. */
    static final double CHECK_CUT = 0.5;

    /**
     * Completed figures from the run's end and from the earlier cut further apart than this, dB, are not settled:
     * the calibration's tolerance (docs/shielding.md, "Calibration").
     */
    public static final double SETTLED_DB = 3;

    /**
     * A figure the tail changes by more than this, dB, is not settled whatever its spread: it rests on the fitted
     * modes far from their own frequencies rather than on the run, and two fits of the same run can then agree and
     * both be wrong (the Wi-Fi can on pads at 2.45 GHz: 57 dB of tail, a 1.4 dB spread, 6.9 dB off a run 7 times
     * as long; docs/shielding.md, "Calibration"). The margin is the ring-down's: a run counts as complete once its
     * field has fallen by {@link #RING_DOWN_DB}.
     */
    public static final double MAX_TAIL_SHARE_DB = 40;

    /**
     * The modes fitted to the can's ring-down after a run that cut it off (docs/shielding.md, "Ring-down tail").
     *
     * @param fromNs          the fit window's start, ns (it ends with the run)
     * @param samples         samples fitted
     * @param modes           decaying modes found (a conjugate pair counts two)
     * @param residual        share of the window's field the modes leave unexplained
     * @param applied         whether they are a ring-down ({@link RingDownTail#isRingDown}) and complete the figures
     * @param dominantModeHz  the mode strongest at the run's end: its frequency; null without modes
     * @param dominantDecayNs and its decay time (field falls by 1/e), ns
     * @param checkCutNs      the earlier cut whose completed figures each frequency's {@code tailSpreadDb} compares
     *                        with; null when the tail was not applied or that cut's own fit is not a ring-down
     */
    public record RingDownFit(double fromNs, int samples, int modes, double residual, boolean applied,
                              Double dominantModeHz, Double dominantDecayNs, Double checkCutNs) {
    }

    /**
     * One checked frequency.
     *
     * @param fullwaveSeDb  the smallest SE over the probes, dB, with the fitted tail when one completes the run;
     *                      null when no field reached any probe with the can (the SE is beyond what the run can
     *                      measure)
     * @param differenceDb  full-wave minus analytic, dB; null with {@code fullwaveSeDb}
     * @param weakestProbe  the probe with the smallest SE: the side that leaks most
     * @param truncatedSeDb with a tail: the same from the run's samples alone, dB; null without one
     * @param tailSpreadDb  with a tail: how far the figure completed at the earlier cut lies from this one, dB; more
     *                      than {@link #SETTLED_DB} and the figure is not settled; null without that check
     * @param tailSettled   with that check: whether {@code tailSpreadDb} is {@link #SETTLED_DB} or less and the tail
     *                      changes the run's figure by {@link #MAX_TAIL_SHARE_DB} or less
     * @param aboveFloorDb  how far the can's field at the weakest probe lies above the solver's rounding floor there,
     *                      dB ({@link RoundingFloor.Reading}); null without a figure, a floor, or over a zero floor
     * @param lowerBound    whether that is less than {@link RoundingFloor#MARGIN_DB}: the figure is then a lower bound
     *                      of the SE, not a value; null without a figure or a floor
     */
    public record CheckedFrequency(int harmonic, double frequencyHz, double analyticSeDb, Double fullwaveSeDb,
                                   Double differenceDb, String weakestProbe, Double truncatedSeDb,
                                   Double tailSpreadDb, Boolean tailSettled, Double aboveFloorDb,
                                   Boolean lowerBound) {
    }

    /**
     * A point of the curve; {@code fullwaveSeDb} null as in {@link CheckedFrequency}, with the tail as there, and
     * {@code lowerBound} as there.
     */
    public record CurvePoint(double frequencyHz, Double fullwaveSeDb, Boolean lowerBound) {
    }

    /**
     * What a run was of, beyond its probes.
     *
     * @param cells       the mesh's cells
     * @param sourceNamed whether the design named its near-field source (the dipole and the analytic wall SE then
     *                    assume the same one)
     * @param ringDown    how slowly the can's field may die away, from the report's loaded cavity; null without one
     * @param seamNotModelled why the rim's seam gaps are not in the model although it has them
     *                    ({@link FullwaveModel.Seam#notModelled()}), or null
     * @param pulse       what drove the dipole: which checked frequencies get a figure, and where beyond it the
     *                    rounding floor is read
     */
    public record RunContext(long cells, boolean sourceNamed, RingDown ringDown, String seamNotModelled,
                             FullwaveModel.Pulse pulse) {

        /** A run of a model whose seam is as the rim has it (bonded all round, or its gaps drawn). */
        public RunContext(long cells, boolean sourceNamed, RingDown ringDown, FullwaveModel.Pulse pulse) {
            this(cells, sourceNamed, ringDown, null, pulse);
        }
    }

    /**
     * The slowest ring-down the fill's loss allows: a mode of quality factor Q at f keeps its energy as exp(−ωt/Q),
     * its field as exp(−t/τ) with τ = 2Q/ω (Pozar §6.1), so it falls by D dB after τ·(D/20)·ln 10. The fill's Q at the
     * lowest mode (the report's {@code dielectricQ}, the model's fill loss matched there) is the most the can's Q can
     * be: the openings and sheet walls only lower it, perfect-conductor walls lose nothing (docs/shielding.md,
     * "Verification runs").
     *
     * @param dielectricQ the fill's Q at the lowest mode
     * @param modeHz      the lowest cavity mode
     */
    public record RingDown(double dielectricQ, double modeHz) {

        /** τ = 2Q/(2πf), s. */
        public double timeConstantS() {
            return 2 * dielectricQ / (2 * Math.PI * modeHz);
        }

        /** How long the field takes to fall by {@code db} (negative), s. */
        public double timeToS(double db) {
            return timeConstantS() * (-db / 20) * Math.log(10);
        }
    }

    /**
     * The SE at f as the can's weakest side gives it: the smallest over the probes, which, and the can's |E(f)|
     * there (0 without a figure).
     */
    private record Weakest(Double seDb, String probe, double magnitude) {
    }

    /**
     * What a finished run found; {@code sourceNamed} whether the design named its near-field source (the model's
     * dipole and the analytic wall SE then assume the same one).
     */
    public static VerificationResult of(OpenEmsRunner.Finished run, List<FullwaveArchive.AnalyticPoint> analytic,
                                        RunContext context) {
        double ringDown = ringDown(run.canProbes());
        Spectra spectra = Spectra.of(run, ringDown);
        ProbeSignal first = run.canProbes().values().iterator().next();
        RoundingFloor floor = RoundingFloor.of(run.canProbes(), spectra.tail,
                RoundingFloor.Band.beyond(context.pulse(), first));
        List<FullwaveArchive.AnalyticPoint> reached = analytic.stream()
                .filter(a -> context.pulse().reaches(a.frequencyHz())).toList();
        List<CheckedFrequency> checked = new ArrayList<>();
        for (FullwaveArchive.AnalyticPoint a : reached) {
            Map<String, Double> without = spectra.reference(a.frequencyHz());
            Figures now = figures(run.canProbes(), without, a.frequencyHz(), spectra.tail);
            Weakest w = now.completed();
            Double spread = null;
            Boolean settled = null;
            if (spectra.tail != null && spectra.earlyTail != null) {
                Double early = figures(spectra.early, without, a.frequencyHz(), spectra.earlyTail).completed().seDb();
                spread = early == null || w.seDb() == null ? null : Math.abs(w.seDb() - early);
                settled = spread == null ? null : spread <= SETTLED_DB && !mostlyTail(w.seDb(), now.truncatedSeDb());
            }
            RoundingFloor.Reading reading = reading(floor, w);
            checked.add(new CheckedFrequency(a.harmonic(), a.frequencyHz(), a.totalSeDb(), w.seDb(),
                    w.seDb() == null ? null : w.seDb() - a.totalSeDb(), w.probe(),
                    spectra.tail == null ? null : now.truncatedSeDb(), spread, settled, reading.aboveFloorDb(),
                    reading.lowerBound()));
        }
        FullwaveModel.Pulse pulse = context.pulse();
        boolean broadband = pulse.kind() == FullwaveModel.PulseKind.BROADBAND;
        double lowest = broadband ? reached.stream().mapToDouble(FullwaveArchive.AnalyticPoint::frequencyHz).min()
                .orElseThrow() : pulse.centreHz() - pulse.halfWidthHz();
        double highest = broadband ? reached.stream().mapToDouble(FullwaveArchive.AnalyticPoint::frequencyHz).max()
                .orElseThrow() : pulse.centreHz() + pulse.halfWidthHz();
        List<CurvePoint> curve = new ArrayList<>(CURVE_POINTS);
        for (int i = 0; i < CURVE_POINTS; i++) {
            double f = highest == lowest ? lowest : lowest * Math.pow(highest / lowest, i / (CURVE_POINTS - 1.0));
            Weakest w = figures(run.canProbes(), spectra.reference(f), f, spectra.tail).completed();
            curve.add(new CurvePoint(f, w.seDb(), reading(floor, w).lowerBound()));
        }
        double[] t = first.timeS();
        double simulatedNs = t[t.length - 1] * 1e9;
        // a field that is zero at every probe has nothing to die away: complete, with no figure
        return new VerificationResult(checked, curve, run.can(), run.reference(), simulatedNs,
                Double.isFinite(ringDown) ? ringDown : null, ringDown <= RING_DOWN_DB, spectra.summary(),
                floor == null ? null : floor.band(), context.pulse(),
                warnings(run, context, simulatedNs, ringDown, ringDown(run.referenceProbes()), spectra, checked, floor,
                        analytic.size() - reached.size()));
    }

    /** A figure's field against its probe's rounding floor; nothing known without a figure or a floor. */
    private static RoundingFloor.Reading reading(RoundingFloor floor, Weakest w) {
        return floor == null || w.seDb() == null ? new RoundingFloor.Reading(null, null)
                : floor.read(w.probe(), w.magnitude());
    }

    /**
     * The run's spectra, and when it cut the can's ring-down off, the modes fitted to its second half (the tail that
     * completes them, when they are a ring-down) and the same made at an earlier cut, to check the tail against.
     */
    private static final class Spectra {
        final OpenEmsRunner.Finished run;
        final RingDownTail fit;
        final String fitFailure;
        final RingDownTail tail;
        final Map<String, ProbeSignal> early;
        final RingDownTail earlyTail;

        private Spectra(OpenEmsRunner.Finished run, RingDownTail fit, String fitFailure,
                        Map<String, ProbeSignal> early, RingDownTail earlyTail) {
            this.run = run;
            this.fit = fit;
            this.fitFailure = fitFailure;
            this.tail = fit != null && fit.isRingDown() ? fit : null;
            this.early = early;
            this.earlyTail = earlyTail;
        }

        static Spectra of(OpenEmsRunner.Finished run, double canRingDownDb) {
            if (!(canRingDownDb > RING_DOWN_DB)) {
                return new Spectra(run, null, null, null, null);
            }
            double[] t = run.canProbes().values().iterator().next().timeS();
            double end = t[t.length - 1];
            RingDownTail fit;
            try {
                fit = RingDownTail.fit(run.canProbes(), end * FIT_FROM);
            } catch (IllegalArgumentException e) {
                return new Spectra(run, null, e.getMessage(), null, null);
            }
            if (!fit.isRingDown()) {
                return new Spectra(run, fit, null, null, null);
            }
            int cut = 0;
            while (cut < t.length && t[cut] <= end * CHECK_CUT) {
                cut++;
            }
            Map<String, ProbeSignal> early = new TreeMap<>();
            for (Map.Entry<String, ProbeSignal> e : run.canProbes().entrySet()) {
                early.put(e.getKey(), e.getValue().firstSamples(cut));
            }
            RingDownTail earlyTail;
            try {
                earlyTail = RingDownTail.fit(early, t[cut - 1] * FIT_FROM);
            } catch (IllegalArgumentException e) {
                earlyTail = null;
            }
            return new Spectra(run, fit, null, early, earlyTail != null && earlyTail.isRingDown() ? earlyTail : null);
        }

        /** |E(f)| of each probe of the reference run, worked out once for every figure at f. */
        Map<String, Double> reference(double frequencyHz) {
            Map<String, Double> magnitudes = new TreeMap<>();
            run.referenceProbes().forEach((name, signal) -> magnitudes.put(name, signal.magnitudeAt(frequencyHz)));
            return magnitudes;
        }

        RingDownFit summary() {
            if (fit == null) {
                return null;
            }
            int dominant = fit.dominantMode();
            return new RingDownFit(fit.fromS() * 1e9, fit.samples(), fit.modes(), fit.residual(), tail != null,
                    dominant < 0 ? null : Math.abs(fit.poleIm()[dominant]) / (2 * Math.PI),
                    dominant < 0 ? null : -1e9 / fit.poleRe()[dominant],
                    earlyTail == null ? null : earlyTail.untilS() * 1e9);
        }
    }

    /** What the tail did, and at which checked frequencies it has not settled. */
    private static String tailApplied(OpenEmsRunner.Finished run, RunContext context, double simulatedNs,
                                      double canTailDb, Spectra spectra, List<CheckedFrequency> checked) {
        RingDownFit fit = spectra.summary();
        String text = String.format(Locale.ROOT, "the can's field outside was still %.1f dB below its peak in the last "
                + "tenth of the run (%d time steps, %.3f ns), not %.0f dB: the ring-down was cut off, and %d decaying "
                + "modes fitted to the run from %.3f ns (%.1f %% of the field there unexplained; the strongest %.2f GHz, "
                + "decay time %.2f ns) complete it: each figure is the run's and that tail's (truncatedSeDb: the run's "
                + "alone)", Math.abs(canTailDb), run.can().timesteps(), simulatedNs, -RING_DOWN_DB, fit.modes(), fit.fromNs(),
                100 * fit.residual(), fit.dominantModeHz() / 1e9, fit.dominantDecayNs());
        if (fit.checkCutNs() == null) {
            return text + "; the same made at an earlier cut is not a ring-down, so no figure is checked against it: "
                    + "every figure is uncertain (" + longerRun(context) + ")";
        }
        List<String> spread = frequencies(checked.stream()
                .filter(c -> c.tailSpreadDb() == null || c.tailSpreadDb() > SETTLED_DB).toList());
        List<String> mostlyTail = frequencies(checked.stream()
                .filter(c -> mostlyTail(c.fullwaveSeDb(), c.truncatedSeDb())).toList());
        String check = String.format(Locale.ROOT, "; completed at %.3f ns instead, the figures %s", fit.checkCutNs(),
                spread.isEmpty() ? String.format(Locale.ROOT, "lie within %.0f dB of these at every checked "
                        + "frequency", SETTLED_DB)
                        : String.format(Locale.ROOT, "differ by more than %.0f dB at %s (tailSpreadDb): there the run is "
                        + "too short to settle them (%s)", SETTLED_DB,
                        String.join(", ", spread), longerRun(context)));
        return text + check + (mostlyTail.isEmpty() ? "" : String.format(Locale.ROOT, "; at %s the tail changes the "
                + "run's figure by more than %.0f dB (truncatedSeDb): there the figure rests on the fitted modes far "
                + "from their frequencies, not on the run, and is not settled", String.join(", ", mostlyTail),
                MAX_TAIL_SHARE_DB));
    }

    /** Which figures lie on the solver's rounding floor, or why none was checked against it. */
    private static List<String> floorWarnings(OpenEmsRunner.Finished run, RunContext context, RoundingFloor floor,
                                              List<CheckedFrequency> checked) {
        if (floor == null) {
            // the band that could not be read, named as the reading would have had it
            ProbeSignal probe = run.canProbes().values().iterator().next();
            RoundingFloor.Band band = RoundingFloor.Band.beyond(context.pulse(), probe);
            double stepS = probe.meanStepS();
            return List.of(String.format(Locale.ROOT, "the probes, sampled every %.2f ps, cannot resolve the band beyond "
                    + "the pulse (%.1f-%.1f GHz) where the solver's rounding floor is read: no figure is checked "
                    + "against it (docs/shielding.md, \"Rounding floor\")", stepS * 1e12, band.fromHz() / 1e9,
                    band.toHz() / 1e9));
        }
        List<String> low = frequencies(checked.stream().filter(c -> Boolean.TRUE.equals(c.lowerBound())).toList());
        if (low.isEmpty()) {
            return List.of();
        }
        return List.of(String.format(Locale.ROOT, "at %s the can's field lies less than %.0f dB above the solver's "
                + "rounding floor (single precision; read at %.1f-%.1f GHz, where the pulse excites nothing: "
                + "aboveFloorDb): those figures are lower bounds of the SE, not values, and the can may shield more "
                + "there (docs/shielding.md, \"Rounding floor\")", String.join(", ", low), RoundingFloor.MARGIN_DB,
                floor.band().fromHz() / 1e9, floor.band().toHz() / 1e9));
    }

    /**
     * What a pulse centred on the operating frequency gives figures for, and which checked frequencies it leaves out;
     * nothing for the broadband pulse.
     */
    private static List<String> centredPulse(FullwaveModel.Pulse pulse, double simulatedNs, int unreached) {
        if (pulse.kind() == FullwaveModel.PulseKind.BROADBAND) {
            return List.of();
        }
        return List.of(String.format(Locale.ROOT, "the pulse is centred on the operating frequency, %.2f GHz (σ %.3f ns, run "
                + "%.3f ns): it gives figures only within 20 dB of its peak, %.2f-%.2f GHz%s (docs/shielding.md, "
                + "\"The pulse\")", pulse.centreHz() / 1e9, pulse.widthS() * 1e9, simulatedNs,
                (pulse.centreHz() - pulse.halfWidthHz()) / 1e9, (pulse.centreHz() + pulse.halfWidthHz()) / 1e9,
                unreached == 0 ? "" : unreached == 1 ? "; the other checked frequency needs the broadband pulse"
                        : String.format(Locale.ROOT, "; the %d other checked frequencies need the broadband pulse",
                        unreached)));
    }

    /** What makes a run longer: the broadband pulse's fixed step count; the operating-frequency pulse sets its own. */
    private static String longerRun(RunContext context) {
        return context.pulse().kind() == FullwaveModel.PulseKind.BROADBAND
                ? "a longer run: shieldfab.fullwave.max-timesteps"
                : "the run lasts 16 widths of the pulse centred on the operating frequency: docs/shielding.md, \"The pulse\"";
    }

    private static List<String> frequencies(List<CheckedFrequency> checked) {
        return checked.stream().map(c -> String.format(Locale.ROOT, "%.2f GHz", c.frequencyHz() / 1e9)).toList();
    }

    /** Whether the tail changes a figure by more than {@link #MAX_TAIL_SHARE_DB} (or the run alone gives none). */
    private static boolean mostlyTail(Double completedDb, Double truncatedDb) {
        return completedDb == null || truncatedDb == null || Math.abs(completedDb - truncatedDb) > MAX_TAIL_SHARE_DB;
    }

    /** {@code v} rounded to two significant figures (a step count estimated from the probes' time). */
    static long twoFigures(double v) {
        double unit = Math.pow(10, Math.floor(Math.log10(v)) - 1);
        return Math.round(Math.round(v / unit) * unit);
    }

    private static double ringDown(Map<String, ProbeSignal> probes) {
        return probes.values().stream().mapToDouble(p -> p.tailDb(TAIL)).max().orElse(Double.NEGATIVE_INFINITY);
    }

    /**
     * The smallest SE over the probes at f with each probe's transform completed by {@code tail} (the run's alone
     * without one), and the smallest from the run's samples alone: one transform of each probe for both.
     */
    private record Figures(Weakest completed, Double truncatedSeDb) {
    }

    private static Figures figures(Map<String, ProbeSignal> can, Map<String, Double> reference, double frequencyHz,
                                   RingDownTail tail) {
        Weakest completed = new Weakest(null, null, 0);
        Double truncated = null;
        for (Map.Entry<String, ProbeSignal> e : can.entrySet()) {
            double[] run = e.getValue().transformAt(frequencyHz);
            double runAlone = ProbeSignal.magnitude(run);
            double withCan = tail == null ? runAlone
                    : ProbeSignal.magnitude(RingDownTail.plus(run, tail.tailAt(e.getKey(), e.getValue(), frequencyHz)));
            double without = reference.get(e.getKey());
            if (runAlone != 0) {
                double se = 20 * Math.log10(without / runAlone);
                truncated = truncated == null ? se : Math.min(truncated, se);
            }
            if (withCan != 0) {
                double se = 20 * Math.log10(without / withCan);
                if (completed.seDb() == null || se < completed.seDb()) {
                    completed = new Weakest(se, e.getKey(), withCan);
                }
            }
        }
        return new Figures(completed, truncated);
    }

    /**
     * What limits the reference's spectrum: a field not died away by its run's end, and a second run of it that gave
     * no result (docs/shielding.md, "The reference's own ring-down").
     */
    private static List<String> referenceWarnings(OpenEmsRunner.Finished run, double referenceTailDb) {
        OpenEmsRunner.LongerReference longer = run.referenceRingDown();
        List<String> w = new ArrayList<>();
        if (longer != null && longer.failure() != null) {
            w.add(String.format(Locale.ROOT, "the reference ran again for %,d time steps, to its own ring-down, without "
                    + "a result (%s): the first run's %,d steps are kept", longer.timesteps(), longer.failure(),
                    longer.firstTimesteps()));
        }
        if (referenceTailDb > RING_DOWN_DB) {
            String why = longer == null
                    ? "no falling line could be drawn through its field over the run's second half, so no longer run "
                    + "of it could be sized"
                    : longer.failure() == null
                    ? String.format(Locale.ROOT, "after a second run of it, %,d time steps against the can's %,d",
                            longer.timesteps(), longer.firstTimesteps())
                    : "a longer run of it gave no result";
            w.add(String.format(Locale.ROOT, "the reference's field was still %.1f dB below its peak at the end of the "
                    + "run (%,d time steps; %s): the reference spectrum is truncated", -referenceTailDb,
                    run.reference().timesteps(), why));
        }
        return w;
    }

    private static List<String> warnings(OpenEmsRunner.Finished run, RunContext context, double simulatedNs,
                                         double canTailDb, double referenceTailDb, Spectra spectra,
                                         List<CheckedFrequency> checked, RoundingFloor floor, int unreached) {
        List<String> w = new ArrayList<>();
        w.addAll(centredPulse(context.pulse(), simulatedNs, unreached));
        if (!context.sourceNamed()) {
            w.add("the design does not name its near-field source (requirements.nearFieldSource): the model drives an "
                    + "electric dipole, while the analytic wall SE takes the worse of the electric and magnetic forms; "
                    + "name the source to compare like with like");
        }
        if (context.seamNotModelled() != null) {
            w.add("the seam's gaps between the rim and the board are not in the model (" + context.seamNotModelled()
                    + "): it is drawn bonded all round, so the full-wave figures leave out the leak the seam rule rates");
        }
        if (canTailDb > RING_DOWN_DB && spectra.tail != null) {
            w.add(tailApplied(run, context, simulatedNs, canTailDb, spectra, checked));
        } else if (canTailDb > RING_DOWN_DB) {
            w.add(String.format(Locale.ROOT, "the can's field outside was still %.1f dB below its peak in the last "
                    + "tenth of the run (%d time steps, %.3f ns), not %.0f dB: the ring-down was cut off, so the figures "
                    + "near the cavity's modes are uncertain (%s)",
                    Math.abs(canTailDb), run.can().timesteps(), simulatedNs, -RING_DOWN_DB, longerRun(context)));
            w.add(spectra.fit == null
                    ? "no tail completes the figures: " + spectra.fitFailure
                    : String.format(Locale.ROOT, "no tail completes the figures: the %d modes fitted to the run's "
                    + "second half are not a ring-down (%s)", spectra.fit.modes(), spectra.fit.fullRank()
                    ? "every singular value kept: no small set of modes describes it"
                    : String.format(Locale.ROOT, "%.1f %% of its field unexplained, more than %.0f %%",
                    100 * spectra.fit.residual(), 100 * RingDownTail.MAX_RESIDUAL)));
            RingDown slowest = context.ringDown();
            if (slowest != null) {
                double neededNs = slowest.timeToS(RING_DOWN_DB) * 1e9;
                w.add(String.format(Locale.ROOT, "the fill's loss alone gives the can's lowest mode (%.2f GHz) a Q of up "
                        + "to %.0f: its field falls by %.0f dB only after up to %.1f ns (time constant 2Q/ω = %.2f ns), "
                        + "about %,d time steps of this mesh, %.0f times this run; the spectrum of a truncated ring-down "
                        + "leaks into every checked frequency, most where the pulse excites least",
                        slowest.modeHz() / 1e9, slowest.dielectricQ(), -RING_DOWN_DB, neededNs,
                        slowest.timeConstantS() * 1e9, twoFigures(neededNs / simulatedNs * run.can().timesteps()),
                        neededNs / simulatedNs));
            }
        }
        w.addAll(referenceWarnings(run, referenceTailDb));
        w.addAll(floorWarnings(run, context, floor, checked));
        // the reference only: openEMS's energy figure in the ringing, filled can swings between reports
        OpenEmsRunner.RunFacts facts = run.reference();
        if (facts.regrowthDb() >= REGROWTH_DB) {
            w.add(String.format(Locale.ROOT, "the reference run's field energy fell to %.1f dB and grew back to %.1f dB "
                    + "by its end: late-time growth that no physics of the model explains (numerical), which affects "
                    + "the lowest frequencies most, where the pulse excites least", facts.lowestReportedEnergyDb(),
                    facts.lastReportedEnergyDb()));
        }
        w.add(String.format(Locale.ROOT, "one mesh of %d cells: full-wave figures are fit to replace or confirm the "
                + "analytic ones only when meshes of increasing density agree within the tolerance (docs/shielding.md, "
                + "\"Full-wave model\"), which the calibration has not yet shown; the verdict rests on the analytic "
                + "rules", context.cells()));
        return List.copyOf(w);
    }
}
