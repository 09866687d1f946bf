package io.shieldfab.gateway;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.shieldfab.testsupport.observability.PrometheusText;
import io.shieldfab.testsupport.observability.TestSpans;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static io.shieldfab.testsupport.observability.PrometheusText.delta;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One handoff seen as operations see it (docs/operations.md): a traceparent sent with the submission follows the
 * handoff into the layout, shielding and recipe calls and onto the webhook, and the domain metrics at /q/metrics
 * count it once, with every step's duration.
 */
@QuarkusTest
@QuarkusTestResource(DownstreamStubs.class)
class HandoffObservabilityTest {

    @Inject
    InMemorySpanExporter spans;

    @BeforeEach
    void reset() {
        DownstreamStubs.server.resetAll();
    }

    @Test
    void oneTraceFollowsTheHandoffIntoEveryServiceAndOntoTheWebhook() throws Exception {
        HandoffStubs.allOk(DownstreamStubs.server);
        DownstreamStubs.server.stubFor(post(urlEqualTo("/hooks/traced")).willReturn(aResponse().withStatus(204)));
        WebhookSecretsTest.create(HandoffTest.KEY, "PT0S");
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String parentSpan = HexFormat.of().formatHex(randomBytes(8));
        String envelope = "{\"design\":" + HandoffTest.wifi() + ",\"callbackUrl\":\""
                + DownstreamStubs.server.baseUrl() + "/hooks/traced\"}";
        PrometheusText before = PrometheusText.scrape();

        String id = given().header("X-API-Key", HandoffTest.KEY).header("traceparent", "00-" + traceId + "-" + parentSpan + "-01")
                .contentType("application/json").body(envelope).when().post("/api/v1/handoffs")
                .then().statusCode(202).extract().jsonPath().getString("id");
        HandoffTest.awaitStatus(id, Set.of("SUCCEEDED"), 20_000);
        LoggedRequest hook = awaitOne("/hooks/traced");

        // every call to a service and the webhook carry the submission's trace id
        for (String path : List.of("/api/v1/layouts", "/api/v1/shielding/evaluations", "/api/v1/recipes")) {
            assertThat(DownstreamStubs.server.findAll(postRequestedFor(urlEqualTo(path))))
                    .as(path).singleElement().extracting(r -> r.getHeader("traceparent")).asString()
                    .startsWith("00-" + traceId + "-");
        }
        assertThat(hook.getHeaders().getHeader("traceparent").values()).singleElement().asString()
                .startsWith("00-" + traceId + "-");
        // and the gateway's own spans: the submission (server), the background work, the client calls
        List<SpanData> trace = TestSpans.awaitNamed(spans, traceId, "handoff steps", "handoff webhook");
        assertThat(trace).filteredOn(s -> s.getKind() == SpanKind.SERVER)
                .anySatisfy(s -> assertThat(s.getParentSpanId()).isEqualTo(parentSpan));
        assertThat(trace).extracting(SpanData::getName).contains("handoff steps", "handoff webhook");
        assertThat(trace).filteredOn(s -> s.getKind() == SpanKind.CLIENT).hasSizeGreaterThanOrEqualTo(3);

        PrometheusText after = awaitWebhookCounted(before);
        assertThat(delta(before, after, "shieldfab_handoffs_submitted_total", Map.of())).isEqualTo(1);
        assertThat(delta(before, after, "shieldfab_handoffs_finished_total",
                Map.of("status", "SUCCEEDED", "verdict", "PASS"))).isEqualTo(1);
        for (String step : List.of("layout", "shielding", "recipe", "bundle", "webhook")) {
            assertThat(delta(before, after, "shieldfab_handoff_step_duration_seconds_count",
                    Map.of("step", step, "outcome", "success"))).as(step).isEqualTo(1);
        }
        assertThat(delta(before, after, "shieldfab_handoff_duration_seconds_count", Map.of("status", "SUCCEEDED")))
                .isEqualTo(1);
        assertThat(delta(before, after, "shieldfab_webhook_deliveries_total",
                Map.of("outcome", "delivered", "attempt", "1"))).isEqualTo(1);
        assertThat(after.has("shieldfab_handoffs_queued")).isTrue();
        // latency histograms of the HTTP server and of the calls to the services (HttpLatencyBuckets)
        assertThat(after.value("http_server_requests_seconds_bucket",
                Map.of("uri", "/api/v1/handoffs", "method", "POST", "le", "+Inf"))).isGreaterThanOrEqualTo(1);
        assertThat(after.has("http_client_requests_seconds_bucket")).isTrue();
        assertThat(after.has("shieldfab_handoffs_running")).isTrue();
        // labels never carry an id: the exposition does not contain the handoff's
        assertThat(given().when().get("/q/metrics").asString()).doesNotContain(id);
    }

    @Test
    void anIdempotentReplayIsCountedAsAReplayNotASubmission() throws Exception {
        HandoffStubs.allOk(DownstreamStubs.server);
        String key = UUID.randomUUID().toString();
        PrometheusText before = PrometheusText.scrape();
        for (int i = 0; i < 2; i++) {
            given().header("X-API-Key", HandoffTest.KEY).header("Idempotency-Key", key).contentType("application/json")
                    .body(HandoffTest.wifi()).when().post("/api/v1/handoffs").then().statusCode(202);
        }
        PrometheusText after = PrometheusText.scrape();
        assertThat(after.samples()).as("the domain metrics at /q/metrics")
                .anyMatch(s -> s.name().equals("shieldfab_handoffs_submitted_total"));
        assertThat(delta(before, after, "shieldfab_handoffs_submitted_total", Map.of())).isEqualTo(1);
        assertThat(delta(before, after, "shieldfab_idempotent_replays_total", Map.of())).isEqualTo(1);
    }

    @Test
    void metricsNeedNoApiKey() {
        given().when().get("/q/metrics").then().statusCode(200);
    }

    private PrometheusText awaitWebhookCounted(PrometheusText before) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        PrometheusText now = PrometheusText.scrape();
        // the webhook step's duration is recorded just after the delivery is counted (HandoffPipeline): wait for it
        while (delta(before, now, "shieldfab_handoff_step_duration_seconds_count", Map.of("step", "webhook")) < 1
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            now = PrometheusText.scrape();
        }
        return now;
    }

    private static LoggedRequest awaitOne(String path) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        List<LoggedRequest> found = List.of();
        while (found.isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            found = DownstreamStubs.server.findAll(postRequestedFor(urlEqualTo(path)));
        }
        assertThat(found).as("requests to " + path).hasSize(1);
        return found.get(0);
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        ThreadLocalRandom.current().nextBytes(b);
        b[0] |= 1;
        return b;
    }
}
