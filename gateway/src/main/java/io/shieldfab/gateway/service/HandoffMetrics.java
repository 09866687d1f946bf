package io.shieldfab.gateway.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.shieldfab.gateway.Handoff;
import io.shieldfab.gateway.repository.HandoffRepository;
import io.shieldfab.support.idempotency.IdempotencyFilter;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * The handoff pipeline's metrics (docs/operations.md, "Metrics"): submissions, handoffs finished by status and
 * verdict, the queue, each step's duration, webhook deliveries by outcome and attempt. Labels take values from fixed
 * sets only (never an id, a design name or a key), so that a series count stays bounded.
 */
@ApplicationScoped
public class HandoffMetrics {

    /** Step durations from milliseconds to minutes; the same buckets for every step, so panels compare them. */
    static final Duration[] STEP_BUCKETS = durations(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60);
    /** A whole handoff, submission to end: seconds to the 10-minute default of shieldfab.handoff.max-wait. */
    static final Duration[] HANDOFF_BUCKETS = durations(0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600);
    /** Attempts above this share one label value, {@code 6+}. */
    static final int ATTEMPT_LABELS = 5;

    /** How a webhook attempt ended: delivered, failed (tried again later), abandoned (given up). */
    public enum DeliveryOutcome { DELIVERED, FAILED, ABANDONED }

    private final MeterRegistry meters;
    private final Counter submitted;
    private final Counter replays;

    HandoffMetrics(MeterRegistry meters, HandoffRepository handoffs) {
        this.meters = meters;
        this.submitted = Counter.builder("shieldfab.handoffs.submitted")
                .description("Handoffs accepted (202), replays of an Idempotency-Key not counted").register(meters);
        this.replays = IdempotencyFilter.replaysCounter(meters);
        for (Handoff.Status status : new Handoff.Status[] {Handoff.Status.QUEUED, Handoff.Status.RUNNING}) {
            Gauge.builder("shieldfab.handoffs." + status.name().toLowerCase(Locale.ROOT), handoffs,
                            repository -> QuarkusTransaction.requiringNew().call(() -> repository.countByStatus(status)))
                    .description("Handoffs " + status + " now, all replicas (read from the database)")
                    .register(meters);
        }
    }

    void submitted(boolean replayed) {
        (replayed ? replays : submitted).increment();
    }

    /** A handoff reached SUCCEEDED or FAILED; its verdict is NONE when it failed before the shielding report. */
    void finished(Handoff.Status status, String verdict, Instant createdAt, Instant finishedAt) {
        Counter.builder("shieldfab.handoffs.finished").description("Handoffs finished, by status and verdict")
                .tag("status", status.name()).tag("verdict", verdict == null ? "NONE" : verdict)
                .register(meters).increment();
        Timer.builder("shieldfab.handoff.duration").description("Submission to end of a handoff")
                .tag("status", status.name()).serviceLevelObjectives(HANDOFF_BUCKETS)
                .register(meters).record(Duration.between(createdAt, finishedAt));
    }

    /** One run of a step: layout, shielding, recipe, bundle or webhook. */
    void step(String step, boolean success, long nanos) {
        Timer.builder("shieldfab.handoff.step.duration").description("Duration of one run of a handoff step")
                .tag("step", step).tag("outcome", success ? "success" : "failure")
                .serviceLevelObjectives(STEP_BUCKETS).register(meters).record(Duration.ofNanos(nanos));
    }

    void delivery(DeliveryOutcome outcome, int attempt) {
        Counter.builder("shieldfab.webhook.deliveries").description("Webhook delivery attempts, by outcome and attempt")
                .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                .tag("attempt", attempt > ATTEMPT_LABELS ? (ATTEMPT_LABELS + 1) + "+" : Integer.toString(attempt))
                .register(meters).increment();
    }

    private static Duration[] durations(double... seconds) {
        Duration[] buckets = new Duration[seconds.length];
        for (int i = 0; i < seconds.length; i++) {
            buckets[i] = Duration.ofNanos(Math.round(seconds[i] * 1e9));
        }
        return buckets;
    }
}
