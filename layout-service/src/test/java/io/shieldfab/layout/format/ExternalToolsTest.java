package io.shieldfab.layout.format;

import io.shieldfab.design.Design;
import io.shieldfab.design.DesignReader;
import io.shieldfab.design.EncapsulationSpec.EncapsulationStage;
import io.shieldfab.design.OpeningsSpec.OpeningStyle;
import io.shieldfab.design.ReadResult;
import io.shieldfab.design.geometry.FlowRoute;
import io.shieldfab.layout.geometry.LayoutGenerator;
import io.shieldfab.layout.geometry.LayoutMetrics;
import io.shieldfab.layout.geometry.LayoutSpec;
import io.shieldfab.layout.geometry.PanelLayout;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Opens the files written for every valid example design (examples/designs) with independent tools: gdspy
 * (GDSII polygons per layer and bounding box, hierarchical and flat), KLayout in batch mode (the same, with
 * the AREF expanded by KLayout), ezdxf (audit with zero errors, units micrometres, polylines per layer, bounding
 * box in mm) and KLayout again for the DXF (default options: true size, polygons per layer). Each check is skipped
 * when its tool is not installed (CI installs python3-gdspy and python3-ezdxf). Expected counts come from the
 * design alone, not from the generator: openings on layer 5 = perWall × 4 × sites, and so on.
 */
class ExternalToolsTest {

    static final Path EXAMPLES = Path.of("..", "examples", "designs");
    static final Path OUT = Path.of("target", "external-check");
    static final Instant CREATED = Instant.parse("2026-11-24T00:00:00Z");

    record Example(String name, Design design) {
    }

