package io.shieldfab.gateway;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * Stands in for the three services with one WireMock server on a dynamic port (their paths do not
 * overlap). A service "down" is simulated with a connection-reset fault on its paths.
 */
public class DownstreamStubs implements QuarkusTestResourceLifecycleManager {

    public static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        String url = "http://127.0.0.1:" + server.port();
        return Map.of(
                "shieldfab.services.layout", url,
                "shieldfab.services.recipe", url,
                "shieldfab.services.shielding", url);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
