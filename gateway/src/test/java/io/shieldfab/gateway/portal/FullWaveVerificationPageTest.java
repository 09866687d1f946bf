package io.shieldfab.gateway.portal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.shieldfab.gateway.DownstreamStubs;
import io.shieldfab.gateway.config.GatewayConfig;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The handoff page's full-wave verification section (docs/portal.md, "Full-wave verification"): shown once a handoff
 * has a shielding report, its button a form post guarded like the portal's others, and the newest run of
 * shielding-service's list in each of its states. The handoff is the recorded one with a report id of its own, so the
 * shielding-service stubs of this class answer for it alone.
 */
@QuarkusTest
@QuarkusTestResource(DownstreamStubs.class)
class FullWaveVerificationPageTest {

    private static final String REPORT_ID = "E-fullwave-" + UUID.randomUUID();
    private static final String RUNS = "/api/v1/shielding/evaluations/" + REPORT_ID + "/verifications";
    private static final Pattern SUBMISSION = Pattern.compile("name=\"submission\" value=\"([^\"]+)\"");

    /** The SUCCEEDED handoff of {@link PortalTest#KEY} whose report is {@link #REPORT_ID}; made by the first test. */
    private static String handoffId;

    @Inject
    GatewayConfig config;

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    @BeforeEach
    void recordedServices() throws Exception {
        RecordedServices.install(config, circuitBreakers);
        if (handoffId == null) {
            ObjectNode report = (ObjectNode) RecordedServices.MAPPER.readTree(RecordedServices.bytes("shielding-report.json"));
            RecordedServices.answerShielding(config, report.put("id", REPORT_ID));
            handoffId = handOff(PortalTest.KEY, "SUCCEEDED");
            // later handoffs get the recorded report again
            RecordedServices.install(config, circuitBreakers);
        }
    }

    @Test
    void theButtonAppearsOnceTheHandoffHasAReport() throws Exception {
        String session = PortalTest.session(PortalTest.KEY);
        // The layout service answers after 3 s: a handoff just submitted has no report yet.
        String fresh = submit(PortalTest.KEY);
        String early = page(session, fresh);
        assertThat(given().header("X-API-Key", PortalTest.KEY).when().get("/api/v1/handoffs/" + fresh)
                .then().statusCode(200).extract().jsonPath().getString("reportId")).isNull();
        assertThat(early).doesNotContain("Verify with openEMS", "id=\"full-wave\"");

        stubRuns(runs());
        String reported = page(session, handoffId);
        assertThat(reported).contains("<h2 id=\"full-wave-heading\">Full-wave verification</h2>", "No verification yet.",
                "<form method=\"post\" action=\"/handoffs/" + handoffId + "/verifications\">",
                "id=\"verify-button\" name=\"pulse\" value=\"BROADBAND\">Verify with openEMS</button>",
                "id=\"verify-operating-button\" name=\"pulse\" value=\"OPERATING_FREQUENCY\">Verify at the operating "
                        + "frequency</button>",
                "name=\"csrf\" value=\"" + PortalTest.csrf(session) + "\"");
    }

    @Test
    void theButtonStartsARunOfTheHandoffsReportAndComesBack() {
        DownstreamStubs.server.stubFor(post(urlEqualTo(RUNS)).willReturn(json(202, run("QUEUED").toString())));
        stubRuns(runs());
        String session = PortalTest.session(PortalTest.KEY);
        String page = page(session, handoffId);
        String submission = submission(page);

        form(session, PortalTest.csrf(session), submission).post("/handoffs/" + handoffId + "/verifications")
                .then().statusCode(303).header("Location", Matchers.endsWith("/handoffs/" + handoffId + "#full-wave"));
        RequestPatternBuilder started = postRequestedFor(urlEqualTo(RUNS))
                .withHeader("Idempotency-Key", equalTo("portal-verification-" + submission)).withRequestBody(equalToJson("{}"));
        DownstreamStubs.server.verify(1, started);
        // The same form sent again (a double click) carries the same key: shielding-service starts one run for both.
        form(session, PortalTest.csrf(session), submission).post("/handoffs/" + handoffId + "/verifications")
                .then().statusCode(303);
        DownstreamStubs.server.verify(2, started);
    }

