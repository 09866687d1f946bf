package io.shieldfab.gateway;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * Stands in for layout-service with WireMock on a dynamic port; shielding-service points at a
 * closed port to exercise the "service down" path; recipe-service at the same stub.
 */
public class DownstreamStubs implements QuarkusTestResourceLifecycleManager {

    static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        String url = "http://127.0.0.1:" + server.port();
        return Map.of(
                "shieldfab.services.layout", url,
                "shieldfab.services.recipe", url,
                // Port 9 (discard) is not served here: connections are refused.
                "shieldfab.services.shielding", "http://127.0.0.1:9");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
