package io.shieldfab.layout.rest;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.shieldfab.testsupport.observability.PrometheusText;
import io.shieldfab.testsupport.observability.TestSpans;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.shieldfab.testsupport.observability.PrometheusText.delta;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The layout meters and traces of docs/operations.md, read as Prometheus and a collector would: exact deltas of
 * /q/metrics around real requests, and the server span of a request that came with a W3C traceparent.
 */
@QuarkusTest
class LayoutObservabilityTest {

    private static final String GENERATED = "shieldfab_layouts_generated_total";
    private static final String FILES = "shieldfab_layout_files_written_total";
    private static final String BYTES = "shieldfab_layout_written_bytes_total";
    private static final String REPLAYS = "shieldfab_idempotent_replays_total";

    @Inject
    InMemorySpanExporter spans;

    @Test
    void aCreatedLayoutAndEveryFileDownloadedAreCountedWithTheirBytes() {
        PrometheusText before = PrometheusText.scrape();
        String id = LayoutResourceTest.create(LayoutResourceTest.design(2, 3, 7.0, false));
        given().when().get("/api/v1/layouts/{id}", id).then().statusCode(200);
        byte[] gds = given().when().get("/api/v1/layouts/{id}/gds", id).then().statusCode(200).extract().asByteArray();
        byte[] dxf = given().when().get("/api/v1/layouts/{id}/dxf", id).then().statusCode(200).extract().asByteArray();
        byte[] svg = given().when().get("/api/v1/layouts/{id}/svg", id).then().statusCode(200).extract().asByteArray();
        String etag = given().when().get("/api/v1/layouts/{id}/svg", id).then().statusCode(200).extract().header("ETag");
        PrometheusText after = PrometheusText.scrape();

        assertThat(delta(before, after, GENERATED, Map.of())).isEqualTo(1.0);
        assertThat(delta(before, after, FILES, Map.of("format", "gds"))).isEqualTo(1.0);
        assertThat(delta(before, after, BYTES, Map.of("format", "gds"))).isEqualTo(gds.length);
        assertThat(delta(before, after, FILES, Map.of("format", "dxf"))).isEqualTo(1.0);
        assertThat(delta(before, after, BYTES, Map.of("format", "dxf"))).isEqualTo(dxf.length);
        assertThat(delta(before, after, FILES, Map.of("format", "svg"))).isEqualTo(2.0);
        assertThat(delta(before, after, BYTES, Map.of("format", "svg"))).isEqualTo(2.0 * svg.length);

        // a 304 writes no file
        given().header("If-None-Match", etag).when().get("/api/v1/layouts/{id}/svg", id).then().statusCode(304);
        // a path no route has: its uri label must not be the path either
        given().when().get("/api/v1/no-such-route/{id}", id).then().statusCode(404);
        PrometheusText unchanged = PrometheusText.scrape();
        assertThat(delta(after, unchanged, FILES, Map.of("format", "svg"))).isZero();
        assertThat(delta(after, unchanged, BYTES, Map.of("format", "svg"))).isZero();

        // Quarkus' HTTP server meters name the route template, never the layout id
        unchanged.assertRouteCountedWithoutIds("GET", "/api/v1/layouts/{id}", id);
    }

    @Test
    void aRefusedDesignIsNoGeneratedLayout() {
        PrometheusText before = PrometheusText.scrape();
        given().contentType(ContentType.JSON).body("{\"name\": \"half a design\"}")
                .when().post("/api/v1/layouts").then().statusCode(400);
        assertThat(delta(before, PrometheusText.scrape(), GENERATED, Map.of())).isZero();
    }

    @Test
    void anIdempotentReplayCountsAsReplayNotAsANewLayout() {
        String key = UUID.randomUUID().toString();
        String body = LayoutResourceTest.design(2, 2, 7.0, false);
        PrometheusText before = PrometheusText.scrape();
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().post("/api/v1/layouts").then().statusCode(201);
        PrometheusText first = PrometheusText.scrape();
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().post("/api/v1/layouts").then().statusCode(201).header("Idempotent-Replayed", "true");
        PrometheusText replayed = PrometheusText.scrape();

        assertThat(delta(before, first, GENERATED, Map.of())).isEqualTo(1.0);
        assertThat(delta(before, first, REPLAYS, Map.of())).isZero();
        assertThat(delta(first, replayed, GENERATED, Map.of())).isZero();
        assertThat(delta(first, replayed, REPLAYS, Map.of())).isEqualTo(1.0);
    }

    @Test
    void theServerSpanContinuesTheCallersTrace() throws InterruptedException {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String parentSpanId = "00f067aa0ba902b7";
        given().contentType(ContentType.JSON).header("traceparent", "00-" + traceId + "-" + parentSpanId + "-01")
                .body(LayoutResourceTest.design(2, 2, 7.0, false))
                .when().post("/api/v1/layouts").then().statusCode(201);

        List<SpanData> server = TestSpans.await(spans, traceId, SpanKind.SERVER, 1);
        assertThat(server).isNotEmpty();
        assertThat(server).allSatisfy(s -> assertThat(s.getParentSpanId()).isEqualTo(parentSpanId));
    }
}