    @Test
    void theOperatingFrequencyButtonAsksForThePulseCentredThere() {
        DownstreamStubs.server.stubFor(post(urlEqualTo(RUNS)).willReturn(json(202, run("QUEUED").toString())));
        stubRuns(runs());
        String session = PortalTest.session(PortalTest.KEY);
        String submission = submission(page(session, handoffId));

        form(session, PortalTest.csrf(session), submission).formParam("pulse", "OPERATING_FREQUENCY")
                .post("/handoffs/" + handoffId + "/verifications").then().statusCode(303);
        DownstreamStubs.server.verify(1, postRequestedFor(urlEqualTo(RUNS))
                .withHeader("Idempotency-Key", equalTo("portal-verification-" + submission))
                .withRequestBody(equalToJson("{\"pulse\": \"OPERATING_FREQUENCY\"}")));
        // the broadband button, or a pulse the portal does not know, asks for the standard run
        String other = submission(page(session, handoffId));
        form(session, PortalTest.csrf(session), other).formParam("pulse", "NARROW")
                .post("/handoffs/" + handoffId + "/verifications").then().statusCode(303);
        DownstreamStubs.server.verify(1, postRequestedFor(urlEqualTo(RUNS))
                .withHeader("Idempotency-Key", equalTo("portal-verification-" + other)).withRequestBody(equalToJson("{}")));

        // the run says which pulse drove it
        stubRuns(runs(run("QUEUED").put("pulse", "OPERATING_FREQUENCY")));
        assertThat(page(session, handoffId)).contains("<span id=\"verification-pulse\">pulse centred on the operating "
                + "frequency</span>");
        stubRuns(runs(run("QUEUED")));
        assertThat(page(session, handoffId)).contains("<span id=\"verification-pulse\">broadband pulse</span>");
    }

    @Test
    void postsWithoutTheSessionTokenOrForAnotherKeysHandoffNeverReachShieldingService() throws Exception {
        DownstreamStubs.server.stubFor(post(urlPathMatching("/api/v1/shielding/evaluations/[^/]+/verifications"))
                .willReturn(json(202, run("QUEUED").toString())));
        String others = handOff(PortalTest.OTHER_KEY, "SUCCEEDED");
        int before = startedRuns();
        String session = PortalTest.session(PortalTest.KEY);
        String csrf = PortalTest.csrf(session);

        form(session, csrf, UUID.randomUUID().toString()).post("/handoffs/" + others + "/verifications").then().statusCode(404);
        form(session, "forged", UUID.randomUUID().toString()).post("/handoffs/" + handoffId + "/verifications")
                .then().statusCode(403);
        form(session, csrf, UUID.randomUUID().toString()).header("Sec-Fetch-Site", "cross-site")
                .post("/handoffs/" + handoffId + "/verifications").then().statusCode(403);
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded").formParam("csrf", csrf)
                .post("/handoffs/" + handoffId + "/verifications").then().statusCode(303)
                .header("Location", Matchers.endsWith("/sign-in"));
        assertThat(startedRuns()).isEqualTo(before);
    }

