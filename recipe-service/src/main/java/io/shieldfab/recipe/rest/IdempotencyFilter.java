package io.shieldfab.recipe.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code Idempotency-Key} on creating POSTs (DESIGN.md §7): the first successful answer to a key is
 * stored, and a repeat with the same key gets that answer again (status, Location, body) instead
 * of creating a second resource. The gateway's handoff worker sends a key derived from the
 * handoff id with every create, so a step retried after a crash or a timeout never makes a
 * second artefact. Stored with plain JDBC in this service's own table ({@code idempotent_response}).
 */
public class IdempotencyFilter {

    private static final Logger LOG = Logger.getLogger(IdempotencyFilter.class);
    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
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
        if (key.length() > 255) {
            return Optional.of(Response.status(400).type("application/problem+json")
                    .entity("{\"type\":\"/problems/validation\",\"title\":\"Invalid input\",\"status\":400,"
                            + "\"detail\":\"Idempotency-Key may be at most 255 characters.\","
                            + "\"violations\":[{\"field\":\"Idempotency-Key\",\"message\":\"must be 1 to 255 characters\"}]}")
                    .build());
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT status, location, content_type, body FROM idempotent_response WHERE idem_key = ? AND request_path = ?")) {
            s.setString(1, key);
            s.setString(2, path(request));
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                request.setProperty(REPLAY_MARK, Boolean.TRUE);
                Response.ResponseBuilder replay = Response.status(r.getInt(1))
                        .entity(r.getString(4).getBytes(StandardCharsets.UTF_8))
                        .type(r.getString(3))
                        .header(REPLAYED, "true");
                if (r.getString(2) != null) {
                    replay.header("Location", r.getString(2));
                }
                return Optional.of(replay.build());
            }
        } catch (SQLException e) {
            LOG.warnf("Idempotency lookup failed, handling the request normally: %s", e.getMessage());
            return Optional.empty();
        }
    }

    @ServerResponseFilter
    public void remember(ContainerRequestContext request, ContainerResponseContext response) {
        String key = key(request);
        if (key == null || key.length() > 255 || request.getProperty(REPLAY_MARK) != null
                || response.getStatus() < 200 || response.getStatus() >= 300 || !response.hasEntity()) {
            return;
        }
        try {
            Object entity = response.getEntity();
            String body = entity instanceof String text ? text
                    : entity instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                    : mapper.writeValueAsString(entity);
            Object location = response.getHeaders().getFirst("Location");
            String contentType = response.getMediaType() == null ? "application/json" : response.getMediaType().toString();
            try (Connection c = dataSource.getConnection()) {
                insert(c, key, path(request), response.getStatus(), location == null ? null : location.toString(), contentType, body);
            }
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
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.trim().length() > 255) {
            return;
        }
        Object entity = response.getEntity();
        try (Connection c = dataSource.getConnection()) {
            String body = entity instanceof String text ? text : mapper.writeValueAsString(entity);
            String contentType = response.getMediaType() == null ? "application/json" : response.getMediaType().toString();
            insert(c, idempotencyKey.trim(), requestPath.length() > 500 ? requestPath.substring(0, 500) : requestPath,
                    response.getStatus(), response.getLocation() == null ? null : response.getLocation().toString(), contentType, body);
        } catch (SQLException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("The answer to Idempotency-Key could not be stored, so nothing was created; retry.", e);
        }
    }

    private static void insert(Connection c, String key, String path, int status, String location, String contentType,
                               String body) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO idempotent_response "
                + "(idem_key, request_path, status, location, content_type, body, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, key);
            s.setString(2, path);
            s.setInt(3, status);
            s.setString(4, location);
            s.setString(5, contentType);
            s.setString(6, body);
            s.setTimestamp(7, Timestamp.from(Instant.now()));
            s.executeUpdate();
        }
    }

    private static String key(ContainerRequestContext request) {
        if (!"POST".equals(request.getMethod())) {
            return null;
        }
        String key = request.getHeaderString(HEADER);
        return key == null || key.isBlank() ? null : key.trim();
    }

    private static String path(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        return path.length() > 500 ? path.substring(0, 500) : path;
    }
}
