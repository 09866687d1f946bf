package io.shieldfab.shielding.rest;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.restassured.path.json.JsonPath;
import io.shieldfab.shielding.Verification;
import io.shieldfab.shielding.client.FullwaveJobSpec;
import io.shieldfab.shielding.repository.VerificationRepository;
import io.shieldfab.shielding.service.VerificationWorker;
import io.shieldfab.shielding.support.ExampleDesigns;
import io.shieldfab.shielding.support.ExampleLayouts;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verifications as Kubernetes Jobs (shieldfab.fullwave.runner=kubernetes; docs/shielding.md, "Verification runs on
 * Kubernetes") against the fabric8 mock API server: the Job a run makes, sized by its cells; the run-one mode its pod
 * starts in; and every way a Job ends without an outcome ending the verification FAILED with the reason.
 */
@QuarkusTest
@TestProfile(VerificationJobTest.OnKubernetes.class)
@WithKubernetesTestServer
class VerificationJobTest {

    /** This replica's pod, as the downward API names it. */
    static final String SELF = "shielding-service-5c9d7-x2k4q";

    public static class OnKubernetes implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("shieldfab.fullwave.runner", "kubernetes",
                    "shieldfab.fullwave.kubernetes.pod-name", SELF,
                    // the run-one test runs the pod's part in this JVM: no solver here, so it ends at once
                    "shieldfab.fullwave.executable", "/nonexistent/openEMS");
        }
    }

    @Inject
    KubernetesClient kubernetes;

    @Inject
    VerificationRepository repository;

    @Inject
    VerificationWorker worker;

    @BeforeEach
    void thisReplicasPod() {
        kubernetes.pods().resource(new PodBuilder()
                .withNewMetadata().withName(SELF).endMetadata()
                .withNewSpec()
                .withNewSecurityContext().withRunAsNonRoot(true).withRunAsUser(185L).endSecurityContext()
                .addNewContainer().withName("shielding-service").withImage("ghcr.io/shieldfab/shielding-service:0.1.0")
                .withImagePullPolicy("IfNotPresent")
                .addNewEnv().withName("SHIELDFAB_BIND_HOST").withValue("0.0.0.0").endEnv()
                .addNewEnv().withName("SHIELDFAB_DATA_DIR").withValue("/tmp/data").endEnv()
                .addNewEnv().withName("SHIELDFAB_DB_URL").withNewValueFrom().withNewSecretKeyRef("url",
                        "shielding-service-db", false).endValueFrom().endEnv()
                .addNewEnv().withName("JAVA_OPTS_APPEND").withValue("-Xmx300m").endEnv()
                .withNewSecurityContext().withReadOnlyRootFilesystem(true).withAllowPrivilegeEscalation(false)
                .endSecurityContext()
                .endContainer()
                .endSpec().build()).createOr(existing -> existing.update());
    }

    @Test
    void aRunIsAJobSizedByItsCellsWhosePodRunsItAndStoresTheOutcome() throws Exception {
        String location = queue();
        Job job = awaitJob(id(location));
        JsonPath running = view(location);
        assertThat(running.getString("status")).isEqualTo("RUNNING");
        // the Wi-Fi can's standard mesh: 210,800 cells; × 160 B = 33,728,000 B = 32.17 MiB → 33 MiB, + 320 MiB of
        // base = 353 MiB; CPU = threads-per-run 2; deadline = the test profile's time limit 600 s + start
        // allowance 180 s = 780 s
        assertThat(running.getLong("mesh.cells")).isEqualTo(210_800L);
        Container c = job.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(c.getResources().getLimits().get("memory").toString()).isEqualTo("353Mi");
        assertThat(c.getResources().getRequests().get("memory").toString()).isEqualTo("353Mi");
        assertThat(c.getResources().getLimits().get("cpu").toString()).isEqualTo("2");
        assertThat(job.getSpec().getActiveDeadlineSeconds()).isEqualTo(780L);
        assertThat(job.getSpec().getBackoffLimit()).isZero();
        assertThat(job.getSpec().getTtlSecondsAfterFinished()).isEqualTo(3600);
        assertThat(job.getMetadata().getName()).isEqualTo("fullwave-" + id(location) + "-1");
        assertThat(job.getSpec().getTemplate().getMetadata().getLabels())
                .containsEntry("app.kubernetes.io/name", "shielding-fullwave")
                .containsEntry(FullwaveJobSpec.VERIFICATION_LABEL, id(location));
        // a copy of this replica's container: its image, Secrets and security; loopback only; the heap bounded
        assertThat(c.getImage()).isEqualTo("ghcr.io/shieldfab/shielding-service:0.1.0");
        Map<String, EnvVar> env = c.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, Function.identity()));
        assertThat(env.get("SHIELDFAB_FULLWAVE_RUN_ONE").getValue()).isEqualTo(id(location));
        assertThat(env.get("SHIELDFAB_FULLWAVE_RUNNER").getValue()).isEqualTo("local");
        assertThat(env.get("SHIELDFAB_BIND_HOST").getValue()).isEqualTo("127.0.0.1");
        assertThat(env.get("SHIELDFAB_DB_URL").getValueFrom().getSecretKeyRef().getName())
                .isEqualTo("shielding-service-db");
        assertThat(env.get("JAVA_TOOL_OPTIONS").getValue()).startsWith("-Xmx160m ");
        assertThat(env).doesNotContainKey("JAVA_OPTS_APPEND");
        assertThat(c.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(job.getSpec().getTemplate().getSpec().getAutomountServiceAccountToken()).isFalse();
        assertThat(job.getSpec().getTemplate().getSpec().getRestartPolicy()).isEqualTo("Never");

        // the pod's part, here: run-one finds no solver, stores that and exits 0; then its Job completes
        assertThat(worker.runOne(id(location))).isZero();
        complete(job);
        JsonPath done = await(location);
        assertThat(done.getString("status")).isEqualTo("FAILED");
        assertThat(done.getString("failureReason")).startsWith("the solver is not installed: no openEMS at "
                + "/nonexistent/openEMS");
        // run-one of a verification that is no longer running does nothing
        assertThat(worker.runOne(id(location))).isZero();
        assertThat(view(location).getString("failureReason")).startsWith("the solver is not installed");
    }

    @Test
    void aPodKilledForMemoryEndsTheRunFailedWithItsMemoryAndCells() throws Exception {
        String location = queue();
        Job job = awaitJob(id(location));
        pod(job, new PodBuilder().withNewStatus().addNewContainerStatus().withName("openems").withNewState()
                .withNewTerminated().withExitCode(137).withReason("OOMKilled").endTerminated().endState()
                .endContainerStatus().endStatus());
        fail(job, "BackoffLimitExceeded");
        JsonPath done = await(location);
        assertThat(done.getString("status")).isEqualTo("FAILED");
        assertThat(done.getString("failureReason")).isEqualTo("the solver ran out of memory: the Job "
                + job.getMetadata().getName() + " had 353 MiB for a model of 210,800 cells "
                + "(shieldfab.fullwave.kubernetes.bytes-per-cell and base-memory-mib size it)");
    }

    @Test
    void aJobWhosePodEndsWithoutAnOutcomeEndsTheRunFailed() throws Exception {
        String location = queue();
        Job job = awaitJob(id(location));
        complete(job);
        JsonPath done = await(location);
        assertThat(done.getString("status")).isEqualTo("FAILED");
        assertThat(done.getString("failureReason")).isEqualTo("the Job " + job.getMetadata().getName() + "'s pod ended "
                + "without storing an outcome; its log: kubectl logs job/" + job.getMetadata().getName());
    }

    @Test
    void aPodThatCannotPullItsImageIsStoppedAndTheRunSaysWhy() throws Exception {
        String location = queue();
        Job job = awaitJob(id(location));
        pod(job, new PodBuilder().withNewStatus().addNewContainerStatus().withName("openems").withNewState()
                .withNewWaiting().withReason("ImagePullBackOff").withMessage("Back-off pulling image").endWaiting()
                .endState().endContainerStatus().endStatus());
        JsonPath done = await(location);
        assertThat(done.getString("status")).isEqualTo("FAILED");
        assertThat(done.getString("failureReason")).isEqualTo("the Job " + job.getMetadata().getName() + "'s pod cannot "
                + "start: ImagePullBackOff (Back-off pulling image)");
        assertThat(kubernetes.batch().v1().jobs().withName(job.getMetadata().getName()).get()).isNull();
    }

    @Test
    void aReplicaThatCannotReadItsOwnPodEndsTheRunFailedWithoutAJob() throws Exception {
        kubernetes.pods().withName(SELF).delete();
        String location = queue();
        JsonPath done = await(location);
        assertThat(done.getString("status")).isEqualTo("FAILED");
        assertThat(done.getString("failureReason")).isEqualTo("the run's Kubernetes Job cannot be started: this "
                + "replica's pod " + SELF + " is not in its namespace (shieldfab.fullwave.kubernetes.pod-name)");
        assertThat(jobsOf(id(location))).isEmpty();
    }

    @Test
    void aRunWhoseReplicaStoppedIsWaitedForAgainNotStartedTwice() throws Exception {
        String evaluation = FullwaveModelTest.evaluate(ExampleDesigns.tree(ExampleDesigns.WIFI), ExampleLayouts.WIFI);
        String id = UUID.randomUUID().toString();
        // the first start's Job, still running; its replica stopped and put the run back in the queue
        kubernetes.batch().v1().jobs().resource(new JobBuilder().withNewMetadata()
                .withName(FullwaveJobSpec.name(id, 1)).addToLabels(FullwaveJobSpec.VERIFICATION_LABEL, id)
                .endMetadata().withNewSpec().withNewTemplate().withNewSpec().addNewContainer().withName("openems")
                .withImage("ghcr.io/shieldfab/shielding-service:0.1.0").endContainer().endSpec().endTemplate()
                .endSpec().build()).create();
        VerificationResourceTest.persist(repository, id, evaluation, Verification.Status.QUEUED, 1, null);
        String location = "/api/v1/shielding/evaluations/" + evaluation + "/verifications/" + id;
        long deadline = System.currentTimeMillis() + 60_000;
        while (!"RUNNING".equals(view(location).getString("status")) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        Thread.sleep(1000); // five polls of the worker: time enough to have made a second Job if it would
        assertThat(jobsOf(id)).extracting(j -> j.getMetadata().getName()).containsExactly(FullwaveJobSpec.name(id, 1));
        assertThat(view(location).getInt("attempts")).isEqualTo(2);
        complete(kubernetes.batch().v1().jobs().withName(FullwaveJobSpec.name(id, 1)).get());
        assertThat(await(location).getString("failureReason")).contains("ended without storing an outcome");
    }

    private static String queue() {
        String evaluation = FullwaveModelTest.evaluate(ExampleDesigns.tree(ExampleDesigns.WIFI), ExampleLayouts.WIFI);
        return VerificationResourceTest.start(evaluation, "{}").then().statusCode(202).extract().header("Location");
    }

    private static String id(String location) {
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static JsonPath view(String location) {
        return given().when().get(location).then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath await(String location) throws InterruptedException {
        return VerificationResourceTest.await(location);
    }

    private List<Job> jobsOf(String id) {
        return kubernetes.batch().v1().jobs().withLabel(FullwaveJobSpec.VERIFICATION_LABEL, id).list().getItems();
    }

    private Job awaitJob(String id) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            List<Job> jobs = jobsOf(id);
            if (!jobs.isEmpty()) {
                return jobs.get(0);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no Job for verification " + id);
    }

    /** The Job's pod as the Job controller makes it, with this status. */
    private void pod(Job job, PodBuilder status) {
        Pod pod = status.withNewMetadata().withName(job.getMetadata().getName() + "-abcde")
                .addToLabels(FullwaveJobSpec.JOB_NAME_LABEL, job.getMetadata().getName()).endMetadata()
                .withSpec(job.getSpec().getTemplate().getSpec()).build();
        kubernetes.pods().resource(pod).create();
    }

    private void complete(Job job) {
        setCondition(job, "Complete", null);
    }

    private void fail(Job job, String reason) {
        setCondition(job, "Failed", reason);
    }

    private void setCondition(Job job, String type, String reason) {
        Job current = kubernetes.batch().v1().jobs().withName(job.getMetadata().getName()).get();
        current.setStatus(new io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder().addToConditions(
                new JobConditionBuilder().withType(type).withStatus("True").withReason(reason).build()).build());
        kubernetes.batch().v1().jobs().resource(current).updateStatus();
    }
}
