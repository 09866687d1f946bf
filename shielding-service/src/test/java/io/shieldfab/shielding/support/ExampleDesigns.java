package io.shieldfab.shielding.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.shieldfab.design.Design;
import io.shieldfab.design.DesignReader;
import io.shieldfab.design.ReadResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The suite's example designs (examples/designs, the foundation's fixtures), read as JSON trees. */
public final class ExampleDesigns {

    public static final String WIFI = "wifi-fem-2g4.json";
    public static final String MMWAVE = "mmwave-28g.yaml";
    public static final String MCU = "mcu-pillars.json";
    public static final String MMWAVE_COARSE_FILLER = "mmwave-28g-coarse-filler.yaml";

    private static final Path DIR = Path.of("..", "examples", "designs");

    private ExampleDesigns() {
    }

    /** A fresh, mutable tree of an example (YAML examples converted to JSON). */
    public static ObjectNode tree(String file) {
        try {
            String text = Files.readString(DIR.resolve(file));
            ObjectMapper mapper = file.endsWith(".yaml") ? new YAMLMapper() : new ObjectMapper();
            ObjectNode node = (ObjectNode) mapper.readTree(text);
            node.remove("$schema");
            node.remove("$comment");
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a tree with the design-model reader; fails the test when it is invalid. */
    public static Design design(ObjectNode tree) {
        ReadResult r = DesignReader.create().read(tree);
        if (!r.valid()) {
            throw new AssertionError("example design is invalid: " + r.violations());
        }
        return r.design();
    }
}
