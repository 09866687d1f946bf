package io.shieldfab.shielding.evaluation;

/**
 * Tunables of an evaluation (configured in application.properties, see ShieldingConfig).
 *
 * @param resonanceMargin       a cavity mode within this fraction of a checked frequency is flagged (0.10 = 10 %)
 * @param sweepPoints           points of the SE-versus-frequency sweep for the chart
 * @param maxCheckedFrequencies cap on harmonics checked (a short rise time on a slow clock gives many)
 * @param maxResonances         cap on cavity modes listed
 */
public record EvaluationSettings(double resonanceMargin, int sweepPoints, int maxCheckedFrequencies, int maxResonances) {

    public static final EvaluationSettings DEFAULTS = new EvaluationSettings(0.10, 1000, 200, 50);

    public EvaluationSettings {
        if (!(resonanceMargin > 0 && resonanceMargin < 1) || sweepPoints < 2 || maxCheckedFrequencies < 1
                || maxResonances < 1) {
            throw new IllegalArgumentException("invalid evaluation settings");
        }
    }
}
