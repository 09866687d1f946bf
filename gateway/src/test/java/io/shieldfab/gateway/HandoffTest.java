package io.shieldfab.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.shieldfab.gateway.repository.HandoffRepository;
import io.shieldfab.gateway.repository.IdempotencyRepository;
import io.shieldfab.gateway.IdempotencyRecord;
import io.shieldfab.gateway.security.ApiKeys;
import io.shieldfab.gateway.service.HandoffService;
import io.shieldfab.gateway.webhook.WebhookSigner;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@QuarkusTestResource(DownstreamStubs.class)
class HandoffTest {

    static final String KEY = ForwardingTest.KEY;
    static final Path EXAMPLES = Path.of("..", "examples", "designs");
    static final ObjectMapper MAPPER = new ObjectMapper();

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    @Inject
    IdempotencyRepository idempotency;

    @Inject
    HandoffRepository handoffs;

    /**
     * Each test starts with no handoff at work and an empty request journal. Handoffs earlier tests (of any class)
     * left queued or waiting would otherwise call the stubs during this one and be counted as its calls: they are
     * first run to their end with every service answering.
     */
    @BeforeEach
    void reset() throws InterruptedException {
        quiesce(handoffs, circuitBreakers);
    }

    /** No handoff at work, an empty request journal and closed breakers (see {@link #reset}); no stubs left. */
    static void quiesce(HandoffRepository handoffs, CircuitBreakerMaintenance circuitBreakers) throws InterruptedException {
        DownstreamStubs.server.resetAll();
        circuitBreakers.resetAll();
        HandoffStubs.allOk(DownstreamStubs.server);
        long deadline = System.currentTimeMillis() + 20_000;
        while (QuarkusTransaction.requiringNew().call(handoffs::countOpen) > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        DownstreamStubs.server.resetAll();
        circuitBreakers.resetAll();
    }

    /** The creating call of {@code step} this handoff made (its Idempotency-Key is derived from the handoff id). */
    static RequestPatternBuilder creating(String path, String handoffId, String step) {
        return postRequestedFor(urlEqualTo(path))
                .withHeader("Idempotency-Key", WireMock.equalTo("handoff-" + handoffId + "-" + step));
    }

    static String wifi() throws IOException {
        return Files.readString(EXAMPLES.resolve("wifi-fem-2g4.json"));
    }

    static Response submit(String body) {
        return given().header("X-API-Key", KEY).contentType("application/json").body(body)
                .when().post("/api/v1/handoffs");
    }

    static JsonPath awaitStatus(String id, Set<String> states, long timeoutMs) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        JsonPath last = null;
        while (System.currentTimeMillis() < deadline) {
            last = given().header("X-API-Key", KEY).when().get("/api/v1/handoffs/" + id)
                    .then().statusCode(200).extract().jsonPath();
            if (states.contains(last.getString("status"))) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("handoff " + id + " did not reach " + states + "; last: " + (last == null ? null : last.prettify()));
    }

    /** The handoff once an attempt has failed and it waits for the next (or after 15 s, as it stands then). */
    static JsonPath awaitFirstFailedAttempt(String id) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        JsonPath waiting;
        do {
            Thread.sleep(200);
            waiting = given().header("X-API-Key", KEY).when().get("/api/v1/handoffs/" + id).jsonPath();
        } while (waiting.getInt("attempts") < 1 && System.currentTimeMillis() < deadline);
        return waiting;
    }

