package io.shieldfab.shielding.client;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.shieldfab.shielding.config.FullwaveConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Starts and watches verification Jobs in this replica's namespace (docs/shielding.md, "Verification runs on
 * Kubernetes"), with the rights of the service account of k8s/base/shielding-service/rbac.yaml: Jobs, and reading
 * pods. The Kubernetes client is made on first use, so a replica that runs verifications itself never makes one.
 */
@ApplicationScoped
public class FullwaveJobs {

    @Inject
    Instance<KubernetesClient> clients;

    @Inject
    FullwaveConfig config;

    /** What a Job's pod may use, from the configuration. */
    public FullwaveJobSpec.Sizing sizing() {
        FullwaveConfig.Kubernetes k = config.kubernetes();
        return new FullwaveJobSpec.Sizing(config.threadsPerRun(), k.baseMemoryMib(), k.jvmHeapMib(), k.bytesPerCell(),
                config.timeLimit().plus(k.startAllowance()).toSeconds(), k.keepFinished().toSeconds());
    }

    /**
     * Starts the Job of the verification's {@code attempt}-th start, a copy of this replica's own pod; or, when a Job
     * of an earlier start still runs (its replica stopped while waiting for it), returns that one to wait for again
     * rather than run the solver twice.
     *
     * @return the Job's name
     * @throws IllegalStateException when this replica cannot read its own pod or the API refuses, in words an
     *                               operator can act on
     */
    public String startOrAdopt(String verificationId, int attempt, long cells) {
        String podName = config.kubernetes().podName().orElseThrow(() -> new IllegalStateException(
                "this replica does not know its pod's name (shieldfab.fullwave.kubernetes.pod-name)"));
        try {
            KubernetesClient k = client();
            Optional<String> running = k.batch().v1().jobs()
                    .withLabel(FullwaveJobSpec.VERIFICATION_LABEL, verificationId).list().getItems().stream()
                    .filter(j -> state(j, cells) instanceof FullwaveJobSpec.Running)
                    .max(Comparator.comparing(j -> j.getMetadata().getCreationTimestamp()))
                    .map(j -> j.getMetadata().getName());
            if (running.isPresent()) {
                return running.get();
            }
            Pod self = k.pods().withName(podName).get();
            if (self == null) {
                throw new IllegalStateException("this replica's pod " + podName + " is not in its namespace "
                        + "(shieldfab.fullwave.kubernetes.pod-name)");
            }
            Job job = FullwaveJobSpec.of(verificationId, attempt, cells, self,
                    config.kubernetes().image().orElse(null), sizing());
            return k.batch().v1().jobs().resource(job).create().getMetadata().getName();
        } catch (KubernetesClientException e) {
            throw new IllegalStateException(describe(e), e);
        }
    }

    /** A client failure in words: the API's status and message, or why it could not be reached. */
    public static String describe(KubernetesClientException e) {
        if (e.getStatus() != null && e.getStatus().getMessage() != null) {
            return "the Kubernetes API answered " + e.getCode() + ": " + e.getStatus().getMessage();
        }
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return "the Kubernetes API did not answer (" + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage()) + ")";
    }

    /** How the Job stands now; a Job that has disappeared (deleted by hand) has failed. */
    public FullwaveJobSpec.State state(String name, long cells) {
        Job job = client().batch().v1().jobs().withName(name).get();
        if (job == null) {
            return new FullwaveJobSpec.Failed("the Job " + name + " was deleted before it ended", false);
        }
        return state(job, cells);
    }

    private FullwaveJobSpec.State state(Job job, long cells) {
        List<Pod> pods = client().pods().withLabel(FullwaveJobSpec.JOB_NAME_LABEL, job.getMetadata().getName()).list()
                .getItems();
        return FullwaveJobSpec.state(job, pods, cells, sizing());
    }

    /** Stops a Job and its pod. */
    public void delete(String name) {
        client().batch().v1().jobs().withName(name)
                .withPropagationPolicy(io.fabric8.kubernetes.api.model.DeletionPropagation.BACKGROUND).delete();
    }

    private KubernetesClient client() {
        return clients.get();
    }
}
