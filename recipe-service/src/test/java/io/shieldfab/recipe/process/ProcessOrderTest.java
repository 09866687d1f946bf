package io.shieldfab.recipe.process;

import io.shieldfab.design.geometry.FlowRoute;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.shieldfab.design.EncapsulationSpec.EncapsulationStage.AFTER_SUPPORT_REMOVAL;
import static io.shieldfab.design.EncapsulationSpec.EncapsulationStage.BEFORE_SUPPORT_REMOVAL;
import static io.shieldfab.recipe.process.Step.ASSEMBLY;
import static io.shieldfab.recipe.process.Step.BOARD_ATTACH;
import static io.shieldfab.recipe.process.Step.ELECTROFORMING;
import static io.shieldfab.recipe.process.Step.ENCAPSULATION;
import static io.shieldfab.recipe.process.Step.MANDREL_PREPARATION;
import static io.shieldfab.recipe.process.Step.REAR_COVERING;
import static io.shieldfab.recipe.process.Step.REAR_COVER_REMOVAL;
import static io.shieldfab.recipe.process.Step.SINGULATION;
import static io.shieldfab.recipe.process.Step.SUPPORT_REMOVAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Ordering rules of claims 1, 10, 12-13, 15 and 16, per route of the encapsulant (docs/recipe.md, "Encapsulation
 * routes"): each has a refused and a passing case.
 */
class ProcessOrderTest {

    @Test
    void troughsArePouredOnTheMandrelThenTheSupportIsRemoved() {
        // claims 13, 16: the troughs over the rib carry flow with the support in place
        assertThat(ProcessOrder.plan(FlowRoute.TROUGHS, BEFORE_SUPPORT_REMOVAL, false, false)).containsExactly(
                MANDREL_PREPARATION, ELECTROFORMING, ASSEMBLY, ENCAPSULATION, SUPPORT_REMOVAL, SINGULATION);
    }

    @Test
    void solidWallsAndPillarGapsFollowTheStage() {
        for (FlowRoute route : List.of(FlowRoute.NONE, FlowRoute.PILLAR_GAPS)) {
            assertThat(ProcessOrder.plan(route, BEFORE_SUPPORT_REMOVAL, false, false)).containsExactly(
                    MANDREL_PREPARATION, ELECTROFORMING, ASSEMBLY, ENCAPSULATION, SUPPORT_REMOVAL, SINGULATION);
            // after removal without a wall-space route: release the support, then encapsulate; no rear cover
            assertThat(ProcessOrder.plan(route, AFTER_SUPPORT_REMOVAL, false, false)).containsExactly(
                    MANDREL_PREPARATION, ELECTROFORMING, ASSEMBLY, SUPPORT_REMOVAL, ENCAPSULATION, SINGULATION);
        }
    }

    @Test
    void slotsIntoTheWallSpaceGetRemovalRearCoverEncapsulationAndCoverRemoval() {
        // claims 13, 15, 18: the slots lead into the wall space, which the rear cover closes while it fills
        assertThat(ProcessOrder.plan(FlowRoute.SLOTS_INTO_WALL_SPACE, AFTER_SUPPORT_REMOVAL, false, false))
                .containsExactly(MANDREL_PREPARATION, ELECTROFORMING, ASSEMBLY, SUPPORT_REMOVAL, REAR_COVERING,
                        ENCAPSULATION, REAR_COVER_REMOVAL, SINGULATION);
    }

    @Test
    void slotsFacingTheRibAreRefusedNamingBothFixes() {
        assertThatThrownBy(() -> ProcessOrder.plan(FlowRoute.SLOTS_FACING_RIB, BEFORE_SUPPORT_REMOVAL, false, false))
                .isInstanceOf(ProcessRuleException.class)
                .hasMessageContaining("TROUGHS").hasMessageContaining("AFTER_SUPPORT_REMOVAL")
                .hasMessageContaining("rear covering layer").hasMessageContaining("FLOW_PATH (claims 13, 15, 16)")
                .extracting(e -> ((ProcessRuleException) e).rule()).isEqualTo(ProcessRule.FLOW_PATH);
    }

    @Test
    void hollowWallsEncapsulatedBeforeRemovalAreRefused() {
        // hollowWalls (deprecated) true states the wall spaces are open to the rear: only after removal (claim 15)
        assertThatThrownBy(() -> ProcessOrder.plan(FlowRoute.TROUGHS, BEFORE_SUPPORT_REMOVAL, true, false))
                .isInstanceOf(ProcessRuleException.class).hasMessageContaining("claim 15")
                .extracting(e -> ((ProcessRuleException) e).rule()).isEqualTo(ProcessRule.HOLLOW_WALL_ORDER);
        assertThat(ProcessOrder.plan(FlowRoute.TROUGHS, AFTER_SUPPORT_REMOVAL, true, false)).containsExactly(
                MANDREL_PREPARATION, ELECTROFORMING, ASSEMBLY, SUPPORT_REMOVAL, ENCAPSULATION, SINGULATION);
    }

    @Test
    void aWallSpaceRouteWithoutTheRearCoverInOrderIsRefused() {
        FlowRoute slots = FlowRoute.SLOTS_INTO_WALL_SPACE;
        assertRefused(List.of(MANDREL_PREPARATION, ELECTROFORMING, ASSEMBLY, SUPPORT_REMOVAL, ENCAPSULATION,
                SINGULATION), slots, ProcessRule.HOLLOW_WALL_ORDER);
        assertRefused(List.of(MANDREL_PREPARATION, ELECTROFORMING, ASSEMBLY, SUPPORT_REMOVAL, REAR_COVERING,
                ENCAPSULATION, SINGULATION), slots, ProcessRule.HOLLOW_WALL_ORDER);
        assertRefused(List.of(MANDREL_PREPARATION, ELECTROFORMING, ASSEMBLY, SUPPORT_REMOVAL, ENCAPSULATION,
                REAR_COVERING, REAR_COVER_REMOVAL, SINGULATION), slots, ProcessRule.HOLLOW_WALL_ORDER);
        // encapsulating slots before the support is gone has no flow path at all
        assertRefused(List.of(MANDREL_PREPARATION, ELECTROFORMING, ASSEMBLY, REAR_COVERING, ENCAPSULATION,
                REAR_COVER_REMOVAL, SUPPORT_REMOVAL, SINGULATION), slots, ProcessRule.FLOW_PATH);
    }

    @Test
    void boardAttachFollowsSingulationAndNothingElseDoes() {
        // claim 10: the singulated shields are joined to the board, the one step after severing (claim 1)
        assertThat(ProcessOrder.plan(FlowRoute.TROUGHS, BEFORE_SUPPORT_REMOVAL, false, true)).containsExactly(
                MANDREL_PREPARATION, ELECTROFORMING, ASSEMBLY, ENCAPSULATION, SUPPORT_REMOVAL, SINGULATION,
                BOARD_ATTACH);
        assertRefused(List.of(MANDREL_PREPARATION, ELECTROFORMING, ASSEMBLY, ENCAPSULATION, SUPPORT_REMOVAL,
                BOARD_ATTACH, SINGULATION), FlowRoute.TROUGHS, ProcessRule.SEVERING_LAST);
    }

    @Test
    void supportRemovalBeforeAssemblyIsRefused() {
        // claim 1
        assertRefused(List.of(MANDREL_PREPARATION, ELECTROFORMING, SUPPORT_REMOVAL, ASSEMBLY, ENCAPSULATION,
                SINGULATION), FlowRoute.NONE, ProcessRule.SUPPORT_REMOVAL_AFTER_ASSEMBLY);
    }

    @Test
    void encapsulationBeforeAssemblyIsRefused() {
        assertRefused(List.of(MANDREL_PREPARATION, ELECTROFORMING, ENCAPSULATION, ASSEMBLY, SUPPORT_REMOVAL,
                SINGULATION), FlowRoute.NONE, ProcessRule.ENCAPSULATION_AFTER_ASSEMBLY);
    }

    @Test
    void platingAfterAssemblyIsRefused() {
        assertRefused(List.of(MANDREL_PREPARATION, ASSEMBLY, ELECTROFORMING, SUPPORT_REMOVAL, ENCAPSULATION,
                SINGULATION), FlowRoute.NONE, ProcessRule.PLATING_BEFORE_ASSEMBLY);
    }

    @Test
    void severingBeforeTheLastStepIsRefused() {
        // claim 1: severing last
        assertRefused(List.of(MANDREL_PREPARATION, ELECTROFORMING, ASSEMBLY, ENCAPSULATION, SINGULATION,
                SUPPORT_REMOVAL), FlowRoute.NONE, ProcessRule.SEVERING_LAST);
    }

    @Test
    void theValidSequencesPassTheCheck() {
        ProcessOrder.check(List.of(MANDREL_PREPARATION, ELECTROFORMING, ASSEMBLY, ENCAPSULATION, SUPPORT_REMOVAL,
                SINGULATION), FlowRoute.TROUGHS);
        ProcessOrder.check(List.of(MANDREL_PREPARATION, ELECTROFORMING, ASSEMBLY, SUPPORT_REMOVAL, REAR_COVERING,
                ENCAPSULATION, REAR_COVER_REMOVAL, SINGULATION, BOARD_ATTACH), FlowRoute.SLOTS_INTO_WALL_SPACE);
    }

    private static void assertRefused(List<Step> steps, FlowRoute route, ProcessRule rule) {
        assertThatThrownBy(() -> ProcessOrder.check(steps, route))
                .isInstanceOf(ProcessRuleException.class)
                .extracting(e -> ((ProcessRuleException) e).rule()).isEqualTo(rule);
    }
}
