package io.shieldfab.layout.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.shieldfab.design.Design;
import io.shieldfab.design.DesignJson;
import io.shieldfab.design.DesignReader;
import io.shieldfab.design.OutputEstimate;
import io.shieldfab.design.OutputLimits;
import io.shieldfab.design.ReadResult;
import io.shieldfab.design.fuzz.DesignMutations;
import io.shieldfab.layout.geometry.LayoutGenerator;
import io.shieldfab.layout.geometry.LayoutMetrics;
import io.shieldfab.layout.geometry.LayoutSpec;
import io.shieldfab.layout.geometry.PanelLayout;
import io.shieldfab.layout.geometry.Shape;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The design model's output estimate (docs/design-document.md, "Output size") against the real generator and
 * writers: for each design below the four files are written to a byte counter and the flat shapes counted, and
 * each estimate must be at least the real figure (an upper bound, which the gateway's bundle limits rely on) and
 * at most {@value #TOLERANCE} times it plus {@value #SLACK_BYTES} bytes (so the limits mean what they say).
 */
class OutputEstimateTest {

    /** Largest estimate / real ratio allowed: six decimals per coordinate are assumed, real files have fewer. */
    static final double TOLERANCE = 1.3;
    /**
     * What the estimate may add to small files: the SVG's fixed part is rounded up to 8.6 KiB and its street
     * rectangles to four 8-character numbers, which only matters while the file is a few tens of KB.
     */
    static final long SLACK_BYTES = 16 * 1024;

    static final Path EXAMPLES = Path.of("..", "examples", "designs");

    record Real(long shapes, long gds, long flatGds, long dxf, long svg) {
    }

    @Test
    void everyEstimateIsAnUpperBoundOfTheRealFilesWithinTheTolerance() throws IOException {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, Design> example : designs().entrySet()) {
            Design design = example.getValue();
            OutputEstimate estimate = OutputEstimate.of(design);
            Real real = write(design);
            String context = example.getKey() + ": estimate " + estimate + ", real " + real;
            assertThat(estimate.shapes()).as(context).isGreaterThanOrEqualTo(real.shapes());
            assertWithin(estimate.gdsBytes(), real.gds(), context);
            assertWithin(estimate.flatGdsBytes(), real.flatGds(), context);
            assertWithin(estimate.dxfBytes(), real.dxf(), context);
            assertWithin(estimate.svgBytes(), real.svg(), context);
            lines.add(String.format(Locale.ROOT,
                    "ESTIMATE %-22s shapes %,d / %,d; GDSII %,d / %,d; flat GDSII %,d / %,d; DXF %,d / %,d (%.3f); SVG %,d / %,d",
                    example.getKey(), estimate.shapes(), real.shapes(), estimate.gdsBytes(), real.gds(),
                    estimate.flatGdsBytes(), real.flatGds(), estimate.dxfBytes(), real.dxf(),
                    (double) estimate.dxfBytes() / real.dxf(), estimate.svgBytes(), real.svg()));
        }
        // The figures docs/evidence.md quotes: estimate / real.
        lines.forEach(System.out::println);
    }

    @Test
    void theReferencePanelIsWithinTheDefaultsAndItsRealFilesToo() throws IOException {
        // docs/benchmarks.md's 300 × 300 panel at 5 mm, slots after support removal: 90 000 sites × (18 polygons
        // + 1 label) + outline 1 + rear cover 1 + streets 602 + fiducials 3 + indices 600 = 1 711 207 shapes, under
        // the default 2 000 000; DXF estimate 457 MiB under 512 MiB. The real files are smaller still.
        Design reference = reference(300, 300);
        OutputEstimate estimate = OutputEstimate.of(reference);
        assertThat(estimate.shapes()).isEqualTo(1_711_207);
        assertThat(estimate.within(OutputLimits.DEFAULTS)).as(estimate.toString()).isTrue();
        assertThat(DesignReader.create(OutputLimits.DEFAULTS).read(DesignJson.toTree(reference)).valid()).isTrue();

        Real real = write(reference);
        assertThat(real.shapes()).isEqualTo(1_711_207);
        assertThat(real.dxf()).isLessThanOrEqualTo(estimate.dxfBytes()).isLessThan(OutputLimits.DEFAULTS.maxDxfBytes());
        assertThat(real.flatGds()).isLessThanOrEqualTo(estimate.flatGdsBytes());
        System.out.printf(Locale.ROOT, "ESTIMATE reference 300 x 300: DXF %,d / %,d, flat GDSII %,d / %,d%n",
                estimate.dxfBytes(), real.dxf(), estimate.flatGdsBytes(), real.flatGds());
    }

    static void assertWithin(long estimate, long real, String context) {
        assertThat(estimate).as("upper bound, " + context).isGreaterThanOrEqualTo(real);
        assertThat((double) estimate).as("tolerance, " + context).isLessThanOrEqualTo(TOLERANCE * real + SLACK_BYTES);
    }

    /** The designs compared: the examples and variants that stress each term of the estimate. */
    static Map<String, Design> designs() throws IOException {
        Map<String, Design> out = new LinkedHashMap<>();
        ObjectNode wifi = example("wifi-fem-2g4.json");
        out.put("wifi-fem-2g4", read(wifi));
        out.put("mmwave-28g", read(example("mmwave-28g.yaml")));
        // 6 pillar gaps per wall: 2 + 4 × 7 + 24 + 4 = 58 polygons a site
        out.put("mcu-pillars", read(example("mcu-pillars.json")));
        out.put("reference 100 x 100", reference(100, 100));
        // 100 gaps per wall: 2 + 4 × 101 + 400 + 4 = 810 polygons a site; 9 columns take at most 9 gates a row
        ObjectNode pillars = example("mcu-pillars.json");
        pillars = set(pillars, "shield.openings.perWall", new IntNode(100));
        pillars = set(pillars, "shield.openings.lengthMm", 0.03);
        pillars = set(pillars, "panel.rows", new IntNode(8));
        pillars = set(pillars, "panel.columns", new IntNode(9));
        pillars = set(pillars, "encapsulation.gatesPerRow", new IntNode(9));
        out.put("100 pillar gaps", read(pillars));
        // slots into the wall space after support removal: the rear cover is one more rectangle of the panel
        ObjectNode slots = set(wifi, "shield.openings.style", new TextNode("SLOTS"));
        slots = set(slots, "encapsulation.stage", new TextNode("AFTER_SUPPORT_REMOVAL"));
        out.put("slots and rear cover", read(slots));
        // six-decimal lengths everywhere and no margin: no fiducials, no indices, street edges below 0
        ObjectNode odd = set(wifi, "panel.marginMm", 0.0);
        odd = set(odd, "panel.pitchXMm", 7.123457);
        odd = set(odd, "panel.pitchYMm", 6.098765);
        odd = set(odd, "panel.sawKerfMm", 0.123457);
        odd = set(odd, "package.bodyLengthMm", 5.012345);
        odd = set(odd, "shield.wallClearanceMm", 0.312347);
        odd = set(odd, "shield.openings.perWall", new IntNode(7));
        odd = set(odd, "shield.openings.lengthMm", 0.1234567);
        odd = set(odd, "panel.rows", new IntNode(60));
        odd = set(odd, "panel.columns", new IntNode(70));
        out.put("six decimals, margin 0", read(odd));
        // one site (one gate), solid walls, a ring that does not fit (land (7.0 − 5.65 − 0.2) / 2 = 0.575 < 0.6)
        ObjectNode one = set(wifi, "panel.rows", new IntNode(1));
        one = set(one, "panel.columns", new IntNode(1));
        one = set(one, "encapsulation.gatesPerRow", new IntNode(1));
        one = set(one, "shield.openings", DesignJson.mapper().createObjectNode().put("style", "NONE"));
        one = set(one, "bonding.padSizeMm", 0.6);
        out.put("one site, no pads", read(one));
        // a name and a revision that the SVG escapes
        ObjectNode named = set(wifi, "name", new TextNode("n".repeat(100)));
        named = set(named, "revision", new TextNode("<&>\"'ÄÖÜ€漢字😀"));
        out.put("long name, odd revision", read(named));
        return out;
    }

    /** docs/benchmarks.md's panel: package 4 × 3.4 mm, 0.3 mm clearance, 25 µm wall, 3 slots, pitch 5 mm. */
    static Design reference(int rows, int columns) throws IOException {
        ObjectNode d = example("wifi-fem-2g4.json");
        d = set(d, "name", new TextNode("reference"));
        d = set(d, "package.bodyLengthMm", 4.0);
        d = set(d, "package.bodyWidthMm", 3.4);
        d = set(d, "panel.pitchXMm", 5.0);
        d = set(d, "panel.pitchYMm", 5.0);
        d = set(d, "panel.rows", new IntNode(rows));
        d = set(d, "panel.columns", new IntNode(columns));
        d = set(d, "shield.openings.lengthMm", 0.5);
        // land (5 − 4.65 − 0.2) / 2 = 0.075 mm: the 0.1 mm pads do not fit; 12 slots (troughs would add 12 notches
        // and take the panel over the default shape limit), 2 + 4 + 12 = 18 polygons a site
        d = set(d, "shield.openings.style", new TextNode("SLOTS"));
        d = set(d, "encapsulation.stage", new TextNode("AFTER_SUPPORT_REMOVAL"));
        d = set(d, "bonding.padSizeMm", 0.1);
        return read(d);
    }

    static ObjectNode example(String file) throws IOException {
        ReadResult result = DesignReader.create().read(Files.readAllBytes(EXAMPLES.resolve(file)), null);
        assertThat(result.valid()).as(file + " " + result.violations()).isTrue();
        return (ObjectNode) DesignJson.toTree(result.design());
    }

    static ObjectNode set(ObjectNode tree, String path, JsonNode value) {
        return DesignMutations.set(tree.deepCopy(), path, value);
    }

    static ObjectNode set(ObjectNode tree, String path, double value) {
        return set(tree, path, DesignJson.mapper().getNodeFactory().numberNode(value));
    }

    static Design read(ObjectNode tree) {
        ReadResult result = DesignReader.create().read(tree);
        assertThat(result.violations()).as(tree.toString()).isEmpty();
        return result.design();
    }

    /** Writes the four files to byte counters and counts the elements of a flat file. */
    static Real write(Design design) throws IOException {
        LayoutSpec spec = LayoutSpec.from(design);
        assertThat(LayoutGenerator.check(spec)).isEmpty();
        PanelLayout layout = LayoutGenerator.generate(spec);
        Counter gds = new Counter();
        GdsWriter.write(layout, false, Instant.EPOCH, gds);
        Counter flat = new Counter();
        GdsWriter.write(layout, true, Instant.EPOCH, flat);
        Counter dxf = new Counter();
        DxfWriter.write(layout, dxf);
        Counter svg = new Counter();
        SvgWriter.write(layout, LayoutMetrics.of(spec), svg);
        long fiducials = layout.fiducialCentres().size() * (long) layout.fiducial().size();
        long shapes = spec.siteCount() * (layout.site().shapes().size() + 1L) + layout.panelShapes().size()
                + fiducials + layout.edgeLabels().size();
        for (Shape s : layout.site().shapes()) {
            assertThat(s.vertexCount()).as("site polygons are rectangles, as the estimate assumes").isEqualTo(4);
        }
        return new Real(shapes, gds.bytes, flat.bytes, dxf.bytes, svg.bytes);
    }

    /** Counts bytes and keeps none. */
    static final class Counter extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
        }
    }
}
