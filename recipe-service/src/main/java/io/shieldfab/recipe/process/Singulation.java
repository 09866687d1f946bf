package io.shieldfab.recipe.process;

import io.shieldfab.design.ProcessSpec.SingulationMethod;

import java.util.Comparator;
import java.util.List;

/**
 * Severing the conductive element between the depressions (claim 1) along the layout's saw streets. The
 * kerf must fit inside the street; cuts run channel by channel as in dicing: every cut along X in
 * ascending position, the panel turns 90°, then every cut along Y.
 * <pre>
 *   duration = totalLength / feed + cuts · indexTime
 * </pre>
 * Feed rates and index time are house defaults (docs/recipe.md §5): saw — resin-bonded blade through
 * 10–50 µm of electroformed metal and mold compound at 20 mm/s, typical of QFN/package singulation (DISCO
 * and ADT application notes give 10–100 mm/s for packaged substrates); laser — UV nanosecond laser cutting
 * at an effective 5 mm/s including passes; 0.5 s index/approach per cut.
 */
public final class Singulation {

    /** Feed rate of the dicing saw, mm/s. */
    public static final double SAW_FEED_MM_PER_S = 20.0;
    /** Effective cutting speed of the laser, all passes included, mm/s. */
    public static final double LASER_FEED_MM_PER_S = 5.0;
    /** Index / approach time per cut, s. */
    public static final double INDEX_TIME_S = 0.5;

    private Singulation() {
    }

    /**
     * One cut of the layout's cut list.
     *
     * @param axis       {@code X}: the cut runs along X; {@code Y}: along Y
     * @param positionMm position across the cut direction, mm
     * @param lengthMm   cut length, mm
     */
    public record Cut(String axis, double positionMm, double lengthMm) {
    }

    /**
     * The singulation plan.
     *
     * @param method        saw or laser
     * @param kerfMm        kerf width, mm
     * @param streetWidthMm street width, mm
     * @param feedMmPerS    feed rate, mm/s
     * @param cuts          cuts in the order they are made
     * @param cutsX         cuts along X (channel 1)
     * @param cutsY         cuts along Y (channel 2)
     * @param totalLengthMm sum of cut lengths, mm
     * @param durationS     cutting time including indexing, s
     */
    public record Plan(SingulationMethod method, double kerfMm, double streetWidthMm, double feedMmPerS,
                       List<Cut> cuts, int cutsX, int cutsY, double totalLengthMm, double durationS) {
    }

    /**
     * @throws ProcessRuleException {@link ProcessRule#KERF_WITHIN_STREET} when the kerf is wider than the street
     */
    public static Plan plan(SingulationMethod method, double kerfMm, double streetWidthMm, List<Cut> cuts) {
        if (kerfMm > streetWidthMm) {
            throw new ProcessRuleException(ProcessRule.KERF_WITHIN_STREET, "The " + method.name().toLowerCase()
                    + " kerf " + kerfMm + " mm is wider than the " + Units.round(streetWidthMm, 4)
                    + " mm street between depressions: severing would cut into the side walls (claim 1).");
        }
        List<Cut> ordered = cuts.stream()
                .sorted(Comparator.comparing(Cut::axis).thenComparingDouble(Cut::positionMm))
                .toList();
        double total = ordered.stream().mapToDouble(Cut::lengthMm).sum();
        double feed = method == SingulationMethod.LASER ? LASER_FEED_MM_PER_S : SAW_FEED_MM_PER_S;
        int x = (int) ordered.stream().filter(c -> "X".equals(c.axis())).count();
        double duration = total / feed + ordered.size() * INDEX_TIME_S;
        return new Plan(method, kerfMm, streetWidthMm, feed, ordered, x, ordered.size() - x, total, duration);
    }
}
