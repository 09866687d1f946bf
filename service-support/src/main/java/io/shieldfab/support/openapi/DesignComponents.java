package io.shieldfab.support.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The OpenAPI components of the design document, made from its JSON Schema (docs/schema/design.schema.json): the
 * root becomes {@code Design}, each {@code $defs/x} becomes {@code DesignX}, and {@code #/$defs/x} references point at
 * those components. OpenAPI 3.1 schemas are JSON Schema 2020-12, so every keyword carries over unchanged but the
 * schema's own identity ({@code $schema}, {@code $id}) and its {@code $comment}s, which are notes for maintainers. A
 * keyword this class does not know fails the build (the filter runs at build time) rather than vanish from the
 * contract: docs/api-guide.md, "Client generation".
 */
public final class DesignComponents {

    /** The component the root schema becomes, and the prefix of its definitions' components. */
    public static final String ROOT = "Design";

    private static final String DEFS_REF = "#/$defs/";
    private static final String COMPONENTS_REF = "#/components/schemas/";
    /** Keywords about the schema file, not about a design. */
    private static final Set<String> DROPPED = Set.of("$schema", "$id", "$comment", "$defs");
    private static final ObjectMapper VALUES = new ObjectMapper();

    private DesignComponents() {
    }

    /** The components by name, root first, then the definitions in the schema's order. */
    public static Map<String, Schema> from(JsonNode jsonSchema) {
        Map<String, Schema> components = new LinkedHashMap<>();
        components.put(ROOT, schema(jsonSchema));
        jsonSchema.path("$defs").fields().forEachRemaining(def -> components.put(componentName(def.getKey()),
                schema(def.getValue())));
        return components;
    }

    /** {@code package} → {@code DesignPackage}. */
    public static String componentName(String definition) {
        return ROOT + definition.substring(0, 1).toUpperCase(Locale.ROOT) + definition.substring(1);
    }

    private static Schema schema(JsonNode node) {
        Schema schema = OASFactory.createSchema();
        if (node.isBoolean()) {
            schema.setBooleanSchema(node.booleanValue());
            return schema;
        }
        node.fields().forEachRemaining(keyword -> {
            if (!DROPPED.contains(keyword.getKey())) {
                set(schema, keyword.getKey(), keyword.getValue());
            }
        });
        return schema;
    }

    private static void set(Schema schema, String keyword, JsonNode value) {
        switch (keyword) {
            case "$ref" -> schema.setRef(reference(value.asText()));
            case "type" -> schema.setType(types(value));
            case "properties" -> schema.setProperties(schemas(value));
            case "additionalProperties" -> {
                if (value.isBoolean()) {
                    schema.setAdditionalPropertiesBoolean(value.booleanValue());
                } else {
                    schema.setAdditionalPropertiesSchema(schema(value));
                }
            }
            case "required" -> schema.setRequired(strings(value));
            case "if" -> schema.setIfSchema(schema(value));
            case "then" -> schema.setThenSchema(schema(value));
            case "else" -> schema.setElseSchema(schema(value));
            case "items" -> schema.setItems(schema(value));
            case "not" -> schema.setNot(schema(value));
            case "allOf" -> schema.setAllOf(schemaList(value));
            case "anyOf" -> schema.setAnyOf(schemaList(value));
            case "oneOf" -> schema.setOneOf(schemaList(value));
            default -> setValue(schema, keyword, value);
        }
    }

    /** The keywords whose value is data, not a schema. */
    private static void setValue(Schema schema, String keyword, JsonNode value) {
        switch (keyword) {
            case "title" -> schema.setTitle(value.asText());
            case "description" -> schema.setDescription(value.asText());
            case "pattern" -> schema.setPattern(value.asText());
            case "format" -> schema.setFormat(value.asText());
            case "minimum" -> schema.setMinimum(value.decimalValue());
            case "maximum" -> schema.setMaximum(value.decimalValue());
            case "exclusiveMinimum" -> schema.setExclusiveMinimum(value.decimalValue());
            case "exclusiveMaximum" -> schema.setExclusiveMaximum(value.decimalValue());
            case "minLength" -> schema.setMinLength(value.intValue());
            case "maxLength" -> schema.setMaxLength(value.intValue());
            case "minItems" -> schema.setMinItems(value.intValue());
            case "maxItems" -> schema.setMaxItems(value.intValue());
            case "deprecated" -> schema.setDeprecated(value.booleanValue());
            case "default" -> schema.setDefaultValue(plain(value));
            case "const" -> schema.setConstValue(plain(value));
            case "enum" -> schema.setEnumeration(new ArrayList<>(VALUES.convertValue(value, List.class)));
            case "examples" -> schema.setExamples(new ArrayList<>(VALUES.convertValue(value, List.class)));
            default -> throw new IllegalStateException("design.schema.json uses the keyword '" + keyword
                    + "', which DesignComponents does not carry into the OpenAPI document; add it there");
        }
    }

    private static String reference(String ref) {
        if (!ref.startsWith(DEFS_REF)) {
            throw new IllegalStateException("design.schema.json refers outside its $defs: " + ref);
        }
        return COMPONENTS_REF + componentName(ref.substring(DEFS_REF.length()));
    }

    private static List<Schema.SchemaType> types(JsonNode value) {
        List<Schema.SchemaType> types = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(t -> types.add(Schema.SchemaType.valueOf(t.asText().toUpperCase(Locale.ROOT))));
        } else {
            types.add(Schema.SchemaType.valueOf(value.asText().toUpperCase(Locale.ROOT)));
        }
        return types;
    }

    private static Map<String, Schema> schemas(JsonNode value) {
        Map<String, Schema> schemas = new LinkedHashMap<>();
        value.fields().forEachRemaining(property -> schemas.put(property.getKey(), schema(property.getValue())));
        return schemas;
    }

    private static List<Schema> schemaList(JsonNode value) {
        List<Schema> schemas = new ArrayList<>();
        value.forEach(item -> schemas.add(schema(item)));
        return schemas;
    }

    private static List<String> strings(JsonNode value) {
        List<String> strings = new ArrayList<>();
        value.forEach(item -> strings.add(item.asText()));
        return strings;
    }

    private static Object plain(JsonNode value) {
        return VALUES.convertValue(value, Object.class);
    }
}
