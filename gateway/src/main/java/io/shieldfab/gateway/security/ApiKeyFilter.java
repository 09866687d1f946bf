package io.shieldfab.gateway.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.shieldfab.design.Problem;
import io.shieldfab.gateway.config.GatewayConfig;
import io.shieldfab.gateway.rest.Problems;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Guards everything under {@code /api/} with the {@code X-API-Key} header. Runs as a Vert.x route
 * ahead of both the JAX-RS resources and the forwarding route, so no request reaches a downstream
 * service without a valid key. Health ({@code /q/health}) stays open for probes.
 */
@ApplicationScoped
public class ApiKeyFilter {

    public static final String HEADER = "X-API-Key";

    /** Runs before every other route of the gateway. */
    static final int ORDER = -200;

    private final ApiKeys keys;
    private final ObjectMapper mapper;
    private final RateLimiter rateLimiter;
    private final GatewayConfig config;

    public ApiKeyFilter(ApiKeys keys, ObjectMapper mapper, RateLimiter rateLimiter, GatewayConfig config) {
        this.keys = keys;
        this.mapper = mapper;
        this.rateLimiter = rateLimiter;
        this.config = config;
    }

    void register(@Observes Router router) {
        router.route("/api/*").order(ORDER).handler(ctx -> {
            String presented = ctx.request().getHeader(HEADER);
            java.util.Optional<Caller> caller = keys.authenticate(presented);
            caller.ifPresent(c -> ctx.put(CurrentCaller.CONTEXT_KEY, c));
            java.util.Optional<String> owner = caller.map(Caller::owner);
            if (owner.isPresent()) {
                RateLimiter.Decision decision = rateLimiter.take(owner.get());
                var headers = ctx.response().headers();
                headers.set("RateLimit-Limit", Integer.toString(decision.limit()));
                headers.set("RateLimit-Remaining", Integer.toString(decision.remaining()));
                headers.set("RateLimit-Reset", Long.toString(decision.resetSeconds()));
                if (!decision.allowed()) {
                    headers.set("Retry-After", Long.toString(decision.retryAfterSeconds()));
                    Problems.send(ctx, mapper, Problem.of(429, "Too Many Requests", "This API key may make "
                            + decision.limit() + " requests per minute; retry after " + decision.retryAfterSeconds() + " s."));
                    return;
                }
                long limit = designPath(ctx.request().path()) ? config.maxDesignBytes() : config.maxForwardBytes();
                String length = ctx.request().getHeader("Content-Length");
                if (length != null && parseLength(length) > limit) {
                    ctx.response().putHeader("Connection", "close");
                    Problems.send(ctx, mapper, Problem.of(413, "Payload Too Large",
                            "The request body may be at most " + limit + " bytes here."));
                    return;
                }
                ctx.next();
                return;
            }
            ctx.response().putHeader("WWW-Authenticate", "ApiKey header=\"" + HEADER + "\"");
            String detail = presented == null || presented.isEmpty()
                    ? "This API needs an API key in the " + HEADER + " header."
                    : "The API key in the " + HEADER + " header is not valid.";
            Problems.send(ctx, mapper, Problem.of(401, "Unauthorized", detail));
        });
    }

    /** Paths whose body is a design document, limited to {@code max-design-bytes}. */
    static boolean designPath(String path) {
        return path.startsWith("/api/v1/handoffs") || path.startsWith("/api/v1/designs");
    }

    private static long parseLength(String header) {
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
