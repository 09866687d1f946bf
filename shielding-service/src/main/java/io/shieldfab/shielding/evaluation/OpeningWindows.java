package io.shieldfab.shielding.evaluation;

import io.shieldfab.design.process.FillPolicy;
import io.shieldfab.design.process.FillResult;
import io.shieldfab.shielding.evaluation.ShieldingReport.FillLimit;
import io.shieldfab.shielding.evaluation.ShieldingReport.OpeningWindow;

/**
 * The opening window (docs/shielding.md, "Opening window"; issue #14's trade-off of claims 13 and 14): the fill's
 * lower limit on the smallest pathway dimension beside the shielding's upper limit on the largest. The fill is
 * docs/physics.md §6 ({@link FillResult}); the shielding limit is {@link FixSearch#openingFix}.
 */
final class OpeningWindows {

    /** The design field a finer filler changes. */
    static final String FILLER_FIELD = "encapsulation.fillerTopCutUm";

    private OpeningWindows() {
    }

    /** Both limits of a design with openings; maxMm and its frequency from the shielding checks. */
    static OpeningWindow of(double maxMm, double maxFrequencyHz, FillResult fill, FillPolicy policy) {
        double minMm = fill.minOpeningMm();
        boolean empty = maxMm <= 0 || minMm > maxMm;
        FillLimit limitedBy = fill.fillerMinOpeningMm() >= fill.flowMinOpeningMm() ? FillLimit.FILLER : FillLimit.FLOW;
        Double fillerFix = empty && limitedBy == FillLimit.FILLER && maxMm > 0 && fill.flowMinOpeningMm() <= maxMm
                ? fillerTopCutMaxUm(maxMm, policy.fillerFactor()) : null;
        return new OpeningWindow(minMm, maxMm, empty, maxFrequencyHz, limitedBy, policy.fillerFactor(),
                fill.fillerMinOpeningMm(),
                fill.flowMinOpeningMm(), fillerFix);
    }

    /**
     * The largest filler top cut (µm, 0.001 µm steps) whose k × top cut stays within maxMm: floor(maxMm / k), checked
     * against the fill model's own product so that applying it passes the filler rule.
     */
    static double fillerTopCutMaxUm(double maxMm, double k) {
        double value = Math.floor(maxMm * 1000.0 / k * 1000.0 + 1e-6) / 1000.0;
        while (value > 0 && k * value / 1000.0 > maxMm) {
            value = Math.round(value * 1000.0 - 1.0) / 1000.0;
        }
        return Math.max(value, 0.0);
    }
}
