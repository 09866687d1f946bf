package io.shieldfab.shielding.client;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The Kubernetes Job of one verification run, and what its status says (docs/shielding.md, "Verification runs on
 * Kubernetes"). The Job's pod is a copy of the dispatching replica's own container (image, environment with the
 * database Secret references, security settings) started with {@code SHIELDFAB_FULLWAVE_RUN_ONE}: it runs that one
 * verification with its local openEMS, stores the outcome and exits. Its memory is the cell budget's: a base for the
 * JVM and the solver plus a fixed number of bytes per cell of the model.
 */
public final class FullwaveJobSpec {

    /** Labels of every verification Job and its pod (the NetworkPolicy that lets it reach the database selects it). */
    public static final Map<String, String> LABELS = Map.of(
            "app.kubernetes.io/name", "shielding-fullwave",
            "app.kubernetes.io/part-of", "shieldfab",
            "app.kubernetes.io/component", "fullwave-run");

    /** The label naming a Job's verification (a UUID, within the 63 characters of a label value). */
    public static final String VERIFICATION_LABEL = "shieldfab.io/verification";

    /** The label the Job controller puts on the Job's pods. */
    public static final String JOB_NAME_LABEL = "job-name";

    /** The container that runs the solver in the Job's pod. */
    static final String CONTAINER = "openems";

    /** Variables of the replica's own container that the Job's pod sets differently (or must not inherit). */
    private static final Set<String> REPLACED = Set.of("SHIELDFAB_BIND_HOST", "SHIELDFAB_FULLWAVE_RUNNER",
            "SHIELDFAB_FULLWAVE_RUN_ONE", "JAVA_TOOL_OPTIONS", "JAVA_OPTS_APPEND", "JAVA_OPTS");

    /** Container waiting reasons after which the pod will never start on its own. */
    private static final Set<String> STUCK = Set.of("ErrImagePull", "ImagePullBackOff", "InvalidImageName",
            "CreateContainerConfigError", "CreateContainerError");

    private static final long MIB = 1024L * 1024L;

    /**
     * What a Job's pod may use.
     *
     * @param threads          the solver's threads: the pod's CPU request and limit
     * @param baseMemoryMib    memory besides the cells (JVM and solver)
     * @param jvmHeapMib       the JVM's heap within it
     * @param bytesPerCell     the solver's memory per cell
     * @param deadlineSeconds  activeDeadlineSeconds: the run's time limit plus the time to start
     * @param keepSeconds      ttlSecondsAfterFinished
     */
    public record Sizing(int threads, int baseMemoryMib, int jvmHeapMib, int bytesPerCell, long deadlineSeconds,
                         long keepSeconds) {

        /** The pod's memory for a model of {@code cells}, MiB: the base plus the cells, rounded up. */
        public long memoryMib(long cells) {
            return baseMemoryMib + (cells * bytesPerCell + MIB - 1) / MIB;
        }
    }

    private FullwaveJobSpec() {
    }

    /** The name of a verification's Job on its {@code attempt}-th start (a Job's pod is never restarted). */
    public static String name(String verificationId, int attempt) {
        return "fullwave-" + verificationId + "-" + attempt;
    }

    /**
     * The Job running {@code verificationId} in a copy of {@code self}'s first container.
     *
     * @param image the Job's image, or null for {@code self}'s own
     */
    public static Job of(String verificationId, int attempt, long cells, Pod self, String image, Sizing sizing) {
        Container service = self.getSpec().getContainers().get(0);
        Map<String, String> labels = new TreeMap<>(LABELS);
        labels.put(VERIFICATION_LABEL, verificationId);
        String memory = sizing.memoryMib(cells) + "Mi";
        String cpu = Integer.toString(sizing.threads());
        ResourceRequirements resources = new ResourceRequirementsBuilder()
                .addToRequests("cpu", new Quantity(cpu)).addToRequests("memory", new Quantity(memory))
                .addToLimits("cpu", new Quantity(cpu)).addToLimits("memory", new Quantity(memory)).build();
        return new JobBuilder()
                .withNewMetadata().withName(name(verificationId, attempt)).withLabels(labels).endMetadata()
                .withNewSpec()
                .withBackoffLimit(0)
                .withActiveDeadlineSeconds(sizing.deadlineSeconds())
                .withTtlSecondsAfterFinished((int) Math.min(Integer.MAX_VALUE, sizing.keepSeconds()))
                .withNewTemplate()
                .withNewMetadata().withLabels(labels).endMetadata()
                .withNewSpec()
                .withRestartPolicy("Never")
                .withAutomountServiceAccountToken(false)
                .withSecurityContext(self.getSpec().getSecurityContext())
                .withImagePullSecrets(self.getSpec().getImagePullSecrets())
                .addNewContainer()
                .withName(CONTAINER)
                .withImage(image != null ? image : service.getImage())
                .withImagePullPolicy(service.getImagePullPolicy())
                .withEnv(environment(service.getEnv(), verificationId, sizing.jvmHeapMib()))
                .withResources(resources)
                .withSecurityContext(service.getSecurityContext())
                .addNewVolumeMount().withName("tmp").withMountPath("/tmp").endVolumeMount()
                .endContainer()
                .addNewVolume().withName("tmp").withNewEmptyDir().withSizeLimit(new Quantity("512Mi")).endEmptyDir()
                .endVolume()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build();
    }

