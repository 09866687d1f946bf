package io.shieldfab.gateway.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.shieldfab.support.problem.Problem;
import io.shieldfab.gateway.config.GatewayConfig;
import io.shieldfab.gateway.rest.Problems;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Optional;

/**
 * Establishes who calls the API, once, before anything else of the gateway runs (docs/architecture.md,
 * "Authentication"). It sees every request whatever its path, reads the path as every later layer might
 * ({@link RequestPath}) and guards each that could be routed under {@code /api}: a valid {@code X-API-Key}, within
 * its rate limit, or the request ends here. The {@link Caller} it finds is left on the routing context for
 * {@link CurrentCaller}; resources never read the header again. A guarded path that is not written plainly (matrix
 * parameters, percent-escapes, dot segments, doubled slashes) is refused with 400 even with a valid key, so the
 * path a resource or the forwarding route acts on is the path that was checked. Failed authentications are
 * counted per client address and throttled. The portal (cookie sessions) and {@code /q/*} are not guarded here.
 */
@ApplicationScoped
public class ApiKeyFilter {

    public static final String HEADER = "X-API-Key";

    /** Runs before every other route of the gateway. */
    static final int ORDER = -200;

    private final ApiKeys keys;
    private final ObjectMapper mapper;
    private final RateLimits limits;
    private final GatewayConfig config;

    public ApiKeyFilter(ApiKeys keys, ObjectMapper mapper, RateLimits limits, GatewayConfig config) {
        this.keys = keys;
        this.mapper = mapper;
        this.limits = limits;
        this.config = config;
    }

    void register(@Observes Router router) {
        router.route().order(ORDER).handler(this::guard);
    }

    private void guard(RoutingContext ctx) {
        RequestPath path = RequestPath.of(ctx.request().path());
        if (!path.guarded()) {
            ctx.next();
            return;
        }
        String address = clientAddress(ctx.request());
        RateLimiter.Decision throttled = limits.failedAuthPerAddress().peek(address);
        if (!throttled.allowed()) {
            tooManyFailures(ctx, throttled);
            return;
        }
        String presented = ctx.request().getHeader(HEADER);
        Optional<Caller> caller = keys.authenticate(presented);
        if (caller.isEmpty()) {
            limits.failedAuthPerAddress().take(address);
            ctx.response().putHeader("WWW-Authenticate", "ApiKey header=\"" + HEADER + "\"");
            String detail = presented == null || presented.isEmpty()
                    ? "This API needs an API key in the " + HEADER + " header."
                    : "The API key in the " + HEADER + " header is not valid.";
            Problems.send(ctx, mapper, Problem.of(401, "Unauthorized", detail));
            return;
        }
        if (!path.plain()) {
            Problems.send(ctx, mapper, Problem.of(400, "Bad Request", "Write the API path plainly: no matrix parameters "
                    + "(;), percent-escapes, backslashes, '.' or '..' segments or doubled slashes."));
            return;
        }
        RateLimiter.Decision decision = limits.perKey().take(caller.get().owner());
        rateLimitHeaders(ctx, decision);
        if (!decision.allowed()) {
            limits.refused(RateLimits.Limit.PER_KEY);
            ctx.response().headers().set("Retry-After", Long.toString(decision.retryAfterSeconds()));
            Problems.send(ctx, mapper, Problem.of(429, "Too Many Requests", "This API key may make "
                    + decision.limit() + " requests per minute; retry after " + decision.retryAfterSeconds() + " s."));
            return;
        }
        long limit = designPath(path) ? config.maxDesignBytes() : config.maxForwardBytes();
        String length = ctx.request().getHeader("Content-Length");
        if (length != null && parseLength(length) > limit) {
            ctx.response().putHeader("Connection", "close");
            Problems.send(ctx, mapper, Problem.of(413, "Payload Too Large",
                    "The request body may be at most " + limit + " bytes here."));
            return;
        }
        ctx.put(CurrentCaller.CONTEXT_KEY, caller.get());
        ctx.next();
    }

    private void tooManyFailures(RoutingContext ctx, RateLimiter.Decision decision) {
        limits.refused(RateLimits.Limit.FAILED_AUTH);
        ctx.response().headers().set("Retry-After", Long.toString(decision.retryAfterSeconds()));
        Problems.send(ctx, mapper, Problem.of(429, "Too Many Requests", "Too many requests without a valid API key came "
                + "from this address; retry after " + decision.retryAfterSeconds() + " s."));
    }

    static void rateLimitHeaders(RoutingContext ctx, RateLimiter.Decision decision) {
        var headers = ctx.response().headers();
        headers.set("RateLimit-Limit", Integer.toString(decision.limit()));
        headers.set("RateLimit-Remaining", Integer.toString(decision.remaining()));
        headers.set("RateLimit-Reset", Long.toString(decision.resetSeconds()));
    }

    /**
     * The client's address: the connection's peer, which Quarkus replaces by the forwarded client address only when
     * the peer is a trusted proxy ({@code quarkus.http.proxy.*}, docs/operations.md), never from a header alone.
     */
    public static String clientAddress(HttpServerRequest request) {
        var remote = request.remoteAddress();
        return remote == null || remote.host() == null ? "unknown" : remote.host();
    }

    /** Paths whose body is a design document, limited to {@code max-design-bytes}. */
    static boolean designPath(RequestPath path) {
        String resource = path.segment(2);
        return "handoffs".equals(resource) || "designs".equals(resource);
    }

    private static long parseLength(String header) {
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
