package io.shieldfab.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.shieldfab.testsupport.observability.PrometheusText;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Each API key has its own bucket of 3 requests per minute here. */
@QuarkusTest
@TestProfile(RateLimitTest.ThreePerMinute.class)
@QuarkusTestResource(DownstreamStubs.class)
class RateLimitTest {

    public static class ThreePerMinute implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("shieldfab.rate-limit.requests-per-minute", "3");
        }
    }

    @Test
    void fourthRequestOfAKeyIs429WithRetryAfterAndRateLimitHeaders() {
        PrometheusText before = PrometheusText.scrape();
        for (int i = 0; i < 3; i++) {
            Response ok = given().header("X-API-Key", ForwardingTest.KEY).when().get("/api/v1/handoffs");
            ok.then().statusCode(200).header("RateLimit-Limit", "3");
            assertThat(Integer.parseInt(ok.getHeader("RateLimit-Remaining"))).isEqualTo(2 - i);
        }
        Response refused = given().header("X-API-Key", ForwardingTest.KEY).when().get("/api/v1/handoffs");
        refused.then().statusCode(429)
                .contentType("application/problem+json")
                .header("RateLimit-Remaining", "0")
                .body("status", equalTo(429))
                .body("detail", containsString("3 requests per minute"));
        // One token comes back every 20 s.
        assertThat(Integer.parseInt(refused.getHeader("Retry-After"))).isBetween(1, 20);
        // counted once, by the limit that refused it (docs/operations.md, "Metrics")
        assertThat(PrometheusText.delta(before, PrometheusText.scrape(), "shieldfab_rate_limit_refusals_total",
                Map.of("limit", "per_key"))).isEqualTo(1);

        // Another key is not affected.
        given().header("X-API-Key", "second-test-key-abcdef").when().get("/api/v1/handoffs").then().statusCode(200);
    }
}
