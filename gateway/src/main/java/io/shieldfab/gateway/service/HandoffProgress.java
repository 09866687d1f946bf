package io.shieldfab.gateway.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.shieldfab.gateway.Handoff;
import io.shieldfab.gateway.HandoffFacts;
import io.shieldfab.gateway.config.GatewayConfig;
import io.shieldfab.gateway.repository.HandoffBundleRepository;
import io.shieldfab.gateway.repository.HandoffFactsRepository;
import io.shieldfab.gateway.repository.HandoffRepository;
import io.shieldfab.gateway.rest.dto.HandoffView;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * Where the pipeline records how a handoff advances: each step's output as soon as it exists, then the end
 * (SUCCEEDED with its bundle and facts, FAILED with its errors) or a wait before the next attempt. Every write is
 * its own transaction and is made only while this replica still holds the handoff's lease ({@link Lease.Lost}
 * otherwise), so a replica whose lease expired cannot overwrite the one that took over.
 */
@ApplicationScoped
class HandoffProgress {

    private static final Logger LOG = Logger.getLogger(HandoffProgress.class);

    private final HandoffRepository handoffs;
    private final HandoffBundleRepository bundles;
    private final HandoffFactsRepository facts;
    private final HandoffViews views;
    private final GatewayConfig config;
    private final ObjectMapper mapper;
    private final HandoffMetrics metrics;
    /** Bundles stored one at a time on this replica (see {@link #succeed}). */
    private final Semaphore storing = new Semaphore(1);

    HandoffProgress(HandoffRepository handoffs, HandoffBundleRepository bundles, HandoffFactsRepository facts,
                    HandoffViews views, GatewayConfig config, ObjectMapper mapper, HandoffMetrics metrics) {
        this.metrics = metrics;
        this.handoffs = handoffs;
        this.bundles = bundles;
        this.facts = facts;
        this.views = views;
        this.config = config;
        this.mapper = mapper;
    }

    /** The handoff as it stands, or null when there is none. */
    Handoff read(String id) {
        return QuarkusTransaction.requiringNew().call(() -> handoffs.findById(id));
    }

    /** The row, in the caller's transaction, while the lease is still ours. */
    Handoff leased(Lease lease) {
        Handoff x = handoffs.findById(lease.handoffId());
        if (x == null || !lease.replica().equals(x.leaseOwner)) {
            throw new Lease.Lost(lease.handoffId());
        }
        return x;
    }

