package io.shieldfab.gateway;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.shieldfab.gateway.repository.HandoffRepository;
import io.shieldfab.gateway.service.HandoffScheduler;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * The queue-depth limit and the wake-up of an idle worker, in a gateway whose workers poll only
 * every 30 s and whose queue holds 3 handoffs.
 */
@QuarkusTest
@TestProfile(HandoffBackpressureTest.SmallQueue.class)
@QuarkusTestResource(DownstreamStubs.class)
class HandoffBackpressureTest {

    public static class SmallQueue implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("shieldfab.handoff.max-queued", "3", "shieldfab.handoff.poll-interval", "30s");
        }
    }

    static final String FILLER_OWNER = "queue-filler";

    @Inject
    HandoffRepository handoffs;

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    @BeforeEach
    void stubs() {
        DownstreamStubs.server.resetAll();
        circuitBreakers.resetAll();
        HandoffStubs.allOk(DownstreamStubs.server);
    }

    @AfterEach
    void emptyQueue() {
        QuarkusTransaction.requiringNew().run(() -> handoffs.delete("ownerKeyHash", FILLER_OWNER));
    }

    /** Queued handoffs of another client, not due for an hour: they hold their places in the queue. */
    void fillQueue(int count) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < count; i++) {
                Handoff h = new Handoff();
                h.id = UUID.randomUUID().toString();
                h.ownerKeyHash = FILLER_OWNER;
                h.designName = "filler-" + i;
                h.status = Handoff.Status.QUEUED;
                h.createdAt = now;
                h.updatedAt = now;
                h.designJson = "{}";
                h.nextAttemptAt = now.plus(1, ChronoUnit.HOURS);
                handoffs.persist(h);
            }
        });
    }

    @Test
    void aFullQueueAnswers503WithRetryAfterAndStoresNothing() throws Exception {
        fillQueue(3);
        long before = QuarkusTransaction.requiringNew().call(() -> handoffs.count());
        String key = "full-" + System.nanoTime();
        given().header("X-API-Key", HandoffTest.KEY).header("Idempotency-Key", key).contentType("application/json")
                .body(HandoffTest.wifi()).when().post("/api/v1/handoffs")
                .then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", "30")
                .body("type", equalTo("/problems/queue-full"))
                .body("detail", containsString("3 handoffs waiting or running (limit 3)"));
        assertThat(QuarkusTransaction.requiringNew().call(() -> handoffs.count())).isEqualTo(before);

        // Room again: the same request with the same key is accepted (the refusal left no claim on it).
        QuarkusTransaction.requiringNew().run(() -> handoffs.delete("ownerKeyHash", FILLER_OWNER));
        String id = given().header("X-API-Key", HandoffTest.KEY).header("Idempotency-Key", key).contentType("application/json")
                .body(HandoffTest.wifi()).when().post("/api/v1/handoffs")
                .then().statusCode(202).extract().jsonPath().getString("id");
        HandoffTest.awaitStatus(id, Set.of("SUCCEEDED"), 15_000);

        // A replay of an accepted submission is answered even when the queue is full again.
        fillQueue(3);
        given().header("X-API-Key", HandoffTest.KEY).header("Idempotency-Key", key).contentType("application/json")
                .body(HandoffTest.wifi()).when().post("/api/v1/handoffs")
                .then().statusCode(202).header("Idempotent-Replayed", "true").body("id", equalTo(id));
    }

    @Test
    void aSubmissionWakesAnIdleWorkerInsteadOfWaitingForItsPoll() throws Exception {
        Thread.sleep(500); // every worker has looked once, found nothing, and sleeps for its 30 s poll
        String id = HandoffTest.submit(HandoffTest.wifi()).then().statusCode(202).extract().jsonPath().getString("id");
        // Well before any worker's next poll: only the wake-up can have started it.
        HandoffTest.awaitStatus(id, Set.of("SUCCEEDED"), 15_000);
    }

    @Test
    void workersAreSizedForTheMachineUnlessConfigured() {
        assertThat(HandoffScheduler.workerCount(0, 2)).isEqualTo(4);
        assertThat(HandoffScheduler.workerCount(0, 1)).isEqualTo(2);
        assertThat(HandoffScheduler.workerCount(3, 16)).isEqualTo(3);
    }
}
