package io.shieldfab.shielding.service;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.shieldfab.shielding.Verification;
import io.shieldfab.shielding.client.FullwaveJobSpec;
import io.shieldfab.shielding.client.FullwaveJobs;
import io.shieldfab.shielding.config.FullwaveConfig;
import io.shieldfab.shielding.fullwave.FullwaveModel;
import io.shieldfab.shielding.fullwave.OpenEmsRunner;
import io.shieldfab.shielding.fullwave.VerificationResult;
import io.shieldfab.support.problem.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs queued verifications on this replica, {@code shieldfab.fullwave.concurrent-runs} at a time: takes one (a lease
 * in the database, so replicas never run the same), makes its model, refuses it over the cell budget, runs openEMS
 * within the time limit and stores SE(f) or the reason it failed (docs/shielding.md, "Verification runs"). Leases are
 * renewed while the solver runs; a replica that stops puts its runs back in the queue, and one that dies lets its
 * lease run out, after which any replica queues the run again.
 * <p>
 * With {@code shieldfab.fullwave.runner=kubernetes} the solver runs in a Job's pod instead, one per run, and this
 * worker waits for it while it holds the lease; the pod is this service started with
 * {@code shieldfab.fullwave.run-one}, which runs that verification here and exits (docs/shielding.md, "Verification
 * runs on Kubernetes").
 */
@ApplicationScoped
public class VerificationWorker {

    private static final Logger LOG = Logger.getLogger(VerificationWorker.class);

    @Inject
    VerificationService verifications;

    @Inject
    FullwaveConfig config;

    @Inject
    FullwaveJobs kubernetesJobs;

    private final Set<String> held = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService clock;
    private ExecutorService runners;
    private Semaphore slots;

    void start(@Observes StartupEvent event) {
        slots = new Semaphore(config.concurrentRuns());
        runners = Executors.newFixedThreadPool(config.concurrentRuns(), daemons("fullwave-run"));
        clock = Executors.newSingleThreadScheduledExecutor(daemons("fullwave-poll"));
        if (config.runOne().isPresent()) {
            String id = config.runOne().get();
            runners.execute(() -> Quarkus.asyncExit(runOne(id)));
            return;
        }
        long poll = config.pollInterval().toMillis();
        clock.scheduleWithFixedDelay(this::poll, poll, poll, TimeUnit.MILLISECONDS);
        long renew = Math.max(1, config.lease().toMillis() / 3);
        clock.scheduleWithFixedDelay(this::renewHeld, renew, renew, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        clock.shutdownNow();
        // interrupts the runs, which stop their solver processes; their verifications go back in the queue
        runners.shutdownNow();
        try {
            runners.awaitTermination(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (String id : held) {
            try {
                verifications.release(id);
            } catch (RuntimeException e) {
                LOG.warnf("Verification %s not put back in the queue (its lease will run out): %s", id, e.getMessage());
            }
        }
    }

    /** Takes queued verifications while a slot is free, and queues again those whose replica stopped. */
    void poll() {
        try {
            verifications.recoverExpired(config.maxAttempts());
            for (String id : verifications.queued(slots.availablePermits())) {
                if (!slots.tryAcquire()) {
                    return;
                }
                if (verifications.claim(id, leaseEnd())) {
                    held.add(id);
                    runners.execute(() -> runHeld(id));
                } else {
                    slots.release();
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("Verification poll failed, trying again: %s", e.getMessage());
        }
    }

    private void renewHeld() {
        for (String id : held) {
            try {
                verifications.renew(id, leaseEnd());
            } catch (RuntimeException e) {
                LOG.warnf("Lease of verification %s not renewed: %s", id, e.getMessage());
            }
        }
    }

    private Instant leaseEnd() {
        return Instant.now().plus(config.lease());
    }

    private void runHeld(String id) {
        try {
            run(id);
            held.remove(id);
        } catch (InterruptedException e) {
            // stopping: stop() puts it back in the queue
            Thread.currentThread().interrupt();
        } catch (RuntimeException | IOException e) {
            LOG.errorf(e, "Verification %s failed unexpectedly", id);
            failQuietly(id, "the run failed unexpectedly (" + (e instanceof IOException
                    ? "its files could not be written or read" : "an internal error") + "); see the service's log");
            held.remove(id);
        } finally {
            slots.release();
        }
    }

    /**
     * In a verification Job's pod: runs the verification its replica started, when it is still running, and stores
     * the outcome. The replica holds the lease meanwhile.
     *
     * @return the process's exit status: 0 when the outcome is stored (a FAILED one too), 1 when it could not be
     */
    public int runOne(String id) {
        try {
            VerificationService.Job job = verifications.job(id);
            if (job.status() != Verification.Status.RUNNING) {
                LOG.infof("Verification %s is %s, not running: nothing to do", id, job.status());
                return 0;
            }
            solve(id, job, true);
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (RuntimeException | IOException e) {
            LOG.errorf(e, "Verification %s failed unexpectedly", id);
            failQuietly(id, "the run failed unexpectedly in its Job (see the Job's log)");
            return 1;
        }
    }

    private void run(String id) throws IOException, InterruptedException {
        solve(id, verifications.job(id), config.runner() == FullwaveConfig.Runner.LOCAL);
    }

    /** Makes the model, refuses it over the cell budget, and solves it here or in a Job. */
    private void solve(String id, VerificationService.Job job, boolean here) throws IOException, InterruptedException {
        FullwaveModel model;
        try {
            model = job.model();
        } catch (InvalidInputException e) {
            verifications.fail(id, "the model cannot be made: " + e.violations().get(0).message());
            return;
        }
        verifications.cells(id, model.cellCount());
        if (model.cellCount() > config.maxCells()) {
            verifications.fail(id, String.format(Locale.ROOT, "the model needs %,d cells, over the budget of %,d "
                    + "(shieldfab.fullwave.max-cells): a coarser mesh, or an operator raising the budget",
                    model.cellCount(), config.maxCells()));
            return;
        }
        if (here) {
            solveHere(id, job, model);
        } else {
            solveInJob(id, job, model.cellCount());
        }
    }

    private void solveHere(String id, VerificationService.Job job, FullwaveModel model) throws IOException,
            InterruptedException {
        Path work = Files.createDirectories(Path.of(config.workDir())).resolve(id);
        try {
            OpenEmsRunner.Outcome outcome = OpenEmsRunner.run(model, "ShieldFab verification " + id + " of evaluation "
                    + job.report().id(), work, new OpenEmsRunner.Limits(Path.of(config.executable()),
                    config.threadsPerRun(), config.timeLimit(), config.maxTimesteps(),
                    config.maxPulseTimesteps()));
            if (outcome instanceof OpenEmsRunner.Failed failed) {
                verifications.fail(id, failed.reason());
            } else {
                verifications.succeed(id, VerificationResult.of((OpenEmsRunner.Finished) outcome, job.analytic(),
                        new VerificationResult.RunContext(model.cellCount(), job.report().nearFieldSource() != null,
                                job.ringDown(), model.seam().notModelled(), model.pulse())));
            }
        } finally {
            delete(work);
        }
    }

    /**
     * Starts the run's Job (or waits again for the one a stopped replica started) and waits for it to end, at most
     * its deadline and a minute: its pod stores the outcome; a Job that ends without one, or whose pod cannot start,
     * ends the verification FAILED with the reason.
     */
    private void solveInJob(String id, VerificationService.Job job, long cells) throws InterruptedException {
        String name;
        try {
            name = kubernetesJobs.startOrAdopt(id, job.attempt(), cells);
        } catch (IllegalStateException e) {
            verifications.fail(id, "the run's Kubernetes Job cannot be started: " + e.getMessage());
            return;
        }
        long deadlineSeconds = kubernetesJobs.sizing().deadlineSeconds();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(deadlineSeconds + 60);
        FullwaveJobSpec.State state;
        while ((state = jobState(name, cells)) instanceof FullwaveJobSpec.Running) {
            if (System.nanoTime() > deadline) {
                state = new FullwaveJobSpec.Failed("the Job " + name + " did not end within its deadline of "
                        + deadlineSeconds + " s and was stopped", true);
                break;
            }
            Thread.sleep(config.pollInterval().toMillis());
        }
        if (state instanceof FullwaveJobSpec.Failed failed) {
            if (failed.active()) {
                kubernetesJobs.delete(name);
            }
            verifications.fail(id, failed.reason());
        } else if (verifications.status(id) == Verification.Status.RUNNING) {
            verifications.fail(id, "the Job " + name + "'s pod ended without storing an outcome; its log: kubectl logs "
                    + "job/" + name);
        }
    }

    /** The Job's state; while the API server does not answer, still running (the deadline bounds the wait). */
    private FullwaveJobSpec.State jobState(String name, long cells) {
        try {
            return kubernetesJobs.state(name, cells);
        } catch (KubernetesClientException e) {
            LOG.warnf("The state of Job %s is not readable, asking again: %s", name, FullwaveJobs.describe(e));
            return new FullwaveJobSpec.Running();
        }
    }

    private void failQuietly(String id, String reason) {
        try {
            verifications.fail(id, reason);
        } catch (RuntimeException e) {
            LOG.warnf("Verification %s not marked failed (its lease will run out): %s", id, e.getMessage());
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static java.util.concurrent.ThreadFactory daemons(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