    static List<Example> examples() throws IOException {
        List<Example> out = new ArrayList<>();
        // the files do not depend on the database: the PostgreSQL pass (-Ppostgresql) need not repeat these checks
        if ("pg".equals(System.getProperty("quarkus.test.profile"))) {
            return out;
        }
        if (!Files.isDirectory(EXAMPLES)) {
            return out;
        }
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            for (Path p : files.sorted().toList()) {
                String f = p.getFileName().toString();
                String type = f.endsWith(".json") ? "application/json"
                        : f.endsWith(".yaml") || f.endsWith(".yml") ? "application/yaml" : null;
                if (type == null) {
                    continue;
                }
                ReadResult r = DesignReader.create().read(Files.readAllBytes(p), type);
                if (r.valid() && LayoutGenerator.check(LayoutSpec.from(r.design())).isEmpty()) {
                    out.add(new Example(f.substring(0, f.lastIndexOf('.')), r.design()));
                }
            }
        }
        return out;
    }

    /** Polygons per GDSII layer, from the design's numbers only. */
    static Map<String, Long> expectedLayers(Design d) {
        long sites = (long) d.panel().rows() * d.panel().columns();
        var o = d.shield().openings();
        int n = o == null || o.style() == OpeningStyle.NONE ? 0 : o.perWall();
        boolean troughs = o != null && o.style() == OpeningStyle.TROUGHS;
        boolean supportRemoved = d.encapsulation().stage() == EncapsulationStage.AFTER_SUPPORT_REMOVAL;
        boolean rearCover = FlowRoute.of(o == null ? null : o.style(), supportRemoved).needsRearCover();
        long wallsPerSite = 4L * (o != null && o.style() == OpeningStyle.PILLARS && n > 0 ? n + 1 : 1);
        double wallMm = d.shield().thicknessUm() / 1000.0;
        double streetX = d.panel().pitchXMm() - d.packageSpec().bodyLengthMm() - 2 * d.shield().wallClearanceMm() - 2 * wallMm;
        double streetY = d.panel().pitchYMm() - d.packageSpec().bodyWidthMm() - 2 * d.shield().wallClearanceMm() - 2 * wallMm;
        double land = (Math.min(streetX, streetY) - d.panel().sawKerfMm()) / 2;
        boolean pads = d.bonding() != null && d.bonding().padSizeMm() <= land;
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("1", 1L);
        m.put("2", sites);
        m.put("3", sites);
        m.put("4", sites * wallsPerSite);
        m.put("5", sites * 4 * n);
        m.put("6", (long) d.panel().rows() + d.panel().columns() + 2);
        m.put("7", pads ? 4 * sites : 0);
        m.put("8", d.panel().marginMm() > 0 ? 3L : 0L);
        // TROUGHS: a notch in the rib top under each half-trough; the rear cover is one rectangle over the array
        m.put("10", troughs ? sites * 4 * n : 0);
        m.put("11", rearCover ? 1L : 0L);
        m.values().removeIf(v -> v == 0);
        return m;
    }

    static String expectedJson(Design d, boolean dxf) {
        Map<String, Long> layers = expectedLayers(d);
        StringBuilder sb = new StringBuilder("{\"layers\": {");
        String[] dxfNames = {"", "PANEL_OUTLINE", "MANDREL_RECESS", "DEPRESSION_BOTTOM", "SIDE_WALL", "OPENING",
                "SAW_STREET", "BONDING_PAD", "FIDUCIAL", "TEXT", "MANDREL_NOTCH", "REAR_COVER"};
        layers.forEach((k, v) -> sb.append('"').append(dxf ? dxfNames[Integer.parseInt(k)] : k).append("\": ")
                .append(v).append(", "));
        sb.setLength(sb.length() - 2);
        double w = d.panel().columns() * d.panel().pitchXMm() + 2 * d.panel().marginMm();
        double h = d.panel().rows() * d.panel().pitchYMm() + 2 * d.panel().marginMm();
        long texts = (long) d.panel().rows() * d.panel().columns() + d.panel().rows() + d.panel().columns();
        var o = d.shield().openings();
        if (!dxf && o != null && o.style() == OpeningStyle.TROUGHS) {
            // each line of troughs joins across the inner streets: n × [rows × (columns + 1) + columns × (rows + 1)]
            int r = d.panel().rows();
            int c = d.panel().columns();
            sb.append("}, \"channels\": ").append((long) o.perWall() * ((long) r * (c + 1) + (long) c * (r + 1)))
                    .append(", \"bbox_um\": [0, 0, ");
        } else {
            sb.append("}, \"bbox_um\": [0, 0, ");
        }
        return sb.append(w * 1000).append(", ").append(h * 1000)
                .append("], \"texts\": ").append(texts).append('}').toString();
    }

    static String python() {
        return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    }

    static boolean available(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        try (InputStream in = p.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        boolean done = p.waitFor(300, TimeUnit.SECONDS);
        assertThat(done).as("tool finished").isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
        return output;
    }

    static Path script(String name) throws IOException {
        Path target = OUT.resolve(name);
        try (InputStream in = ExternalToolsTest.class.getResourceAsStream("/external/" + name)) {
            Files.createDirectories(OUT);
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    static Path write(Example e, String suffix, Writer w) throws IOException {
        Files.createDirectories(OUT);
        Path file = OUT.resolve(e.name() + suffix);
        PanelLayout layout = LayoutGenerator.generate(LayoutSpec.from(e.design()));
        try (OutputStream os = Files.newOutputStream(file)) {
            w.write(layout, os);
        }
        return file;
    }

    interface Writer {
        void write(PanelLayout layout, OutputStream os) throws IOException;
    }

    static Path expected(Example e, boolean dxf) throws IOException {
        Path p = OUT.resolve(e.name() + (dxf ? ".dxf" : ".gds") + ".expected.json");
        Files.writeString(p, expectedJson(e.design(), dxf));
        return p;
    }

    @TestFactory
    Stream<DynamicTest> gdspyOpensTheGdsii() throws IOException {
        List<Example> examples = examples();
        Assumptions.assumeFalse(examples.isEmpty(), "no example designs found");
        Assumptions.assumeTrue(available(python(), "-c", "import gdspy"), "gdspy is not installed");
        Path script = script("check_gds_gdspy.py");
        return examples.stream().flatMap(e -> Stream.of(false, true).map(flat -> DynamicTest.dynamicTest(
                e.name() + (flat ? " flat" : " hierarchical"), () -> {
                    Path gds = write(e, flat ? "-flat.gds" : ".gds", (l, os) -> GdsWriter.write(l, flat, CREATED, os));
                    String out = run(python(), script.toString(), gds.toString(), expected(e, false).toString());
                    assertThat(out).contains("OK");
                })));
    }

    @TestFactory
    Stream<DynamicTest> klayoutOpensTheGdsii() throws IOException {
        return klayout(false);
    }

    /** KLayout with its default DXF options (no dxf_unit): the panel at its true size, e.g. 48 × 30 mm. */
    @TestFactory
    Stream<DynamicTest> klayoutOpensTheDxfAtItsTrueSize() throws IOException {
        return klayout(true);
    }

    /** check_klayout.py in KLayout's batch mode on the GDSII or the DXF of every example. */
    private static Stream<DynamicTest> klayout(boolean dxf) throws IOException {
        List<Example> examples = examples();
        Assumptions.assumeFalse(examples.isEmpty(), "no example designs found");
        Assumptions.assumeTrue(available("klayout", "-v"), "KLayout is not installed");
        Path script = script("check_klayout.py");
        return examples.stream().map(e -> DynamicTest.dynamicTest(e.name(), () -> {
            Path file = dxf ? write(e, ".dxf", DxfWriter::write)
                    : write(e, ".gds", (l, os) -> GdsWriter.write(l, false, CREATED, os));
            String out = run("klayout", "-b", "-r", script.toString(), "-rd", (dxf ? "dxf=" : "gds=") + file,
                    "-rd", "expected=" + expected(e, dxf));
            assertThat(out).contains("OK");
        }));
    }

    @TestFactory
    Stream<DynamicTest> ezdxfAuditsTheDxf() throws IOException {
        List<Example> examples = examples();
        Assumptions.assumeFalse(examples.isEmpty(), "no example designs found");
        Assumptions.assumeTrue(available(python(), "-c", "import ezdxf"), "ezdxf is not installed");
        Path script = script("check_dxf_ezdxf.py");
        return examples.stream().map(e -> DynamicTest.dynamicTest(e.name(), () -> {
            Path dxf = write(e, ".dxf", DxfWriter::write);
            String out = run(python(), script.toString(), dxf.toString(), expected(e, true).toString());
            assertThat(out).contains("audit errors 0").contains("units 13").contains("OK");
        }));
    }

    @TestFactory
    Stream<DynamicTest> svgRenders() throws IOException {
        List<Example> examples = examples();
        Assumptions.assumeFalse(examples.isEmpty(), "no example designs found");
        Assumptions.assumeTrue(available("rsvg-convert", "--version"), "rsvg-convert (librsvg2-bin) is not installed");
        return examples.stream().map(e -> DynamicTest.dynamicTest(e.name(), () -> {
            Path svg = write(e, ".svg", (l, os) -> SvgWriter.write(l, LayoutMetrics.of(l.spec()), os));
            Path png = OUT.resolve(e.name() + ".png");
            run("rsvg-convert", "-w", "1400", "-o", png.toString(), svg.toString());
            // a PNG: 8-byte signature, then the IHDR chunk with the width (big-endian) at offset 16
            byte[] head = Arrays.copyOf(Files.readAllBytes(png), 24);
            assertThat(head[1]).isEqualTo((byte) 'P');
            assertThat(ByteBuffer.wrap(head, 16, 4).getInt()).isEqualTo(1400);
        }));
    }
}
