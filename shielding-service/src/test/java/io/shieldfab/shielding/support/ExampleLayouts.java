package io.shieldfab.shielding.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shieldfab.design.Design;
import io.shieldfab.design.Violation;
import io.shieldfab.shielding.evaluation.ShieldGeometry;
import io.shieldfab.shielding.rest.dto.LayoutView;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Layout documents of the example designs and their variants, as layout-service wrote them
 * (src/test/resources/layouts, README.md there says which design each one lays out).
 */
public final class ExampleLayouts {

    public static final String WIFI = "wifi-fem-2g4";
    public static final String WIFI_FIRST_DRAFT = "wifi-fem-2g4-first-draft";
    public static final String WIFI_PADS = "wifi-fem-2g4-pads";
    public static final String WIFI_CLOSED_GOLD_1UM = "wifi-fem-2g4-closed-gold-1um";
    public static final String WIFI_HUGE_CAVITY = "wifi-fem-2g4-huge-cavity";
    public static final String MMWAVE = "mmwave-28g";
    public static final String MMWAVE_FIXED = "mmwave-28g-fixed";
    public static final String MCU = "mcu-pillars";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final io.shieldfab.shielding.evaluation.ShieldingEvaluator EVALUATOR =
            new io.shieldfab.shielding.evaluation.ShieldingEvaluator(
                    io.shieldfab.shielding.evaluation.EvaluationSettings.DEFAULTS,
                    io.shieldfab.design.process.FillPolicy.DEFAULT);

    private ExampleLayouts() {
    }

    /** A fresh, mutable tree of a layout document. */
    public static ObjectNode tree(String name) {
        try (InputStream in = ExampleLayouts.class.getResourceAsStream("/layouts/" + name + ".layout.json")) {
            if (in == null) {
                throw new IllegalArgumentException("no layout fixture " + name);
            }
            return (ObjectNode) MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The layout's metrics, to change one as a test's variant of the geometry. */
    public static ObjectNode metrics(ObjectNode layout) {
        return (ObjectNode) layout.get("metrics");
    }

    /** The evaluation of a design tree with a layout, under the default settings and fill policy. */
    public static io.shieldfab.shielding.evaluation.ShieldingReport evaluate(ObjectNode tree, ObjectNode layout) {
        Design d = ExampleDesigns.design(tree);
        return EVALUATOR.evaluate(d, geometry(d, layout));
    }

    /** The geometry of a layout of a design; fails the test when the layout does not give one. */
    public static ShieldGeometry geometry(Design design, ObjectNode layout) {
        List<Violation> violations = new ArrayList<>();
        ShieldGeometry g;
        try {
            g = ShieldGeometry.from(MAPPER.treeToValue(layout, LayoutView.class), design.siteCount(), violations);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (g == null) {
            throw new AssertionError("layout gives no geometry: " + violations);
        }
        return g;
    }
}
