package io.shieldfab.shielding.evaluation;

import io.shieldfab.design.Design;
import io.shieldfab.design.process.FillInputs;
import io.shieldfab.design.process.FillPolicy;
import io.shieldfab.design.process.FillResult;
import io.shieldfab.shielding.evaluation.FindingText.Text;
import io.shieldfab.shielding.evaluation.ShieldingReport.CheckedRange;
import io.shieldfab.shielding.evaluation.ShieldingReport.Finding;
import io.shieldfab.shielding.evaluation.ShieldingReport.FrequencyCheck;
import io.shieldfab.shielding.evaluation.ShieldingReport.OpeningWindow;
import io.shieldfab.shielding.evaluation.ShieldingReport.Resonance;
import io.shieldfab.shielding.evaluation.ShieldingReport.Severity;
import io.shieldfab.shielding.evaluation.ShieldingReport.Status;
import io.shieldfab.shielding.evaluation.ShieldingReport.SweepPoint;
import io.shieldfab.shielding.evaluation.ShieldingReport.Weakest;

import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates one design with the geometry of its layout at the fundamental and every harmonic of its emission range
 * ({@link EmissionRange}: FCC 47 CFR 15.33, or the design's harmonics override): the rules of {@link ShieldingRules}, the cavity resonances of
 * {@link CavityResonances}, fixes from {@link FixSearch}, the opening window against the fill
 * ({@link OpeningWindows}), a Robinson-model SE sweep and the verdict. Pure and
 * deterministic: the same input gives the same report. Rules and their statuses are in docs/shielding.md.
 */
public final class ShieldingEvaluator {

    private final EvaluationSettings settings;
    private final FillPolicy fillPolicy;

    /** fillPolicy: the fill's margins, the same as recipe-service's (shieldfab.fill.*, docs/physics.md §6). */
    public ShieldingEvaluator(EvaluationSettings settings, FillPolicy fillPolicy) {
        this.settings = settings;
        this.fillPolicy = fillPolicy;
    }

    /** The design supplies frequencies, material, encapsulant and requirements; g every length of the shield. */
    public ShieldingReport evaluate(Design design, ShieldGeometry g) {
        ShieldModel c = new ShieldModel(design, g);
        List<Finding> findings = new ArrayList<>();
        double f0 = design.packageSpec().operatingFrequencyHz();
        Double knee = EmissionRange.kneeHz(design.packageSpec().riseTimeS());
        EmissionRange range = EmissionRange.of(design.packageSpec());
        int harmonics = checkedHarmonics(range, findings);

        List<FrequencyCheck> checks = new ArrayList<>();
        for (int k = 1; k <= harmonics; k++) {
            checks.add(ShieldingRules.check(c, k, k * f0));
        }
        if (c.enclosureReason != null) {
            findings.add(note(ShieldingRule.ENCLOSURE_MODEL_NOT_APPLICABLE,
                    FindingText.enclosureNotApplicable(c.enclosureReason)));
        }
        if (g.seam() == null) {
            findings.add(note(ShieldingRule.SEAM_NOT_EVALUATED, FindingText.seamNotEvaluated()));
        }
        double topChecked = checks.get(checks.size() - 1).frequencyHz();
        double sweepStop = CavityResonances.sweepStop(g, c.cavityEr(), topChecked);
        List<Resonance> resonances = CavityResonances.list(c, checks, sweepStop, settings);

        double maxOpeningMm = FixSearch.openingFix(c, checks);
        FillResult fill = FillInputs.evaluate(design, fillPolicy);
        OpeningWindow window = g.hasOpenings() ? OpeningWindows.of(maxOpeningMm,
                FixSearch.tightestOpeningFrequencyHz(c, checks), fill, fillPolicy) : null;
        findings.addAll(ShieldingRules.findings(c, checks, window));
        if (window != null && window.empty()) {
            findings.add(ShieldingRules.windowFinding(c, window));
        }
        findings.addAll(CavityResonances.findings(c, resonances, checks, c.resonanceMargin(settings.resonanceMargin())));
        List<SweepPoint> sweep = sweep(c, f0 / 2.0, sweepStop);

        return new ShieldingReport(design.name(), design.revision(), verdict(checks, findings), ShieldGeometry.SOURCE,
                c.material.name(), c.minSe, design.requirements().apertureRule().name(),
                design.requirements().nearFieldSource(), knee, g,
                List.copyOf(checks), resonances, List.copyOf(findings), sweep, Weakest.of(checks, c.minSe),
                maxOpeningMm, fill.minOpeningMm(), window, new CheckedRange(range.rule(), range.upToHz(), harmonics),
                seam(design, g), c.cavity);
    }

    /**
     * The layout's seam with the height of its gaps, the bonding material's thickness: what the full-wave model
     * needs to draw them (docs/shielding.md, "Full-wave model"); the seam rule itself does not use it.
     */
    private static ShieldGeometry.Seam seam(Design design, ShieldGeometry g) {
        if (g.seam() == null || design.bonding() == null) {
            return g.seam();
        }
        return g.seam().withGapHeightMm(design.bonding().padThicknessUm() / 1000);
    }

    /**
     * Harmonics to check: those of the emission range (docs/shielding.md "Checked frequencies"), capped at
     * {@link EvaluationSettings#maxCheckedFrequencies()} with a note when the cap cuts.
     */
    private int checkedHarmonics(EmissionRange range, List<Finding> findings) {
        int harmonics = range.harmonics();
        if (harmonics > settings.maxCheckedFrequencies()) {
            Text text = FindingText.truncated(range, settings.maxCheckedFrequencies());
            String field = range.rule() == EmissionRange.Rule.HARMONICS_OVERRIDE ? "package.riseTimeS"
                    : "package.operatingFrequencyHz";
            findings.add(new Finding(ShieldingRule.CHECKS_TRUNCATED, Severity.INFO, field,
                    (double) harmonics, (double) settings.maxCheckedFrequencies(), "harmonics", null, null, null,
                    text.message(), text.fix()));
            harmonics = settings.maxCheckedFrequencies();
        }
        return harmonics;
    }

    private static Finding note(ShieldingRule rule, Text text) {
        return new Finding(rule, Severity.INFO, null, null, null, null, null, null, null, text.message(), text.fix());
    }

    /** The worst status of every rule and of every WARN or FAIL finding (an INFO note never changes it). */
    private static Status verdict(List<FrequencyCheck> checks, List<Finding> findings) {
        Status verdict = Status.PASS;
        for (FrequencyCheck fc : checks) {
            verdict = verdict.worst(fc.status());
        }
        for (Finding f : findings) {
            if (f.severity() != Severity.INFO) {
                verdict = verdict.worst(Status.valueOf(f.severity().name()));
            }
        }
        return verdict;
    }

    private List<SweepPoint> sweep(ShieldModel c, double start, double stop) {
        int n = settings.sweepPoints();
        List<SweepPoint> points = new ArrayList<>(n);
        double ratio = Math.log(stop / start);
        for (int i = 0; i < n; i++) {
            double f = start * Math.exp(ratio * i / (n - 1));
            Double aperture = c.g.hasOpenings() ? c.aperture(f, c.g.openingMaxDimensionMm()).seDb() : null;
            points.add(new SweepPoint(f, c.enclosure(f), aperture, c.sheet(f, c.g.wallThicknessUm()).totalDb(),
                    c.seam(f)));
        }
        return List.copyOf(points);
    }
}
