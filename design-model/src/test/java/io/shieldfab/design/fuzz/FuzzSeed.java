package io.shieldfab.design.fuzz;

import java.util.SplittableRandom;

/**
 * The random seed of a bad-input run. Each run draws a new seed (so CI explores new inputs over time) and
 * prints it; a failure message carries it, and {@code -Dbadinput.seed=N} replays exactly that run
 * (docs/evidence.md). The generators below are plain {@link SplittableRandom} draws: every sample is a
 * function of the seed and its index, nothing else.
 */
public final class FuzzSeed {

    /** System property that replays a run: {@code ./mvnw ... -Dbadinput.seed=1234}. */
    public static final String PROPERTY = "badinput.seed";

    private FuzzSeed() {
    }

    /** The seed from {@value #PROPERTY}, or a fresh one. */
    public static long seed() {
        String fixed = System.getProperty(PROPERTY);
        if (fixed != null && !fixed.isBlank()) {
            return Long.parseLong(fixed.trim());
        }
        return new SplittableRandom().nextLong();
    }

    /** The one-line summary of a check that draws nothing at random. */
    public static void report(String module, String summary) {
        System.out.println("BAD-INPUT " + module + ": " + summary);
    }

    /** The one-line summary CI logs are grepped for, e.g. {@code BAD-INPUT design-model: ...}. */
    public static void report(String module, String summary, long seed) {
        System.out.println("BAD-INPUT " + module + ": " + summary + " (seed " + seed + ", replay with -D"
                + PROPERTY + "=" + seed + ")");
    }
}
