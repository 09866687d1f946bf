package io.shieldfab.layout.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shieldfab.support.problem.Problem;
import io.shieldfab.layout.config.LayoutConfig;
import io.shieldfab.layout.service.LayoutService;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Refuses a design upload whose {@code Content-Length} is over {@code shieldfab.layout.max-design-bytes} with a
 * 413 problem before the body is read, so an oversized upload never reaches memory and the client still gets
 * a problem document (Vert.x's own body limit, {@code quarkus.http.limits.max-body-size}, answers with an empty
 * 413; that remains the backstop for chunked uploads without a length).
 */
@ApplicationScoped
public class BodyLimit {

    @Inject
    LayoutConfig config;

    @Inject
    ObjectMapper mapper;

    void install(@Observes Router router) {
        router.route(HttpMethod.POST, LayoutService.BASE_PATH).order(-100).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            long bytes;
            try {
                bytes = length == null ? -1 : Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                bytes = -1;
            }
            if (bytes > config.maxDesignBytes()) {
                Problem p = Problem.of(413, "Payload Too Large", "The design document is " + bytes
                        + " bytes; at most " + config.maxDesignBytes() + " bytes are accepted.")
                        .withInstance(LayoutService.BASE_PATH);
                try {
                    ctx.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
                            .putHeader("Connection", "close").end(mapper.writeValueAsString(p));
                } catch (JsonProcessingException e) {
                    ctx.fail(413);
                }
                return;
            }
            ctx.next();
        });
    }
}
