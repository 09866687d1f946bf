package io.shieldfab.recipe.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.shieldfab.recipe.process.Procedure;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The canonical JSON form of a procedure and its content hash: keys sorted at every level, no
 * whitespace, UTF-8, numbers as Java writes doubles. A procedure holds no ids, versions, statuses or
 * timestamps, so two compiles of the same input give byte-identical forms and the same hash.
 */
public final class CanonicalJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private CanonicalJson() {
    }

    /** The mapper used for the canonical form (also reads stored procedures back). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    public static Procedure readProcedure(String json) {
        try {
            return MAPPER.readValue(json, Procedure.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored procedure is not readable", e);
        }
    }

    /** SHA-256 (lower-case hex) of the canonical form of {@code value}. */
    public static String sha256(Object value) {
        return sha256Hex(write(value));
    }

    /** SHA-256 (lower-case hex) of a string's UTF-8 bytes. */
    public static String sha256Hex(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
