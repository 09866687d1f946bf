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
 * with the shielding report answering as shielding-service does for each example (verdict, openings, window and
 * OPENING_WINDOW finding as the running services give them; the examples' own comments work them out).
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
                            + " the 25 µm filler top cut), the shielding allows at most 0.01500 mm at 84.00 GHz.")
                    .put("fix", "Use a compound with a filler top cut of at most 5 µm (encapsulation.fillerTopCutUm):"
                            + " the filler rule then allows openings down to 0.01500 mm, so openings of 0.01500 mm both fill"
                            + " and shield.")
                    .put("fixField", "encapsulation.fillerTopCutUm").put("fixValue", 5.0);
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
        // Fill ≥ 3 × 25 µm = 0.075 mm; shielding ≤ 0.015 mm at 84 GHz (harmonic 3 of 28 GHz, the top of its FCC 15.33(a)
        // range); 0.075 > 0.015: empty. The troughs are at the shielding limit, 0.015 × 0.015 mm.
        shieldingAnswers("FAIL", 0.015, 0.015, 0.075, 0.015, true, 84e9);
        JsonPath view = handOff("mmwave-28g-coarse-filler.yaml");
        String id = view.getString("id");
        assertThat(view.getString("verdict")).isEqualTo("FAIL");
        assertThat(view.getBoolean("openingWindow.empty")).isTrue();
        assertThat(view.getDouble("openingWindow.minMm")).isCloseTo(0.075, within(1e-12));
        assertThat(view.getDouble("openingWindow.maxMm")).isCloseTo(0.015, within(1e-12));
        assertThat(view.getString("summary")).isEqualTo("Shielding FAIL. The opening window is empty: the fill needs"
                + " openings of at least 0.075 mm, the shielding allows at most 0.015 mm at 84 GHz.");

        JsonNode manifest = manifest(id);
        assertThat(manifest.path("verdict").asText()).isEqualTo("FAIL");
        assertThat(manifest.path("openingWindow").path("empty").asBoolean()).isTrue();
        assertThat(manifest.path("openingWindow").path("minMm").asDouble()).isCloseTo(0.075, within(1e-12));
        assertThat(manifest.path("openingWindow").path("maxMm").asDouble()).isCloseTo(0.015, within(1e-12));

        String page = given().cookie(SessionTokens.COOKIE, PortalTest.session(PortalTest.KEY))
                .when().get("/handoffs/" + id).then().statusCode(200).extract().asString();
        // Scale 1.2 × 0.075 = 0.09 → 0.1 mm; x = 600 × v / 0.1: the red gap from x 90.0 (0.015 mm) to 450.0 (0.075 mm).
        assertThat(page).contains("id=\"opening-window\"", "class=\"window-gap\" x=\"90.0\" y=\"46\" width=\"360.0\"",
                "fill ≥ 0.075 mm", "shielding ≤ 0.015 mm", "0.1 mm", "OPENING_WINDOW", "at most 5 µm",
                "smallest dimension 0.015 mm (dashed line), largest 0.015 mm");
    }

    @Test
    void theWifiHandoffHasAnOpenWindow() throws Exception {
        // Fill ≥ 3 × 15 µm = 0.045 mm (the filler; a gate at every site, so no chain limits the flow); shielding
        // ≤ 0.057 mm at 24.5 GHz (harmonic 10, the top of an intentional radiator's FCC 15.33(a) range); the
        // 0.057 × 0.057 mm troughs lie inside, at the shielding edge.
        shieldingAnswers("PASS", 0.057, 0.057, 0.045, 0.057, false, 24.5e9);
        JsonPath view = handOff("wifi-fem-2g4.json");
        assertThat(view.getString("verdict")).isEqualTo("PASS");
        assertThat(view.getBoolean("openingWindow.empty")).isFalse();
        assertThat(view.getDouble("openingWindow.minMm")).isCloseTo(0.045, within(1e-12));
        assertThat(view.getDouble("openingWindow.maxMm")).isCloseTo(0.057, within(1e-12));
        assertThat(view.getString("summary")).isEqualTo("Shielding PASS. Opening window 0.045 to 0.057 mm: the fill"
                + " needs openings of at least 0.045 mm, the shielding allows at most 0.057 mm at 24.5 GHz.");
        assertThat(manifest(view.getString("id")).path("openingWindow").path("empty").asBoolean(true)).isFalse();
        String page = given().cookie(SessionTokens.COOKIE, PortalTest.session(PortalTest.KEY))
                .when().get("/handoffs/" + view.getString("id")).then().statusCode(200).extract().asString();
        // Scale 1.2 × 0.057 = 0.0684 → 0.1 mm: the green window from x 270.0 (0.045 mm) to 342.0 (0.057 mm).
        assertThat(page).contains("class=\"window-open\" x=\"270.0\" y=\"46\" width=\"72.0\"",
                "smallest dimension 0.057 mm (dashed line), largest 0.057 mm");
    }
}
