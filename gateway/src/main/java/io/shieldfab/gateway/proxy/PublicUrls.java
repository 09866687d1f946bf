package io.shieldfab.gateway.proxy;

import io.shieldfab.gateway.config.GatewayConfig;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;

/**
 * The gateway's own addresses in {@code Location} headers: {@code shieldfab.public-base-url} when configured, else
 * the scheme and authority the request reached this gateway at. A service's internal address never leaves the
 * gateway (docs/architecture.md, "Ownership").
 */
@ApplicationScoped
public class PublicUrls {

    private final String configuredBase;

    public PublicUrls(GatewayConfig config) {
        this.configuredBase = config.publicBaseUrl().map(String::trim).filter(s -> !s.isEmpty())
                .map(PublicUrls::withoutTrailingSlash).orElse(null);
    }

    /** {@code pathAndQuery} (starting with '/') on the gateway's public base. */
    public String of(String pathAndQuery, HttpServerRequest request) {
        return base(request) + pathAndQuery;
    }

    /** A service's Location (absolute or not) moved onto the gateway's public base; only its path and query are kept. */
    public String rewrite(String location, HttpServerRequest request) {
        URI uri;
        try {
            uri = URI.create(location);
        } catch (IllegalArgumentException e) {
            return location;
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return of(uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery(), request);
    }

    private String base(HttpServerRequest request) {
        if (configuredBase != null) {
            return configuredBase;
        }
        String host = request.getHeader("Host");
        if (host == null || host.isBlank()) {
            host = request.localAddress().host() + ":" + request.localAddress().port();
        }
        return request.scheme() + "://" + host;
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
