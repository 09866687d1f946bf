package io.shieldfab.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.shieldfab.gateway.repository.HandoffRepository;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItems;

/**
 * A handoff that asks for a full-wave verification (docs/api-guide.md, "Submit a handoff"): it queues the run once its report
 * exists, waits for it without failing or counting attempts, and its bundle carries the model and the run, listed in
 * the manifest with their hashes; a FAILED run is bundled with its reason; a wrong mesh is refused at submission.
 */
@QuarkusTest
@QuarkusTestResource(DownstreamStubs.class)
class FullwaveHandoffTest {

    private static final String RUNS = "/api/v1/shielding/evaluations/E-1/verifications";
    private static final byte[] MODEL = "PK\u0003\u0004 openEMS model of the test".getBytes(StandardCharsets.ISO_8859_1);

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    @Inject
    HandoffRepository handoffs;

    /** As HandoffTest: no handoff of an earlier test still at work, an empty request journal, the services answering. */
    @BeforeEach
    void reset() throws InterruptedException {
        HandoffTest.quiesce(handoffs, circuitBreakers);
        HandoffStubs.allOk(DownstreamStubs.server);
    }

    private static String run(String id, String status, String more) {
        return "{\"id\":\"" + id + "\",\"evaluationId\":\"E-1\",\"status\":\"" + status + "\","
                + "\"mesh\":{\"cellsPerWavelength\":30,\"cellsPerOpening\":3}" + more + "}";
    }

    private static String envelope(String fullwave) throws Exception {
        ObjectNode body = HandoffTest.MAPPER.createObjectNode();
        body.set("design", HandoffTest.MAPPER.readTree(HandoffTest.wifi()));
        body.set("fullwaveVerification", HandoffTest.MAPPER.readTree(fullwave));
        return body.toString();
    }

    /** The run queued as V-1, RUNNING at the first look, {@code finished} at the next; the model on the mesh asked for. */
    private static void verificationAnswers(String finished) {
        DownstreamStubs.server.stubFor(post(urlEqualTo(RUNS)).willReturn(HandoffStubs.json(202, run("V-1", "QUEUED", ""))));
        DownstreamStubs.server.stubFor(get(urlEqualTo(RUNS + "/V-1")).inScenario("run").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(HandoffStubs.json(200, run("V-1", "RUNNING", ""))).willSetStateTo("finished"));
        DownstreamStubs.server.stubFor(get(urlEqualTo(RUNS + "/V-1")).inScenario("run").whenScenarioStateIs("finished")
                .willReturn(HandoffStubs.json(200, finished)));
        DownstreamStubs.server.stubFor(get(urlEqualTo("/api/v1/shielding/evaluations/E-1/fullwave-model"
                + "?cellsPerWavelength=30&cellsPerOpening=3"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/zip").withBody(MODEL)));
    }

    @Test
    void theHandoffWaitsForItsRunAndItsBundleCarriesTheModelAndTheResult() throws Exception {
        String succeeded = run("V-1", "SUCCEEDED", ",\"verdictRestsOn\":\"ANALYTIC\",\"result\":{\"frequencies\":"
                + "[{\"harmonic\":1,\"frequencyHz\":2.45E9,\"analyticSeDb\":50.0,\"fullwaveSeDb\":61.24,"
                + "\"differenceDb\":11.24,\"weakestProbe\":\"E_xmin\"}],\"warnings\":[]}");
        verificationAnswers(succeeded);

        String id = HandoffTest.submit(envelope("{\"cellsPerWavelength\":30,\"cellsPerOpening\":3}")).then().statusCode(202)
                .body("fullwaveVerification.cellsPerWavelength", org.hamcrest.Matchers.equalTo(30))
                .body("fullwaveVerification.pulse", org.hamcrest.Matchers.equalTo("BROADBAND"))
                .extract().jsonPath().getString("id");
        JsonPath done = HandoffTest.awaitStatus(id, Set.of("SUCCEEDED", "FAILED"), 20_000);
        assertThat(done.getString("status")).as(done.prettify()).isEqualTo("SUCCEEDED");
        // Waiting on the run is neither a failed attempt nor an error.
        assertThat(done.getInt("attempts")).isZero();
        assertThat(done.getString("fullwaveVerification.verificationId")).isEqualTo("V-1");
        assertThat(done.getString("fullwaveVerification.verification")).isEqualTo(RUNS + "/V-1");

        // queued once, repeat-safe, on the mesh asked for; looked at until it had finished
        DownstreamStubs.server.verify(1, postRequestedFor(urlEqualTo(RUNS))
                .withHeader("Idempotency-Key", WireMock.equalTo("handoff-" + id + "-fullwave"))
                .withRequestBody(equalToJson("{\"cellsPerWavelength\":30,\"cellsPerOpening\":3}")));
        assertThat(DownstreamStubs.server.findAll(getRequestedFor(urlEqualTo(RUNS + "/V-1")))).hasSizeGreaterThanOrEqualTo(2);

        Map<String, byte[]> files = HandoffTest.unzip(given().header("X-API-Key", HandoffTest.KEY)
                .when().get("/api/v1/handoffs/" + id + "/bundle").then().statusCode(200).extract().asByteArray());
        assertThat(files.keySet()).containsExactly("design.json", "layout.json", "layout.gds", "layout.dxf", "layout.svg",
                "shielding-report.json", "recipe.json", "traveler.html", "traveler.pdf", "fullwave-model.zip",
                "fullwave-verification.json", "manifest.json");
        assertThat(files.get("fullwave-model.zip")).isEqualTo(MODEL);
        assertThat(new String(files.get("fullwave-verification.json"), StandardCharsets.UTF_8)).isEqualTo(succeeded);
        JsonNode manifest = HandoffTest.MAPPER.readTree(files.get("manifest.json"));
        assertThat(manifest.path("files")).hasSize(11);
        for (JsonNode file : manifest.path("files")) {
            byte[] content = files.get(file.path("name").asText());
            assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)))
                    .as(file.path("name").asText()).isEqualTo(file.path("sha256").asText());
        }
    }

