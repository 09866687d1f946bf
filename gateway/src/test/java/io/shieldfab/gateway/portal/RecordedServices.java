package io.shieldfab.gateway.portal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * The three services as WireMock stubs answering with their REAL outputs for
 * {@code examples/designs/wifi-fem-2g4.json}, recorded by {@code src/test/resources/portal/record.sh}
 * (layout JSON/SVG/GDSII/DXF, shielding report and chart, recipe and traveler HTML/PDF), so the
 * portal's pages and screenshots show what users will see. The layout answers after a short delay,
 * so a handoff is visibly RUNNING for a moment.
 */
public class RecordedServices implements QuarkusTestResourceLifecycleManager {

    static final String DIR = "portal/recorded/";
    static final ObjectMapper MAPPER = new ObjectMapper();

    static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        stubAll(server);
        String url = "http://127.0.0.1:" + server.port();
        return Map.of("shieldfab.services.layout", url, "shieldfab.services.shielding", url, "shieldfab.services.recipe", url);
    }

    static void stubAll(WireMockServer wm) {
        String layout = id("layout.json");
        String report = id("shielding-report.json");
        String recipe = id("recipe.json");
        wm.stubFor(post(urlEqualTo("/api/v1/layouts")).willReturn(file(201, "layout.json", "application/json").withFixedDelay(1200)));
        wm.stubFor(get(urlEqualTo("/api/v1/layouts/" + layout)).willReturn(file(200, "layout.json", "application/json")));
        wm.stubFor(get(urlEqualTo("/api/v1/layouts/" + layout + "/svg")).willReturn(file(200, "layout.svg", "image/svg+xml")));
        wm.stubFor(get(urlEqualTo("/api/v1/layouts/" + layout + "/gds")).willReturn(file(200, "layout.gds", "application/octet-stream")));
        wm.stubFor(get(urlEqualTo("/api/v1/layouts/" + layout + "/dxf")).willReturn(file(200, "layout.dxf", "image/vnd.dxf")));
        wm.stubFor(post(urlEqualTo("/api/v1/shielding/evaluations")).willReturn(file(201, "shielding-report.json", "application/json")));
        wm.stubFor(get(urlEqualTo("/api/v1/shielding/evaluations/" + report)).willReturn(file(200, "shielding-report.json", "application/json")));
        wm.stubFor(get(urlEqualTo("/api/v1/shielding/evaluations/" + report + "/chart.svg")).willReturn(file(200, "chart.svg", "image/svg+xml")));
        wm.stubFor(post(urlEqualTo("/api/v1/recipes")).willReturn(file(201, "recipe.json", "application/json")));
        wm.stubFor(get(urlEqualTo("/api/v1/recipes/" + recipe)).willReturn(file(200, "recipe.json", "application/json")));
        wm.stubFor(get(urlEqualTo("/api/v1/recipes/" + recipe + "/traveler")).withHeader("Accept", containing("text/html"))
                .willReturn(file(200, "traveler.html", "text/html; charset=UTF-8")));
        wm.stubFor(get(urlEqualTo("/api/v1/recipes/" + recipe + "/traveler")).withHeader("Accept", containing("application/pdf"))
                .willReturn(file(200, "traveler.pdf", "application/pdf")));
        wm.stubFor(get(urlPathEqualTo("/q/openapi")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"info\":{\"version\":\"1.0.0\"}}")));
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

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
