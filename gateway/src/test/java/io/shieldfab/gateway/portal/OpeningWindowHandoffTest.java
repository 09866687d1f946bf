package io.shieldfab.gateway.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.shieldfab.gateway.DownstreamStubs;
import io.shieldfab.gateway.config.GatewayConfig;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The opening window of a handoff (docs/shielding.md, "Opening window"): carried from the shielding report to the
 * handoff view, its summary, the bundle's manifest and the portal's drawing. The services are the recorded ones
 * with the shielding report answering as shielding-service does for each example (its figures are worked out in
 * shielding-service's ShieldingEvaluatorTest).
 */
@QuarkusTest
@QuarkusTestResource(DownstreamStubs.class)
class OpeningWindowHandoffTest {

    @Inject
    GatewayConfig config;

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    /**
     * The recorded report with the verdict, openings, window and OPENING_WINDOW finding shielding-service gives
     * the example; installed as the shielding service's answer.
     */
    private void shieldingAnswers(String verdict, double lengthMm, double heightMm, double minMm, double maxMm,
                                  boolean empty, double maxFrequencyHz) throws Exception {
        RecordedServices.install(config, circuitBreakers);
        ObjectNode report = (ObjectNode) RecordedServices.MAPPER.readTree(RecordedServices.bytes("shielding-report.json"));
        report.put("verdict", verdict).put("maxOpeningMm", maxMm).put("fillMinOpeningMm", minMm);
        ((ObjectNode) report.get("geometry")).put("openingLengthMm", lengthMm).put("openingHeightMm", heightMm);
        report.putObject("openingWindow").put("minMm", minMm).put("maxMm", maxMm).put("empty", empty)
                .put("maxFrequencyHz", maxFrequencyHz);
        ArrayNode findings = report.putArray("findings");
        if (empty) {
            findings.addObject().put("rule", "OPENING_WINDOW").put("severity", "FAIL")
                    .put("message", "The opening window is empty: the fill needs pathways of at least 0.07500 mm (3 ×"
                            + " the 25 µm filler top cut), the shielding allows at most 0.02600 mm at 84.00 GHz.")
                    .put("fix", "Use a compound with a filler top cut of at most 8.666 µm (encapsulation.fillerTopCutUm).")
                    .put("fixField", "encapsulation.fillerTopCutUm").put("fixValue", 8.666);
        }
        RecordedServices.answerShielding(config, report);
    }

    private static JsonPath handOff(String example) throws Exception {
        byte[] design = Files.readAllBytes(PortalTest.EXAMPLES.resolve(example));
        String type = example.endsWith(".yaml") ? "application/yaml" : "application/json";
        String id = given().header("X-API-Key", PortalTest.KEY).contentType(type).body(design)
                .when().post("/api/v1/handoffs").then().statusCode(202).extract().jsonPath().getString("id");
        long deadline = System.currentTimeMillis() + 30_000;
        JsonPath view = null;
        String status = "";
        while (System.currentTimeMillis() < deadline && !status.equals("SUCCEEDED") && !status.equals("FAILED")) {
            Thread.sleep(200);
            view = given().header("X-API-Key", PortalTest.KEY).when().get("/api/v1/handoffs/" + id)
                    .then().statusCode(200).extract().jsonPath();
            status = view.getString("status");
        }
        assertThat(status).isEqualTo("SUCCEEDED");
        return view;
    }

    private static JsonNode manifest(String id) throws Exception {
        byte[] zip = given().header("X-API-Key", PortalTest.KEY).when().get("/api/v1/handoffs/" + id + "/bundle")
                .then().statusCode(200).extract().asByteArray();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (e.getName().equals("manifest.json")) {
                    return RecordedServices.MAPPER.readTree(in.readAllBytes());
                }
            }
        }
        throw new AssertionError("no manifest.json in the bundle of " + id);
    }

    @Test
    void theCoarseFillerHandoffFailsOnItsEmptyWindowNamingBothLimits() throws Exception {
        // Fill ≥ 3 × 25 µm = 0.075 mm; shielding ≤ 0.026 mm at 84 GHz (harmonic 3 of 28 GHz); 0.075 > 0.026: empty.
        shieldingAnswers("FAIL", 0.026, 0.026, 0.075, 0.026, true, 84e9);
        JsonPath view = handOff("mmwave-28g-coarse-filler.yaml");
        String id = view.getString("id");
        assertThat(view.getString("verdict")).isEqualTo("FAIL");
        assertThat(view.getBoolean("openingWindow.empty")).isTrue();
        assertThat(view.getDouble("openingWindow.minMm")).isCloseTo(0.075, within(1e-12));
        assertThat(view.getDouble("openingWindow.maxMm")).isCloseTo(0.026, within(1e-12));
        assertThat(view.getString("summary")).isEqualTo("Shielding FAIL. The opening window is empty: the fill needs"
                + " openings of at least 0.075 mm, the shielding allows at most 0.026 mm at 84 GHz.");

        JsonNode manifest = manifest(id);
        assertThat(manifest.path("verdict").asText()).isEqualTo("FAIL");
        assertThat(manifest.path("openingWindow").path("empty").asBoolean()).isTrue();
        assertThat(manifest.path("openingWindow").path("minMm").asDouble()).isCloseTo(0.075, within(1e-12));
        assertThat(manifest.path("openingWindow").path("maxMm").asDouble()).isCloseTo(0.026, within(1e-12));

        String page = given().cookie(SessionTokens.COOKIE, PortalTest.session(PortalTest.KEY))
                .when().get("/handoffs/" + id).then().statusCode(200).extract().asString();
        // The drawing of PortalFormattingTest: the red gap from x 156.0, 294.0 wide, on a 0.1 mm scale.
        assertThat(page).contains("id=\"opening-window\"", "class=\"window-gap\" x=\"156.0\" y=\"46\" width=\"294.0\"",
                "fill ≥ 0.075 mm", "shielding ≤ 0.026 mm", "0.1 mm", "OPENING_WINDOW",
                "smallest dimension 0.026 mm (dashed line), largest 0.026 mm");
    }

    @Test
    void theWifiHandoffHasAnOpenWindow() throws Exception {
        // Fill ≥ 0.10 × (9.1006897/15)^¼ = 0.0882564 mm (the flow of the 6-site chain); shielding ≤ 0.178 mm at
        // 12.25 GHz (harmonic 5); the 0.15 × 0.10 mm troughs lie inside.
        shieldingAnswers("PASS", 0.15, 0.10, 0.0882564, 0.178, false, 12.25e9);
        JsonPath view = handOff("wifi-fem-2g4.json");
        assertThat(view.getString("verdict")).isEqualTo("PASS");
        assertThat(view.getBoolean("openingWindow.empty")).isFalse();
        assertThat(view.getDouble("openingWindow.minMm")).isCloseTo(0.0882564, within(1e-12));
        assertThat(view.getDouble("openingWindow.maxMm")).isCloseTo(0.178, within(1e-12));
        assertThat(view.getString("summary")).isEqualTo("Shielding PASS. Opening window 0.08826 to 0.178 mm: the fill"
                + " needs openings of at least 0.08826 mm, the shielding allows at most 0.178 mm at 12.25 GHz.");
        assertThat(manifest(view.getString("id")).path("openingWindow").path("empty").asBoolean(true)).isFalse();
        String page = given().cookie(SessionTokens.COOKIE, PortalTest.session(PortalTest.KEY))
                .when().get("/handoffs/" + view.getString("id")).then().statusCode(200).extract().asString();
        assertThat(page).contains("class=\"window-open\" x=\"211.8\" y=\"46\" width=\"215.4\"",
                "smallest dimension 0.1 mm (dashed line), largest 0.15 mm");
    }
}
