package io.shieldfab.recipe.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Request bodies built from the repository's example designs (examples/designs, owned by the design model)
 * and hand-computed layout fixtures (src/test/resources/layouts, arithmetic in RecipeResourceTest).
 */
final class Inputs {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Path EXAMPLES = Path.of("..", "examples", "designs");

    private Inputs() {
    }

    static JsonNode design(String example) {
        try {
            Path json = EXAMPLES.resolve(example + ".json");
            if (Files.exists(json)) {
                return JSON.readTree(json.toFile());
            }
            return new YAMLMapper().readTree(EXAMPLES.resolve(example + ".yaml").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode layout(String example) {
        try (var in = Inputs.class.getResourceAsStream("/layouts/" + example + ".layout.json")) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode body(String example) {
        return body(design(example), layout(example));
    }

    static ObjectNode body(JsonNode design, JsonNode layout) {
        ObjectNode body = JSON.createObjectNode();
        body.set("design", design);
        if (layout != null) {
            body.set("layout", layout);
        }
        return body;
    }

    /** The Wi-Fi example with fields replaced, e.g. {@code with("shield", "hollowWalls", true)}. */
    static ObjectNode wifiWith(String section, String field, Object value) {
        ObjectNode design = (ObjectNode) design("wifi-fem-2g4").deepCopy();
        ObjectNode s = (ObjectNode) design.get(section);
        s.set(field, JSON.valueToTree(value));
        return body(design, layout("wifi-fem-2g4"));
    }
}
