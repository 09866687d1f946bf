package io.shieldfab.shielding.evaluation;

import io.shieldfab.shielding.evaluation.FindingText.Text;
import io.shieldfab.shielding.evaluation.ShieldingReport.Bound;
import io.shieldfab.shielding.evaluation.ShieldingReport.FillLimit;
import io.shieldfab.shielding.evaluation.ShieldingReport.Finding;
import io.shieldfab.shielding.evaluation.ShieldingReport.FrequencyCheck;
import io.shieldfab.shielding.evaluation.ShieldingReport.OpeningWindow;
import io.shieldfab.shielding.evaluation.ShieldingReport.RuleCheck;
import io.shieldfab.shielding.evaluation.ShieldingReport.Severity;
import io.shieldfab.shielding.evaluation.ShieldingReport.Status;
import io.shieldfab.shielding.physics.ApertureShape;
import io.shieldfab.shielding.physics.ApertureShielding;
import io.shieldfab.shielding.physics.PhysicalConstants;
import io.shieldfab.shielding.physics.SheetShielding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The aperture and wall rules at each checked frequency, and one finding per broken rule where it is tightest
 * (docs/shielding.md, the rule table and "Findings and fixes").
 */
final class ShieldingRules {

    private static final String THICKNESS_FIELD = "shield.thicknessUm";
    private static final String OPENINGS_FIELD = "shield.openings";
    private static final String SEAM_FIELD = "bonding.padsPerSide";

    private ShieldingRules() {
    }

    /** Every rule at harmonic k (frequency f), with the SE of each path. */
    static FrequencyCheck check(ShieldModel c, int k, double f) {
        ShieldGeometry g = c.g;
        double lambda = PhysicalConstants.wavelengthMm(f, c.er);
        ShieldModel.Wall solid = c.wall(f, g.wallThicknessUm());
        SheetShielding.Result wall = solid.result();
        List<RuleCheck> rules = new ArrayList<>();
        Double apertureSe = null;
        if (g.hasOpenings()) {
            double l = g.openingMaxDimensionMm();
            String field = g.openingField();
            // Claims 14 and 23 speak of the operating frequency; at harmonics the same limit is an engineering rule.
            rules.add(k == 1
                    ? size(ShieldingRule.OPENING_BELOW_WAVELENGTH, l < lambda ? Status.PASS : Status.FAIL, lambda, l, field)
                    : size(ShieldingRule.OPENING_BELOW_WAVELENGTH_AT_HARMONIC, l < lambda ? Status.PASS : Status.WARN,
                    lambda, l, field));
            double resonant = c.resonantLengthMm(lambda);
            rules.add(size(c.openEnded ? ShieldingRule.OPENING_BELOW_QUARTER_WAVELENGTH
                    : ShieldingRule.OPENING_BELOW_HALF_WAVELENGTH, l < resonant ? Status.PASS : Status.FAIL,
                    resonant, l, field));
            double ruleLimit = lambda / c.ruleDivisor;
            // The λ/N rule of thumb is for the operating frequency; at harmonics the SE requirement decides.
            Status ruleStatus = l < ruleLimit ? Status.PASS : (k == 1 ? Status.FAIL : Status.WARN);
            rules.add(size(c.configuredRule, ruleStatus, ruleLimit, l, field));
            apertureSe = c.aperture(f, l).seDb();
            rules.add(new RuleCheck(ShieldingRule.APERTURE_SHIELDING, apertureSe >= c.minSe ? Status.PASS : Status.FAIL,
                    FixSearch.largestOpeningForTarget(c, f), l, Bound.MAX, field, apertureSe, c.minSe, "dB"));
        }
        rules.add(new RuleCheck(ShieldingRule.WALL_SHIELDING, wall.totalDb() >= c.minSe ? Status.PASS : Status.FAIL,
                FixSearch.smallestThicknessUm(c, f) / 1000.0, g.wallThicknessUm() / 1000.0, Bound.MIN, THICKNESS_FIELD,
                wall.totalDb(), c.minSe, "dB"));
        Double seamSe = c.seam(f);
        if (seamSe != null) {
            rules.add(new RuleCheck(ShieldingRule.SEAM_SHIELDING, seamSe >= c.minSe ? Status.PASS : Status.FAIL,
                    ApertureShielding.largestOpeningForTargetMm(lambda, g.seam().gapCount(), c.minSe,
                            ApertureShape.RECTANGULAR), g.seam().longestGapMm(), Bound.MAX, SEAM_FIELD, seamSe,
                    c.minSe, "dB"));
        }
        Status status = Status.PASS;
        for (RuleCheck r : rules) {
            status = status.worst(r.status());
        }
        double total = wall.totalDb();
        for (Double se : new Double[] {apertureSe, seamSe}) {
            total = se == null ? total : Math.min(total, se);
        }
        return new FrequencyCheck(f, k, lambda, wall.skinDepthUm(), c.mur(f), wall.totalDb(), c.solidWall(solid),
                apertureSe, c.enclosure(f), total, status, List.copyOf(rules), seamSe);
    }

