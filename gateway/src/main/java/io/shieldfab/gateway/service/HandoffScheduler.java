package io.shieldfab.gateway.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.shieldfab.gateway.config.GatewayConfig;
import io.shieldfab.gateway.repository.HandoffRepository;
import io.shieldfab.gateway.repository.IdempotencyRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Decides which handoff this replica works on, and when; {@link HandoffPipeline} does the work. Any gateway replica
 * may work any handoff: a lease in the database ({@link HandoffRepository#tryLease}) makes sure only one does at a
 * time, a heartbeat keeps it while the work lasts, and a replica that dies simply stops renewing it, so another
 * replica takes over once it expires (docs/architecture.md, "Handoff pipeline"). Workers poll for due handoffs; a
 * submission on this replica ({@link HandoffSubmitted}) wakes an idle one at once.
 */
@ApplicationScoped
public class HandoffScheduler {

    private static final Logger LOG = Logger.getLogger(HandoffScheduler.class);

    /** This replica's name on the leases it takes. */
    final String replicaId = "gw-" + UUID.randomUUID().toString().substring(0, 8);

    private final HandoffRepository handoffs;
    private final IdempotencyRepository idempotency;
    private final HandoffPipeline pipeline;
    private final StepPool steps;
    private final GatewayConfig config;
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    /** Lets an idle worker start on a handoff submitted to this replica at once instead of at its next poll. */
    private final Semaphore wakeUps = new Semaphore(0);

    private ExecutorService workers;
    private ScheduledExecutorService heartbeat;
    private volatile boolean running;

    HandoffScheduler(HandoffRepository handoffs, IdempotencyRepository idempotency, HandoffPipeline pipeline,
                     StepPool steps, GatewayConfig config) {
        this.handoffs = handoffs;
        this.idempotency = idempotency;
        this.pipeline = pipeline;
        this.steps = steps;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        running = true;
        int count = workerCount(config.handoff().workers(), Runtime.getRuntime().availableProcessors());
        workers = Executors.newFixedThreadPool(count, StepPool.daemons("handoff-worker"));
        heartbeat = Executors.newSingleThreadScheduledExecutor(StepPool.daemons("handoff-lease"));
        long beat = Math.max(200, config.handoff().lease().toMillis() / 3);
        heartbeat.scheduleWithFixedDelay(this::renewLeases, beat, beat, TimeUnit.MILLISECONDS);
        for (int i = 0; i < count; i++) {
            workers.submit(this::loop);
        }
        LOG.infof("Handoff worker %s started with %d thread(s)", replicaId, count);
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (workers != null) {
            workers.shutdownNow();
            steps.stop();
            heartbeat.shutdownNow();
            try {
                workers.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        // Hand our leases back at once so another replica need not wait for them to expire.
        for (String id : held) {
            try {
                QuarkusTransaction.requiringNew().run(() -> handoffs.release(id, replicaId));
            } catch (RuntimeException e) {
                LOG.debugf("Could not release %s on shutdown: %s", id, e.getMessage());
            }
        }
    }

    /**
     * The configured worker count, or for 0 two per core (at least 2): a handoff's worker spends
     * nearly all its time waiting for the three services, so one per core would leave the CPU idle,
     * while many more only queue up inside the services (bench/load.sh, docs/benchmarks.md).
     */
    public static int workerCount(int configured, int cores) {
        return configured > 0 ? configured : Math.max(2, 2 * cores);
    }

    /** Once the submission has committed (not before: a worker would not find the row yet), an idle worker takes it. */
    void onSubmitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) HandoffSubmitted submitted) {
        if (wakeUps.availablePermits() == 0) {
            wakeUps.release();
        }
    }

    private void loop() {
        while (running && !Thread.currentThread().isInterrupted()) {
            boolean worked = false;
            try {
                worked = workOnce();
            } catch (RuntimeException e) {
                LOG.warnf("Handoff worker cycle failed: %s", e.getMessage());
            }
            if (!worked) {
                try {
                    wakeUps.tryAcquire(config.handoff().pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** Leases and advances one due handoff; false when there was nothing to do. */
    boolean workOnce() {
        Instant now = Clock.now();
        List<String> due = QuarkusTransaction.requiringNew().call(() -> handoffs.due(now, 16));
        for (String id : due) {
            Instant until = now.plus(config.handoff().lease());
            boolean leased = QuarkusTransaction.requiringNew().call(() -> handoffs.tryLease(id, replicaId, now, until));
            if (!leased) {
                continue;
            }
            held.add(id);
            try {
                pipeline.advance(new Lease(id, replicaId));
            } finally {
                held.remove(id);
                try {
                    QuarkusTransaction.requiringNew().run(() -> handoffs.release(id, replicaId));
                } catch (RuntimeException e) {
                    LOG.warnf("Could not release the lease of %s (it will expire): %s", id, e.getMessage());
                }
            }
            return true;
        }
        return false;
    }

    /** The heartbeat: extends the leases this replica holds, and drops expired Idempotency-Key records. */
    private void renewLeases() {
        try {
            if (!held.isEmpty()) {
                Instant until = Clock.now().plus(config.handoff().lease());
                QuarkusTransaction.requiringNew().run(() -> handoffs.renew(Set.copyOf(held), replicaId, until));
            }
            QuarkusTransaction.requiringNew().run(() -> idempotency.deleteExpired(Clock.now()));
        } catch (RuntimeException e) {
            LOG.warnf("Lease renewal failed: %s", e.getMessage());
        }
    }
}
