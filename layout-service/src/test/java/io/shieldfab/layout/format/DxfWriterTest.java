package io.shieldfab.layout.format;

import io.shieldfab.layout.Designs;
import io.shieldfab.layout.geometry.Layer;
import io.shieldfab.layout.geometry.LayoutGenerator;
import io.shieldfab.layout.geometry.LayoutSpec;
import io.shieldfab.layout.geometry.PanelLayout;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Structure of the DXF R12 file (in µm), read back as group-code/value pairs (AutoCAD R12 DXF Reference). */
class DxfWriterTest {

    record Pair(int code, String value) {
    }

    static List<Pair> pairs(String dxf) {
        String[] lines = dxf.split("\n", -1);
        List<Pair> out = new ArrayList<>();
        for (int i = 0; i + 1 < lines.length; i += 2) {
            out.add(new Pair(Integer.parseInt(lines[i].trim()), lines[i + 1]));
        }
        return out;
    }

    static String dxf(PanelLayout layout) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DxfWriter.write(layout, out);
        return out.toString(StandardCharsets.US_ASCII);
    }

    @Test
    void sectionsLayersAndEntities() throws IOException {
        PanelLayout wifi = LayoutGenerator.generate(LayoutSpec.from(Designs.wifi()));
        List<Pair> p = pairs(dxf(wifi));
        List<String> sections = new ArrayList<>();
        List<String> layerTable = new ArrayList<>();
        Map<String, Integer> polylines = new LinkedHashMap<>();
        int vertices = 0, texts = 0, seqends = 0;
        for (int i = 0; i < p.size(); i++) {
            Pair x = p.get(i);
            if (x.code() == 0 && x.value().equals("SECTION")) {
                sections.add(p.get(i + 1).value());
            }
            if (x.code() == 0 && x.value().equals("LAYER")) {
                layerTable.add(p.get(i + 1).value());
            }
            if (x.code() == 0 && x.value().equals("POLYLINE")) {
                polylines.merge(p.get(i + 1).value(), 1, Integer::sum);
                // closed flag 70 = 1 within the header of the polyline
                assertThat(p.subList(i, i + 8)).contains(new Pair(70, "1"));
            }
            vertices += x.code() == 0 && x.value().equals("VERTEX") ? 1 : 0;
            seqends += x.code() == 0 && x.value().equals("SEQEND") ? 1 : 0;
            texts += x.code() == 0 && x.value().equals("TEXT") ? 1 : 0;
        }
        assertThat(sections).containsExactly("HEADER", "TABLES", "BLOCKS", "ENTITIES");
        assertThat(p.get(p.size() - 1)).isEqualTo(new Pair(0, "EOF"));
        assertThat(p).contains(new Pair(1, "AC1009"));
        assertThat(layerTable).containsAll(Arrays.stream(Layer.values()).map(Layer::dxfName).toList());
        // 24 sites: 1 recess, 1 bottom, 4 walls, 12 openings, 4 pads each; outline; 5 + 7 streets; 3 fiducials
        assertThat(polylines).containsExactlyInAnyOrderEntriesOf(Map.of(
                "PANEL_OUTLINE", 1, "MANDREL_RECESS", 24, "DEPRESSION_BOTTOM", 24, "SIDE_WALL", 96,
                "OPENING", 288, "SAW_STREET", 12, "BONDING_PAD", 96, "FIDUCIAL", 3));
        int total = polylines.values().stream().mapToInt(Integer::intValue).sum();
        assertThat(seqends).isEqualTo(total);
        // rectangles have 4 vertices, the 3 fiducial crosses 12: (544 − 3) × 4 + 3 × 12 = 2200
        assertThat(vertices).isEqualTo((total - 3) * 4 + 3 * 12);
        assertThat(texts).isEqualTo(24 + 10);
        // units: micrometres ($INSUNITS 13), metric ($MEASUREMENT 1), in the HEADER
        int units = p.indexOf(new Pair(9, "$INSUNITS"));
        assertThat(units).isPositive().isLessThan(p.indexOf(new Pair(2, "TABLES")));
        assertThat(p.get(units + 1)).isEqualTo(new Pair(70, "13"));
        assertThat(p.get(p.indexOf(new Pair(9, "$MEASUREMENT")) + 1)).isEqualTo(new Pair(70, "1"));
        // extents = panel 48 × 30 mm, in µm
        int ext = p.indexOf(new Pair(9, "$EXTMAX"));
        assertThat(p.get(ext + 1)).isEqualTo(new Pair(10, "48000"));
        assertThat(p.get(ext + 2)).isEqualTo(new Pair(20, "30000"));
        // R1C1's first north slot starts at (3 + 1.5, 3 + 5.3) mm = (4500, 8300) µm
        String s = dxf(wifi);
        assertThat(s).contains("0\nVERTEX\n8\nOPENING\n10\n4500\n20\n8300\n");
    }

    @Test
    void micrometreFormattingIsExact() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AsciiSink o = new AsciiSink(out);
        for (long nm : new long[]{1_500_000, 7, 0, -2_500_000, 1_234_567_891, 1_000, 10, 48_000_000}) {
            o.um(nm).ch(' ');
        }
        o.flush();
        assertThat(out.toString(StandardCharsets.US_ASCII))
                .isEqualTo("1500 0.007 0 -2500 1234567.891 1 0.01 48000 ");
    }

    @Test
    void sixDecimalFormattingIsExact() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AsciiSink o = new AsciiSink(out);
        for (long nm : new long[]{1_500_000, 7, 0, -2_500_000, 1_234_567_891, 1_000_000, 10}) {
            o.fixed(nm, 6).ch(' ');
        }
        o.num(12.345).ch(' ').num(-0.004).ch(' ').xml("a<b & µ");
        o.flush();
        assertThat(out.toString(StandardCharsets.US_ASCII))
                .isEqualTo("1.5 0.000007 0 -2.5 1234.567891 1 0.00001 12.35 0 a&lt;b &amp; &#181;");
    }
}
