package io.shieldfab.shielding.evaluation;

import io.shieldfab.design.Design;
import io.shieldfab.shielding.evaluation.FindingText.Text;
import io.shieldfab.shielding.evaluation.ShieldingReport.Finding;
import io.shieldfab.shielding.evaluation.ShieldingReport.FrequencyCheck;
import io.shieldfab.shielding.evaluation.ShieldingReport.Resonance;
import io.shieldfab.shielding.evaluation.ShieldingReport.Severity;
import io.shieldfab.shielding.physics.CavityModes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Cavity modes of the depression near the checked frequencies (docs/shielding.md, "Cavity resonances of the
 * depression" and "Resonances at harmonics"): which modes are listed, which are flagged, and their findings.
 */
final class CavityResonances {

    /** Modes examined for flags (below the top checked frequency + margin). */
    private static final int MAX_FLAGGED_MODES = 2_000;

    private CavityResonances() {
    }

    /**
     * Top of the sweep: twice the top checked frequency, or past the lowest mode (at most 20 times the top). er is
     * the loaded cavity's effective εr ({@link ShieldModel#cavityEr()}).
     */
    static double sweepStop(ShieldGeometry g, double er, double topChecked) {
        // TM110 always exists, so the lowest mode lies at or below it.
        double tm110 = CavityModes.frequencyHz(g.cavityLengthMm(), g.cavityWidthMm(), g.cavityDepthMm(), er, 1, 1, 0);
        double lowest = CavityModes.modes(g.cavityLengthMm(), g.cavityWidthMm(), g.cavityDepthMm(), er,
                tm110 * (1 + 1e-9), 1).get(0).frequencyHz();
        return Math.max(topChecked * 2.0, Math.min(lowest * 1.25, topChecked * 20));
    }

    /**
     * The lowest modes of the loaded cavity up to the top of the sweep, plus every mode near a checked frequency,
     * by frequency; each with its frequency in the encapsulant alone (homogeneous filling: f ∝ 1/√εr).
     */
    static List<Resonance> list(ShieldModel c, List<FrequencyCheck> checks, double sweepStop,
                                EvaluationSettings settings) {
        ShieldGeometry g = c.g;
        double er = c.cavityEr();
        double unloaded = Math.sqrt(er / c.er);
        double topChecked = checks.get(checks.size() - 1).frequencyHz();
        double margin = c.resonanceMargin(settings.resonanceMargin());
        List<CavityModes.Mode> lowestModes = CavityModes.modes(g.cavityLengthMm(), g.cavityWidthMm(), g.cavityDepthMm(),
                er, sweepStop, settings.maxResonances());
        List<CavityModes.Mode> nearChecks = CavityModes.modes(g.cavityLengthMm(), g.cavityWidthMm(), g.cavityDepthMm(),
                er, topChecked / (1 - margin), MAX_FLAGGED_MODES);
        TreeMap<String, CavityModes.Mode> listed = new TreeMap<>();
        lowestModes.forEach(m -> listed.put(m.label(), m));
        nearChecks.stream().filter(m -> nearHarmonic(m.frequencyHz(), checks, margin) != null)
                .forEach(m -> listed.put(m.label(), m));
        return listed.values().stream()
                .sorted(Comparator.comparingDouble(CavityModes.Mode::frequencyHz).thenComparing(CavityModes.Mode::label))
                .map(m -> {
                    Integer near = nearHarmonic(m.frequencyHz(), checks, margin);
                    return new Resonance(m.label(), m.frequencyHz(), near != null, near, m.frequencyHz() * unloaded);
                })
                .toList();
    }

    /** The checked harmonic within the margin of a mode, nearest first; checks are k·f0 for k = 1 … K. */
    static Integer nearHarmonic(double modeHz, List<FrequencyCheck> checks, double margin) {
        double f0 = checks.get(0).frequencyHz();
        int k0 = (int) Math.floor(modeHz / f0);
        Integer best = null;
        double bestDistance = Double.MAX_VALUE;
        for (int k = Math.max(1, k0); k <= Math.min(checks.size(), k0 + 1); k++) {
            double distance = Math.abs(checks.get(k - 1).frequencyHz() - modeHz);
            if (distance <= margin * modeHz && distance < bestDistance) {
                best = k;
                bestDistance = distance;
            }
        }
        return best;
    }

    /**
     * One finding per harmonic with flagged modes. Data: the closest flagged mode's distance from the harmonic
     * (% of the mode's frequency) against the margin; the fix is the largest smaller wall clearance that clears them.
     */
    static List<Finding> findings(ShieldModel c, List<Resonance> resonances, List<FrequencyCheck> checks, double margin) {
        List<Resonance> flagged = resonances.stream().filter(Resonance::flagged).toList();
        if (flagged.isEmpty()) {
            return List.of();
        }
        Double clearance = FixSearch.clearanceFix(c, checks, margin);
        // margin is the flag margin the list used (ShieldModel.resonanceMargin)
        String field = clearance != null ? "shield.wallClearanceMm" : "mandrel.recessDepthMm";
        Map<Integer, List<Resonance>> byHarmonic = new TreeMap<>();
        for (Resonance r : flagged) {
            byHarmonic.computeIfAbsent(r.nearHarmonic(), h -> new ArrayList<>()).add(r);
        }
        List<Finding> out = new ArrayList<>();
        for (Map.Entry<Integer, List<Resonance>> e : byHarmonic.entrySet()) {
            double f = checks.get(e.getKey() - 1).frequencyHz();
            double closestPct = e.getValue().stream()
                    .mapToDouble(r -> Math.abs(f - r.frequencyHz()) / r.frequencyHz() * 100).min().orElseThrow();
            boolean warn = warns(c.design, e.getKey());
            Text text = FindingText.resonance(c, e.getKey(), f, e.getValue(), warn, clearance, margin);
            out.add(new Finding(ShieldingRule.CAVITY_RESONANCE, warn ? Severity.WARN : Severity.INFO, field,
                    closestPct, margin * 100, "%", f, clearance != null ? "shield.wallClearanceMm" : null, clearance,
                    text.message(), text.fix()));
        }
        return out;
    }

    /**
     * Whether a resonance near harmonic k is a warning. At the fundamental always: the design's full power
     * excites the mode. At harmonics only when the design gives a rise time: a digital edge's harmonics fall
     * only as 1/k (−20 dB/decade) up to the knee 0.5/t_r (C. R. Paul, Introduction to Electromagnetic
     * Compatibility, 2nd ed., Wiley 2006, ch. 3, spectral bounds of trapezoidal pulse trains), while an RF
     * carrier's harmonics are suppressed by the amplifier's output match and filter, and spurious-emission limits
     * (e.g. 3GPP TS 38.101-2 §6.5.3 for FR2 user equipment) keep them far below the carrier. So a mode near an RF
     * harmonic is listed (INFO, flagged on the chart) for the engineer to review rather than turning the verdict
     * to WARN. docs/shielding.md states the policy.
     */
    private static boolean warns(Design design, int harmonic) {
        return harmonic == 1 || design.packageSpec().riseTimeS() != null;
    }
}