    @Test
    void handoffRunsToABundleWhoseManifestMatchesItsFiles() throws Exception {
        HandoffStubs.allOk(DownstreamStubs.server);

        Response accepted = submit(wifi());
        accepted.then().statusCode(202)
                .header("Location", containsString("/api/v1/handoffs/"))
                .header("Retry-After", "2")
                .body("status", equalTo("QUEUED"))
                .body("designName", equalTo("wifi-fem-4x6"));
        String id = accepted.jsonPath().getString("id");

        JsonPath done = awaitStatus(id, Set.of("SUCCEEDED", "FAILED"), 20_000);
        assertThat(done.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(done.getString("layoutId")).isEqualTo("L-1");
        assertThat(done.getString("reportId")).isEqualTo("E-1");
        assertThat(done.getString("recipeId")).isEqualTo("R-1");
        assertThat(done.getString("verdict")).isEqualTo("PASS");
        assertThat(done.getString("links.bundle")).isEqualTo("/api/v1/handoffs/" + id + "/bundle");

        // Every creating call carried an Idempotency-Key derived from the handoff, and was made once.
        DownstreamStubs.server.verify(1, creating("/api/v1/layouts", id, "layout"));
        DownstreamStubs.server.verify(1, creating("/api/v1/shielding/evaluations", id, "shielding"));
        DownstreamStubs.server.verify(1, creating("/api/v1/recipes", id, "recipe"));
        // shielding and recipe received the design and the layout it produced.
        LoggedRequest evaluation = DownstreamStubs.server.findAll(creating("/api/v1/shielding/evaluations", id, "shielding")).get(0);
        JsonNode evaluationBody = MAPPER.readTree(evaluation.getBodyAsString());
        assertThat(evaluationBody.path("design").path("name").asText()).isEqualTo("wifi-fem-4x6");
        assertThat(evaluationBody.path("layout").path("metrics").path("openingCount").asInt()).isEqualTo(288);

        Response bundle = given().header("X-API-Key", KEY).when().get("/api/v1/handoffs/" + id + "/bundle");
        bundle.then().statusCode(200).contentType("application/zip").header("ETag", notNullValue());
        byte[] zip = bundle.asByteArray();
        Map<String, byte[]> files = unzip(zip);
        assertThat(files.keySet()).containsExactly("design.json", "layout.json", "layout.gds", "layout.dxf", "layout.svg",
                "shielding-report.json", "recipe.json", "traveler.html", "traveler.pdf", "manifest.json");
        assertThat(files.get("layout.gds")).isEqualTo(HandoffStubs.GDS);
        assertThat(files.get("traveler.pdf")).isEqualTo(HandoffStubs.PDF);

        JsonNode manifest = MAPPER.readTree(files.get("manifest.json"));
        assertThat(manifest.path("handoffId").asText()).isEqualTo(id);
        assertThat(manifest.path("designRevision").asText()).isEqualTo("A");
        // The versions are those the creating answers named, and their documents are the bundle's files as
        // answered: neither the documents nor the services' OpenAPI documents were fetched again
        // (docs/benchmarks.md, "Handoff cost").
        for (String service : List.of("layout-service", "shielding-service", "recipe-service")) {
            assertThat(manifest.path("serviceVersions").path(service).asText()).as(service)
                    .isEqualTo(HandoffStubs.CREATING_API_VERSION);
        }
        for (String document : List.of("/api/v1/layouts/L-1", "/api/v1/shielding/evaluations/E-1", "/api/v1/recipes/R-1")) {
            DownstreamStubs.server.verify(0, getRequestedFor(urlEqualTo(document)));
        }
        DownstreamStubs.server.verify(0, getRequestedFor(urlPathEqualTo("/q/openapi")));
        assertThat(manifest.path("files")).hasSize(9);
        for (JsonNode file : manifest.path("files")) {
            byte[] content = files.get(file.path("name").asText());
            assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)))
                    .as(file.path("name").asText()).isEqualTo(file.path("sha256").asText());
            assertThat(file.path("sizeBytes").asInt()).isEqualTo(content.length);
        }

        // Immutable: the same bytes again, and a conditional request is answered 304.
        byte[] again = given().header("X-API-Key", KEY).when().get("/api/v1/handoffs/" + id + "/bundle").asByteArray();
        assertThat(again).isEqualTo(zip);
        // A generated Python client asks for its error type only (Accept: application/problem+json): it gets the zip.
        assertThat(given().header("X-API-Key", KEY).accept("application/problem+json")
                .when().get("/api/v1/handoffs/" + id + "/bundle").then().statusCode(200).contentType("application/zip")
                .extract().asByteArray()).isEqualTo(zip);
        given().header("X-API-Key", KEY).header("If-None-Match", bundle.getHeader("ETag"))
                .when().get("/api/v1/handoffs/" + id + "/bundle").then().statusCode(304);
    }

    @Test
    void invalidDesignIsRefusedSynchronouslyWithEveryViolation() throws IOException {
        given().header("X-API-Key", KEY).contentType("application/json")
                .body(Files.readString(EXAMPLES.resolve("invalid-several-mistakes.json")))
                .when().post("/api/v1/handoffs")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("panel.rows"));
    }

    @Test
    void yamlDesignsAreAccepted() throws IOException {
        HandoffStubs.allOk(DownstreamStubs.server);
        given().header("X-API-Key", KEY).contentType("application/yaml")
                .body(Files.readAllBytes(EXAMPLES.resolve("mmwave-28g.yaml")))
                .when().post("/api/v1/handoffs")
                // accepted and queued; the worker may already have claimed it before the answer is written
                .then().statusCode(202).body("status", anyOf(equalTo("QUEUED"), equalTo("RUNNING")))
                .body("designName", equalTo("mmwave-bfic-28g"));
    }

    @Test
    void idempotentReplayReturnsTheFirstHandoff() throws IOException {
        HandoffStubs.allOk(DownstreamStubs.server);
        String key = "order-" + System.nanoTime();
        String first = given().header("X-API-Key", KEY).header("Idempotency-Key", key).contentType("application/json")
                .body(wifi()).when().post("/api/v1/handoffs")
                .then().statusCode(202).extract().jsonPath().getString("id");

        given().header("X-API-Key", KEY).header("Idempotency-Key", key).contentType("application/json")
                .body(wifi()).when().post("/api/v1/handoffs")
                .then().statusCode(202)
                .header("Idempotent-Replayed", "true")
                .header("Location", containsString(first))
                .body("id", equalTo(first));

        // Same key, different body: refused.
        given().header("X-API-Key", KEY).header("Idempotency-Key", key).contentType("application/json")
                .body(wifi().replace("\"revision\": \"A\"", "\"revision\": \"B\""))
                .when().post("/api/v1/handoffs")
                .then().statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("different request"));

        // Keys are per API key: the other key may use the same Idempotency-Key for its own handoff.
        String other = given().header("X-API-Key", "second-test-key-abcdef").header("Idempotency-Key", key)
                .contentType("application/json").body(wifi()).when().post("/api/v1/handoffs")
                .then().statusCode(202).extract().jsonPath().getString("id");
        assertThat(other).isNotEqualTo(first);
    }

    /** The record a first request leaves when it has claimed {@code key} at {@code claimedAt} and not finished. */
    void firstRequestInProgress(String key, Instant claimedAt) throws IOException {
        String hash = HandoffService.requestHash(
                wifi().getBytes(StandardCharsets.UTF_8), "application/json", null);
        QuarkusTransaction.requiringNew().run(() -> {
            var record = new IdempotencyRecord();
            record.key = new IdempotencyRecord.Key(ApiKeys.digestHex(KEY), key);
            record.requestSha256 = hash;
            record.state = IdempotencyRecord.State.IN_PROGRESS;
            record.createdAt = claimedAt;
            record.expiresAt = claimedAt.plusSeconds(3600);
            idempotency.persist(record);
        });
    }

    @Test
    void repeatWhileTheFirstRequestIsInProgressIs409() throws IOException {
        String key = "in-flight-" + System.nanoTime();
        firstRequestInProgress(key, Instant.now().truncatedTo(ChronoUnit.MICROS));
        given().header("X-API-Key", KEY).header("Idempotency-Key", key).contentType("application/json").body(wifi())
                .when().post("/api/v1/handoffs")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("still being processed"));
    }

    @Test
    void repeatTakesOverAKeyWhoseFirstRequestDied() throws IOException {
        // A replica killed between claiming the key and storing the handoff leaves the record IN_PROGRESS
        // for ever; after shieldfab.idempotency.abandoned-after (30 s) the client's repeat is served.
        HandoffStubs.allOk(DownstreamStubs.server);
        String key = "abandoned-" + System.nanoTime();
        firstRequestInProgress(key, Instant.now().minusSeconds(31).truncatedTo(ChronoUnit.MICROS));
        String id = given().header("X-API-Key", KEY).header("Idempotency-Key", key).contentType("application/json")
                .body(wifi()).when().post("/api/v1/handoffs")
                .then().statusCode(202).extract().jsonPath().getString("id");
        // Taken over once: the next repeat is a replay of that handoff, not a third claim.
        given().header("X-API-Key", KEY).header("Idempotency-Key", key).contentType("application/json").body(wifi())
                .when().post("/api/v1/handoffs")
                .then().statusCode(202).header("Idempotent-Replayed", "true").body("id", equalTo(id));
        var record = QuarkusTransaction.requiringNew().call(() -> idempotency.findById(
                new IdempotencyRecord.Key(ApiKeys.digestHex(KEY), key)));
        assertThat(record.state).isEqualTo(IdempotencyRecord.State.COMPLETED);
        assertThat(record.handoffId).isEqualTo(id);
    }

    @Test
    void processRuleRefusalFailsTheHandoffNamingTheRule() throws Exception {
        HandoffStubs.layoutOk(DownstreamStubs.server);
        HandoffStubs.shieldingOk(DownstreamStubs.server);
        HandoffStubs.openApi(DownstreamStubs.server);
        DownstreamStubs.server.stubFor(post(urlEqualTo("/api/v1/recipes")).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"/problems/process-rule\",\"title\":\"Process rule violated\",\"status\":422,"
                        + "\"detail\":\"Brass does not release copper (claims 4-5).\",\"rule\":\"ADHESION_MATRIX\"}")));

        String id = submit(wifi()).then().statusCode(202).extract().jsonPath().getString("id");
        JsonPath done = awaitStatus(id, Set.of("SUCCEEDED", "FAILED"), 20_000);

        assertThat(done.getString("status")).isEqualTo("FAILED");
        assertThat(done.getString("reportId")).isEqualTo("E-1");
        assertThat(done.getString("errors[0].step")).isEqualTo("recipe");
        assertThat(done.getInt("errors[0].status")).isEqualTo(422);
        assertThat(done.getString("errors[0].rule")).isEqualTo("ADHESION_MATRIX");
        given().header("X-API-Key", KEY).when().get("/api/v1/handoffs/" + id + "/bundle").then().statusCode(409);
    }

    @Test
    void recipeVersionRaceIsRetriedNotFailed() throws Exception {
        // recipe-service answers 409 when a concurrent compile of the same design took the version
        // number; its contract says "retry", and the handoff must then succeed, not fail.
        HandoffStubs.allOk(DownstreamStubs.server);
        String race = "{\"type\":\"about:blank\",\"title\":\"Conflict\",\"status\":409,"
                + "\"detail\":\"Another request stored version 2 of 'wifi-fem-4x6' at the same time; retry the request.\"}";
        DownstreamStubs.server.stubFor(post(urlEqualTo("/api/v1/recipes")).inScenario("race")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("lost once")
                .willReturn(aResponse().withStatus(409).withHeader("Content-Type", "application/problem+json").withBody(race)));
        DownstreamStubs.server.stubFor(post(urlEqualTo("/api/v1/recipes")).inScenario("race")
                .whenScenarioStateIs("lost once").willReturn(HandoffStubs.json(201,
                        "{\"id\":\"R-1\",\"version\":3,\"status\":\"DRAFT\",\"contentHash\":\"ab\",\"unitProcedures\":[]}")));

        String id = submit(wifi()).then().statusCode(202).extract().jsonPath().getString("id");
        JsonPath done = awaitStatus(id, Set.of("SUCCEEDED", "FAILED"), 20_000);

        assertThat(done.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(done.getString("recipeId")).isEqualTo("R-1");
        DownstreamStubs.server.verify(2, creating("/api/v1/recipes", id, "recipe"));
    }

    @Test
    void handoffWaitsWhileAServiceIsDownAndCompletesWhenItReturns() throws Exception {
        HandoffStubs.allOk(DownstreamStubs.server);
        // layout-service is down: every connection is reset.
        DownstreamStubs.server.stubFor(post(urlEqualTo("/api/v1/layouts"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        String id = submit(wifi()).then().statusCode(202).extract().jsonPath().getString("id");
        JsonPath waiting = awaitFirstFailedAttempt(id);
        assertThat(waiting.getString("status")).isEqualTo("RUNNING");
        assertThat(waiting.getString("lastError")).startsWith("layout:");

        // The service comes back.
        HandoffStubs.layoutOk(DownstreamStubs.server);
        JsonPath done = awaitStatus(id, Set.of("SUCCEEDED", "FAILED"), 30_000);
        assertThat(done.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(done.getInt("attempts")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void anAttemptAfterTheArtefactsWereMadeFetchesTheirDocumentsAndAsksForTheVersions() throws Exception {
        HandoffStubs.allOk(DownstreamStubs.server);
        // The first attempt makes layout, report and recipe, then finds layout-service down for the GDSII file.
        DownstreamStubs.server.stubFor(get(urlEqualTo("/api/v1/layouts/L-1/gds"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        String id = submit(wifi()).then().statusCode(202).extract().jsonPath().getString("id");
        JsonPath waiting = awaitFirstFailedAttempt(id);
        assertThat(waiting.getString("recipeId")).isEqualTo("R-1");
        assertThat(waiting.getString("lastError")).startsWith("bundle:");

        HandoffStubs.layoutOk(DownstreamStubs.server);
        JsonPath done = awaitStatus(id, Set.of("SUCCEEDED", "FAILED"), 30_000);
        assertThat(done.getString("status")).isEqualTo("SUCCEEDED");
        // Nothing was made twice; a later attempt read the three documents and asked each service its version.
        DownstreamStubs.server.verify(1, creating("/api/v1/layouts", id, "layout"));
        DownstreamStubs.server.verify(1, creating("/api/v1/shielding/evaluations", id, "shielding"));
        DownstreamStubs.server.verify(1, creating("/api/v1/recipes", id, "recipe"));
        for (String document : List.of("/api/v1/layouts/L-1", "/api/v1/shielding/evaluations/E-1", "/api/v1/recipes/R-1")) {
            DownstreamStubs.server.verify(WireMock.moreThanOrExactly(1), getRequestedFor(urlEqualTo(document)));
        }
        JsonNode manifest = MAPPER.readTree(unzip(given().header("X-API-Key", KEY)
                .when().get("/api/v1/handoffs/" + id + "/bundle").asByteArray()).get("manifest.json"));
        for (String service : List.of("layout-service", "shielding-service", "recipe-service")) {
            assertThat(manifest.path("serviceVersions").path(service).asText()).as(service).isEqualTo("1.0.0");
        }
    }

    @Test
    void signedWebhookIsDeliveredAndItsSignatureVerifies() throws Exception {
        HandoffStubs.allOk(DownstreamStubs.server);
        DownstreamStubs.server.stubFor(post(urlEqualTo("/hooks/fab")).willReturn(aResponse().withStatus(204)));
        String callback = DownstreamStubs.server.baseUrl() + "/hooks/fab";
        String envelope = "{\"design\":" + wifi() + ",\"callbackUrl\":\"" + callback + "\"}";
        // this key's only secret (overlap PT0S ends any earlier one at once)
        String secret = WebhookSecretsTest.create(KEY, "PT0S").getString("secret");

        String id = submit(envelope).then().statusCode(202).body("callbackUrl", equalTo(callback))
                .extract().jsonPath().getString("id");
        awaitStatus(id, Set.of("SUCCEEDED"), 20_000);

        long deadline = System.currentTimeMillis() + 10_000;
        List<LoggedRequest> hooks;
        do {
            Thread.sleep(100);
            hooks = DownstreamStubs.server.findAll(postRequestedFor(urlEqualTo("/hooks/fab")));
        } while (hooks.isEmpty() && System.currentTimeMillis() < deadline);
        assertThat(hooks).hasSize(1);
        LoggedRequest hook = hooks.get(0);
        String msgId = hook.getHeader("webhook-id");
        long timestamp = Long.parseLong(hook.getHeader("webhook-timestamp"));
        String body = hook.getBodyAsString();
        // Verify as a receiver would, with the key's secret (independent HMAC computation).
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())),
                "HmacSHA256"));
        String expected = "v1," + Base64.getEncoder().encodeToString(
                mac.doFinal((msgId + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        assertThat(hook.getHeader("webhook-signature")).isEqualTo(expected);
        assertThat(new WebhookSigner(secret).signature(msgId, timestamp, body)).isEqualTo(expected);
        assertThat(Math.abs(Instant.now().getEpochSecond() - timestamp)).isLessThan(60);
        JsonNode payload = MAPPER.readTree(body);
        assertThat(payload.path("type").asText()).isEqualTo("handoff.succeeded");
        assertThat(payload.path("data").path("id").asText()).isEqualTo(id);

        JsonPath after = awaitWebhook(id);
        assertThat(after.getString("webhook.state")).isEqualTo("DELIVERED");
        // The last attempt is the one the receiver answered. An earlier one may have failed before it reached the
        // receiver (a kept-alive connection to the stub server that its reset between tests closed): recorded
        // without a status, and retried, as a receiver's outage would be.
        Object deliveries = after.getList("webhook.deliveries");
        assertThat(after.getInt("webhook.deliveries[-1].statusCode")).as("deliveries %s", deliveries).isEqualTo(204);
        List<Object> earlierStatuses = after.getList("webhook.deliveries.statusCode");
        assertThat(earlierStatuses.subList(0, earlierStatuses.size() - 1)).as("deliveries %s", deliveries)
                .allMatch(java.util.Objects::isNull, "no status");
    }

    private JsonPath awaitWebhook(String id) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        JsonPath view;
        do {
            Thread.sleep(100);
            view = given().header("X-API-Key", KEY).when().get("/api/v1/handoffs/" + id).jsonPath();
        } while (!"DELIVERED".equals(view.getString("webhook.state")) && System.currentTimeMillis() < deadline);
        return view;
    }

    @Test
    void callbacksToInternalAddressesAreRefused() throws IOException {
        for (String url : List.of("http://10.0.0.7/hook", "http://169.254.169.254/latest/meta-data", "ftp://example.org/x")) {
            given().header("X-API-Key", KEY).contentType("application/json").queryParam("callbackUrl", url).body(wifi())
                    .when().post("/api/v1/handoffs")
                    .then().statusCode(400).body("violations.field", hasItem("callbackUrl"));
        }
    }

    @Test
    void oversizedDesignIs413() {
        byte[] big = new byte[1024 * 1024 + 10];
        Arrays.fill(big, (byte) ' ');
        given().header("X-API-Key", KEY).contentType("application/json").body(big)
                .when().post("/api/v1/handoffs")
                .then().statusCode(413).contentType("application/problem+json").body("status", equalTo(413));
    }

    @Test
    void listPagesWithLimitAndCursorPerApiKey() throws IOException {
        String apiKey = "second-test-key-abcdef";
        for (int i = 0; i < 3; i++) {
            given().header("X-API-Key", apiKey).contentType("application/json").body(wifi())
                    .when().post("/api/v1/handoffs").then().statusCode(202);
        }
        JsonPath page1 = given().header("X-API-Key", apiKey).queryParam("limit", 2).when().get("/api/v1/handoffs")
                .then().statusCode(200).extract().jsonPath();
        List<String> first = page1.getList("items.id");
        assertThat(first).hasSize(2);
        String cursor = page1.getString("nextCursor");
        assertThat(cursor).isNotBlank();
        JsonPath page2 = given().header("X-API-Key", apiKey).queryParam("limit", 2).queryParam("cursor", cursor)
                .when().get("/api/v1/handoffs").then().statusCode(200).extract().jsonPath();
        List<String> second = page2.getList("items.id");
        assertThat(second).isNotEmpty().doesNotContainAnyElementsOf(first);
        given().header("X-API-Key", apiKey).queryParam("cursor", "not-a-cursor").when().get("/api/v1/handoffs")
                .then().statusCode(400).body("violations[0].field", equalTo("cursor"));
        given().header("X-API-Key", apiKey).queryParam("limit", 0).when().get("/api/v1/handoffs").then().statusCode(400);
        // Another key's handoff is invisible.
        String mine = first.get(0);
        given().header("X-API-Key", KEY).when().get("/api/v1/handoffs/" + mine).then().statusCode(404);
    }

    @Test
    void unknownIdIs404AndATraversalIsRefusedWithoutEchoingIt() {
        given().header("X-API-Key", KEY).when().get("/api/v1/handoffs/0b3e8a52-5a43-4b55-9d0e-3d6f1b0e7c21")
                .then().statusCode(404);
        // an encoded path is not written plainly: refused before any routing (security/RequestPath)
        given().header("X-API-Key", KEY).when().get("/api/v1/handoffs/..%2F..%2Fetc%2Fpasswd")
                .then().statusCode(400).body(Matchers.not(containsString("/etc/passwd")));
    }

    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }
}
