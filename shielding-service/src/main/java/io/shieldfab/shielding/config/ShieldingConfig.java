package io.shieldfab.shielding.config;

import io.shieldfab.shielding.evaluation.EvaluationSettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Evaluation tunables ({@code shieldfab.shielding.*} in application.properties); defaults documented there. */
@ConfigMapping(prefix = "shieldfab.shielding")
public interface ShieldingConfig {

    /** A cavity mode within this fraction of a checked frequency is flagged; default 0.10 (10 %). */
    @WithDefault("0.10")
    double resonanceMargin();

    /** Points of the SE-versus-frequency sweep stored with each report and drawn in the chart; default 1000. */
    @WithDefault("1000")
    int sweepPoints();

    /** Cap on the harmonics checked (a short rise time on a slow clock can ask for many); default 200. */
    @WithDefault("200")
    int maxCheckedFrequencies();

    /** Cap on the cavity modes listed in a report; default 50. */
    @WithDefault("50")
    int maxResonances();

    default EvaluationSettings settings() {
        return new EvaluationSettings(resonanceMargin(), sweepPoints(), maxCheckedFrequencies(), maxResonances());
    }
}
