package io.shieldfab.gateway.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shieldfab.support.problem.Problem;
import io.shieldfab.gateway.security.RequestPath;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/** Writes RFC 9457 problems from Vert.x handlers (routes that run outside JAX-RS). */
public final class Problems {

    private Problems() {
    }

    public static void send(RoutingContext ctx, ObjectMapper mapper, Problem problem) {
        HttpServerResponse response = ctx.response();
        if (response.headWritten() || response.ended()) {
            response.reset();
            return;
        }
        String body;
        try {
            // the path is echoed only when it is written plainly: a hostile spelling (traversal, escapes) never is
            String path = ctx.request().path();
            body = mapper.writeValueAsString(RequestPath.of(path).plain() ? problem.withInstance(path) : problem);
        } catch (JsonProcessingException e) {
            body = "{\"title\":\"" + problem.title() + "\",\"status\":" + problem.status() + "}";
        }
        response.setStatusCode(problem.status())
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .end(body);
    }
}
