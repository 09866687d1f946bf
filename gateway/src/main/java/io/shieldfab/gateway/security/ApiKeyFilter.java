package io.shieldfab.gateway.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.shieldfab.design.Problem;
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

    public ApiKeyFilter(ApiKeys keys, ObjectMapper mapper) {
        this.keys = keys;
        this.mapper = mapper;
    }

    void register(@Observes Router router) {
        router.route("/api/*").order(ORDER).handler(ctx -> {
            String presented = ctx.request().getHeader(HEADER);
            if (keys.accepts(presented)) {
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
}