    @Test
    void aHandoffCanAskForThePulseCentredOnTheOperatingFrequency() throws Exception {
        String succeeded = run("V-1", "SUCCEEDED", ",\"pulse\":\"OPERATING_FREQUENCY\",\"verdictRestsOn\":\"ANALYTIC\","
                + "\"result\":{\"frequencies\":[{\"harmonic\":1,\"frequencyHz\":2.45E9,\"analyticSeDb\":50.0,"
                + "\"fullwaveSeDb\":117.88,\"differenceDb\":67.83,\"weakestProbe\":\"E_xmax\",\"lowerBound\":true}],"
                + "\"warnings\":[]}");
        verificationAnswers(succeeded);
        DownstreamStubs.server.stubFor(get(urlEqualTo("/api/v1/shielding/evaluations/E-1/fullwave-model"
                + "?cellsPerWavelength=20&cellsPerOpening=2&pulse=OPERATING_FREQUENCY"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/zip").withBody(MODEL)));

        String id = HandoffTest.submit(envelope("{\"pulse\":\"OPERATING_FREQUENCY\"}")).then().statusCode(202)
                .body("fullwaveVerification.pulse", org.hamcrest.Matchers.equalTo("OPERATING_FREQUENCY"))
                .body("fullwaveVerification.cellsPerWavelength", org.hamcrest.Matchers.equalTo(20))
                .extract().jsonPath().getString("id");
        JsonPath done = HandoffTest.awaitStatus(id, Set.of("SUCCEEDED", "FAILED"), 20_000);
        assertThat(done.getString("status")).as(done.prettify()).isEqualTo("SUCCEEDED");
        DownstreamStubs.server.verify(1, postRequestedFor(urlEqualTo(RUNS)).withRequestBody(
                equalToJson("{\"cellsPerWavelength\":20,\"cellsPerOpening\":2,\"pulse\":\"OPERATING_FREQUENCY\"}")));
        Map<String, byte[]> files = HandoffTest.unzip(given().header("X-API-Key", HandoffTest.KEY)
                .when().get("/api/v1/handoffs/" + id + "/bundle").then().statusCode(200).extract().asByteArray());
        // the model of the run: the one driven by the same pulse
        assertThat(files.get("fullwave-model.zip")).isEqualTo(MODEL);
        assertThat(new String(files.get("fullwave-verification.json"), StandardCharsets.UTF_8)).isEqualTo(succeeded);

        HandoffTest.submit(envelope("{\"pulse\":\"NARROW\"}")).then().statusCode(400)
                .body("violations.field", hasItems("fullwaveVerification.pulse"));
    }

    @Test
    void aFailedRunIsBundledWithItsReasonAndTheHandoffStillSucceeds() throws Exception {
        String failed = run("V-1", "FAILED", ",\"failureReason\":\"the solver ran past the time limit of 30 min\"");
        verificationAnswers(failed);

        String id = HandoffTest.submit(envelope("{\"cellsPerWavelength\":30,\"cellsPerOpening\":3}")).then().statusCode(202)
                .extract().jsonPath().getString("id");
        JsonPath done = HandoffTest.awaitStatus(id, Set.of("SUCCEEDED", "FAILED"), 20_000);
        assertThat(done.getString("status")).as(done.prettify()).isEqualTo("SUCCEEDED");
        Map<String, byte[]> files = HandoffTest.unzip(given().header("X-API-Key", HandoffTest.KEY)
                .when().get("/api/v1/handoffs/" + id + "/bundle").then().statusCode(200).extract().asByteArray());
        assertThat(HandoffTest.MAPPER.readTree(files.get("fullwave-verification.json")).path("failureReason").asText())
                .isEqualTo("the solver ran past the time limit of 30 min");
        assertThat(files.get("fullwave-model.zip")).isEqualTo(MODEL);
    }

    @Test
    void aWrongMeshIsRefusedAtSubmissionNamingEachField() throws Exception {
        HandoffTest.submit(envelope("{\"cellsPerWavelength\":10,\"cellsPerOpening\":2.5,\"source\":\"magnetic\"}"))
                .then().statusCode(400).body("violations.field", hasItems("fullwaveVerification.cellsPerWavelength",
                        "fullwaveVerification.cellsPerOpening", "fullwaveVerification.source"));
        HandoffTest.submit(envelope("true")).then().statusCode(400)
                .body("violations.field", hasItems("fullwaveVerification"));
        // nothing was stored, nothing was asked of shielding-service
        DownstreamStubs.server.verify(0, anyRequestedFor(urlPathMatching("/api/v1/shielding/.*")));
    }

    @Test
    void withoutTheFieldNoRunIsQueuedAndTheBundleIsAsBefore() throws Exception {
        String id = HandoffTest.submit(HandoffTest.wifi()).then().statusCode(202).extract().jsonPath().getString("id");
        JsonPath done = HandoffTest.awaitStatus(id, Set.of("SUCCEEDED", "FAILED"), 20_000);
        assertThat(done.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(done.getString("fullwaveVerification")).isNull();
        DownstreamStubs.server.verify(0, anyRequestedFor(urlPathMatching(RUNS + ".*")));
        DownstreamStubs.server.verify(0, anyRequestedFor(urlPathMatching(".*/fullwave-model.*")));
    }
}
