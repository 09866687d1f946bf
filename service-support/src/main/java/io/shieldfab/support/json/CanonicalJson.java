package io.shieldfab.support.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shieldfab.support.hashing.Sha256;

import java.util.TreeMap;

/**
 * The canonical JSON form the services hash: keys sorted at every level (record properties, map entries and the
 * fields of a JSON tree alike), no whitespace, UTF-8, numbers as Java writes doubles. Equal content gives
 * byte-identical text and so the same SHA-256, whatever order its keys came in (docs/recipe.md §6).
 * The design document has its own declared-order form, design-model's {@code DesignJson}.
 */
public final class CanonicalJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private CanonicalJson() {
    }

    /** The mapper of the canonical form (thread-safe; do not reconfigure it); it also reads canonical text back. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The canonical text of a value or of a JSON tree. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value instanceof JsonNode node ? sorted(node) : value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    /** SHA-256 (lower-case hex) of the canonical form of {@code value}. */
    public static String sha256(Object value) {
        return Sha256.hex(write(value));
    }

    /** A JSON tree with the fields of every object in key order, so equal documents hash equally. */
    public static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            TreeMap<String, JsonNode> fields = new TreeMap<>();
            node.fields().forEachRemaining(field -> fields.put(field.getKey(), sorted(field.getValue())));
            ObjectNode out = ((ObjectNode) node).objectNode();
            fields.forEach(out::set);
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = ((ArrayNode) node).arrayNode();
            node.forEach(element -> out.add(sorted(element)));
            return out;
        }
        return node;
    }
}
