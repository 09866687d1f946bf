package io.shieldfab.recipe.process;

import io.shieldfab.design.EncapsulationSpec.EncapsulationStage;

import java.util.ArrayList;
import java.util.List;

/**
 * The order of the fabrication steps, derived from the design and checked against the claims:
 * <pre>
 *   MANDREL_PREPARATION → ELECTROFORMING → ASSEMBLY → … → SINGULATION
 *   solid walls, BEFORE_SUPPORT_REMOVAL (claim 16):  ENCAPSULATION → SUPPORT_REMOVAL
 *   solid walls, AFTER_SUPPORT_REMOVAL:              SUPPORT_REMOVAL → ENCAPSULATION
 *   hollow walls (claim 15):                         SUPPORT_REMOVAL → REAR_COVERING → ENCAPSULATION
 * </pre>
 */
public final class ProcessOrder {

    private ProcessOrder() {
    }

    /**
     * The step sequence for a design.
     *
     * @throws ProcessRuleException {@link ProcessRule#HOLLOW_WALL_ORDER} for hollow walls encapsulated before
     *                              support removal
     */
    public static List<Step> plan(boolean hollowWalls, EncapsulationStage stage) {
        if (hollowWalls && stage == EncapsulationStage.BEFORE_SUPPORT_REMOVAL) {
            throw new ProcessRuleException(ProcessRule.HOLLOW_WALL_ORDER, "Hollow side walls are open to the rear:"
                    + " claim 15 requires support removal, then a rear covering layer, then encapsulation, so"
                    + " encapsulation.stage BEFORE_SUPPORT_REMOVAL cannot be built; use AFTER_SUPPORT_REMOVAL.");
        }
        List<Step> steps = new ArrayList<>(List.of(Step.MANDREL_PREPARATION, Step.ELECTROFORMING, Step.ASSEMBLY));
        if (hollowWalls) {
            steps.addAll(List.of(Step.SUPPORT_REMOVAL, Step.REAR_COVERING, Step.ENCAPSULATION));
        } else if (stage == EncapsulationStage.BEFORE_SUPPORT_REMOVAL) {
            steps.addAll(List.of(Step.ENCAPSULATION, Step.SUPPORT_REMOVAL));
        } else {
            steps.addAll(List.of(Step.SUPPORT_REMOVAL, Step.ENCAPSULATION));
        }
        steps.add(Step.SINGULATION);
        check(steps, hollowWalls);
        return List.copyOf(steps);
    }

    /**
     * Checks a step sequence against every ordering rule of the claims.
     *
     * @throws ProcessRuleException naming the first rule broken
     */
    public static void check(List<Step> steps, boolean hollowWalls) {
        for (Step required : List.of(Step.MANDREL_PREPARATION, Step.ELECTROFORMING, Step.ASSEMBLY,
                Step.SUPPORT_REMOVAL, Step.ENCAPSULATION, Step.SINGULATION)) {
            if (!steps.contains(required)) {
                throw new ProcessRuleException(required == Step.SINGULATION ? ProcessRule.SEVERING_LAST
                        : ProcessRule.PLATING_BEFORE_ASSEMBLY, "The process lacks the step " + required + ".");
            }
        }
        if (!(before(steps, Step.MANDREL_PREPARATION, Step.ELECTROFORMING)
                && before(steps, Step.ELECTROFORMING, Step.ASSEMBLY))) {
            throw new ProcessRuleException(ProcessRule.PLATING_BEFORE_ASSEMBLY, "The mandrel must be prepared, then"
                    + " plated, before packages are assembled into the depressions (claims 1, 3).");
        }
        if (!before(steps, Step.ASSEMBLY, Step.SUPPORT_REMOVAL)) {
            throw new ProcessRuleException(ProcessRule.SUPPORT_REMOVAL_AFTER_ASSEMBLY, "The support may be removed"
                    + " only after the packages are assembled into the depressions (claim 1).");
        }
        if (!before(steps, Step.ASSEMBLY, Step.ENCAPSULATION)) {
            throw new ProcessRuleException(ProcessRule.ENCAPSULATION_AFTER_ASSEMBLY, "The flowable material fills"
                    + " depressions that already hold the packages (claims 12-13).");
        }
        if (hollowWalls) {
            if (!steps.contains(Step.REAR_COVERING) || !before(steps, Step.SUPPORT_REMOVAL, Step.REAR_COVERING)
                    || !before(steps, Step.REAR_COVERING, Step.ENCAPSULATION)) {
                throw new ProcessRuleException(ProcessRule.HOLLOW_WALL_ORDER, "Hollow side walls require support"
                        + " removal, then a rear covering layer, then encapsulation (claim 15).");
            }
        }
        if (steps.get(steps.size() - 1) != Step.SINGULATION || steps.indexOf(Step.SINGULATION)
                != steps.lastIndexOf(Step.SINGULATION)) {
            throw new ProcessRuleException(ProcessRule.SEVERING_LAST, "Severing between the depressions must be"
                    + " the last fabrication step (claim 1).");
        }
    }

    private static boolean before(List<Step> steps, Step first, Step then) {
        int a = steps.indexOf(first);
        int b = steps.indexOf(then);
        return a >= 0 && b >= 0 && a < b;
    }
}