    @Test
    void aSucceededRunShowsEachCheckedFrequencyItsWarningsAndWhatTheVerdictRestsOn() {
        ObjectNode newest = run("SUCCEEDED").put("finishedAt", "2026-03-02T10:41:07Z").put("verdictRestsOn", "ANALYTIC");
        ObjectNode result = newest.putObject("result").put("simulatedTimeNs", 3.2).put("canRingDownDb", -23.5)
                .put("ringDownComplete", false);
        ArrayNode frequencies = result.putArray("frequencies");
        frequencies.addObject().put("harmonic", 1).put("frequencyHz", 28e9).put("analyticSeDb", 41.26)
                .put("fullwaveSeDb", 38.14).put("differenceDb", -3.12).put("weakestProbe", "x+");
        // No field reached a probe at 84 GHz: the run cannot measure the SE there.
        frequencies.addObject().put("harmonic", 3).put("frequencyHz", 84e9).put("analyticSeDb", 12.5)
                .putNull("fullwaveSeDb").putNull("differenceDb").putNull("weakestProbe");
        result.putArray("curve").addObject().put("frequencyHz", 28e9).put("fullwaveSeDb", 38.14);
        result.putObject("can").put("timesteps", 200000).put("lastReportedEnergyDb", -31.2).put("seconds", 412.5);
        result.putArray("warnings").add("the can's field outside was still 23.5 dB below its peak")
                .add("one mesh of 1234567 cells: the verdict rests on the analytic rules");
        stubRuns(runs(newest, run("FAILED").put("failureReason", "an older run")));

        String page = page(PortalTest.session(PortalTest.KEY), handoffId);
        assertThat(page).contains("id=\"verification-status\">SUCCEEDED<", "Requested 2026-03-02 10:15:30 UTC",
                "finished 2026-03-02 10:41:07 UTC", "mesh of 1,234,567 cells",
                "<th scope=\"row\">1</th><td>28 GHz</td><td class=\"num\">41.3</td><td class=\"num\">38.1</td>"
                        + "<td class=\"num\">-3.1</td><td><code>x+</code></td>",
                "<th scope=\"row\">3</th><td>84 GHz</td><td class=\"num\">12.5</td><td class=\"num\">—</td>"
                        + "<td class=\"num\">—</td>",
                "<li>the can&#39;s field outside was still 23.5 dB below its peak</li>",
                "<li>one mesh of 1234567 cells: the verdict rests on the analytic rules</li>",
                "The verdict rests on the analytic rules",
                // the chart's URL names the run, so a browser fetches the chart with its full-wave curve afresh
                "/handoffs/" + handoffId + "/chart.svg?verification=" + newest.path("id").asText())
                .doesNotContain("an older run", "hx-get=\"/handoffs/" + handoffId + "/verifications\"",
                        // a run without a ring-down tail has no column for it
                        "Ring-down tail",
                        // nor, without a lower bound, a word on the rounding floor
                        "rounding floor", "<td class=\"num\">≥");
    }

    /** A SUCCEEDED run of the coarse Wi-Fi (1.95 ns, ring-down cut off), its frequencies to be added. */
    private ObjectNode wifiRun() {
        ObjectNode newest = run("SUCCEEDED").put("verdictRestsOn", "ANALYTIC");
        newest.putObject("result").put("simulatedTimeNs", 1.95).put("ringDownComplete", false).putArray("frequencies");
        return newest;
    }

    /** One checked frequency's figures, as shielding-service gives them. */
    private static ObjectNode figure(ArrayNode frequencies, int harmonic, double frequencyHz, double analyticSeDb,
                                     double fullwaveSeDb, String weakestProbe) {
        return frequencies.addObject().put("harmonic", harmonic).put("frequencyHz", frequencyHz)
                .put("analyticSeDb", analyticSeDb).put("fullwaveSeDb", fullwaveSeDb)
                .put("differenceDb", fullwaveSeDb - analyticSeDb).put("weakestProbe", weakestProbe);
    }

    @Test
    void aFigureOnTheRoundingFloorIsShownAsALowerBound() {
        ObjectNode newest = wifiRun();
        ArrayNode frequencies = (ArrayNode) newest.path("result").path("frequencies");
        // the coarse Wi-Fi run's first two harmonics: 0.34 dB above the floor (a lower bound), 16.2 dB (a value)
        figure(frequencies, 1, 2.45e9, 50.0, 72.38, "E_xmin").put("aboveFloorDb", 0.34).put("lowerBound", true);
        figure(frequencies, 2, 4.9e9, 42.1, 73.42, "E_xmax").put("aboveFloorDb", 16.2).put("lowerBound", false);
        stubRuns(runs(newest));

        String page = page(PortalTest.session(PortalTest.KEY), handoffId);
        assertThat(page).contains("<td class=\"num\">≥ 72.4</td><td class=\"num\">≥ 22.4</td>",
                "<td class=\"num\">73.4</td><td class=\"num\">31.3</td>",
                "≥ where the can's field lies within 10 dB of the solver's rounding floor: a lower bound");
    }

