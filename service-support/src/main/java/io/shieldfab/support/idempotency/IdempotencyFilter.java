package io.shieldfab.support.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
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
 * {@code Idempotency-Key} on the POSTs of {@link Idempotent} resources (docs/api-guide.md §4): the first successful
 * answer to a key is stored with the fingerprint of its request, a repeat with the same key and the same request gets
 * that answer again (status, Location, body, marked {@code Idempotent-Replayed: true}) instead of creating a second
 * artefact, and a repeat with another request is a {@code 422}. The gateway's handoff worker sends a key derived from
 * the handoff id with every create, so a step retried after a crash or a timeout never makes a second artefact.
 *
 * <p>A creating service method stores its answer in its own transaction ({@link IdempotencyStore}); answers of
 * other POSTs (a calculation, a lifecycle step) are stored here once the response is known.
 */
@Idempotent
public class IdempotencyFilter {

    private static final Logger LOG = Logger.getLogger(IdempotencyFilter.class);
    private static final String REPLAY_MARK = "shieldfab.idempotent-replay";

    private final AgroalDataSource dataSource;
    private final ObjectMapper mapper;
    private final IdempotentRequest current;
    private final Counter replays;

    public IdempotencyFilter(AgroalDataSource dataSource, ObjectMapper mapper, IdempotentRequest current,
                             MeterRegistry meters) {
        this.dataSource = dataSource;
        this.mapper = mapper;
        this.current = current;
        this.replays = replaysCounter(meters);
    }

    /** {@code shieldfab_idempotent_replays_total}: answers given again for a repeated key (docs/operations.md). */
    public static Counter replaysCounter(MeterRegistry meters) {
        return Counter.builder("shieldfab.idempotent.replays")
                .description("Requests answered again from an earlier one with the same Idempotency-Key")
                .register(meters);
    }

    /**
     * Runs on the worker thread of the (blocking) resource method, before its body is read, so the database call and
     * reading the body here are allowed; the body is handed back to the method as the same bytes.
     */
    @Idempotent
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
        String path = request.getUriInfo().getPath();
        current.begin(key, path, fingerprint);
        try {
            return IdempotentResponses.reply(dataSource, key, path, fingerprint, uri).map(reply -> {
                request.setProperty(REPLAY_MARK, Boolean.TRUE);
                if (reply.replayed()) {
                    replays.increment();
                }
                Response.ResponseBuilder answer = Response.status(reply.status()).type(reply.contentType())
                        .entity(reply.entity()).location(reply.location());
                return (reply.replayed() ? answer.header(IdempotentResponses.REPLAYED, "true") : answer).build();
            });
        } catch (SQLException e) {
            LOG.warnf("Idempotency lookup failed, handling the request normally: %s", e.getMessage());
            return Optional.empty();
        }
    }

    @Idempotent
    @ServerResponseFilter
    public void remember(ContainerRequestContext request, ContainerResponseContext response) {
        if (key(request) == null || !current.present() || current.stored() || request.getProperty(REPLAY_MARK) != null
                || response.getStatus() < 200 || response.getStatus() >= 300 || !response.hasEntity()) {
            return;
        }
        try {
            IdempotentResponses.store(dataSource, current.key(), current.path(), current.fingerprint(),
                    IdempotentResponses.answer(response.getStatus(), response.getHeaders().getFirst("Location"),
                            response.getMediaType(), response.getEntity(), mapper));
        } catch (SQLException e) {
            // a concurrent first request with the same key stored its own answer; keep that one
            LOG.debugf("Idempotent response not stored: %s", e.getMessage());
        } catch (JsonProcessingException e) {
            LOG.warnf("Idempotent response not serialisable: %s", e.getMessage());
        }
    }

    private static String key(ContainerRequestContext request) {
        return "POST".equals(request.getMethod()) ? IdempotentResponses.key(request.getHeaderString(IdempotentResponses.HEADER)) : null;
    }
}
