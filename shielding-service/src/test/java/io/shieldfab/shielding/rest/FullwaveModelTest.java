package io.shieldfab.shielding.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.shieldfab.shielding.fullwave.MeshLines;
import io.shieldfab.shielding.support.ExampleDesigns;
import io.shieldfab.shielding.support.ExampleLayouts;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The openEMS model of a stored evaluation (docs/shielding.md, "Full-wave model"): what the zip holds, the meshing
 * rules checked on the grid it writes, and openEMS itself reading both inputs and running them (when it is installed:
 * .ci/run installs Debian's openems).
 */
@QuarkusTest
class FullwaveModelTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static String evaluate(ObjectNode design, String layout) {
        ObjectNode body = MAPPER.createObjectNode();
        body.set("design", design);
        body.set("layout", ExampleLayouts.tree(layout));
        return given().contentType(ContentType.JSON).body(body.toString()).when().post("/api/v1/shielding/evaluations")
                .then().statusCode(201).extract().path("id");
    }

    static byte[] model(String id) {
        return given().when().get("/api/v1/shielding/evaluations/{id}/fullwave-model", id)
                .then().statusCode(200).contentType("application/zip")
                .header("Content-Disposition", "attachment; filename=\"fullwave-model-" + id + ".zip\"")
                .extract().asByteArray();
    }

    @Test
    void theWifiCanIsTwoOpenEmsInputsAndAReadmeOnAMeshThatKeepsTheRules() throws Exception {
        String id = evaluate(ExampleDesigns.tree(ExampleDesigns.WIFI), ExampleLayouts.WIFI);
        byte[] zip = model(id);
        Map<String, String> files = unzip(zip);
        assertThat(files.keySet()).containsExactly("README.md", "can.xml", "reference.xml");
        assertThat(model(id)).as("the same report gives the same bytes").isEqualTo(zip);
        // kept for a person to look at (target/ only)
        Files.write(Path.of("target", "fullwave-model-wifi.zip"), zip);

        Document can = xml(files.get("can.xml"));
        Document reference = xml(files.get("reference.xml"));
        // The Wi-Fi example checks up to its 10th harmonic, 24.5 GHz: λ in air 299792458 / 24.5e9 = 12.2364 mm,
        // λ/20 = 0.61182 mm the largest cell in air; the nickel wall (25 µm) is more than 3 skin depths at 2.45 GHz,
        // so the can is a perfect conductor.
        Element fdtd = (Element) can.getElementsByTagName("FDTD").item(0);
        assertThat(Double.parseDouble(fdtd.getAttribute("f_max"))).isEqualTo(24.5e9);
        assertThat(can.getElementsByTagName("Metal").getLength()).isEqualTo(1);
        assertThat(reference.getElementsByTagName("Metal").getLength()).isZero();
        assertThat(reference.getElementsByTagName("ProbeBox").getLength()).isEqualTo(5);
        for (String axis : List.of("XLines", "YLines", "ZLines")) {
            List<Double> lines = lines(can, axis);
            assertThat(MeshLines.maxRatio(lines)).as(axis).isLessThanOrEqualTo(MeshLines.MAX_RATIO + 1e-6);
            for (int i = 1; i < lines.size(); i++) {
                assertThat(lines.get(i) - lines.get(i - 1)).as(axis + " cell " + i).isLessThanOrEqualTo(0.61182 + 1e-6);
            }
            assertThat(lines(reference, axis)).as("the reference has the can's mesh").isEqualTo(lines);
        }
        // Every corner of every box lies on mesh lines (openEMS ignores what falls between them), and the openings
        // (3 per wall, 0.057 mm wide) are at least two cells across.
        assertCornersOnLines(can);
        assertThat(can.getElementsByTagName("P1").getLength()).isGreaterThan(10);
        assertThat(files.get("README.md")).contains("3 per side wall").contains("perfect conductors")
                .contains("| 10 | 24.5 |").contains("- Seam: none; the rim is bonded to the board all round.");
    }

    /** Every corner of every box lies on mesh lines: openEMS ignores what falls between them. */
    static void assertCornersOnLines(Document can) {
        List<Double> x = lines(can, "XLines");
        List<Double> y = lines(can, "YLines");
        List<Double> z = lines(can, "ZLines");
        for (String corner : List.of("P1", "P2")) {
            NodeList ps = can.getElementsByTagName(corner);
            for (int i = 0; i < ps.getLength(); i++) {
                Element p = (Element) ps.item(i);
                assertThat(onLine(x, p.getAttribute("X"))).as(corner + " X " + p.getAttribute("X")).isTrue();
                assertThat(onLine(y, p.getAttribute("Y"))).as(corner + " Y " + p.getAttribute("Y")).isTrue();
                assertThat(onLine(z, p.getAttribute("Z"))).as(corner + " Z " + p.getAttribute("Z")).isTrue();
            }
        }
    }

    @Test
    void theWifiCanOnPadsHasItsSeamGapsInItsWallsAndOpenEmsReadsThem() throws Exception {
        ObjectNode design = ExampleDesigns.tree(ExampleDesigns.WIFI);
        ((ObjectNode) design.get("bonding")).put("pattern", "PADS");
        String id = evaluate(design, ExampleLayouts.WIFI_PADS);
        // the report carries what the model draws: the layout's four 0.3 mm pads and the design's 50 µm thickness
        String seam = MAPPER.readTree(given().when().get("/api/v1/shielding/evaluations/{id}", id).then()
                .statusCode(200).extract().asString()).get("seam").toString();
        assertThat(seam).contains("\"gapHeightMm\":0.05,\"padSizeMm\":0.3,\"pads\":[{\"xMm\":0.0,\"yMm\":2.6125},"
                + "{\"xMm\":0.0,\"yMm\":-2.6125},{\"xMm\":3.1125,\"yMm\":0.0},{\"xMm\":-3.1125,\"yMm\":0.0}]");
        Map<String, String> files = unzip(model(id));
        Document can = xml(files.get("can.xml"));
        assertCornersOnLines(can);
        // Below the troughs' top (the 0.05 mm gaps are drawn 0.057 mm high, within 20 % of the troughs' height) each
        // wall is metal only along its pad less the middle trough: [−0.15, −0.0285] and [0.0285, 0.15], 0.1215 mm
        // each, two a wall; above, the strip the wall long and the roof: 4 · 2 + 4 + 1 = 13 boxes.
        NodeList boxes = ((Element) can.getElementsByTagName("Metal").item(0)).getElementsByTagName("Box");
        assertThat(boxes.getLength()).isEqualTo(13);
        int atBoard = 0;
        for (int i = 0; i < boxes.getLength(); i++) {
            Element p1 = (Element) ((Element) boxes.item(i)).getElementsByTagName("P1").item(0);
            Element p2 = (Element) ((Element) boxes.item(i)).getElementsByTagName("P2").item(0);
            if (Double.parseDouble(p1.getAttribute("Z")) == 0) {
                atBoard++;
                double along = Math.max(Math.abs(Double.parseDouble(p2.getAttribute("X")) - Double.parseDouble(p1.getAttribute("X"))),
                        Math.abs(Double.parseDouble(p2.getAttribute("Y")) - Double.parseDouble(p1.getAttribute("Y"))));
                assertThat(along).isCloseTo(0.1215, org.assertj.core.api.Assertions.within(1e-9));
                assertThat(Double.parseDouble(p2.getAttribute("Z"))).isEqualTo(0.057);
            }
        }
        assertThat(atBoard).isEqualTo(8);
        assertThat(files.get("README.md")).contains("- Seam: 4 bonding pads of 0.3 mm hold the rim; between them it stands 0.05 mm")
                .contains("8 gaps in the side walls").contains("longest 2.65 mm").contains("drawn 0.057 mm high");

        assumeThat(Files.isExecutable(Path.of("/usr/bin/openEMS"))).as("openEMS installed (Debian package openems)").isTrue();
        runShort(Files.createTempDirectory("fullwave-seam"), "can.xml", files.get("can.xml"));
    }

    @Test
    void aLayoutWithoutThePadsPositionsLeavesTheSeamOutAndSaysSo() throws Exception {
        ObjectNode design = ExampleDesigns.tree(ExampleDesigns.WIFI);
        ((ObjectNode) design.get("bonding")).put("pattern", "PADS");
        ObjectNode layout = ExampleLayouts.tree(ExampleLayouts.WIFI_PADS);
        ExampleLayouts.metrics(layout).remove("bondingPads");
        ObjectNode body = MAPPER.createObjectNode();
        body.set("design", design);
        body.set("layout", layout);
        String id = given().contentType(ContentType.JSON).body(body.toString()).when()
                .post("/api/v1/shielding/evaluations").then().statusCode(201).extract().path("id");
        Map<String, String> files = unzip(model(id));
        assertThat(files.get("README.md")).contains("- Seam: NOT MODELLED: the report has no bonding pads' positions"
                + " (the layout's metrics bondingPads). The rim is drawn bonded all round;");
        // drawn as the ring: the roof and five pieces a wall
        assertThat(((Element) xml(files.get("can.xml")).getElementsByTagName("Metal").item(0))
                .getElementsByTagName("Box").getLength()).isEqualTo(21);
    }

    @Test
    void aWallThinnerThanThreeSkinDepthsIsAConductingSheet() throws Exception {
        // Gold 1 µm: δ at 2.45 GHz = 1/sqrt(π · 2.45e9 · 4πe-7 · 4.52e7) = 1.51 µm, so the wall is 0.66 skin depths.
        ObjectNode design = ExampleDesigns.tree(ExampleDesigns.WIFI);
        ObjectNode shield = (ObjectNode) design.get("shield");
        shield.put("material", "GOLD");
        shield.put("thicknessUm", 1.0);
        ((ObjectNode) shield.get("openings")).put("style", "NONE").put("perWall", 0);
        String id = evaluate(design, ExampleLayouts.WIFI_CLOSED_GOLD_1UM);
        Document can = xml(unzip(model(id)).get("can.xml"));
        Element sheet = (Element) can.getElementsByTagName("ConductingSheet").item(0);
        assertThat(Double.parseDouble(sheet.getAttribute("Conductivity"))).isEqualTo(4.52e7);
        assertThat(Double.parseDouble(sheet.getAttribute("Thickness"))).isEqualTo(1e-6);
        // closed walls: the roof and one rectangle per side wall
        assertThat(((Element) sheet.getElementsByTagName("Primitives").item(0)).getElementsByTagName("Box").getLength())
                .isEqualTo(5);
    }

    @Test
    void aFinerMeshIsAskedForByItsDensityWithinItsRange() throws Exception {
        String id = evaluate(ExampleDesigns.tree(ExampleDesigns.WIFI), ExampleLayouts.WIFI);
        Document standard = xml(unzip(model(id)).get("can.xml"));
        byte[] finerZip = given().queryParam("cellsPerWavelength", 30).queryParam("cellsPerOpening", 3)
                .when().get("/api/v1/shielding/evaluations/{id}/fullwave-model", id)
                .then().statusCode(200).extract().asByteArray();
        // kept for a person to look at, and for the convergence run of docs/shielding.md (target/ only)
        Files.write(Path.of("target", "fullwave-model-wifi-30-3.zip"), finerZip);
        Map<String, String> finer = unzip(finerZip);
        Document fine = xml(finer.get("can.xml"));
        // λ/30 at 24.5 GHz in air: 12.2364 / 30 = 0.40788 mm the largest cell; 3 cells across each opening
        List<Double> x = lines(fine, "XLines");
        for (int i = 1; i < x.size(); i++) {
            assertThat(x.get(i) - x.get(i - 1)).isLessThanOrEqualTo(0.40788 + 1e-6);
        }
        assertThat(x.size()).isGreaterThan(lines(standard, "XLines").size());
        assertThat(finer.get("README.md")).contains("λ/30").contains("at least 3 cells across an opening");
        for (String[] wrong : new String[][] {{"cellsPerWavelength", "19"}, {"cellsPerWavelength", "61"},
                {"cellsPerOpening", "1"}, {"cellsPerOpening", "9"}}) {
            given().queryParam(wrong[0], wrong[1]).when().get("/api/v1/shielding/evaluations/{id}/fullwave-model", id)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("violations[0].field", org.hamcrest.Matchers.equalTo(wrong[0]));
        }
    }

    @Test
    void theModelCanBeDrivenByAPulseCentredOnTheOperatingFrequency() throws Exception {
        String id = evaluate(ExampleDesigns.tree(ExampleDesigns.WIFI), ExampleLayouts.WIFI);
        Map<String, String> standard = unzip(model(id));
        Map<String, String> centred = unzip(given().queryParam("pulse", "OPERATING_FREQUENCY")
                .when().get("/api/v1/shielding/evaluations/{id}/fullwave-model", id)
                .then().statusCode(200).extract().asByteArray());
        // 2.45 GHz: sigma = 0.6125/2.45e9 = 0.25 ns, t0 = 4 sigma = 1 ns (docs/shielding.md, "The pulse"); the mesh
        // and the probes' sampling (f0 = the highest checked frequency) are the broadband model's
        assertThat(centred.get("can.xml")).contains("Function=\"sin(2*3.14159265358979*2450000000*(t-1E-9))*exp(-((t-1E-9)"
                + "/2.5E-10)^2)\"").contains("<Excitation Type=\"10\" f0=\"24500000000\"");
        assertThat(lines(xml(centred.get("can.xml")), "XLines")).isEqualTo(lines(xml(standard.get("can.xml")), "XLines"));
        // within 20 dB of its peak: 2.45 ± 1.932 GHz; a verification runs it for 16 sigma
        assertThat(centred.get("README.md")).contains("a Gaussian-modulated sine centred on 2.45 GHz, −20 dB at 0.518 and "
                + "4.382 GHz, without any DC (odd in time):\n  the pulse centred on the operating frequency, whose figure "
                + "alone it gives; a verification runs\n  it for 4 ns (16 σ, σ = 0.25 ns).");
        // the broadband pulse, for comparison: 16.3333 ± sqrt(ln 10)/(pi · 58.465 ps) = 16.3333 ± 8.2615 GHz
        assertThat(standard.get("README.md")).contains("centred on 16.3333333 GHz, −20 dB at 8.0718 and 24.5949 GHz, "
                + "without any DC (odd in time).\n");
        given().queryParam("pulse", "NARROW").when().get("/api/v1/shielding/evaluations/{id}/fullwave-model", id)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", org.hamcrest.Matchers.equalTo("pulse"));
    }

    @Test
    void aModelOfMoreThanTwentyMillionCellsIsRefusedBeforeItsMeshIsMade() {
        // The largest cavity the design model allows, 140 × 140 × 19.5 mm filled with εr 100, checked up to far above
        // 100 GHz: λ/20/10 in the fill is well under 0.02 mm, so the cavity alone needs more than
        // (140/0.02)² · (19.5/0.02) ≈ 4.8e10 cells, refused by the count before any mesh line is made.
        ObjectNode tree = ExampleDesigns.hugeCavity();
        String id = evaluate(tree, ExampleLayouts.WIFI_HUGE_CAVITY);
        given().when().get("/api/v1/shielding/evaluations/{id}/fullwave-model", id)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", org.hamcrest.Matchers.equalTo("cellsPerWavelength"))
                .body("violations[0].message", org.hamcrest.Matchers.containsString("at most 20000000"));
    }

    @Test
    void anUnknownEvaluationIs404() {
        given().when().get("/api/v1/shielding/evaluations/{id}/fullwave-model", "3f1c2a9e-0000-4000-8000-000000000000")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void openEmsReadsAndRunsBothInputs() throws Exception {
        assumeThat(Files.isExecutable(Path.of("/usr/bin/openEMS"))).as("openEMS installed (Debian package openems)").isTrue();
        String id = evaluate(ExampleDesigns.tree(ExampleDesigns.WIFI), ExampleLayouts.WIFI);
        Map<String, String> files = unzip(model(id));
        Path dir = Files.createTempDirectory("fullwave");
        for (String input : List.of("can.xml", "reference.xml")) {
            Path run = dir.resolve(input.replace(".xml", ""));
            runShort(run, input, files.get(input));
            for (String probe : List.of("E_xmax", "E_xmin", "E_ymax", "E_ymin", "E_top")) {
                List<String> samples = Files.readAllLines(run.resolve(probe)).stream().filter(l -> !l.startsWith("%")).toList();
                assertThat(samples).as(input + " " + probe).hasSizeGreaterThan(10);
                assertThat(samples.get(samples.size() - 1).split("\\s+")).hasSize(4);
            }
        }
    }

    @Test
    void aDesignNamingAMagneticSourceIsDrivenByAMagneticDipoleThatOpenEmsRuns() throws Exception {
        ObjectNode design = ExampleDesigns.tree(ExampleDesigns.WIFI);
        ((ObjectNode) design.get("requirements")).put("nearFieldSource", "MAGNETIC");
        String id = evaluate(design, ExampleLayouts.WIFI);
        assertThat(given().when().get("/api/v1/shielding/evaluations/{id}", id).then().statusCode(200)
                .extract().path("nearFieldSource").toString()).isEqualTo("MAGNETIC");
        Map<String, String> files = unzip(model(id));
        for (String input : List.of("can.xml", "reference.xml")) {
            Document doc = xml(files.get(input));
            Element excitation = (Element) doc.getElementsByTagName("Excitation").item(1);
            // the first Excitation is the FDTD's pulse, the second the source: a soft H-field (Type 2) along z,
            // on the cells round the axis: its corners on the lines either side of x = 0 and y = 0
            assertThat(excitation.getAttribute("Type")).isEqualTo("2");
            assertThat(excitation.getAttribute("Excite")).isEqualTo("0,0,1");
            Element p1 = (Element) excitation.getElementsByTagName("P1").item(0);
            Element p2 = (Element) excitation.getElementsByTagName("P2").item(0);
            List<Double> x = lines(doc, "XLines");
            int axis = x.indexOf(0.0);
            assertThat(Double.parseDouble(p1.getAttribute("X"))).isEqualTo(x.get(axis - 1));
            assertThat(Double.parseDouble(p2.getAttribute("X"))).isEqualTo(x.get(axis + 1));
        }
        assertThat(files.get("README.md")).contains("magnetic dipole (soft H-field excitation");
        // the design that names no source keeps its electric dipole (Type 0), the bytes it always had
        assertThat(unzip(model(evaluate(ExampleDesigns.tree(ExampleDesigns.WIFI), ExampleLayouts.WIFI))).get("can.xml"))
                .contains("<Excitation Name=\"dipole\" Type=\"0\" Excite=\"0,0,1\">");

        assumeThat(Files.isExecutable(Path.of("/usr/bin/openEMS"))).as("openEMS installed (Debian package openems)").isTrue();
        Path run = Files.createTempDirectory("fullwave-magnetic");
        // 2,000 steps of the reference: openEMS finds the excitation (it stops with an error when a source holds no
        // field node) and the dipole's field reaches every probe
        runShort(run, "reference.xml", files.get("reference.xml"));
        for (String probe : List.of("E_xmax", "E_xmin", "E_ymax", "E_ymin", "E_top")) {
            double largest = Files.readAllLines(run.resolve(probe)).stream().filter(l -> !l.startsWith("%"))
                    .map(l -> l.trim().split("\\s+")).mapToDouble(c -> Math.max(Math.abs(Double.parseDouble(c[1])),
                            Math.max(Math.abs(Double.parseDouble(c[2])), Math.abs(Double.parseDouble(c[3])))))
                    .max().orElse(0);
            assertThat(largest).as(probe).isPositive().isFinite();
        }
    }

    /**
     * openEMS run for 2,000 steps of {@code xml} (of up to 200,000: enough to read the model, set up the engine and
     * write every probe) in {@code run}; it must end cleanly with every primitive on the mesh. Its output.
     */
    static String runShort(Path run, String input, String xml) throws Exception {
        Files.createDirectories(run);
        Files.writeString(run.resolve(input), xml.replaceFirst("NumberOfTimesteps=\"\\d+\"", "NumberOfTimesteps=\"2000\""));
        Process p = new ProcessBuilder("/usr/bin/openEMS", input, "--disable-dumps", "--numThreads=1")
                .directory(run.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).as("every primitive is on the mesh").doesNotContain("Unused primitive");
        return out;
    }

    static boolean onLine(List<Double> lines, String value) {
        double v = Double.parseDouble(value);
        return lines.stream().anyMatch(l -> Math.abs(l - v) < 1e-9);
    }

    static List<Double> lines(Document doc, String axis) {
        String text = doc.getElementsByTagName(axis).item(0).getTextContent();
        return Arrays.stream(text.split(",")).map(Double::parseDouble).toList();
    }

    static Document xml(String text) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                files.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