    @Test
    void aRunCompletedByARingDownTailSaysWhichFiguresHaveSettled() {
        ObjectNode newest = wifiRun();
        ArrayNode frequencies = (ArrayNode) newest.path("result").path("frequencies");
        // within 3 dB of the figure completed at the earlier cut: settled; 5.24 dB: not; no check made: unchecked
        figure(frequencies, 5, 12.25e9, 36.1, 81.39, "E_xmin").put("truncatedSeDb", 73.85).put("tailSpreadDb", 0.36)
                .put("tailSettled", true);
        figure(frequencies, 3, 7.35e9, 40.5, 83.48, "E_xmin").put("truncatedSeDb", 75.59).put("tailSpreadDb", 5.24)
                .put("tailSettled", false);
        figure(frequencies, 1, 2.45e9, 50.0, 72.38, "E_xmin").put("truncatedSeDb", 61.24).putNull("tailSpreadDb")
                .putNull("tailSettled");
        stubRuns(runs(newest));

        String page = page(PortalTest.session(PortalTest.KEY), handoffId);
        assertThat(page).contains("<th scope=\"col\">Ring-down tail</th>",
                "<td><code>E_xmin</code></td><td>settled, ±0.4 dB</td>",
                "<td><code>E_xmin</code></td><td>not settled, ±5.2 dB</td>",
                "<td><code>E_xmin</code></td><td>unchecked</td>");
    }

    @Test
    void aFailedRunShowsItsReasonEscaped() {
        stubRuns(runs(run("FAILED").put("failureReason", "<script>alert('leak')</script> over the cell budget")));
        String page = page(PortalTest.session(PortalTest.KEY), handoffId);
        assertThat(page).contains("id=\"verification-status\">FAILED<", "The verification failed: "
                        + "&lt;script&gt;alert(&#39;leak&#39;)&lt;/script&gt; over the cell budget")
                .doesNotContain("<script>alert", "id=\"verification-frequencies\"");
    }

    @Test
    void aRunningRunSaysSoAndTheSectionAsksAgainUntilItHasFinished() {
        ObjectNode older = run("SUCCEEDED");
        older.putObject("result").putArray("frequencies");
        stubRuns(runs(run("RUNNING").put("startedAt", "2026-03-02T10:16:00Z"), older));
        String session = PortalTest.session(PortalTest.KEY);
        String page = page(session, handoffId);
        assertThat(page).contains("id=\"verification-status\">RUNNING<", "openEMS is running. This section updates by itself.",
                "hx-get=\"/handoffs/" + handoffId + "/verifications\"", "<meta http-equiv=\"refresh\"",
                // the chart still shows the newest run that has a curve
                "chart.svg?verification=" + older.path("id").asText(),
                // a second click would queue a second run of the same mesh: the button waits for this one
                "id=\"verify-button\" name=\"pulse\" value=\"BROADBAND\" disabled aria-describedby=\"verification-running\"",
                "id=\"verify-operating-button\" name=\"pulse\" value=\"OPERATING_FREQUENCY\" disabled")
                .doesNotContain("id=\"verification-frequencies\"");

        Response running = given().cookie(SessionTokens.COOKIE, session).header("HX-Request", "true")
                .when().get("/handoffs/" + handoffId + "/verifications");
        assertThat(running.statusCode()).isEqualTo(200);
        assertThat(running.header("HX-Refresh")).isNull();
        assertThat(running.asString().strip()).startsWith("<section").contains("openEMS is running.").doesNotContain("<html");

        stubRuns(runs(run("FAILED").put("failureReason", "the solver diverged")));
        given().cookie(SessionTokens.COOKIE, session).header("HX-Request", "true")
                .when().get("/handoffs/" + handoffId + "/verifications").then().statusCode(200).header("HX-Refresh", "true");
    }

