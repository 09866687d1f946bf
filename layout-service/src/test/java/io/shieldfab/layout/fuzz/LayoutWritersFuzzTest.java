package io.shieldfab.layout.fuzz;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shieldfab.design.DesignReader;
import io.shieldfab.design.OutputEstimate;
import io.shieldfab.design.ReadResult;
import io.shieldfab.design.Violation;
import io.shieldfab.design.fuzz.FuzzSeed;
import io.shieldfab.layout.format.DxfWriter;
import io.shieldfab.layout.format.FormatLimitException;
import io.shieldfab.layout.format.GdsReader;
import io.shieldfab.layout.format.GdsWriter;
import io.shieldfab.layout.format.SvgWriter;
import io.shieldfab.layout.geometry.LayoutGenerator;
import io.shieldfab.layout.geometry.LayoutMetrics;
import io.shieldfab.layout.geometry.LayoutSpec;
import io.shieldfab.layout.geometry.PanelLayout;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

import java.io.IOException;
import java.io.OutputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzz of the layout pipeline and its writers (docs/evidence.md, bad input): random designs, extreme but within the design
 * document's ranges (1 nm to 100 mm bodies, 1 to 2000 µm walls, every opening style, hollow walls, 1 to 1000
 * sites per axis), are read by {@link DesignReader}; each valid one goes through what LayoutService does:
 * {@link LayoutSpec#from}, {@link LayoutGenerator#check} (a refusal is a documented outcome: 422 with
 * violations), generation, metrics, and the three writers. Every file must parse back: GDSII as a record stream
 * (each record length even and at least 4, HEADER first, ENDLIB last, nothing after it), DXF as code/value line
 * pairs ending in {@code 0 EOF}, SVG as well-formed XML with an {@code svg} root; and none may be larger than the
 * design model's {@link OutputEstimate} of it. The only exception allowed is
 * {@link FormatLimitException} (documented, 422); anything else would be a 500 in the service.
 */
class LayoutWritersFuzzTest {

    static final int TRIES = 300;
    /** Flat files (DXF, flat GDSII) only for panels this small, as the service's max-flat-sites does at scale. */
    static final long FLAT_SITES_MAX = 400;

    final long seed = FuzzSeed.seed();
    final SplittableRandom random = new SplittableRandom(seed);
    final DesignReader reader = DesignReader.create();

    @Test
    void everyValidDesignIsLaidOutAndWrittenToFilesThatParseBackOrRefusedAsDocumented() throws Exception {
        int valid = 0, refusedByReader = 0, refusedByGeometry = 0, formatLimits = 0, files = 0;
        for (int i = 0; i < TRIES; i++) {
            ObjectNode design = randomDesign();
            ReadResult read = reader.read(design);
            if (!read.valid()) {
                refusedByReader++;
                continue;
            }
            valid++;
            String context = "seed " + seed + ", try " + i + ": " + design;
            LayoutSpec spec;
            try {
                spec = LayoutSpec.from(read.design());
            } catch (RuntimeException e) {
                throw new AssertionError("a valid design does not convert to the nm grid: " + context, e);
            }
            List<Violation> impossible = LayoutGenerator.check(spec);
            if (!impossible.isEmpty()) {
                refusedByGeometry++;
                assertThat(impossible).allSatisfy(v -> assertThat(v.message()).isNotBlank());
                continue;
            }
            try {
                PanelLayout layout = LayoutGenerator.generate(spec);
                LayoutMetrics metrics = LayoutMetrics.of(spec);
                // The design model's estimate must bound every file (docs/design-document.md, "Output size").
                OutputEstimate estimate = OutputEstimate.of(read.design());
                files += checkGds(bounded(write(out -> GdsWriter.write(layout, false, Instant.EPOCH, out)),
                        estimate.gdsBytes(), "GDSII", context), context);
                files += checkSvg(bounded(write(out -> SvgWriter.write(layout, metrics, out)),
                        estimate.svgBytes(), "SVG", context), context);
                if (spec.siteCount() <= FLAT_SITES_MAX) {
                    files += checkGds(bounded(write(out -> GdsWriter.write(layout, true, Instant.EPOCH, out)),
                            estimate.flatGdsBytes(), "flat GDSII", context), context);
                    files += checkDxf(bounded(write(out -> DxfWriter.write(layout, out)),
                            estimate.dxfBytes(), "DXF", context), context);
                }
            } catch (FormatLimitException documented) {
                formatLimits++;
                assertThat(documented.rule()).isNotBlank();
            } catch (RuntimeException | IOException e) {
                throw new AssertionError("layout or writer failed: " + context, e);
            }
        }
        FuzzSeed.report("layout-service", TRIES + " random designs tried, " + valid + " valid, " + refusedByGeometry
                + " refused by the geometry check, " + formatLimits + " format limits, " + files
                + " files written and parsed back, " + refusedByReader + " refused by the reader, 0 other exceptions", seed);
        assertThat(valid).as("the generator must make valid designs to be worth running").isGreaterThan(TRIES / 4);
    }

    // ---------------------------------------------------------------- random designs

