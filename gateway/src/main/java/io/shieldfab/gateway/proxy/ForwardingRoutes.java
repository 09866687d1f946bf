package io.shieldfab.gateway.proxy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.shieldfab.design.Problem;
import io.shieldfab.gateway.config.GatewayConfig;
import io.shieldfab.gateway.rest.Problems;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Re-exposes the three services' APIs under the same paths on the gateway (API.md). A plain
 * forwarding route rather than typed clients: every endpoint of a service is reachable the moment
 * the service has it, bodies and responses (GDSII, PDF) stream through without being buffered,
 * and status codes and problem documents pass through unchanged.
 */
@ApplicationScoped
public class ForwardingRoutes {

    private static final Logger LOG = Logger.getLogger(ForwardingRoutes.class);

    /** After the API-key filter, before the JAX-RS resources. */
    static final int ORDER = -100;

    /** Largest request body forwarded: service bodies carry a design plus a layout, both small. */
    static final long MAX_BODY_BYTES = 4L * 1024 * 1024;

    /** Hop-by-hop headers (RFC 9110 §7.6.1) and the gateway's own credential never travel downstream. */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "x-api-key");

    private final GatewayConfig config;
    private final ObjectMapper mapper;
    private final HttpClient client;

    public ForwardingRoutes(GatewayConfig config, ObjectMapper mapper, Vertx vertx) {
        this.config = config;
        this.mapper = mapper;
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.proxy().connectTimeout().toMillis())
                .setKeepAlive(true)
                .setMaxPoolSize(32));
    }

    void register(@Observes Router router) {
        GatewayConfig.Services services = config.services();
        route(router, "/api/v1/layouts", "layout-service", services.layout());
        route(router, "/api/v1/shielding", "shielding-service", services.shielding());
        route(router, "/api/v1/recipes", "recipe-service", services.recipe());
    }

    private void route(Router router, String prefix, String serviceName, String baseUrl) {
        URI base = URI.create(baseUrl);
        Target target = new Target(serviceName, base.getHost(), base.getPort() < 0 ? 80 : base.getPort());
        for (String path : new String[]{prefix, prefix + "/*"}) {
            // Vert.x reads (and size-limits) the body before the forwarding handler runs.
            router.route(path).order(ORDER).handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES));
            router.route(path).order(ORDER).handler(ctx -> forward(ctx, target));
        }
    }

    record Target(String serviceName, String host, int port) {
    }

    private void forward(RoutingContext ctx, Target target) {
        HttpServerRequest in = ctx.request();
        Buffer payload = ctx.body().buffer() == null ? Buffer.buffer() : ctx.body().buffer();
        Future.succeededFuture(payload).compose(ignored -> {
            RequestOptions options = new RequestOptions()
                    .setMethod(in.method())
                    .setHost(target.host())
                    .setPort(target.port())
                    .setURI(in.uri())
                    .setIdleTimeout(config.proxy().idleTimeout().toMillis());
            copyHeaders(in.headers(), options);
            options.putHeader("X-Forwarded-For", in.remoteAddress() == null ? "" : in.remoteAddress().host());
            options.putHeader("X-Forwarded-Proto", in.scheme());
            return client.request(options).compose(out -> out.send(payload));
        }).onSuccess(response -> relay(ctx, response))
          .onFailure(error -> unavailable(ctx, target, error));
    }

    private static void copyHeaders(MultiMap headers, RequestOptions options) {
        headers.forEach(header -> {
            if (!NOT_FORWARDED.contains(header.getKey().toLowerCase(Locale.ROOT))
                    && !header.getKey().equalsIgnoreCase("content-length")) {
                options.addHeader(header.getKey(), header.getValue());
            }
        });
    }

    private void relay(RoutingContext ctx, HttpClientResponse response) {
        var out = ctx.response();
        out.setStatusCode(response.statusCode());
        response.headers().forEach(header -> {
            if (!NOT_FORWARDED.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                out.headers().add(header.getKey(), header.getValue());
            }
        });
        if (!response.headers().contains("Content-Length")) {
            out.setChunked(true);
        }
        response.pipeTo(out).onFailure(error -> {
            LOG.warnf("Relaying a response from %s failed: %s", ctx.request().path(), error.getMessage());
            out.reset();
        });
    }

    private void unavailable(RoutingContext ctx, Target target, Throwable error) {
        LOG.warnf("%s is unreachable at %s:%d: %s", target.serviceName(), target.host(), target.port(), error.getMessage());
        ctx.response().putHeader("Retry-After", "5");
        Problems.send(ctx, mapper, Problem.of(503, "Service Unavailable",
                target.serviceName() + " is not reachable right now; retry shortly."));
    }
}
