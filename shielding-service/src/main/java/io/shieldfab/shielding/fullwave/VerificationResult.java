package io.shieldfab.shielding.fullwave;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a verification run found: the full-wave shielding effectiveness at each checked frequency beside the analytic
 * one, and as a curve, with the facts of both runs and what limits the figures (docs/shielding.md, "Verification
 * runs").
 *
 * @param frequencies     each checked frequency: analytic and full-wave SE and their difference
 * @param curve           full-wave SE from the lowest to the highest checked frequency, log-spaced
 * @param can             the run with the can
 * @param reference       the run without it
 * @param simulatedTimeNs how long both runs followed the field, ns
 * @param canRingDownDb   the can's field outside in the last tenth of the run against its peak, dB, the largest
 *                        over the probes: how far it had died away; null when no field reached them
 * @param ringDownComplete whether that is {@link #RING_DOWN_DB} or lower: a spectrum cut off earlier is uncertain
 *                        near the cavity's modes
 * @param warnings        what limits the figures, in words
 */
public record VerificationResult(List<CheckedFrequency> frequencies, List<CurvePoint> curve,
                                 OpenEmsRunner.RunFacts can, OpenEmsRunner.RunFacts reference, double simulatedTimeNs,
                                 Double canRingDownDb, boolean ringDownComplete, List<String> warnings) {

    /** Points of the full-wave curve. */
    public static final int CURVE_POINTS = 100;

    /** The share of a run's end looked at for the ring-down. */
    static final double TAIL = 0.1;

    /** Energy grown back this far from its lowest by a run's end is reported as numerical growth. */
    static final double REGROWTH_DB = 10;

    /** A field 40 dB (1 %) below its peak has died away for the spectrum's purpose. */
    public static final double RING_DOWN_DB = -40;

    /**
     * One checked frequency.
     *
     * @param fullwaveSeDb the smallest SE over the probes, dB; null when no field reached any probe with the can
     *                     (the SE is beyond what the run can measure)
     * @param differenceDb full-wave minus analytic, dB; null with {@code fullwaveSeDb}
     * @param weakestProbe the probe with the smallest SE: the side that leaks most
     */
    public record CheckedFrequency(int harmonic, double frequencyHz, double analyticSeDb, Double fullwaveSeDb,
                                   Double differenceDb, String weakestProbe) {
    }

    /** A point of the curve; {@code fullwaveSeDb} null as in {@link CheckedFrequency}. */
    public record CurvePoint(double frequencyHz, Double fullwaveSeDb) {
    }

    /**
     * What a run was of, beyond its probes.
     *
     * @param cells       the mesh's cells
     * @param sourceNamed whether the design named its near-field source (the dipole and the analytic wall SE then
     *                    assume the same one)
     * @param ringDown    how slowly the can's field may die away, from the report's loaded cavity; null without one
     */
    public record RunContext(long cells, boolean sourceNamed, RingDown ringDown) {
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

    /** The SE at f as the can's weakest side gives it: the smallest over the probes, and which. */
    private record Weakest(Double seDb, String probe) {
    }

    /**
     * What a finished run found; {@code sourceNamed} whether the design named its near-field source (the model's
     * dipole and the analytic wall SE then assume the same one).
     */
    public static VerificationResult of(OpenEmsRunner.Finished run, List<FullwaveArchive.AnalyticPoint> analytic,
                                        RunContext context) {
        List<CheckedFrequency> checked = new ArrayList<>();
        for (FullwaveArchive.AnalyticPoint a : analytic) {
            Weakest w = weakest(run, a.frequencyHz());
            checked.add(new CheckedFrequency(a.harmonic(), a.frequencyHz(), a.totalSeDb(), w.seDb(),
                    w.seDb() == null ? null : w.seDb() - a.totalSeDb(), w.probe()));
        }
        double lowest = analytic.stream().mapToDouble(FullwaveArchive.AnalyticPoint::frequencyHz).min().orElseThrow();
        double highest = analytic.stream().mapToDouble(FullwaveArchive.AnalyticPoint::frequencyHz).max().orElseThrow();
        List<CurvePoint> curve = new ArrayList<>(CURVE_POINTS);
        for (int i = 0; i < CURVE_POINTS; i++) {
            double f = highest == lowest ? lowest : lowest * Math.pow(highest / lowest, i / (CURVE_POINTS - 1.0));
            curve.add(new CurvePoint(f, weakest(run, f).seDb()));
        }
        double[] t = run.canProbes().values().iterator().next().timeS();
        double simulatedNs = t[t.length - 1] * 1e9;
        double ringDown = ringDown(run.canProbes());
        // a field that is zero at every probe has nothing to die away: complete, with no figure
        return new VerificationResult(checked, curve, run.can(), run.reference(), simulatedNs,
                Double.isFinite(ringDown) ? ringDown : null, ringDown <= RING_DOWN_DB,
                warnings(run, context, simulatedNs, ringDown, ringDown(run.referenceProbes())));
    }

    /** {@code v} rounded to two significant figures (a step count estimated from the probes' time). */
    static long twoFigures(double v) {
        double unit = Math.pow(10, Math.floor(Math.log10(v)) - 1);
        return Math.round(Math.round(v / unit) * unit);
    }

    private static double ringDown(Map<String, ProbeSignal> probes) {
        return probes.values().stream().mapToDouble(p -> p.tailDb(TAIL)).max().orElse(Double.NEGATIVE_INFINITY);
    }

    private static Weakest weakest(OpenEmsRunner.Finished run, double frequencyHz) {
        Double smallest = null;
        String probe = null;
        for (Map.Entry<String, ProbeSignal> e : run.canProbes().entrySet()) {
            double withCan = e.getValue().magnitudeAt(frequencyHz);
            double reference = run.referenceProbes().get(e.getKey()).magnitudeAt(frequencyHz);
            if (withCan == 0) {
                continue;
            }
            double se = 20 * Math.log10(reference / withCan);
            if (smallest == null || se < smallest) {
                smallest = se;
                probe = e.getKey();
            }
        }
        return new Weakest(smallest, probe);
    }

    private static List<String> warnings(OpenEmsRunner.Finished run, RunContext context, double simulatedNs,
                                         double canTailDb, double referenceTailDb) {
        List<String> w = new ArrayList<>();
        if (!context.sourceNamed()) {
            w.add("the design does not name its near-field source (requirements.nearFieldSource): the model drives an "
                    + "electric dipole, while the analytic wall SE takes the worse of the electric and magnetic forms; "
                    + "name the source to compare like with like");
        }
        if (canTailDb > RING_DOWN_DB) {
            w.add(String.format(Locale.ROOT, "the can's field outside was still %.1f dB below its peak in the last "
                    + "tenth of the run (%d time steps, %.3f ns), not %.0f dB: the ring-down was cut off, so the figures "
                    + "near the cavity's modes are uncertain (a longer run: shieldfab.fullwave.max-timesteps)",
                    -canTailDb, run.can().timesteps(), simulatedNs, -RING_DOWN_DB));
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
        if (referenceTailDb > RING_DOWN_DB) {
            w.add(String.format(Locale.ROOT, "the reference's field was still %.1f dB below its peak at the end of the "
                    + "run: the reference spectrum is truncated", -referenceTailDb));
        }
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
