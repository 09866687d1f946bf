package io.shieldfab.recipe.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.shieldfab.design.IdempotentResponses;
import io.shieldfab.design.IdempotentResponses.Answer;
import io.shieldfab.design.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Optional;

/**
 * {@code Idempotency-Key} on creating POSTs (DESIGN.md §7): the first successful answer to a key is
 * stored, and a repeat with the same key gets that answer again (status, Location, body) instead
 * of creating a second resource. The gateway's handoff worker sends a key derived from the
 * handoff id with every create, so a step retried after a crash or a timeout never makes a
 * second artefact. This is the service's binding; the store is design-model's {@link IdempotentResponses}.
 */
public class IdempotencyFilter {

    private static final Logger LOG = Logger.getLogger(IdempotencyFilter.class);
    static final String HEADER = IdempotentResponses.HEADER;
    static final String REPLAYED = IdempotentResponses.REPLAYED;
    private static final String REPLAY_MARK = "shieldfab.idempotent-replay";

    private final AgroalDataSource dataSource;
    private final ObjectMapper mapper;

    public IdempotencyFilter(AgroalDataSource dataSource, ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.mapper = mapper;
    }

    /** Runs on the worker thread of the (blocking) resource method, so the database call is allowed. */
    @ServerRequestFilter
    public Optional<Response> replay(ContainerRequestContext request) {
        String key = key(request);
        if (key == null) {
            return Optional.empty();
        }
        if (key.length() > IdempotentResponses.MAX_KEY_LENGTH) {
            return Optional.of(Response.status(400).type(Problem.MEDIA_TYPE).entity(IdempotentResponses.KEY_TOO_LONG).build());
        }
        try {
            return IdempotentResponses.find(dataSource, key, request.getUriInfo().getPath()).map(answer -> {
                request.setProperty(REPLAY_MARK, Boolean.TRUE);
                Response.ResponseBuilder replay = Response.status(answer.status())
                        .entity(answer.body().getBytes(StandardCharsets.UTF_8))
                        .type(answer.contentType())
                        .header(REPLAYED, "true");
                if (answer.location() != null) {
                    replay.header("Location", answer.location());
                }
                return replay.build();
            });
        } catch (SQLException e) {
            LOG.warnf("Idempotency lookup failed, handling the request normally: %s", e.getMessage());
            return Optional.empty();
        }
    }

    @ServerResponseFilter
    public void remember(ContainerRequestContext request, ContainerResponseContext response) {
        String key = key(request);
        if (key == null || key.length() > IdempotentResponses.MAX_KEY_LENGTH || request.getProperty(REPLAY_MARK) != null
                || response.getStatus() < 200 || response.getStatus() >= 300 || !response.hasEntity()) {
            return;
        }
        try {
            Object location = response.getHeaders().getFirst("Location");
            IdempotentResponses.store(dataSource, key, request.getUriInfo().getPath(), new Answer(response.getStatus(),
                    location == null ? null : location.toString(), contentType(response.getMediaType()),
                    IdempotentResponses.body(response.getEntity(), mapper)));
        } catch (SQLException e) {
            // The creating resource stored this answer with its creation (storeWithCreation), or a
            // concurrent first request with the same key stored its own; keep that one.
            LOG.debugf("Idempotent response not stored: %s", e.getMessage());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            LOG.warnf("Idempotent response not serialisable: %s", e.getMessage());
        }
    }

    /**
     * Stores the answer to a creating POST in the transaction that creates the resource (the caller
     * is {@code @Transactional}; the connection joins it), so the resource and its stored answer
     * commit together or not at all. Stored only afterwards by {@link #remember}, a crash or a cut
     * database connection between the two commits left a resource without its answer, and the
     * client's retry with the same key made a second one (tests/e2e/faults-pg.sh found it). If this
     * insert fails (the database went away, or a concurrent request with the same key stored its
     * answer first) the creation is rolled back with it and the client's retry gets the stored answer.
     */
    public static void storeWithCreation(AgroalDataSource dataSource, ObjectMapper mapper, String idempotencyKey,
                                         String requestPath, Response response) {
        String key = IdempotentResponses.key(idempotencyKey);
        if (key == null || key.length() > IdempotentResponses.MAX_KEY_LENGTH) {
            return;
        }
        try {
            IdempotentResponses.store(dataSource, key, requestPath, new Answer(response.getStatus(),
                    response.getLocation() == null ? null : response.getLocation().toString(),
                    contentType(response.getMediaType()), IdempotentResponses.body(response.getEntity(), mapper)));
        } catch (SQLException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("The answer to Idempotency-Key could not be stored, so nothing was created; retry.", e);
        }
    }

    private static String contentType(jakarta.ws.rs.core.MediaType type) {
        return type == null ? "application/json" : type.toString();
    }

    private static String key(ContainerRequestContext request) {
        return "POST".equals(request.getMethod()) ? IdempotentResponses.key(request.getHeaderString(HEADER)) : null;
    }
}
