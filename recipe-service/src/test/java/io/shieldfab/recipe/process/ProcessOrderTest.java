package io.shieldfab.recipe.process;

import io.shieldfab.design.EncapsulationSpec.EncapsulationStage;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.shieldfab.recipe.process.Step.ASSEMBLY;
import static io.shieldfab.recipe.process.Step.ELECTROFORMING;
import static io.shieldfab.recipe.process.Step.ENCAPSULATION;
import static io.shieldfab.recipe.process.Step.MANDREL_PREPARATION;
import static io.shieldfab.recipe.process.Step.REAR_COVERING;
import static io.shieldfab.recipe.process.Step.SINGULATION;
import static io.shieldfab.recipe.process.Step.SUPPORT_REMOVAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Ordering rules of claims 1, 12-13, 15 and 16: each has a refused and a passing case. */
class ProcessOrderTest {

    @Test
    void solidWallsMayBeEncapsulatedBeforeSupportRemoval() {
        // claim 16
        assertThat(ProcessOrder.plan(false, EncapsulationStage.BEFORE_SUPPORT_REMOVAL)).containsExactly(
                MANDREL_PREPARATION, ELECTROFORMING, ASSEMBLY, ENCAPSULATION, SUPPORT_REMOVAL, SINGULATION);
    }

    @Test
    void solidWallsMayAlsoBeEncapsulatedAfterSupportRemoval() {
        assertThat(ProcessOrder.plan(false, EncapsulationStage.AFTER_SUPPORT_REMOVAL)).containsExactly(
                MANDREL_PREPARATION, ELECTROFORMING, ASSEMBLY, SUPPORT_REMOVAL, ENCAPSULATION, SINGULATION);
    }

    @Test
    void hollowWallsGetRemovalThenRearCoverThenEncapsulation() {
        // claim 15
        assertThat(ProcessOrder.plan(true, EncapsulationStage.AFTER_SUPPORT_REMOVAL)).containsExactly(
                MANDREL_PREPARATION, ELECTROFORMING, ASSEMBLY, SUPPORT_REMOVAL, REAR_COVERING, ENCAPSULATION,
                SINGULATION);
    }

    @Test
    void hollowWallsEncapsulatedBeforeRemovalAreRefused() {
        assertThatThrownBy(() -> ProcessOrder.plan(true, EncapsulationStage.BEFORE_SUPPORT_REMOVAL))
                .isInstanceOf(ProcessRuleException.class).hasMessageContaining("claim 15")
                .extracting(e -> ((ProcessRuleException) e).rule()).isEqualTo(ProcessRule.HOLLOW_WALL_ORDER);
    }

    @Test
    void hollowWallsWithoutRearCoverAreRefused() {
        assertRefused(List.of(MANDREL_PREPARATION, ELECTROFORMING, ASSEMBLY, SUPPORT_REMOVAL, ENCAPSULATION,
                SINGULATION), true, ProcessRule.HOLLOW_WALL_ORDER);
        assertRefused(List.of(MANDREL_PREPARATION, ELECTROFORMING, ASSEMBLY, SUPPORT_REMOVAL, ENCAPSULATION,
                REAR_COVERING, SINGULATION), true, ProcessRule.HOLLOW_WALL_ORDER);
    }

    @Test
    void supportRemovalBeforeAssemblyIsRefused() {
        // claim 1
        assertRefused(List.of(MANDREL_PREPARATION, ELECTROFORMING, SUPPORT_REMOVAL, ASSEMBLY, ENCAPSULATION,
                SINGULATION), false, ProcessRule.SUPPORT_REMOVAL_AFTER_ASSEMBLY);
    }

    @Test
    void encapsulationBeforeAssemblyIsRefused() {
        assertRefused(List.of(MANDREL_PREPARATION, ELECTROFORMING, ENCAPSULATION, ASSEMBLY, SUPPORT_REMOVAL,
                SINGULATION), false, ProcessRule.ENCAPSULATION_AFTER_ASSEMBLY);
    }

    @Test
    void platingAfterAssemblyIsRefused() {
        assertRefused(List.of(MANDREL_PREPARATION, ASSEMBLY, ELECTROFORMING, SUPPORT_REMOVAL, ENCAPSULATION,
                SINGULATION), false, ProcessRule.PLATING_BEFORE_ASSEMBLY);
    }

    @Test
    void severingBeforeTheLastStepIsRefused() {
        // claim 1: severing last
        assertRefused(List.of(MANDREL_PREPARATION, ELECTROFORMING, ASSEMBLY, ENCAPSULATION, SINGULATION,
                SUPPORT_REMOVAL), false, ProcessRule.SEVERING_LAST);
    }

    @Test
    void theValidSequencesPassTheCheck() {
        ProcessOrder.check(List.of(MANDREL_PREPARATION, ELECTROFORMING, ASSEMBLY, ENCAPSULATION, SUPPORT_REMOVAL,
                SINGULATION), false);
        ProcessOrder.check(List.of(MANDREL_PREPARATION, ELECTROFORMING, ASSEMBLY, SUPPORT_REMOVAL, REAR_COVERING,
                ENCAPSULATION, SINGULATION), true);
    }

    private static void assertRefused(List<Step> steps, boolean hollow, ProcessRule rule) {
        assertThatThrownBy(() -> ProcessOrder.check(steps, hollow))
                .isInstanceOf(ProcessRuleException.class)
                .extracting(e -> ((ProcessRuleException) e).rule()).isEqualTo(rule);
    }
}