    /** A design with every number drawn log-uniformly over (most of) its allowed range; pitches made to fit. */
    private ObjectNode randomDesign() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode d = f.objectNode();
        d.put("name", "fuzz-" + random.nextInt(1_000_000));
        double body = logUniform(1e-8, 100);
        double bodyW = random.nextInt(4) == 0 ? body : logUniform(1e-6, 100);
        double height = logUniform(1e-8, 20);
        double clearance = logUniform(1e-6, 20);
        double thicknessUm = logUniform(1, 2000);
        double kerf = logUniform(1e-6, 5);
        double footprintX = body + 2 * clearance + 2 * thicknessUm / 1000;
        double footprintY = bodyW + 2 * clearance + 2 * thicknessUm / 1000;
        double pitchX = footprintX + kerf + logUniform(1e-6, 10);
        double pitchY = footprintY + kerf + logUniform(1e-6, 10);
        int columns = sites(pitchX);
        int rows = sites(pitchY);
        ObjectNode pkg = d.putObject("package");
        pkg.put("bodyLengthMm", body).put("bodyWidthMm", bodyW).put("heightMm", height)
                .put("operatingFrequencyHz", logUniform(1e3, 300e9)).put("harmonics", 1 + random.nextInt(50));
        ObjectNode panel = d.putObject("panel");
        panel.put("rows", rows).put("columns", columns).put("pitchXMm", pitchX).put("pitchYMm", pitchY)
                .put("marginMm", random.nextInt(5) == 0 ? 0 : logUniform(1e-6, 100)).put("sawKerfMm", kerf);
        ObjectNode shield = d.putObject("shield");
        shield.put("material", pick("COPPER", "NICKEL", "GOLD")).put("thicknessUm", thicknessUm)
                .put("wallClearanceMm", clearance).put("hollowWalls", random.nextBoolean());
        double recess = random.nextBoolean() ? height * (0.9 + 0.2 * random.nextDouble()) : logUniform(1e-6, 20);
        ObjectNode openings = shield.putObject("openings");
        String style = pick("NONE", "SLOTS", "PILLARS");
        openings.put("style", style);
        if (!style.equals("NONE")) {
            int perWall = 1 + random.nextInt(random.nextBoolean() ? 3 : 100);
            double wall = Math.min(body, bodyW) + 2 * clearance;
            // slots need (2n − 1)·ℓ of wall (docs/design-document.md), so most draws stay below wall / 2n
            openings.put("perWall", perWall)
                    .put("lengthMm", Math.min(100, wall / (2 * perWall) * (random.nextInt(8) == 0 ? 1.5 : random.nextDouble())))
                    .put("heightMm", Math.min(20, recess * (random.nextInt(8) == 0 ? 1.5 : random.nextDouble())));
        }
        d.putObject("mandrel").put("material", pick("MOLYBDENUM", "STEEL", "STAINLESS_STEEL", "BRASS", "CHROMIUM"))
                .put("recessDepthMm", Math.min(20, recess));
        if (random.nextBoolean()) {
            d.putObject("bonding").put("padSizeMm", logUniform(1e-6, 10)).put("padThicknessUm", logUniform(1, 1000));
        }
        return d;
    }

    /** Sites along an axis: mostly a few, sometimes up to what fits a 2000 mm panel side, at most 1000. */
    private int sites(double pitchMm) {
        int most = (int) Math.max(1, Math.min(1000, Math.floor(1900 / pitchMm)));
        return random.nextInt(10) == 0 ? 1 + random.nextInt(most) : 1 + random.nextInt(Math.min(most, 6));
    }

    private double logUniform(double min, double max) {
        return Math.exp(Math.log(min) + random.nextDouble() * (Math.log(max) - Math.log(min)));
    }

    private String pick(String... values) {
        return values[random.nextInt(values.length)];
    }

    // ---------------------------------------------------------------- file checks

    interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private static byte[] write(Writer writer) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(out);
        return out.toByteArray();
    }

    private static byte[] bounded(byte[] file, long estimate, String format, String context) {
        assertThat((long) file.length).as("%s estimate %d is an upper bound: %s", format, estimate, context)
                .isLessThanOrEqualTo(estimate);
        return file;
    }

    /** GdsReader.read walks the record stream and fails on an odd or short record or bytes after ENDLIB. */
    private static int checkGds(byte[] gds, String context) {
        GdsReader.Library library;
        try {
            library = GdsReader.read(gds);
        } catch (RuntimeException e) {
            throw new AssertionError("GDSII does not parse back: " + context, e);
        }
        List<GdsReader.Rec> records = library.records();
        assertThat(records.get(0).type()).as("HEADER first: %s", context).isEqualTo(0x0002);
        assertThat(records.get(records.size() - 1).type()).as("ENDLIB last: %s", context).isEqualTo(0x0400);
        assertThat(library.structures()).as(context).isNotEmpty();
        return 1;
    }

    private static int checkDxf(byte[] dxf, String context) {
        String[] lines = new String(dxf, StandardCharsets.US_ASCII).split("\r?\n", -1);
        int n = lines[lines.length - 1].isEmpty() ? lines.length - 1 : lines.length;
        assertThat(n % 2).as("DXF lines come in code/value pairs: %s", context).isZero();
        for (int i = 0; i < n; i += 2) {
            String code = lines[i].trim();
            assertThat(code).as("group code at line %d: %s", i + 1, context).matches("-?\\d{1,4}");
        }
        assertThat(lines[n - 2].trim() + " " + lines[n - 1].trim()).as("DXF ends with 0 EOF: %s", context)
                .isEqualTo("0 EOF");
        return 1;
    }

    private static int checkSvg(byte[] svg, String context) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document;
        try {
            document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg));
        } catch (SAXException e) {
            throw new AssertionError("SVG is not well-formed XML: " + context, e);
        }
        assertThat(document.getDocumentElement().getLocalName() == null ? document.getDocumentElement().getTagName()
                : document.getDocumentElement().getLocalName()).as(context).isEqualTo("svg");
        return 1;
    }
}
