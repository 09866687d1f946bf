package io.shieldfab.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Gateway settings (prefix {@code shieldfab}); defaults documented in application.properties. */
@ConfigMapping(prefix = "shieldfab")
public interface GatewayConfig {

    /** Data folder of the embedded database (and of anything else kept on disk locally). */
    @WithName("data-dir")
    String dataDir();

    /** Accepted API keys (from {@code SHIELDFAB_API_KEYS}, comma-separated). */
    @WithName("api-keys")
    Optional<List<String>> apiKeys();

    /** Base URLs of the downstream services. */
    Services services();

    /** Timeouts of the forwarding route. */
    Proxy proxy();

    interface Services {
        /** layout-service base URL, e.g. {@code http://127.0.0.1:8081}. */
        String layout();

        /** shielding-service base URL. */
        String shielding();

        /** recipe-service base URL. */
        String recipe();
    }

    interface Proxy {
        /** Time to open a connection to a downstream service. */
        @WithDefault("2s")
        Duration connectTimeout();

        /** Longest silence on a downstream connection before the call is failed. */
        @WithDefault("60s")
        Duration idleTimeout();
    }
}
