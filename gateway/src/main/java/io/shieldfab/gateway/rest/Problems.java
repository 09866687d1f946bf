package io.shieldfab.gateway.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shieldfab.design.Problem;
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
            body = mapper.writeValueAsString(problem.withInstance(ctx.request().path()));
        } catch (JsonProcessingException e) {
            body = "{\"title\":\"" + problem.title() + "\",\"status\":" + problem.status() + "}";
        }
        response.setStatusCode(problem.status())
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .end(body);
    }
}
