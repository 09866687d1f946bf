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

    /**
     * The Wi-Fi example grown to the largest depression the design model allows (140 × 140 × 19.5 mm, εr 100) at
     * 300 GHz × 50 harmonics: the design of layout {@code ExampleLayouts.WIFI_HUGE_CAVITY}.
     */
    public static ObjectNode hugeCavity() {
        ObjectNode tree = ExampleDesigns.tree(ExampleDesigns.WIFI);
        ((ObjectNode) tree.get("package")).put("bodyLengthMm", 100).put("bodyWidthMm", 100).put("heightMm", 19.5)
                .put("operatingFrequencyHz", 300e9).put("harmonics", 50);
        ((ObjectNode) tree.get("panel")).put("rows", 1).put("columns", 1).put("pitchXMm", 200).put("pitchYMm", 200);
        ((ObjectNode) tree.get("shield")).put("wallClearanceMm", 20);
        ((ObjectNode) tree.get("mandrel")).put("recessDepthMm", 19.5);
        ((ObjectNode) tree.get("encapsulation")).put("relativePermittivity", 100).put("gatesPerRow", 1);
        return tree;
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