    /** Changes the row while the lease is ours; the handoff as saved. */
    Handoff save(Lease lease, Consumer<Handoff> change) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Handoff x = leased(lease);
            change.accept(x);
            x.updatedAt = Clock.now();
            return x;
        });
    }

    /**
     * Stores the bundle and its facts and ends the handoff SUCCEEDED, in one transaction. One store at a time on
     * this replica: the embedded H2 of the local profile copies a stored value several times on the heap
     * (docs/evidence.md, finding 5), PostgreSQL streams it in milliseconds.
     */
    Handoff succeed(Lease lease, Path zip, BundleBuilder.Written written, HandoffOutcome outcome) {
        Instant now = Clock.now();
        String factsJson = views.json(outcome);
        storing.acquireUninterruptibly();
        try {
            Handoff done = QuarkusTransaction.requiringNew().call(() -> {
                Handoff x = leased(lease);
                // Bundle, facts and status commit together: a handoff not yet SUCCEEDED has neither stored, so
                // there is nothing to look for (a lookup of the bundle row made H2 read its content).
                if (x.status != Handoff.Status.SUCCEEDED) {
                    bundles.store(x.id, zip, written.sizeBytes(), written.sha256(), now);
                    HandoffFacts row = new HandoffFacts();
                    row.handoffId = x.id;
                    row.factsJson = factsJson;
                    row.createdAt = now;
                    facts.persist(row);
                    finish(x, Handoff.Status.SUCCEEDED, now);
                }
                return x;
            });
            metrics.finished(Handoff.Status.SUCCEEDED, done.verdict, done.createdAt, now);
            return done;
        } finally {
            storing.release();
        }
    }

    void fail(Lease lease, List<StepFailure> failures) {
        List<HandoffView.HandoffError> errors = failures.stream().map(f -> f.describe(mapper)).toList();
        Instant now = Clock.now();
        Handoff done = QuarkusTransaction.requiringNew().call(() -> {
            Handoff x = leased(lease);
            x.errorsJson = views.json(errors);
            finish(x, Handoff.Status.FAILED, now);
            return x;
        });
        metrics.finished(Handoff.Status.FAILED, done.verdict, done.createdAt, now);
        LOG.infof("Handoff %s FAILED: %s", lease.handoffId(), errors);
    }

    /**
     * A transient failure: the handoff waits, with exponential backoff, and is tried again; FAILED instead once it
     * has waited longer than {@code shieldfab.handoff.max-wait} in all.
     */
    void retryLater(Lease lease, StepFailure failure) {
        Instant now = Clock.now();
        String reason = failure.step() + ": " + failure.describeTransient();
        Handoff gaveUp = QuarkusTransaction.requiringNew().call(() -> {
            Handoff x = leased(lease);
            if (Duration.between(x.createdAt, now).compareTo(config.handoff().maxWait()) > 0) {
                x.errorsJson = views.json(List.of(new HandoffView.HandoffError(failure.step(), 503, "Gave up",
                        "The service stayed unavailable for longer than " + config.handoff().maxWait() + ": " + reason, null)));
                finish(x, Handoff.Status.FAILED, now);
                return x;
            }
            x.attempts++;
            Duration wait = config.handoff().initialBackoff().multipliedBy(1L << Math.min(20, x.attempts - 1));
            if (wait.compareTo(config.handoff().maxBackoff()) > 0) {
                wait = config.handoff().maxBackoff();
            }
            x.nextAttemptAt = now.plus(wait);
            x.lastError = reason.length() > 1900 ? reason.substring(0, 1900) : reason;
            x.updatedAt = now;
            return null;
        });
        if (gaveUp != null) {
            metrics.finished(Handoff.Status.FAILED, gaveUp.verdict, gaveUp.createdAt, now);
            return;
        }
        LOG.infof("Handoff %s waits: %s", lease.handoffId(), reason);
    }

    /**
     * Work the handoff waits on elsewhere (its full-wave verification run): it is looked at again after {@code wait},
     * without counting an attempt or a failure; FAILED once it has waited longer than {@code shieldfab.handoff.max-wait}
     * in all.
     */
    void waitFor(Lease lease, String step, String what, Duration wait) {
        Instant now = Clock.now();
        Handoff gaveUp = QuarkusTransaction.requiringNew().call(() -> {
            Handoff x = leased(lease);
            if (Duration.between(x.createdAt, now).compareTo(config.handoff().maxWait()) > 0) {
                x.errorsJson = views.json(List.of(new HandoffView.HandoffError(step, 504, "Gave up",
                        "Waited longer than " + config.handoff().maxWait() + " for " + what, null)));
                finish(x, Handoff.Status.FAILED, now);
                return x;
            }
            x.nextAttemptAt = now.plus(wait);
            x.updatedAt = now;
            return null;
        });
        if (gaveUp != null) {
            metrics.finished(Handoff.Status.FAILED, gaveUp.verdict, gaveUp.createdAt, now);
        }
    }

    /** The end of the work; the webhook, if the handoff has a callbackUrl, is due at once. */
    private static void finish(Handoff x, Handoff.Status status, Instant now) {
        x.status = status;
        x.finishedAt = now;
        x.updatedAt = now;
        x.lastError = null;
        if (x.callbackUrl != null) {
            x.webhookState = Handoff.WebhookState.PENDING;
            x.webhookNextAt = now;
        }
    }
}
