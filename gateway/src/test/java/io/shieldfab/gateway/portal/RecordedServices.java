package io.shieldfab.gateway.portal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.shieldfab.gateway.config.GatewayConfig;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * The three services as WireMock stubs answering with their REAL outputs for
 * {@code examples/designs/mmwave-28g.yaml}, recorded by {@code src/test/resources/portal/record.sh}
 * (layout JSON/SVG/GDSII/DXF, shielding report and chart, recipe and traveler HTML/PDF), so the
 * portal's pages and screenshots show what users will see. They are installed on the gateway
 * tests' one WireMock server ({@code DownstreamStubs}, a test resource of every gateway test), found
 * through the configured service URL. The layout answers after a short delay, so a handoff is
 * visibly RUNNING for a moment.
 */
final class RecordedServices {

    static final String DIR = "portal/recorded/";
    static final ObjectMapper MAPPER = new ObjectMapper();

    /** How long the layout service takes: long enough to see a handoff at work, short enough for a test. */
    static final int LAYOUT_DELAY_MS = 3000;

    private RecordedServices() {
    }

    /**
     * Replaces the stubs of the gateway tests' WireMock server with the recorded services, and closes
     * the circuit breakers an earlier test may have opened.
     */
    static void install(GatewayConfig config,
                        CircuitBreakerMaintenance circuitBreakers) {
        circuitBreakers.resetAll();
        URI uri = URI.create(config.services().layout());
        WireMock wm = new WireMock(uri.getHost(), uri.getPort());
        // No reset: the newest stub wins in WireMock, and a handoff still running from an earlier test
        // keeps finding its services.
        stubAll(wm);
    }

    static void stubAll(WireMock wm) {
        String layout = id("layout.json");
        String report = id("shielding-report.json");
        String recipe = id("recipe.json");
        wm.register(post(urlEqualTo("/api/v1/layouts")).willReturn(file(201, "layout.json", "application/json").withFixedDelay(LAYOUT_DELAY_MS)));
        wm.register(get(urlEqualTo("/api/v1/layouts/" + layout)).willReturn(file(200, "layout.json", "application/json")));
        wm.register(get(urlEqualTo("/api/v1/layouts/" + layout + "/svg")).willReturn(file(200, "layout.svg", "image/svg+xml")));
        wm.register(get(urlEqualTo("/api/v1/layouts/" + layout + "/gds")).willReturn(file(200, "layout.gds", "application/octet-stream")));
        wm.register(get(urlEqualTo("/api/v1/layouts/" + layout + "/dxf")).willReturn(file(200, "layout.dxf", "image/vnd.dxf")));
        wm.register(post(urlEqualTo("/api/v1/shielding/evaluations")).willReturn(file(201, "shielding-report.json", "application/json")));
        wm.register(get(urlEqualTo("/api/v1/shielding/evaluations/" + report)).willReturn(file(200, "shielding-report.json", "application/json")));
        wm.register(get(urlEqualTo("/api/v1/shielding/evaluations/" + report + "/chart.svg")).willReturn(file(200, "chart.svg", "image/svg+xml")));
        // What shielding-service answers for a report nobody has verified yet; a test stubs a report's own runs.
        wm.register(get(urlPathMatching("/api/v1/shielding/evaluations/[^/]+/verifications")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"items\":[]}")));
        wm.register(post(urlEqualTo("/api/v1/recipes")).willReturn(file(201, "recipe.json", "application/json")));
        wm.register(get(urlEqualTo("/api/v1/recipes/" + recipe)).willReturn(file(200, "recipe.json", "application/json")));
        wm.register(get(urlEqualTo("/api/v1/recipes/" + recipe + "/traveler")).withHeader("Accept", containing("text/html"))
                .willReturn(file(200, "traveler.html", "text/html; charset=UTF-8")));
        wm.register(get(urlEqualTo("/api/v1/recipes/" + recipe + "/traveler")).withHeader("Accept", containing("application/pdf"))
                .willReturn(file(200, "traveler.pdf", "application/pdf")));
        wm.register(get(urlPathEqualTo("/q/openapi")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"info\":{\"version\":\"1.0.0\"}}")));
    }

    /**
     * Makes the shielding stub answer a create and a read with {@code report} (its {@code id}): a recorded report
     * changed by a test, e.g. given a weakest frequency or an opening window.
     */
    static void answerShielding(GatewayConfig config, ObjectNode report) throws IOException {
        String body = MAPPER.writeValueAsString(report);
        URI uri = URI.create(config.services().shielding());
        WireMock wm = new WireMock(uri.getHost(), uri.getPort());
        String path = "/api/v1/shielding/evaluations";
        wm.register(post(urlEqualTo(path)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(body)));
        wm.register(get(urlEqualTo(path + "/" + report.path("id").asText())).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    static byte[] bytes(String name) {
        try (InputStream in = RecordedServices.class.getClassLoader().getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("missing recording " + DIR + name + "; run src/test/resources/portal/record.sh");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String id(String name) {
        try {
            return MAPPER.readTree(bytes(name)).path("id").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ResponseDefinitionBuilder file(int status, String name, String type) {
        return aResponse().withStatus(status).withHeader("Content-Type", type).withBody(bytes(name));
    }
}
