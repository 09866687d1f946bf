package io.shieldfab.recipe.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.shieldfab.support.idempotency.IdempotentResponses;
import io.shieldfab.support.problem.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.sql.SQLException;
import java.util.Optional;

/**
 * {@code Idempotency-Key} on creating POSTs (docs/api-guide.md §4): the first successful answer to a key is
 * stored with the fingerprint of its request, a repeat with the same key and the same request gets that answer
 * again (status, Location, body) instead of creating a second resource, and a repeat with another request is a
 * {@code 422}. The gateway's handoff worker sends a key derived from the handoff id with every create, so a step
 * retried after a crash or a timeout never makes a second artefact. This is the service's binding; the store and
 * its rules are design-model's {@link IdempotentResponses}.
 */
public class IdempotencyFilter {

    private static final Logger LOG = Logger.getLogger(IdempotencyFilter.class);
    static final String HEADER = IdempotentResponses.HEADER;
    static final String REPLAYED = IdempotentResponses.REPLAYED;
    private static final String REPLAY_MARK = "shieldfab.idempotent-replay";
    /** The request's fingerprint, set by {@link #replay} for {@link #remember} and {@link #storeWithCreation}. */
    private static final String FINGERPRINT = "shieldfab.idempotency-fingerprint";

    private final AgroalDataSource dataSource;
    private final ObjectMapper mapper;

    public IdempotencyFilter(AgroalDataSource dataSource, ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.mapper = mapper;
    }

    /**
     * Runs on the worker thread of the (blocking) resource method, before its body is read, so the database call and
     * reading the body here are allowed; the body is handed back to the method as the same bytes.
     */
    @ServerRequestFilter
    public Optional<Response> replay(ContainerRequestContext request) throws IOException {
        String key = key(request);
        if (key == null) {
            return Optional.empty();
        }
        if (key.length() > IdempotentResponses.MAX_KEY_LENGTH) {
            return Optional.of(Response.status(400).type(Problem.MEDIA_TYPE).entity(IdempotentResponses.KEY_TOO_LONG).build());
        }
        byte[] body = request.getEntityStream().readAllBytes();
        request.setEntityStream(new ByteArrayInputStream(body));
        URI uri = request.getUriInfo().getRequestUri();
        String fingerprint = IdempotentResponses.fingerprint(request.getMethod(), uri,
                request.getHeaderString("Content-Type"), body);
        request.setProperty(FINGERPRINT, fingerprint);
        try {
            return IdempotentResponses.reply(dataSource, key, request.getUriInfo().getPath(), fingerprint, uri).map(reply -> {
                request.setProperty(REPLAY_MARK, Boolean.TRUE);
                Response.ResponseBuilder answer = Response.status(reply.status()).type(reply.contentType())
                        .entity(reply.entity()).location(reply.location());
                return (reply.replayed() ? answer.header(REPLAYED, "true") : answer).build();
            });
        } catch (SQLException e) {
            LOG.warnf("Idempotency lookup failed, handling the request normally: %s", e.getMessage());
            return Optional.empty();
        }
    }

    @ServerResponseFilter
    public void remember(ContainerRequestContext request, ContainerResponseContext response) {
        String key = key(request);
        Object fingerprint = request.getProperty(FINGERPRINT);
        if (key == null || fingerprint == null || request.getProperty(REPLAY_MARK) != null
                || response.getStatus() < 200 || response.getStatus() >= 300 || !response.hasEntity()) {
            return;
        }
        try {
            IdempotentResponses.store(dataSource, key, request.getUriInfo().getPath(), (String) fingerprint,
                    IdempotentResponses.answer(response.getStatus(), response.getHeaders().getFirst("Location"),
                            response.getMediaType(), response.getEntity(), mapper));
        } catch (SQLException e) {
            // The creating resource stored this answer with its creation (storeWithCreation), or a
            // concurrent first request with the same key stored its own; keep that one.
            LOG.debugf("Idempotent response not stored: %s", e.getMessage());
        } catch (JsonProcessingException e) {
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
     * Does nothing for a request without a key.
     */
    public static void storeWithCreation(AgroalDataSource dataSource, ObjectMapper mapper,
                                         ContainerRequestContext request, Response response) {
        String key = key(request);
        Object fingerprint = request.getProperty(FINGERPRINT);
        if (key != null && fingerprint != null) {
            storeWithCreation(dataSource, mapper, key, request.getUriInfo().getPath(), (String) fingerprint, response);
        }
    }

    static void storeWithCreation(AgroalDataSource dataSource, ObjectMapper mapper, String key, String requestPath,
                                  String fingerprint, Response response) {
        try {
            IdempotentResponses.store(dataSource, key, requestPath, fingerprint, IdempotentResponses.answer(
                    response.getStatus(), response.getLocation(), response.getMediaType(), response.getEntity(), mapper));
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("The answer to Idempotency-Key could not be stored, so nothing was created; retry.", e);
        }
    }

    private static String key(ContainerRequestContext request) {
        return "POST".equals(request.getMethod()) ? IdempotentResponses.key(request.getHeaderString(HEADER)) : null;
    }
}