    @Test
    void withShieldingServiceDownTheSectionSaysSoAndThePageStillRenders() {
        DownstreamStubs.server.stubFor(get(urlEqualTo(RUNS)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        String session = PortalTest.session(PortalTest.KEY);
        String page = page(session, handoffId);
        assertThat(page).contains("The shielding service cannot list the verifications just now", "Verify with openEMS",
                "id=\"layout\"", "id=\"findings\"");

        DownstreamStubs.server.stubFor(post(urlEqualTo(RUNS)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        String refused = form(session, PortalTest.csrf(session), submission(page)).post("/handoffs/" + handoffId + "/verifications")
                .then().statusCode(503).extract().asString();
        assertThat(refused).contains("The shielding service cannot start a verification just now");
    }

    private static String submit(String key) throws Exception {
        byte[] design = Files.readAllBytes(PortalTest.EXAMPLES.resolve("mmwave-28g.yaml"));
        return given().header("X-API-Key", key).contentType("application/yaml").body(design)
                .when().post("/api/v1/handoffs").then().statusCode(202).extract().jsonPath().getString("id");
    }

    private static String handOff(String key, String wanted) throws Exception {
        String id = submit(key);
        long deadline = System.currentTimeMillis() + 30_000;
        String status = "";
        while (System.currentTimeMillis() < deadline && !status.equals("SUCCEEDED") && !status.equals("FAILED")) {
            Thread.sleep(200);
            status = given().header("X-API-Key", key).when().get("/api/v1/handoffs/" + id)
                    .then().statusCode(200).extract().jsonPath().getString("status");
        }
        assertThat(status).isEqualTo(wanted);
        return id;
    }

    private static String page(String session, String id) {
        return given().cookie(SessionTokens.COOKIE, session).when().get("/handoffs/" + id)
                .then().statusCode(200).extract().asString();
    }

    private static String submission(String page) {
        Matcher m = SUBMISSION.matcher(page.substring(page.indexOf("id=\"full-wave\"")));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static RequestSpecification form(String session, String csrf, String submission) {
        return given().redirects().follow(false).cookie(SessionTokens.COOKIE, session)
                .contentType("application/x-www-form-urlencoded").formParam("csrf", csrf).formParam("submission", submission)
                .when();
    }

    private static int startedRuns() {
        return DownstreamStubs.server.findAll(postRequestedFor(urlPathMatching("/api/v1/shielding/evaluations/[^/]+/verifications")))
                .size();
    }

    /** A run of {@link #REPORT_ID} in {@code status}, as shielding-service shows it (null fields left out). */
    private static ObjectNode run(String status) {
        String id = UUID.randomUUID().toString();
        ObjectNode run = RecordedServices.MAPPER.createObjectNode().put("id", id).put("evaluationId", REPORT_ID)
                .put("status", status).put("createdAt", "2026-03-02T10:15:30Z").put("attempts", 1);
        run.putObject("mesh").put("cellsPerWavelength", 20).put("cellsPerOpening", 2).put("cells", 1234567);
        run.putObject("links").put("self", RUNS + "/" + id).put("evaluation", "/api/v1/shielding/evaluations/" + REPORT_ID)
                .put("model", "/api/v1/shielding/evaluations/" + REPORT_ID + "/fullwave-model");
        return run;
    }

    private static ObjectNode runs(ObjectNode... newestFirst) {
        ObjectNode list = RecordedServices.MAPPER.createObjectNode();
        ArrayNode items = list.putArray("items");
        for (ObjectNode run : newestFirst) {
            items.add(run);
        }
        return list;
    }

    private static void stubRuns(ObjectNode list) {
        DownstreamStubs.server.stubFor(get(urlEqualTo(RUNS)).willReturn(json(200, list.toString())));
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }
}
