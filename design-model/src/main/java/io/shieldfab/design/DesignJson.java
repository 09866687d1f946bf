package io.shieldfab.design;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.UncheckedIOException;

/**
 * Canonical JSON of a {@link Design}: the form services store, hash and pass on. Properties come in record
 * declaration order ({@link Design} pins its own order), {@code null} optionals are left out, defaults are
 * written out, so two equal designs always give the same bytes. The output reads back through
 * {@link DesignReader} to an equal design.
 */
public final class DesignJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private DesignJson() {
    }

    /**
     * The shared, configured mapper (thread-safe; do not reconfigure it). Use {@link DesignReader} rather than
     * this mapper to turn untrusted input into a {@link Design}: the reader validates and applies defaults.
     */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Canonical compact JSON of a design. */
    public static String write(Design design) {
        try {
            return MAPPER.writeValueAsString(design);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The design as a Jackson tree, same content as {@link #write(Design)}. */
    public static JsonNode toTree(Design design) {
        return MAPPER.valueToTree(design);
    }
}
