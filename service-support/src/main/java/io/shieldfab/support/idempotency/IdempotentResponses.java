package io.shieldfab.support.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shieldfab.design.Violation;
import io.shieldfab.support.hashing.Sha256;
import io.shieldfab.support.problem.Problem;

import javax.sql.DataSource;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The stored first answers to {@code Idempotency-Key} requests (docs/api-guide.md §4), in a service's own table
 * {@code idempotent_response} (each service's V90 and V91 migrations), with plain JDBC so that every service uses
 * one implementation while keeping only its framework binding (its {@code rest/IdempotencyFilter}).
 *
 * <p>Each answer is stored with the SHA-256 {@link #fingerprint} of the request that got it: a repeat of the key
 * with another request is refused ({@link #KEY_REUSED}) instead of being told what the first one was told. The
 * answer's {@code Location} is stored path-absolute and resolved against the request it is replayed to
 * ({@link #replayLocation}), so no request's {@code Host} reaches the answer given to another.
 */
public final class IdempotentResponses {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    public static final int MAX_KEY_LENGTH = 255;
    private static final int MAX_PATH_LENGTH = 500;

    /** The problem for a key longer than {@link #MAX_KEY_LENGTH}. */
    public static final Problem KEY_TOO_LONG = Problem.validation("Idempotency-Key may be at most 255 characters.",
            List.of(new Violation(HEADER, "must be 1 to 255 characters")));

    /**
     * The problem for a key repeated with a different request: the type, title and detail the gateway answers for a
     * handoff (docs/api-guide.md §4 and §9), so a client handles a reused key the same way wherever it hit it.
     */
    public static final Problem KEY_REUSED = new Problem("/problems/idempotency-key-reused", "Idempotency-Key reused",
            422, "This Idempotency-Key was first used with a different request; use a new key for a new request.",
            null, null, null);

    /** One stored answer: what the first request was told. {@code location} is path-absolute, or null. */
    public record Answer(int status, String location, String contentType, String body) {
    }

    /**
     * What a binding sends back for a stored key: {@code entity} is the stored body's bytes, or the {@link Problem}
     * of a reused key; {@code replayed} marks a replay ({@link #REPLAYED}).
     */
    public record Reply(int status, String contentType, Object entity, URI location, boolean replayed) {
    }

    /**
     * An answer as found, with the fingerprint of the request that got it; null for an answer stored before
     * fingerprints were kept (V91).
     */
    public record Stored(Answer answer, String fingerprint) {

        /**
         * Whether a request with this fingerprint repeats the one that got the answer. An answer without a
         * fingerprint cannot be checked and is replayed as before: it was stored by a version without V91 (or, during
         * a rolling upgrade, by an old replica still running), and refusing it would turn a legitimate retry, like
         * the handoff worker's after a restart, into a second creation under a new key (docs/operations.md,
         * "Upgrading": old code runs against the new schema for a while).
         */
        public boolean repeatedBy(String requestFingerprint) {
            return fingerprint == null || fingerprint.equals(requestFingerprint);
        }
    }

    private IdempotentResponses() {
    }

    /** The key of a request's header, trimmed; null when absent or blank. */
    public static String key(String header) {
        return header == null || header.isBlank() ? null : header.trim();
    }

    /**
     * What makes two requests with one key "the same": SHA-256 (lower-case hex) over the method, the request target
     * as sent (raw path and query), the media type of the body without its parameters and in lower case (so
     * {@code application/json; charset=UTF-8} and {@code application/JSON} are one type; JSON and YAML are not), and
     * the body bytes. Each text part is length-prefixed, so no two different requests share an input.
     *
     * @param method      the HTTP method
     * @param requestUri  the request URI (only its raw path and query count, not the Host it names)
     * @param contentType the {@code Content-Type} header, or null
     * @param body        the body bytes as received (empty for none)
     */
    public static String fingerprint(String method, URI requestUri, String contentType, byte[] body) {
        String target = requestUri.getRawPath() + (requestUri.getRawQuery() == null ? "" : "?" + requestUri.getRawQuery());
        MessageDigest sha256 = Sha256.digest();
        for (String part : new String[] {method, target, mediaType(contentType)}) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            sha256.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
            sha256.update(bytes);
        }
        sha256.update(body);
        return HexFormat.of().formatHex(sha256.digest());
    }

    /**
     * The answer to a request whose key already has one stored for this path, if any: the stored answer again, with
     * its Location resolved against this request ({@link #replayLocation}), when the request repeats the one that got
     * it ({@link Stored#repeatedBy}); else {@link #KEY_REUSED}.
     *
     * @param requestUri the URI of the request being answered
     */
    public static Optional<Reply> reply(DataSource dataSource, String key, String path, String fingerprint,
                                        URI requestUri) throws SQLException {
        return find(dataSource, key, path).map(stored -> {
            if (!stored.repeatedBy(fingerprint)) {
                return new Reply(KEY_REUSED.status(), Problem.MEDIA_TYPE, KEY_REUSED.withInstance(requestUri.getRawPath()),
                        null, false);
            }
            Answer answer = stored.answer();
            return new Reply(answer.status(), answer.contentType(), answer.body().getBytes(StandardCharsets.UTF_8),
                    replayLocation(answer.location(), requestUri), true);
        });
    }

    /** An answer as a response gives it: any Location and media type objects as their text, the entity as {@link #body}. */
    public static Answer answer(int status, Object location, Object mediaType, Object entity, ObjectMapper mapper)
            throws JsonProcessingException {
        return new Answer(status, location == null ? null : location.toString(),
                mediaType == null ? "application/json" : mediaType.toString(), body(entity, mapper));
    }

    /** A response entity as the text to store: strings and bytes as they are, anything else as JSON. */
    public static String body(Object entity, ObjectMapper mapper) throws JsonProcessingException {
        return entity instanceof String text ? text
                : entity instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
                : mapper.writeValueAsString(entity);
    }

    public static Optional<Stored> find(DataSource dataSource, String key, String path) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT status, location, content_type, body, request_sha256 "
                     + "FROM idempotent_response WHERE idem_key = ? AND request_path = ?")) {
            s.setString(1, key);
            s.setString(2, storedPath(path));
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new Stored(
                        new Answer(r.getInt(1), r.getString(2), r.getString(3), r.getString(4)), r.getString(5)))
                        : Optional.empty();
            }
        }
    }

    /**
     * Stores an answer with the fingerprint of its request; its Location is kept path-absolute
     * ({@link #pathAbsolute}). Inside a transaction (the connection joins it) the answer commits or rolls back with
     * the resource it describes; a second answer to the same key and path fails on the primary key.
     */
    public static void store(DataSource dataSource, String key, String path, String fingerprint, Answer answer)
            throws SQLException {
        if (fingerprint == null) {
            throw new IllegalArgumentException("An answer is stored with the fingerprint of its request.");
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("INSERT INTO idempotent_response (idem_key, request_path, status, "
                     + "location, content_type, body, created_at, request_sha256) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, key);
            s.setString(2, storedPath(path));
            s.setInt(3, answer.status());
            s.setString(4, pathAbsolute(answer.location()));
            s.setString(5, answer.contentType());
            s.setString(6, answer.body());
            s.setTimestamp(7, Timestamp.from(Instant.now()));
            s.setString(8, fingerprint);
            s.executeUpdate();
        }
    }

    /**
     * The Location to replay: the stored one resolved against the request being answered, so it names that request's
     * scheme and authority. Answers stored before V91 hold an absolute URI built from their own request's {@code Host};
     * only its path is kept.
     *
     * @return null when the answer had no Location
     */
    static URI replayLocation(String stored, URI requestUri) {
        String path = pathAbsolute(stored);
        return path == null ? null : requestUri.resolve(path);
    }

    /**
     * A Location without scheme and authority ({@code /api/v1/layouts/{id}}, RFC 3986 §4.2 "absolute-path
     * reference"): what the answer says, whatever {@code Host} the request that got it carried.
     */
    static String pathAbsolute(String location) {
        if (location == null) {
            return null;
        }
        URI uri = URI.create(location);
        if (uri.getScheme() == null && uri.getRawAuthority() == null) {
            return location;
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
    }

    /** {@code type/subtype} in lower case, parameters dropped; empty for no Content-Type. */
    static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int parameters = contentType.indexOf(';');
        return (parameters < 0 ? contentType : contentType.substring(0, parameters)).trim().toLowerCase(Locale.ROOT);
    }

    private static String storedPath(String path) {
        return path.length() > MAX_PATH_LENGTH ? path.substring(0, MAX_PATH_LENGTH) : path;
    }
}
