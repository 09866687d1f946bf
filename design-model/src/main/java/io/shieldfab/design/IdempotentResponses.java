package io.shieldfab.design;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The stored first answers to {@code Idempotency-Key} requests (DESIGN.md §7), in a service's own table
 * {@code idempotent_response} (each service's V90 migration), with plain JDBC so that every service uses one
 * implementation while keeping only its framework binding (its {@code rest/IdempotencyFilter}).
 */
public final class IdempotentResponses {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    public static final int MAX_KEY_LENGTH = 255;
    private static final int MAX_PATH_LENGTH = 500;

    /** The problem for a key longer than {@link #MAX_KEY_LENGTH}. */
    public static final Problem KEY_TOO_LONG = Problem.validation("Idempotency-Key may be at most 255 characters.",
            List.of(new Violation(HEADER, "must be 1 to 255 characters")));

    /** One stored answer: what the first request was told. */
    public record Answer(int status, String location, String contentType, String body) {
    }

    private IdempotentResponses() {
    }

    /** The key of a request's header, trimmed; null when absent or blank. */
    public static String key(String header) {
        return header == null || header.isBlank() ? null : header.trim();
    }

    /** A response entity as the text to store: strings and bytes as they are, anything else as JSON. */
    public static String body(Object entity, ObjectMapper mapper) throws JsonProcessingException {
        return entity instanceof String text ? text
                : entity instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                : mapper.writeValueAsString(entity);
    }

    public static Optional<Answer> find(DataSource dataSource, String key, String path) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT status, location, content_type, body FROM idempotent_response WHERE idem_key = ? AND request_path = ?")) {
            s.setString(1, key);
            s.setString(2, storedPath(path));
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new Answer(r.getInt(1), r.getString(2), r.getString(3), r.getString(4)))
                        : Optional.empty();
            }
        }
    }

    /**
     * Stores an answer. Inside a transaction (the connection joins it) the answer commits or rolls back with
     * the resource it describes; a second answer to the same key and path fails on the primary key.
     */
    public static void store(DataSource dataSource, String key, String path, Answer answer) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("INSERT INTO idempotent_response "
                     + "(idem_key, request_path, status, location, content_type, body, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, key);
            s.setString(2, storedPath(path));
            s.setInt(3, answer.status());
            s.setString(4, answer.location());
            s.setString(5, answer.contentType());
            s.setString(6, answer.body());
            s.setTimestamp(7, Timestamp.from(Instant.now()));
            s.executeUpdate();
        }
    }

    private static String storedPath(String path) {
        return path.length() > MAX_PATH_LENGTH ? path.substring(0, MAX_PATH_LENGTH) : path;
    }
}
