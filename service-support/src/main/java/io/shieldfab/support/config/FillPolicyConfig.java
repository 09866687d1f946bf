package io.shieldfab.support.config;

import io.shieldfab.design.process.FillPolicy;
import io.smallrye.config.ConfigMapping;

import java.util.OptionalDouble;

/**
 * The fill policy ({@code shieldfab.fill.*}, docs/physics.md §6): how many filler top cuts a pathway must be wide and
 * what share of the gel time the fill may take. Read by recipe-service (the recipe's fill) and shielding-service (a
 * fix never below the fill's limit), so both use the same numbers; each one left unset keeps
 * {@link FillPolicy#DEFAULT}.
 */
@ConfigMapping(prefix = "shieldfab.fill")
public interface FillPolicyConfig {

    /** Smallest pathway dimension over the filler top cut, k. */
    OptionalDouble fillerFactor();

    /** Share of the gel time the fill along a chain may take, (0, 1]. */
    OptionalDouble gelFraction();

    /** The policy in force: the configured values over the defaults. */
    default FillPolicy policy() {
        return new FillPolicy(fillerFactor().orElse(FillPolicy.DEFAULT.fillerFactor()),
                gelFraction().orElse(FillPolicy.DEFAULT.gelFraction()));
    }
}
