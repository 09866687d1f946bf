package io.shieldfab.recipe.process;

import io.shieldfab.design.EncapsulationSpec.EncapsulationStage;
import io.shieldfab.design.geometry.FlowRoute;

import java.util.ArrayList;
import java.util.List;

/**
 * The order of the fabrication steps, derived from the encapsulant's route ({@link FlowRoute}, from the opening
 * style and the stage) and checked against the claims (docs/recipe.md, "Encapsulation routes"):
 * <pre>
 *   MANDREL_PREPARATION → ELECTROFORMING → ASSEMBLY → … → SINGULATION [→ BOARD_ATTACH]
 *   TROUGHS, PILLAR_GAPS or NONE, BEFORE_SUPPORT_REMOVAL (claim 16):  ENCAPSULATION → SUPPORT_REMOVAL
 *   TROUGHS, PILLAR_GAPS or NONE, AFTER_SUPPORT_REMOVAL:              SUPPORT_REMOVAL → ENCAPSULATION
 *   SLOTS_INTO_WALL_SPACE (claims 13, 15, 18):  SUPPORT_REMOVAL → REAR_COVERING → ENCAPSULATION → REAR_COVER_REMOVAL
 *   SLOTS_FACING_RIB: refused, FLOW_PATH
 * </pre>
 * BOARD_ATTACH (claim 10) joins the singulated shields to a board, so it is the one step allowed after severing.
 */
public final class ProcessOrder {

    private ProcessOrder() {
    }

    /**
     * The step sequence for a design.
     *
     * @param route       the encapsulant's route between depressions ({@code DepressionGeometry.route()})
     * @param stage       when the encapsulant goes in relative to support removal
     * @param hollowWalls the design's deprecated {@code shield.hollowWalls}: true states the wall spaces are open
     *                    to the rear when the encapsulant goes in
     * @param boardAttach whether the design names the board's pads ({@code bonding.attachesToBoard()})
     * @throws ProcessRuleException {@link ProcessRule#FLOW_PATH} for a route with no flow path in its stage,
     *                              {@link ProcessRule#HOLLOW_WALL_ORDER} for hollow walls encapsulated before support
     *                              removal
     */
    public static List<Step> plan(FlowRoute route, EncapsulationStage stage, boolean hollowWalls,
                                  boolean boardAttach) {
        refuseBlocked(route);
        if (hollowWalls && stage == EncapsulationStage.BEFORE_SUPPORT_REMOVAL) {
            throw new ProcessRuleException(ProcessRule.HOLLOW_WALL_ORDER, "shield.hollowWalls true states that the"
                    + " wall spaces are open to the rear when the encapsulant goes in, which claim 15 allows only"
                    + " once the support is removed, so encapsulation.stage BEFORE_SUPPORT_REMOVAL cannot be built;"
                    + " use AFTER_SUPPORT_REMOVAL, or leave hollowWalls out (it is deprecated and no longer changes"
                    + " the geometry).");
        }
        List<Step> steps = new ArrayList<>(List.of(Step.MANDREL_PREPARATION, Step.ELECTROFORMING, Step.ASSEMBLY));
        if (route.needsRearCover()) {
            steps.addAll(List.of(Step.SUPPORT_REMOVAL, Step.REAR_COVERING, Step.ENCAPSULATION,
                    Step.REAR_COVER_REMOVAL));
        } else if (stage == EncapsulationStage.BEFORE_SUPPORT_REMOVAL) {
            steps.addAll(List.of(Step.ENCAPSULATION, Step.SUPPORT_REMOVAL));
        } else {
            steps.addAll(List.of(Step.SUPPORT_REMOVAL, Step.ENCAPSULATION));
        }
        steps.add(Step.SINGULATION);
        if (boardAttach) {
            steps.add(Step.BOARD_ATTACH);
        }
        check(steps, route);
        return List.copyOf(steps);
    }

    /**
     * Checks a step sequence against every ordering rule of the claims.
     *
     * @param route the encapsulant's route the sequence is for
     * @throws ProcessRuleException naming the first rule broken
     */
    public static void check(List<Step> steps, FlowRoute route) {
        refuseBlocked(route);
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
        if (route.needsRearCover()) {
            if (!before(steps, Step.SUPPORT_REMOVAL, Step.ENCAPSULATION)) {
                throw blocked();
            }
            if (!before(steps, Step.SUPPORT_REMOVAL, Step.REAR_COVERING)
                    || !before(steps, Step.REAR_COVERING, Step.ENCAPSULATION)
                    || !before(steps, Step.ENCAPSULATION, Step.REAR_COVER_REMOVAL)) {
                throw new ProcessRuleException(ProcessRule.HOLLOW_WALL_ORDER, "Slots into the wall spaces fill them"
                        + " on the way from one depression to the next: remove the support, then apply a rear"
                        + " covering layer, then encapsulate, then remove the cover (claim 15); without the cover the"
                        + " encapsulant runs out onto the exterior of the bottom walls.");
            }
        }
        int severing = steps.indexOf(Step.SINGULATION);
        boolean onlyBoardAttachAfter = steps.subList(severing + 1, steps.size()).stream()
                .allMatch(s -> s == Step.BOARD_ATTACH);
        if (severing != steps.lastIndexOf(Step.SINGULATION) || !onlyBoardAttachAfter
                || steps.contains(Step.BOARD_ATTACH) && !before(steps, Step.SINGULATION, Step.BOARD_ATTACH)) {
            throw new ProcessRuleException(ProcessRule.SEVERING_LAST, "Severing between the depressions must be"
                    + " the last fabrication step of the panel (claim 1); only attaching the singulated shields to a"
                    + " board (claim 10) may follow it.");
        }
    }

    /** @throws ProcessRuleException {@link ProcessRule#FLOW_PATH} when the route has no flow path in its stage */
    static void refuseBlocked(FlowRoute route) {
        if (route.blocked()) {
            throw blocked();
        }
    }

    /** The refusal of a route with no flow path, naming both fixes (docs/recipe.md, "Encapsulation routes"). */
    private static ProcessRuleException blocked() {
        return new ProcessRuleException(ProcessRule.FLOW_PATH, "Slots through the side walls face the solid mandrel"
                + " rib while the support is in place (encapsulation.stage BEFORE_SUPPORT_REMOVAL), so the"
                + " encapsulant has no path from one depression to the next (claims 13, 16). Use"
                + " shield.openings.style TROUGHS (channels over the rib, same lengthMm and heightMm), or set"
                + " encapsulation.stage AFTER_SUPPORT_REMOVAL: the slots then open into the wall spaces, which a rear"
                + " covering layer closes while the encapsulant goes in (claim 15).");
    }

    private static boolean before(List<Step> steps, Step first, Step then) {
        int a = steps.indexOf(first);
        int b = steps.indexOf(then);
        return a >= 0 && b >= 0 && a < b;
    }
}
