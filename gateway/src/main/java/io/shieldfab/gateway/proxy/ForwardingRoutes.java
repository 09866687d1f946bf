package io.shieldfab.gateway.proxy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.shieldfab.support.hashing.Sha256;
import io.shieldfab.support.idempotency.IdempotentResponses;
import io.shieldfab.support.problem.Problem;
import io.shieldfab.design.Violation;
import io.shieldfab.gateway.config.GatewayConfig;
import io.shieldfab.gateway.repository.ArtefactOwnerRepository;
import io.shieldfab.gateway.rest.Problems;
import io.shieldfab.gateway.security.Caller;
import io.shieldfab.gateway.security.CurrentCaller;
import io.shieldfab.gateway.security.RequestPath;
import io.shieldfab.gateway.service.InvalidDesignException;
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
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Re-exposes the three services' APIs under the same paths on the gateway (docs/api-guide.md). A plain
 * forwarding route rather than typed clients: every endpoint of a service is reachable the moment
 * the service has it, bodies and responses (GDSII, PDF) stream through without being buffered,
 * and status codes and problem documents pass through unchanged. The gateway stays the trust boundary
 * (docs/architecture.md, "Ownership"): an artefact id in the path is answered 404 unless the caller owns it,
 * approving and releasing need the approve scope, the client's {@code Host}, {@code X-User} and internal headers
 * never travel downstream (the service gets its own Host and the caller's authenticated name as {@code X-User}),
 * a client's {@code Idempotency-Key} is namespaced by its owner, and {@code Location} is rewritten to the
 * gateway's public address.
 */
@ApplicationScoped
public class ForwardingRoutes {

    private static final Logger LOG = Logger.getLogger(ForwardingRoutes.class);

    /** After the API-key filter, before the JAX-RS resources. */
    static final int ORDER = -100;

    /**
     * Never copied downstream: hop-by-hop headers (RFC 9110 §7.6.1), the gateway's own credential, the client's
     * Host and forwarding claims, the identity header the services trust ({@code X-User}) and the client's
     * Idempotency-Key (replaced by its namespaced form).
     */
    private static final Set<String> NOT_FORWARDED = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "x-api-key", "host", "x-user",
            "forwarded", "x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port",
            "x-forwarded-prefix", "idempotency-key", "content-length");

    /** Never relayed back: hop-by-hop headers; Location is rewritten. */
    private static final Set<String> NOT_RELAYED = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "location");

    private final GatewayConfig config;
    private final ObjectMapper mapper;
    private final HttpClient client;
    private final Vertx vertx;
    private final ArtefactOwnerRepository owners;
    private final PublicUrls publicUrls;

    public ForwardingRoutes(GatewayConfig config, ObjectMapper mapper, Vertx vertx, ArtefactOwnerRepository owners,
                            PublicUrls publicUrls) {
        this.config = config;
        this.mapper = mapper;
        this.vertx = vertx;
        this.owners = owners;
        this.publicUrls = publicUrls;
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.proxy().connectTimeout().toMillis())
                .setKeepAlive(true)
                .setMaxPoolSize(32));
    }

    void register(@Observes Router router) {
        GatewayConfig.Services services = config.services();
        route(router, ForwardedApi.LAYOUTS, services.layout());
        route(router, ForwardedApi.SHIELDING, services.shielding());
        route(router, ForwardedApi.RECIPES, services.recipe());
    }

    private void route(Router router, ForwardedApi api, String baseUrl) {
        URI base = URI.create(baseUrl);
        Target target = new Target(api, base.getHost(), base.getPort() < 0 ? 80 : base.getPort());
        for (String path : new String[]{api.prefix(), api.prefix() + "/*"}) {
            // Vert.x reads (and size-limits) the body before the forwarding handler runs: the limit ApiKeyFilter
            // announces for these paths (shieldfab.max-forward-bytes), so the two can never disagree.
            router.route(path).order(ORDER).handler(BodyHandler.create(false).setBodyLimit(config.maxForwardBytes()));
            router.route(path).order(ORDER).handler(ctx -> forward(ctx, target));
        }
    }

    record Target(ForwardedApi api, String host, int port) {
    }

    private void forward(RoutingContext ctx, Target target) {
        Caller caller = CurrentCaller.of(ctx).orElse(null);
        if (caller == null) {
            // ApiKeyFilter authenticates every /api path first; without a caller nothing is forwarded.
            Problems.send(ctx, mapper, Problem.of(401, "Unauthorized", "This API needs an API key in the X-API-Key header."));
            return;
        }
        HttpServerRequest in = ctx.request();
        ForwardedApi.Access access = target.api().access(RequestPath.of(in.path()), in.method().name());
        Optional<Problem> refused = access.refusal(caller);
        if (refused.isPresent()) {
            Problems.send(ctx, mapper, refused.get());
            return;
        }
        String idempotencyKey;
        try {
            idempotencyKey = namespacedIdempotencyKey(in.getHeader(IdempotentResponses.HEADER), caller);
        } catch (InvalidDesignException invalid) {
            Problems.send(ctx, mapper, Problem.validation(invalid.getMessage(), invalid.violations()));
            return;
        }
        Buffer payload = ctx.body().buffer() == null ? Buffer.buffer() : ctx.body().buffer();
        visible(access, caller).compose(visible -> {
            if (!visible) {
                return Future.failedFuture(new NotVisible());
            }
            RequestOptions options = new RequestOptions()
                    .setMethod(in.method())
                    .setHost(target.host())
                    .setPort(target.port())
                    .setURI(in.uri())
                    .setIdleTimeout(config.proxy().idleTimeout().toMillis());
            copyHeaders(in.headers(), options);
            options.putHeader("Host", target.host() + ":" + target.port());
            options.putHeader("X-User", caller.name());
            if (idempotencyKey != null) {
                options.putHeader(IdempotentResponses.HEADER, idempotencyKey);
            }
            options.putHeader("X-Forwarded-For", in.remoteAddress() == null ? "" : in.remoteAddress().host());
            options.putHeader("X-Forwarded-Proto", in.scheme());
            return client.request(options).compose(out -> out.send(payload));
        }).compose(response -> recordCreated(access, caller, response).map(response))
          .onSuccess(response -> relay(ctx, response))
          .onFailure(error -> {
              if (error instanceof NotVisible) {
                  Problems.send(ctx, mapper, ForwardedApi.notFound(access));
              } else if (error instanceof SQLException || error.getCause() instanceof SQLException) {
                  LOG.warnf("Ownership of %s could not be read or stored: %s", in.path(), error.getMessage());
                  ctx.response().putHeader("Retry-After", "5");
                  Problems.send(ctx, mapper, Problem.of(503, "Service Unavailable",
                          "The gateway's database is not reachable right now; retry shortly."));
              } else {
                  unavailable(ctx, target, error);
              }
          });
    }

    /** The request names an artefact the caller may not see (or none at all). */
    private static final class NotVisible extends RuntimeException {
        NotVisible() {
            super(null, null, false, false);
        }
    }

    /** Whether the artefact the request names (if any) is the caller's to see; the lookup runs off the event loop. */
    private Future<Boolean> visible(ForwardedApi.Access access, Caller caller) {
        if (access.artefactId() == null) {
            return Future.succeededFuture(true);
        }
        if (access.readableByApprover() && caller.may(Caller.Scope.APPROVE)) {
            return Future.succeededFuture(true);
        }
        return vertx.executeBlocking(() -> owners.owns(access.kind(), access.artefactId(), caller.owner()), false);
    }

    /** A 201 names a new artefact in its Location: it belongs to the caller from now on. */
    private Future<Void> recordCreated(ForwardedApi.Access access, Caller caller, HttpClientResponse response) {
        String location = response.getHeader("Location");
        if (response.statusCode() != 201 || location == null || access.kind() == null) {
            return Future.succeededFuture();
        }
        Optional<String> created = access.api().createdId(location);
        if (created.isEmpty()) {
            return Future.succeededFuture();
        }
        response.pause();
        return vertx.executeBlocking(() -> {
            owners.record(access.kind(), created.get(), caller.owner());
            return null;
        }, false);
    }

    /**
     * A client's Idempotency-Key as the service sees it: namespaced by the caller's owner, so two keys never share
     * an answer, and never of the {@code handoff-} form the gateway's own handoff steps use.
     */
    static String namespacedIdempotencyKey(String header, Caller caller) {
        String key = IdempotentResponses.key(header);
        if (key == null) {
            return null;
        }
        if (key.length() > IdempotentResponses.MAX_KEY_LENGTH) {
            throw new InvalidDesignException(List.of(new Violation(IdempotentResponses.HEADER, "must be 1 to 255 characters")));
        }
        if (key.regionMatches(true, 0, RESERVED_KEY_PREFIX, 0, RESERVED_KEY_PREFIX.length())) {
            throw new InvalidDesignException(List.of(new Violation(IdempotentResponses.HEADER,
                    "must not start with '" + RESERVED_KEY_PREFIX + "' (reserved for the gateway's handoffs)")));
        }
        return "k-" + Sha256.hex(caller.owner() + "\n" + key);
    }

    /** The prefix of the keys the handoff worker sends with each step; clients may not use it. */
    public static final String RESERVED_KEY_PREFIX = "handoff-";

    private static void copyHeaders(MultiMap headers, RequestOptions options) {
        headers.forEach(header -> {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (!NOT_FORWARDED.contains(name) && !name.startsWith("x-shieldfab-")) {
                options.addHeader(header.getKey(), header.getValue());
            }
        });
    }

    private void relay(RoutingContext ctx, HttpClientResponse response) {
        var out = ctx.response();
        out.setStatusCode(response.statusCode());
        response.headers().forEach(header -> {
            if (!NOT_RELAYED.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                out.headers().add(header.getKey(), header.getValue());
            }
        });
        String location = response.getHeader("Location");
        if (location != null) {
            out.putHeader("Location", publicUrls.rewrite(location, ctx.request()));
        }
        if (!response.headers().contains("Content-Length")) {
            out.setChunked(true);
        }
        response.pipeTo(out).onFailure(error -> {
            LOG.warnf("Relaying a response from %s failed: %s", ctx.request().path(), error.getMessage());
            out.reset();
        });
    }

    private void unavailable(RoutingContext ctx, Target target, Throwable error) {
        String service = target.api().serviceName();
        LOG.warnf("%s is unreachable at %s:%d: %s", service, target.host(), target.port(), error.getMessage());
        ctx.response().putHeader("Retry-After", "5");
        Problems.send(ctx, mapper, Problem.of(503, "Service Unavailable",
                service + " is not reachable right now; retry shortly."));
    }
}
