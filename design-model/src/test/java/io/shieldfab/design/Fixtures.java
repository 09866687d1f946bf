package io.shieldfab.design;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shieldfab.design.fuzz.DesignMutations;

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

    /** The Wi-Fi example (docs/design-document.md): valid, no warnings. */
    static ObjectNode wifi() {
        try {
            return (ObjectNode) DesignJson.mapper().readTree(Files.readString(EXAMPLES.resolve("wifi-fem-2g4.json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The design of the security review's finding 5 (docs/evidence.md): the Wi-Fi example shrunk to a 3 × 3 mm
     * package at 3.9 mm pitch on 500 × 500 sites (1956 mm, inside the 2 m panel side) with 100 slots of
     * 0.015 mm per wall ((2 × 100 − 1) × 0.015 = 2.985 &lt; 3.4 mm): valid field by field and across fields.
     */
    static ObjectNode finding5() {
        ObjectNode d = wifi();
        String[][] edits = {{"package.bodyLengthMm", "3.0"}, {"package.bodyWidthMm", "3.0"},
                {"shield.wallClearanceMm", "0.2"}, {"shield.thicknessUm", "20"}, {"panel.rows", "500"},
                {"panel.columns", "500"}, {"panel.pitchXMm", "3.9"}, {"panel.pitchYMm", "3.9"},
                {"shield.openings.perWall", "100"}, {"shield.openings.lengthMm", "0.015"},
                {"shield.openings.style", "\"SLOTS\""}};
        for (String[] edit : edits) {
            d = with(d, edit[0], edit[1]);
        }
        return d;
    }

    /** A copy of {@code tree} with the value at the dotted path replaced (objects on the way are created). */
    static ObjectNode with(ObjectNode tree, String path, JsonNode value) {
        return DesignMutations.set(tree.deepCopy(), path, value);
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
