package io.shieldfab.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.shieldfab.gateway.security.ApiKeys;
import io.shieldfab.gateway.service.HandoffOutcome;
import io.shieldfab.gateway.service.HandoffService;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a finished handoff stores for the portal (docs/architecture.md, "Handoff pipeline"), and who the services
 * are told made the request.
 */
@QuarkusTest
@QuarkusTestResource(DownstreamStubs.class)
class HandoffFactsTest {

    static final String OWNER = ApiKeys.digestHex(HandoffTest.KEY);

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    @Inject
    HandoffService handoffs;

    @BeforeEach
    void reset() {
        DownstreamStubs.server.resetAll();
        circuitBreakers.resetAll();
    }

    @Test
    void aFinishedHandoffStoresTheFactsItsBundleShowsWithTheWeakestFrequencyTheReportNames() throws Exception {
        HandoffStubs.allOk(DownstreamStubs.server);
        String report = """
                {"id":"E-1","verdict":"WARN","minShieldingDb":40.0,
                 "frequencies":[{"harmonic":1,"frequencyHz":2.45e9,"wavelengthMm":61.2,"totalSeDb":55.5,"status":"PASS"},
                                {"harmonic":3,"frequencyHz":7.35e9,"wavelengthMm":20.4,"totalSeDb":41.2,"status":"WARN"}],
                 "findings":[{"rule":"APERTURE_SHIELDING","severity":"WARN","message":"close","fix":"smaller openings"}],
                 "weakest":{"harmonic":3,"frequencyHz":7.35e9,"totalSeDb":41.2,"marginDb":1.2}}""";
        DownstreamStubs.server.stubFor(post(urlEqualTo("/api/v1/shielding/evaluations")).willReturn(HandoffStubs.json(201, report)));
        DownstreamStubs.server.stubFor(get(urlEqualTo("/api/v1/shielding/evaluations/E-1")).willReturn(HandoffStubs.json(200, report)));

        String id = HandoffTest.submit(HandoffTest.wifi()).then().statusCode(202).extract().jsonPath().getString("id");
        JsonPath done = HandoffTest.awaitStatus(id, Set.of("SUCCEEDED", "FAILED"), 20_000);
        assertThat(done.getString("status")).isEqualTo("SUCCEEDED");

        HandoffOutcome outcome = handoffs.outcomeForOwner(OWNER, id).orElseThrow();
        assertThat(outcome.shielding().verdict()).isEqualTo("WARN");
        assertThat(outcome.shielding().weakest().harmonic()).isEqualTo(3);
        assertThat(outcome.shielding().weakest().marginDb()).isEqualTo(1.2);
        assertThat(outcome.shielding().frequencies()).hasSize(2);
        assertThat(outcome.layout().siteCount()).isEqualTo(24);
        assertThat(outcome.layout().metrics().openingCount()).isEqualTo(288);
        assertThat(outcome.recipe().version()).isEqualTo(1);
        assertThat(outcome.files()).extracting(HandoffOutcome.BundledFile::name).containsExactly("design.json",
                "layout.json", "layout.gds", "layout.dxf", "layout.svg", "shielding-report.json", "recipe.json",
                "traveler.html", "traveler.pdf");
        assertThat(outcome.bundleSizeBytes()).isPositive();
        // another key sees none of it
        assertThat(handoffs.outcomeForOwner(ApiKeys.digestHex(ForwardingTest.OTHER_KEY), id)).isEmpty();

        // every call of the handoff's work names the key that submitted it, as the forwarded API does
        String name = "key:" + OWNER.substring(0, 12);
        for (String path : new String[]{"/api/v1/layouts", "/api/v1/shielding/evaluations", "/api/v1/recipes"}) {
            DownstreamStubs.server.verify(1, postRequestedFor(urlEqualTo(path)).withHeader("X-User", equalTo(name)));
        }
    }

    @Test
    void aReportWithoutWeakestStoresNoneAndTheGatewayDoesNotWorkItOut() throws Exception {
        HandoffStubs.allOk(DownstreamStubs.server);
        String report = """
                {"id":"E-1","verdict":"PASS","frequencies":[{"harmonic":1,"frequencyHz":2.45e9,"totalSeDb":55.5,"status":"PASS"}],
                 "findings":[]}""";
        DownstreamStubs.server.stubFor(post(urlEqualTo("/api/v1/shielding/evaluations")).willReturn(HandoffStubs.json(201, report)));
        DownstreamStubs.server.stubFor(get(urlEqualTo("/api/v1/shielding/evaluations/E-1")).willReturn(HandoffStubs.json(200, report)));

        String id = HandoffTest.submit(HandoffTest.wifi()).then().statusCode(202).extract().jsonPath().getString("id");
        assertThat(HandoffTest.awaitStatus(id, Set.of("SUCCEEDED", "FAILED"), 20_000).getString("status")).isEqualTo("SUCCEEDED");
        HandoffOutcome outcome = handoffs.outcomeForOwner(OWNER, id).orElseThrow();
        assertThat(outcome.shielding().weakest()).isNull();
        assertThat(outcome.shielding().frequencies()).hasSize(1);
    }
}
