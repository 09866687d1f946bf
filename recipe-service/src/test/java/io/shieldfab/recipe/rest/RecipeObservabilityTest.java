package io.shieldfab.recipe.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.shieldfab.recipe.Recipe;
import io.shieldfab.recipe.repository.RecipeRepository;
import io.shieldfab.testsupport.observability.PrometheusText;
import io.shieldfab.testsupport.observability.TestSpans;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The recipe meters and traces of docs/operations.md, read as Prometheus and a collector would: the state gauges
 * and transition counters move exactly with each lifecycle step through the API, and the server span of a request
 * that came with a W3C traceparent continues its trace.
 */
@QuarkusTest
class RecipeObservabilityTest {

    private static final String RECIPES = "shieldfab_recipes";
    private static final String TRANSITIONS = "shieldfab_recipe_transitions_total";
    private static final String REPLAYS = "shieldfab_idempotent_replays_total";

    @Inject
    InMemorySpanExporter spans;

    @Inject
    RecipeRepository repository;

    /** Recipes in, and recipes entered into, DRAFT, APPROVED and RELEASED. */
    private record States(PrometheusText metrics) {

        static States now() {
            return new States(PrometheusText.scrape());
        }

        double[] minus(States before) {
            double[] d = new double[6];
            String[] states = {"DRAFT", "APPROVED", "RELEASED"};
            for (int i = 0; i < 3; i++) {
                Map<String, String> state = Map.of("state", states[i]);
                d[i] = metrics.value(RECIPES, state) - before.metrics.value(RECIPES, state);
                d[3 + i] = metrics.value(TRANSITIONS, state) - before.metrics.value(TRANSITIONS, state);
            }
            return d;
        }
    }

    /** Runs the step and checks the moves: in DRAFT, APPROVED, RELEASED, then entered DRAFT, APPROVED, RELEASED. */
    private static <T> T step(Supplier<T> step, double... moves) {
        States before = States.now();
        T result = step.get();
        assertThat(States.now().minus(before)).containsExactly(moves);
        return result;
    }

    private static String create(ObjectNode body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/v1/recipes")
                .then().statusCode(201).extract().path("id");
    }

    private static String post(String path, String id, int status) {
        return given().when().post(path, id).then().statusCode(status).extract().asString();
    }

    @Test
    void eachLifecycleStepMovesTheGaugesAndTheTransitionsExactly() {
        String id = step(() -> create(Inputs.body("wifi-fem-2g4")), 1, 0, 0, 1, 0, 0);
        step(() -> post("/api/v1/recipes/{id}/approve", id, 200), -1, 1, 0, 0, 1, 0);
        step(() -> post("/api/v1/recipes/{id}/release", id, 200), 0, -1, 1, 0, 0, 1);
        step(() -> post("/api/v1/recipes/{id}/approve", id, 409), 0, 0, 0, 0, 0, 0);

        // a change to a RELEASED recipe is a new DRAFT version; to an APPROVED one, the same recipe back in DRAFT
        ObjectNode changed = Inputs.wifiWith("shield", "thicknessUm", 30);
        String next = step(() -> given().contentType(ContentType.JSON).body(changed)
                .when().put("/api/v1/recipes/{id}", id).then().statusCode(201).extract().<String>path("id"),
                1, 0, 0, 1, 0, 0);
        step(() -> post("/api/v1/recipes/{id}/approve", next, 200), -1, 1, 0, 0, 1, 0);
        step(() -> given().contentType(ContentType.JSON).body(Inputs.wifiWith("shield", "thicknessUm", 35))
                .when().put("/api/v1/recipes/{id}", next).then().statusCode(200).extract().asString(),
                1, -1, 0, 1, 0, 0);

        given().when().get("/api/v1/recipes/{id}", id).then().statusCode(200);
        PrometheusText metrics = PrometheusText.scrape();
        // Quarkus' HTTP server meters name the route template, never the recipe id
        metrics.assertRouteCountedWithoutIds("GET", "/api/v1/recipes/{id}", id, next);
    }

    @Test
    void theGaugesReadWhatTheDatabaseHolds() {
        create(Inputs.body("mcu-pillars"));
        PrometheusText metrics = PrometheusText.scrape();
        for (Recipe.Status state : Recipe.Status.values()) {
            long stored = QuarkusTransaction.requiringNew().call(() -> repository.count("status", state));
            assertThat(metrics.value(RECIPES, Map.of("state", state.name()))).as("%s", state).isEqualTo(stored);
        }
    }

    @Test
    void anIdempotentReplayIsNoNewRecipe() {
        String key = UUID.randomUUID().toString();
        ObjectNode body = Inputs.body("mmwave-28g");
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().post("/api/v1/recipes").then().statusCode(201);
        PrometheusText first = PrometheusText.scrape();
        step(() -> given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().post("/api/v1/recipes").then().statusCode(201).header("Idempotent-Replayed", "true")
                .extract().asString(), 0, 0, 0, 0, 0, 0);
        assertThat(PrometheusText.scrape().value(REPLAYS, Map.of()) - first.value(REPLAYS, Map.of())).isEqualTo(1.0);
    }

    @Test
    void theServerSpanContinuesTheCallersTrace() throws InterruptedException {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String parentSpanId = "b7ad6b7169203331";
        given().contentType(ContentType.JSON).header("traceparent", "00-" + traceId + "-" + parentSpanId + "-01")
                .body(Inputs.body("wifi-fem-2g4"))
                .when().post("/api/v1/recipes").then().statusCode(201);

        List<SpanData> server = TestSpans.await(spans, traceId, SpanKind.SERVER, 1);
        assertThat(server).isNotEmpty().allSatisfy(s -> assertThat(s.getParentSpanId()).isEqualTo(parentSpanId));
    }
}
