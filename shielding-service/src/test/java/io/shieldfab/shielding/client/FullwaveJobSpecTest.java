package io.shieldfab.shielding.client;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What a verification Job's status says (docs/shielding.md, "Verification runs on Kubernetes"), one line a case. */
class FullwaveJobSpecTest {

    /** 2 threads, 320 MiB base, 160 MiB heap, 160 B a cell, 780 s deadline, kept an hour. */
    static final FullwaveJobSpec.Sizing SIZING = new FullwaveJobSpec.Sizing(2, 320, 160, 160, 780, 3600);

    @Test
    void memoryIsTheBasePlusTheCellsRoundedUpToAMebibyte() {
        assertThat(SIZING.memoryMib(0)).isEqualTo(320);
        assertThat(SIZING.memoryMib(1)).isEqualTo(321);                   // 160 B → 1 MiB
        assertThat(SIZING.memoryMib(6_553_600)).isEqualTo(320 + 1000);    // 1,048,576,000 B = 1000 MiB exactly
        assertThat(SIZING.memoryMib(6_553_601)).isEqualTo(320 + 1001);    // 160 B more
        assertThat(SIZING.memoryMib(2_000_000)).isEqualTo(320 + 306);     // 3.2e8 B = 305.2 MiB → the budget's pod
    }

    @Test
    void aJobWithoutConditionsOrPodsIsRunning() {
        assertThat(FullwaveJobSpec.state(job(null, null), List.of(), 1000, SIZING))
                .isInstanceOf(FullwaveJobSpec.Running.class);
    }

    @Test
    void aCompleteJobHasStoredItsOutcome() {
        assertThat(FullwaveJobSpec.state(job("Complete", null), List.of(), 1000, SIZING))
                .isInstanceOf(FullwaveJobSpec.Completed.class);
    }

    @Test
    void aJobPastItsDeadlineWhosePodWasNeverScheduledSaysWhyNot() {
        Pod pending = new PodBuilder().withNewStatus().addNewCondition().withType("PodScheduled").withStatus("False")
                .withReason("Unschedulable").withMessage("0/3 nodes are available: 3 Insufficient memory.")
                .endCondition().endStatus().build();
        assertThat(FullwaveJobSpec.state(job("Failed", "DeadlineExceeded"), List.of(pending), 1000, SIZING))
                .isEqualTo(new FullwaveJobSpec.Failed("the Job fullwave-v-1 ran longer than its deadline of 780 s (the "
                        + "time limit, shieldfab.fullwave.time-limit, and start-allowance) and was stopped; its pod was "
                        + "never scheduled: 0/3 nodes are available: 3 Insufficient memory.", false));
    }

    @Test
    void aJobPastItsDeadlineWithoutAPodSaysSo() {
        assertThat(((FullwaveJobSpec.Failed) FullwaveJobSpec.state(job("Failed", "DeadlineExceeded"), List.of(),
                1000, SIZING)).reason()).endsWith("and was stopped; no pod started");
    }

    @Test
    void aPodThatExitedWithAnErrorNamesItsStatusAndWhereItsLogIs() {
        Pod crashed = new PodBuilder().withNewStatus().addNewContainerStatus().withNewState().withNewTerminated()
                .withExitCode(134).withReason("Error").endTerminated().endState().endContainerStatus().endStatus()
                .build();
        assertThat(FullwaveJobSpec.state(job("Failed", "BackoffLimitExceeded"), List.of(crashed), 1000, SIZING))
                .isEqualTo(new FullwaveJobSpec.Failed("the Job fullwave-v-1's pod exited with status 134 (Error); its "
                        + "log: kubectl logs job/fullwave-v-1", false));
    }

    @Test
    void aPodWithoutItsSecretCannotStartAndTheJobIsStillActive() {
        Pod stuck = new PodBuilder().withNewStatus().addNewContainerStatus().withNewState().withNewWaiting()
                .withReason("CreateContainerConfigError").withMessage("secret \"shielding-service-db\" not found")
                .endWaiting().endState().endContainerStatus().endStatus().build();
        assertThat(FullwaveJobSpec.state(job(null, null), List.of(stuck), 1000, SIZING))
                .isEqualTo(new FullwaveJobSpec.Failed("the Job fullwave-v-1's pod cannot start: "
                        + "CreateContainerConfigError (secret \"shielding-service-db\" not found)", true));
    }

    @Test
    void aPodStillPullingItsImageIsNotStuck() {
        Pod pulling = new PodBuilder().withNewStatus().addNewContainerStatus().withNewState().withNewWaiting()
                .withReason("ContainerCreating").endWaiting().endState().endContainerStatus().endStatus().build();
        assertThat(FullwaveJobSpec.state(job(null, null), List.of(pulling), 1000, SIZING))
                .isInstanceOf(FullwaveJobSpec.Running.class);
    }

    private static Job job(String condition, String reason) {
        JobBuilder b = new JobBuilder().withNewMetadata().withName("fullwave-v-1").endMetadata();
        if (condition != null) {
            b.withNewStatus().addNewCondition().withType(condition).withStatus("True").withReason(reason)
                    .endCondition().endStatus();
        }
        return b.build();
    }
}
