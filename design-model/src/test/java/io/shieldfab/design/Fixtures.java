package io.shieldfab.design;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test fixtures: the example documents and dotted-path edits of a JSON tree. */
final class Fixtures {

    /** examples/designs, seen from the design-model module folder (surefire's working directory). */
    static final Path EXAMPLES = Path.of("..", "examples", "designs");
    static final Path SCHEMA = Path.of("..", "docs", "schema", "design.schema.json");

    private Fixtures() {
    }

    /** The Wi-Fi example (DESIGN.md §3): valid, no warnings. */
    static ObjectNode wifi() {
        try {
            return (ObjectNode) DesignJson.mapper().readTree(Files.readString(EXAMPLES.resolve("wifi-fem-2g4.json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy of {@code tree} with the value at the dotted path replaced (objects on the way are created). */
    static ObjectNode with(ObjectNode tree, String path, JsonNode value) {
        return io.shieldfab.design.fuzz.DesignMutations.set(tree.deepCopy(), path, value);
    }

    /** A copy of {@code tree} with the value at the dotted path given as JSON text, e.g. {@code "\"TOP\""}. */
    static ObjectNode with(ObjectNode tree, String path, String json) {
        try {
            return with(tree, path, DesignJson.mapper().readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy of {@code tree} without the field at the dotted path. */
    static ObjectNode without(ObjectNode tree, String path) {
        ObjectNode copy = tree.deepCopy();
        String[] parts = path.split("\\.");
        ObjectNode parent = copy;
        for (int i = 0; i < parts.length - 1; i++) {
            parent = (ObjectNode) parent.get(parts[i]);
        }
        parent.remove(parts[parts.length - 1]);
        return copy;
    }

    static ReadResult read(JsonNode tree) {
        return DesignReader.create().read(tree);
    }
}