    /** An opening-size rule: the largest opening against a length limit. */
    private static RuleCheck size(ShieldingRule rule, Status status, double limitMm, double openingMm, String field) {
        return new RuleCheck(rule, status, limitMm, openingMm, Bound.MAX, field, openingMm, limitMm, "mm");
    }

    /**
     * For every rule that is not PASS somewhere: one finding at its tightest frequency, in order of first breach. An
     * opening fix is proposed only inside the opening window: when the window is empty the aperture findings name
     * both limits and propose the finer filler that opens it, if one does (docs/shielding.md, "Opening window").
     */
    static List<Finding> findings(ShieldModel c, List<FrequencyCheck> checks, OpeningWindow window) {
        Map<ShieldingRule, RuleCheck> worst = new LinkedHashMap<>();
        Map<ShieldingRule, FrequencyCheck> where = new LinkedHashMap<>();
        for (FrequencyCheck fc : checks) {
            for (RuleCheck r : fc.rules()) {
                if (r.status() != Status.PASS && tighter(r, worst.get(r.rule()))) {
                    worst.put(r.rule(), r);
                    where.put(r.rule(), fc);
                }
            }
        }
        List<Finding> out = new ArrayList<>();
        Double openingFix = null;
        for (Map.Entry<ShieldingRule, RuleCheck> e : worst.entrySet()) {
            RuleCheck r = e.getValue();
            FrequencyCheck fc = where.get(e.getKey());
            if (r.rule() == ShieldingRule.WALL_SHIELDING) {
                double fix = FixSearch.thicknessFix(c, checks);
                out.add(finding(r, fc, THICKNESS_FIELD, fix, FindingText.wall(c, r, fc, fix)));
                continue;
            }
            if (r.rule() == ShieldingRule.SEAM_SHIELDING) {
                FixSearch.SeamFix fix = FixSearch.seamFix(c, checks);
                out.add(finding(r, fc, fix.padsPerSide() == null ? "bonding.pattern" : SEAM_FIELD,
                        fix.padsPerSide() == null ? null : (double) fix.padsPerSide(), FindingText.seam(c, r, fc, fix)));
                continue;
            }
            if (window != null && window.empty()) {
                Double fillerFix = window.fillerTopCutMaxUm();
                out.add(finding(r, fc, fillerFix == null ? null : OpeningWindows.FILLER_FIELD, fillerFix,
                        FindingText.openingOutsideWindow(c, r, fc, window)));
                continue;
            }
            if (openingFix == null) {
                openingFix = FixSearch.openingFix(c, checks);
            }
            out.add(finding(r, fc, r.field(), openingFix > 0 ? openingFix : null,
                    FindingText.opening(c, r, fc, r.field(), openingFix, window)));
        }
        return out;
    }

    /** The FAIL finding of an empty window, with the finer filler that opens it when one does. */
    static Finding windowFinding(ShieldModel c, OpeningWindow w) {
        Double fix = w.fillerTopCutMaxUm();
        String field = w.minLimitedBy() == FillLimit.FILLER ? OpeningWindows.FILLER_FIELD : OPENINGS_FIELD;
        Text text = FindingText.window(c, w);
        return new Finding(ShieldingRule.OPENING_WINDOW, Severity.FAIL, field, w.minMm(), w.maxMm(), "mm",
                w.maxFrequencyHz(), fix == null ? null : OpeningWindows.FILLER_FIELD, fix, text.message(), text.fix());
    }

    /** Whether r is tighter than the tightest so far: a worse status, or at the same status a harder limit. */
    private static boolean tighter(RuleCheck r, RuleCheck prev) {
        return prev == null || r.status().ordinal() > prev.status().ordinal()
                || (r.status() == prev.status()
                && (r.bound() == Bound.MAX ? r.limitMm() < prev.limitMm() : r.limitMm() > prev.limitMm()));
    }

    private static Finding finding(RuleCheck r, FrequencyCheck fc, String fixField, Double fixValue, Text text) {
        return new Finding(r.rule(), Severity.of(r.status()), r.field(), r.measured(), r.limit(), r.unit(),
                fc.frequencyHz(), fixField, fixValue, text.message(), text.fix());
    }
}
