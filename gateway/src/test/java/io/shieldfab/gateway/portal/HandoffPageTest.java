package io.shieldfab.gateway.portal;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.shieldfab.gateway.DownstreamStubs;
import io.shieldfab.gateway.config.GatewayConfig;
import io.shieldfab.gateway.repository.HandoffFactsRepository;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page of a SUCCEEDED handoff shows the facts stored when it finished (docs/architecture.md, "Handoff
 * pipeline"), with the weakest frequency as shielding-service's report names it.
 */
@QuarkusTest
@QuarkusTestResource(DownstreamStubs.class)
class HandoffPageTest {

    @Inject
    GatewayConfig config;

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    @Inject
    HandoffFactsRepository facts;

    @BeforeEach
    void recordedServices() {
        RecordedServices.install(config, circuitBreakers);
    }

    @Test
    void aSucceededHandoffsPageShowsItsStoredFacts() throws Exception {
        byte[] design = Files.readAllBytes(PortalTest.EXAMPLES.resolve("mmwave-28g.yaml"));
        String id = given().header("X-API-Key", PortalTest.KEY).contentType("application/yaml").body(design)
                .when().post("/api/v1/handoffs").then().statusCode(202).extract().jsonPath().getString("id");
        long deadline = System.currentTimeMillis() + 30_000;
        String status = "";
        while (System.currentTimeMillis() < deadline && !status.equals("SUCCEEDED") && !status.equals("FAILED")) {
            Thread.sleep(200);
            status = given().header("X-API-Key", PortalTest.KEY).when().get("/api/v1/handoffs/" + id)
                    .then().statusCode(200).extract().jsonPath().getString("status");
        }
        assertThat(status).isEqualTo("SUCCEEDED");

        String session = PortalTest.session(PortalTest.KEY);
        String page = given().cookie(SessionTokens.COOKIE, session).when().get("/handoffs/" + id)
                .then().statusCode(200).extract().asString();
        // The recorded report of mmwave-28g.yaml: the four pads' 5.19 mm seams give nothing from the fundamental up, so
        // the weakest is harmonic 1 at 0 dB; its window is the single opening 0.015 mm (the 5 µm filler needs 0.015 mm,
        // the shielding allows at most 0.015 mm at 84 GHz), where the aperture fix lands.
        assertThat(page).contains("The weakest shielding is 0 dB at 28 GHz (harmonic 1).", "APERTURE_SHIELDING",
                "SEAM_SHIELDING", "Opening window 0.015 to 0.015 mm: the fill needs openings of at least"
                        + " 0.015 mm, the shielding allows at most 0.015 mm at 84 GHz.",
                "Recipe version", "Plating current", "Sites", "traveler.pdf", "manifest.json", "layout-drawing");
        // Its report has no verification run yet; the section offers one.
        assertThat(page).contains("Full-wave verification", "No verification yet.", "Verify with openEMS");

        // A handoff that finished before facts were stored still shows its verdict and its downloads.
        QuarkusTransaction.requiringNew().run(() -> facts.deleteById(id));
        String older = given().cookie(SessionTokens.COOKIE, session).when().get("/handoffs/" + id)
                .then().statusCode(200).extract().asString();
        assertThat(older).contains("Shielding verdict FAIL.", "manifest.json").doesNotContain("APERTURE_SHIELDING");
    }
}
