package io.shieldfab.gateway.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.shieldfab.design.fuzz.DesignMutations;
import io.shieldfab.gateway.DownstreamStubs;
import io.shieldfab.gateway.Handoff;
import io.shieldfab.gateway.repository.HandoffRepository;
import jakarta.inject.Inject;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/**
 * Finding 6 of the security review: the rate limit covered {@code /api/*} only, so portal uploads went around it;
 * sign-ins and wrong keys were never throttled; and {@code max-queued} is global, so one key could fill the queue
 * for every tenant. Each test below fails on the gateway without these limits (the requests all pass).
 * Each key and each test uses its own bucket; the profile's limits are small so the refusals come quickly.
 */
@QuarkusTest
@TestProfile(AbuseLimitsTest.Tight.class)
@QuarkusTestResource(DownstreamStubs.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AbuseLimitsTest {

    static final String BURST = "abuse-burst-key-0123456789";
    static final String PORTAL = "abuse-portal-key-0123456789";
    static final String QUEUE = "abuse-queue-key-0123456789";
    static final String QUIET = "abuse-quiet-key-0123456789";
    static final int FAILED_AUTH = 5;
    static final int PER_KEY = 4;
    static final int OPEN_PER_KEY = 2;
    static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    public static class Tight implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "shieldfab.api-keys", String.join(",", BURST, PORTAL, QUEUE, QUIET),
                    "shieldfab.rate-limit.failed-auth-per-minute", Integer.toString(FAILED_AUTH),
                    "shieldfab.rate-limit.sign-ins-per-minute", "1000",
                    "shieldfab.rate-limit.requests-per-minute", Integer.toString(PER_KEY),
                    "shieldfab.handoff.max-open-per-key", Integer.toString(OPEN_PER_KEY),
                    // the handoffs below stay queued: no worker picks them up during the test
                    "shieldfab.handoff.workers", "1",
                    "shieldfab.handoff.poll-interval", "1h");
        }
    }

    @Inject
    HandoffRepository handoffs;

    /**
     * Wrong keys from one address are throttled: after {@value #FAILED_AUTH} failures every further request of that
     * address that needs a key gets 429 and Retry-After, a valid key included, until the bucket refills; the API and
     * the portal's sign-in count together. (All test requests come from 127.0.0.1, so this test runs last in its
     * profile: after it, its address is throttled for every key.)
     */
    @Test
    @Order(3)
    void wrongKeysAndSignInsFromOneAddressAreThrottled() {
        for (int i = 0; i < FAILED_AUTH - 1; i++) {
            given().header("X-API-Key", "guess-" + i + "-0123456789abcdef").when().get("/api/v1/handoffs").then().statusCode(401);
        }
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("apiKey", "guess-portal-0123456789abcdef").when().post("/sign-in").then().statusCode(401);
        Response throttled = given().header("X-API-Key", "guess-last-0123456789abcdef").when().get("/api/v1/handoffs");
        throttled.then().statusCode(429).contentType("application/problem+json")
                .body("detail", containsString("without a valid API key"));
        assertThat(Integer.parseInt(throttled.header("Retry-After"))).isBetween(1, 60 / FAILED_AUTH);
        given().header("X-API-Key", QUIET).when().get("/api/v1/handoffs").then().statusCode(429);
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("apiKey", QUIET).when().post("/sign-in").then().statusCode(429)
                .header("Retry-After", Matchers.notNullValue());
    }

    @Test
    @Order(1)
    void portalPostsTakeFromTheKeysOwnBucket() throws Exception {
        // the sign-in itself is no API request; each form post is
        String session = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("apiKey", PORTAL).when().post("/sign-in").then().statusCode(303).extract().cookie("shieldfab_session");
        String page = given().cookie("shieldfab_session", session).when().get("/new").then().statusCode(200).extract().asString();
        Matcher csrf = CSRF.matcher(page);
        assertThat(csrf.find()).isTrue();
        // an invalid design: each post is answered (400, every violation) and no handoff is queued
        String invalid = "{\"name\": 1}";
        int accepted = 0;
        Response last = null;
        for (int i = 0; i < PER_KEY + 1; i++) {
            last = given().redirects().follow(false).cookie("shieldfab_session", session).multiPart("csrf", csrf.group(1))
                    .multiPart("submission", UUID.randomUUID().toString())
                    .multiPart("design", "invalid.json", invalid.getBytes(StandardCharsets.UTF_8), "application/json")
                    .when().post("/new/upload");
            if (last.statusCode() != 429) {
                accepted++;
            }
        }
        assertThat(accepted).isEqualTo(PER_KEY);
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(last.header("Retry-After")).isNotNull();
        assertThat(last.asString()).contains("requests a minute, portal and API together");
        // and the API of the same key shares the bucket
        given().header("X-API-Key", PORTAL).when().get("/api/v1/handoffs").then().statusCode(429);
    }

    @Test
    @Order(2)
    void oneKeyCannotHoldMoreThanItsShareOfOpenHandoffs() {
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < OPEN_PER_KEY; i++) {
                handoffs.persist(queued(ApiKeys.digestHex(QUEUE)));
            }
        });
        String wifi = DesignMutations.write(DesignMutations.load().firstValid(), false);
        Response refused = given().header("X-API-Key", QUEUE).contentType("application/json").body(wifi)
                .when().post("/api/v1/handoffs");
        refused.then().statusCode(429).contentType("application/problem+json")
                .body("type", Matchers.equalTo("/problems/too-many-open-handoffs"))
                .body("detail", containsString("limit " + OPEN_PER_KEY + " per key"));
        assertThat(refused.header("Retry-After")).isNotNull();
        // another key is not held up by it
        given().header("X-API-Key", BURST).contentType("application/json").body(wifi)
                .when().post("/api/v1/handoffs").then().statusCode(202);
    }

    /** A handoff row of {@code owner} waiting in the queue, not due for an hour. */
    static Handoff queued(String owner) {
        Handoff h = TenantIsolationTest.handoff(owner, null, null, null);
        h.status = Handoff.Status.QUEUED;
        h.finishedAt = null;
        h.nextAttemptAt = Instant.now().plusSeconds(3600);
        return h;
    }
}
