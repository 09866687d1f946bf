package io.shieldfab.shielding.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.shieldfab.shielding.support.ExampleDesigns;
import io.shieldfab.shielding.support.ExampleLayouts;
import io.shieldfab.testsupport.observability.PrometheusText;
import io.shieldfab.testsupport.observability.TestSpans;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The evaluation meter and traces of docs/operations.md, read as Prometheus and a collector would: exact deltas of
 * /q/metrics around real evaluations, and the server span of a request that came with a W3C traceparent.
 */
@QuarkusTest
class EvaluationObservabilityTest {

    private static final String EVALUATIONS = "shieldfab_evaluations_total";
    private static final String REPLAYS = "shieldfab_idempotent_replays_total";
    private static final List<String> VERDICTS = List.of("PASS", "WARN", "FAIL");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Inject
    InMemorySpanExporter spans;

    private static String body(ObjectNode design, String layout) {
        ObjectNode b = MAPPER.createObjectNode();
        b.set("design", design);
        b.set("layout", ExampleLayouts.tree(layout));
        return b.toString();
    }

    /** The mmWave example with the fixes its first evaluation names: only the cavity resonance is left, a WARN. */
    private static String mmWaveFixed() {
        ObjectNode design = ExampleDesigns.tree(ExampleDesigns.MMWAVE);
        ObjectNode openings = (ObjectNode) design.get("shield").get("openings");
        openings.put("lengthMm", 0.015).put("heightMm", Math.min(openings.get("heightMm").asDouble(), 0.015));
        ((ObjectNode) design.get("bonding")).put("pattern", "RING");
        return body(design, ExampleLayouts.MMWAVE_FIXED);
    }

    private static String evaluate(String body, String verdict) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/v1/shielding/evaluations")
                .then().statusCode(201).body("verdict", equalTo(verdict)).extract().path("id");
    }

    /** Evaluates, then checks that exactly the expected verdict moved, by one. */
    private static String countedAs(String body, String verdict) {
        PrometheusText before = PrometheusText.scrape();
        String id = evaluate(body, verdict);
        PrometheusText after = PrometheusText.scrape();
        for (String v : VERDICTS) {
            assertThat(after.value(EVALUATIONS, Map.of("verdict", v)) - before.value(EVALUATIONS, Map.of("verdict", v)))
                    .as("verdict %s after a %s evaluation", v, verdict).isEqualTo(v.equals(verdict) ? 1.0 : 0.0);
        }
        return id;
    }

    @Test
    void everyEvaluationIsCountedByItsVerdict() {
        countedAs(body(ExampleDesigns.tree(ExampleDesigns.WIFI), ExampleLayouts.WIFI), "PASS");
        countedAs(mmWaveFixed(), "WARN");
        String id = countedAs(body(ExampleDesigns.tree(ExampleDesigns.MMWAVE), ExampleLayouts.MMWAVE), "FAIL");

        given().when().get("/api/v1/shielding/evaluations/{id}", id).then().statusCode(200);
        PrometheusText metrics = PrometheusText.scrape();
        assertThat(VERDICTS).allSatisfy(v -> assertThat(metrics.samples()).anySatisfy(s -> {
            assertThat(s.name()).isEqualTo(EVALUATIONS);
            assertThat(s.labels()).isEqualTo(Map.of("verdict", v));
        }));
        // Quarkus' HTTP server meters name the route template, never the evaluation id
        metrics.assertRouteCountedWithoutIds("GET", "/api/v1/shielding/evaluations/{id}", id);
    }

    @Test
    void anInvalidRequestAndAReplayAreNoNewEvaluations() {
        PrometheusText before = PrometheusText.scrape();
        given().contentType(ContentType.JSON).body("{\"design\": {\"name\": \"half a design\"}}")
                .when().post("/api/v1/shielding/evaluations").then().statusCode(400);
        PrometheusText refused = PrometheusText.scrape();
        assertThat(refused.value(EVALUATIONS, Map.of()) - before.value(EVALUATIONS, Map.of())).isZero();

        String key = UUID.randomUUID().toString();
        String payload = body(ExampleDesigns.tree(ExampleDesigns.WIFI), ExampleLayouts.WIFI);
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(payload)
                .when().post("/api/v1/shielding/evaluations").then().statusCode(201);
        PrometheusText first = PrometheusText.scrape();
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(payload)
                .when().post("/api/v1/shielding/evaluations").then().statusCode(201)
                .header("Idempotent-Replayed", "true");
        PrometheusText replayed = PrometheusText.scrape();
        assertThat(first.value(EVALUATIONS, Map.of("verdict", "PASS"))
                - refused.value(EVALUATIONS, Map.of("verdict", "PASS"))).isEqualTo(1.0);
        assertThat(replayed.value(EVALUATIONS, Map.of()) - first.value(EVALUATIONS, Map.of())).isZero();
        assertThat(replayed.value(REPLAYS, Map.of()) - first.value(REPLAYS, Map.of())).isEqualTo(1.0);
    }

    @Test
    void theServerSpanContinuesTheCallersTrace() throws InterruptedException {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String parentSpanId = "53995c3f42cd8ad8";
        given().contentType(ContentType.JSON).header("traceparent", "00-" + traceId + "-" + parentSpanId + "-01")
                .body(body(ExampleDesigns.tree(ExampleDesigns.WIFI), ExampleLayouts.WIFI))
                .when().post("/api/v1/shielding/evaluations").then().statusCode(201);

        List<SpanData> server = TestSpans.await(spans, traceId, SpanKind.SERVER, 1);
        assertThat(server).isNotEmpty().allSatisfy(s -> assertThat(s.getParentSpanId()).isEqualTo(parentSpanId));
    }
}
