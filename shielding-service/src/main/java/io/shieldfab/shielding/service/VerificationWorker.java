package io.shieldfab.shielding.service;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
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
 */
@ApplicationScoped
public class VerificationWorker {

    private static final Logger LOG = Logger.getLogger(VerificationWorker.class);

    @Inject
    VerificationService verifications;

    @Inject
    FullwaveConfig config;

    private final Set<String> held = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService clock;
    private ExecutorService runners;
    private Semaphore slots;

    void start(@Observes StartupEvent event) {
        slots = new Semaphore(config.concurrentRuns());
        runners = Executors.newFixedThreadPool(config.concurrentRuns(), daemons("fullwave-run"));
        clock = Executors.newSingleThreadScheduledExecutor(daemons("fullwave-poll"));
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

    private void run(String id) throws IOException, InterruptedException {
        VerificationService.Job job = verifications.job(id);
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
        Path work = Files.createDirectories(Path.of(config.workDir())).resolve(id);
        try {
            OpenEmsRunner.Outcome outcome = OpenEmsRunner.run(model, "ShieldFab verification " + id + " of evaluation "
                    + job.report().id(), work, new OpenEmsRunner.Limits(Path.of(config.executable()),
                    config.threadsPerRun(), config.timeLimit(), config.maxTimesteps()));
            if (outcome instanceof OpenEmsRunner.Failed failed) {
                verifications.fail(id, failed.reason());
            } else {
                verifications.succeed(id, VerificationResult.of((OpenEmsRunner.Finished) outcome, job.analytic(),
                        new VerificationResult.RunContext(model.cellCount(), job.report().nearFieldSource() != null,
                                job.ringDown())));
            }
        } finally {
            delete(work);
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