    /**
     * The service's environment (database Secrets, data folder, telemetry) with the run's own: the verification to
     * run, loopback only for the HTTP port no one calls, a bounded heap so the rest of the limit is the solver's.
     */
    static List<EnvVar> environment(List<EnvVar> own, String verificationId, int heapMib) {
        List<EnvVar> env = new ArrayList<>();
        for (EnvVar e : own == null ? List.<EnvVar>of() : own) {
            if (!REPLACED.contains(e.getName())) {
                env.add(e);
            }
        }
        env.add(new EnvVarBuilder().withName("SHIELDFAB_FULLWAVE_RUN_ONE").withValue(verificationId).build());
        env.add(new EnvVarBuilder().withName("SHIELDFAB_FULLWAVE_RUNNER").withValue("local").build());
        env.add(new EnvVarBuilder().withName("SHIELDFAB_BIND_HOST").withValue("127.0.0.1").build());
        env.add(new EnvVarBuilder().withName("JAVA_TOOL_OPTIONS")
                .withValue("-Xmx" + heapMib + "m -XX:+UseSerialGC -XX:TieredStopAtLevel=1").build());
        return env;
    }

    /** How a Job stands. */
    public sealed interface State permits Running, Completed, Failed {
    }

    /** Its pod is starting or running. */
    public record Running() implements State {
    }

    /** Its pod exited 0: the run stored its own outcome. */
    public record Completed() implements State {
    }

    /**
     * It ended without a stored outcome, or its pod can never start; why, in words an operator can act on.
     *
     * @param active whether the Job still runs (a pod that can never start), so stopping it is the caller's
     */
    public record Failed(String reason, boolean active) implements State {
    }

    /** The state of {@code job} with its {@code pods}, for a model of {@code cells} on {@code sizing}. */
    public static State state(Job job, List<Pod> pods, long cells, Sizing sizing) {
        String name = job.getMetadata().getName();
        List<JobCondition> conditions = job.getStatus() == null || job.getStatus().getConditions() == null
                ? List.of() : job.getStatus().getConditions();
        for (JobCondition c : conditions) {
            if ("True".equals(c.getStatus()) && "Complete".equals(c.getType())) {
                return new Completed();
            }
        }
        for (JobCondition c : conditions) {
            if ("True".equals(c.getStatus()) && "Failed".equals(c.getType())) {
                return new Failed(whyFailed(name, c, pods, cells, sizing), false);
            }
        }
        return stuck(name, pods).<State>map(reason -> new Failed(reason, true)).orElseGet(Running::new);
    }

    private static String whyFailed(String job, JobCondition failed, List<Pod> pods, long cells, Sizing sizing) {
        Optional<ContainerStateTerminated> end = pods.stream().flatMap(p -> statuses(p).stream())
                .map(ContainerStatus::getState).filter(s -> s != null && s.getTerminated() != null)
                .map(ContainerState::getTerminated).findFirst();
        if (end.isPresent() && "OOMKilled".equals(end.get().getReason())) {
            return String.format(Locale.ROOT, "the solver ran out of memory: the Job %s had %,d MiB for a model of %,d "
                    + "cells (shieldfab.fullwave.kubernetes.bytes-per-cell and base-memory-mib size it)", job,
                    sizing.memoryMib(cells), cells);
        }
        if ("DeadlineExceeded".equals(failed.getReason())) {
            String unscheduled = pods.stream().flatMap(p -> unschedulable(p).stream()).findFirst()
                    .map(m -> "; its pod was never scheduled: " + m).orElse(pods.isEmpty() ? "; no pod started" : "");
            return "the Job " + job + " ran longer than its deadline of " + sizing.deadlineSeconds() + " s (the time "
                    + "limit, shieldfab.fullwave.time-limit, and start-allowance) and was stopped" + unscheduled;
        }
        if (end.isPresent()) {
            ContainerStateTerminated t = end.get();
            return "the Job " + job + "'s pod exited with status " + t.getExitCode()
                    + (t.getReason() == null ? "" : " (" + t.getReason() + ")") + "; its log: kubectl logs job/" + job;
        }
        return "the Job " + job + " failed (" + failed.getReason()
                + (failed.getMessage() == null ? "" : ": " + failed.getMessage()) + ")";
    }

    /** A pod that can never start on its own: a missing image or a missing Secret. */
    private static Optional<String> stuck(String job, List<Pod> pods) {
        return pods.stream().flatMap(p -> statuses(p).stream())
                .map(ContainerStatus::getState).filter(s -> s != null && s.getWaiting() != null)
                .map(ContainerState::getWaiting).filter(w -> STUCK.contains(w.getReason())).findFirst()
                .map(w -> "the Job " + job + "'s pod cannot start: " + w.getReason() + message(w));
    }

    private static String message(ContainerStateWaiting w) {
        return w.getMessage() == null ? "" : " (" + w.getMessage() + ")";
    }

    private static Optional<String> unschedulable(Pod pod) {
        if (pod.getStatus() == null || pod.getStatus().getConditions() == null) {
            return Optional.empty();
        }
        return pod.getStatus().getConditions().stream()
                .filter(c -> "PodScheduled".equals(c.getType()) && "False".equals(c.getStatus()))
                .map(PodCondition::getMessage).filter(m -> m != null).findFirst();
    }

    private static List<ContainerStatus> statuses(Pod pod) {
        return pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null
                ? List.of() : pod.getStatus().getContainerStatuses();
    }
}
