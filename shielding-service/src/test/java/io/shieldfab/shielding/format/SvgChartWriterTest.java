package io.shieldfab.shielding.format;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SvgChartWriterTest {

    private static SeChart chart() {
        List<SeChart.Point> pts = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            double f = 1e9 * Math.pow(100, i / 99.0);
            // A dip at 20 GHz, a gap (null) in the aperture series at the end
            double enclosure = 60 - 80 * Math.exp(-Math.pow(Math.log(f / 20e9) * 20, 2));
            pts.add(new SeChart.Point(f, enclosure, i < 90 ? 40.0 - i * 0.2 : null, 250));
        }
        return new SeChart("demo <A&B>", 30, pts,
                List.of(new SeChart.Marker(2.45e9, "H1", false), new SeChart.Marker(4.9e9, "H2", true)),
                List.of(new SeChart.Marker(20e9, "TM110", true), new SeChart.Marker(35e9, "TM210", false)));
    }

    @Test
    void writesWellFormedSvgWithEverySeriesAndMarker() throws Exception {
        String svg = SvgChartWriter.write(chart());
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
        // three curves: wall, aperture (one run before its gap), enclosure
        assertThat(doc.getElementsByTagName("polyline").getLength()).isEqualTo(3);
        assertThat(svg).contains("demo &lt;A&amp;B&gt;", "TM110", ">H2<", "target 30.0 dB", "1 GHz", "10 GHz", "100 GHz");
        // the flagged resonance is labelled, the other only has a tooltip
        assertThat(svg).contains("<title>TM210 35 GHz</title>");
        // the y axis is capped at 200 dB although the wall is at 250 dB (and says so in the legend); no "-0" label
        assertThat(svg).contains(">0</text>", ">200</text>", "solid wall SE (&gt; 200 dB)")
                .doesNotContain(">250</text>", ">-0</text>");
    }

    @Test
    void aFullwaveCurveIsDrawnOverTheAnalyticOnesWithItsLegend() throws Exception {
        SeChart analytic = chart();
        // 1 GHz to 100 GHz on the x axis (LEFT 70 to WIDTH − RIGHT = 770: 700 px over two decades), SE 20 to 60 dB
        // at 1 and 10 GHz, nothing at 100 GHz (no field reached the probes: not drawn)
        List<SeChart.FullwavePoint> curve = List.of(new SeChart.FullwavePoint(1e9, 20.0, false),
                new SeChart.FullwavePoint(10e9, 60.0, false), new SeChart.FullwavePoint(100e9, null, false));
        String svg = SvgChartWriter.write(new SeChart(analytic.title(), analytic.minSeDb(), analytic.points(),
                analytic.harmonics(), analytic.resonances(), curve, "full-wave SE (openEMS, 1.95 ns)"));

        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getElementsByTagName("polyline").getLength()).isEqualTo(4);
        // x: 70 at 1 GHz, 70 + 350 = 420 at 10 GHz; y axis −10 (the dip's lowest sample, −9.61 dB, rounded down to
        // ten) to 200 dB (the cap) over 540 − 60 − 60 = 420 px, 2 px per dB: y(20) = 480 − 30·2 = 420,
        // y(60) = 480 − 70·2 = 340
        assertThat(svg).contains("<polyline stroke=\"#00897b\" points=\"70.00,420.00 420.00,340.00\"/>")
                // the label, longer than the legend's column holds, on two lines
                .contains("<tspan x=\"816\" dy=\"0\">full-wave SE (openEMS,</tspan><tspan x=\"816\" dy=\"14\">1.95 ns)"
                        + "</tspan>");
        assertThat(SvgChartWriter.write(analytic)).doesNotContain("#00897b").doesNotContain("full-wave");
        assertThat(svg).as("no lower bound: no dashed stretch, no legend for one").doesNotContain("lower bound");
    }

    @Test
    void fullwaveLowerBoundsAreDashedAndMeetTheValuesAtTheSwitch() throws Exception {
        SeChart analytic = chart();
        // lower bounds at 1 and 3.16 GHz, values at 10 and 31.6 GHz (x 70, 245, 420, 595; y as above: 2 px per dB
        // from 480 at −10 dB): the dashed stretch runs to 3.16 GHz, the solid one from there
        List<SeChart.FullwavePoint> curve = List.of(new SeChart.FullwavePoint(1e9, 100.0, true),
                new SeChart.FullwavePoint(Math.sqrt(10) * 1e9, 90.0, true), new SeChart.FullwavePoint(10e9, 60.0, false),
                new SeChart.FullwavePoint(Math.sqrt(10) * 10e9, 50.0, false));
        String svg = SvgChartWriter.write(new SeChart(analytic.title(), analytic.minSeDb(), analytic.points(),
                analytic.harmonics(), analytic.resonances(), curve, "full-wave SE (openEMS, 52.00 ns)"));
        assertThat(svg).contains("<polyline stroke=\"#00897b\" stroke-dasharray=\"5,4\" points=\"70.00,260.00 "
                        + "245.00,280.00\"/>")
                .contains("<polyline stroke=\"#00897b\" points=\"245.00,280.00 420.00,340.00 595.00,360.00\"/>")
                .contains("lower bound (floor)");
    }

    @Test
    void theSeamHasItsOwnLineAndLegendWhenThereIsOne() throws Exception {
        List<SeChart.Point> pts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            double f = 1e9 * Math.pow(10, i / 19.0);
            pts.add(new SeChart.Point(f, null, 40.0, 120, 15.0 - i * 0.5));
        }
        String svg = SvgChartWriter.write(new SeChart("seam", 30, pts, List.of(), List.of()));
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        // wall, aperture and seam curves (no enclosure)
        assertThat(doc.getElementsByTagName("polyline").getLength()).isEqualTo(3);
        assertThat(svg).contains("seam SE (rim to board)", "stroke=\"#2e7d32\" stroke-dasharray=\"2,2\" points=");
        // without a seam (a ring, or no seam reported) neither the line nor its legend
        assertThat(SvgChartWriter.write(chart())).doesNotContain("seam SE");
    }

    /** Many harmonics (labels thinned to about 20) and a target line below the plotted range. */
    private static SeChart crowded() {
        List<SeChart.Point> pts = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            double f = 48e6 * Math.pow(60, i / 49.0);
            pts.add(new SeChart.Point(f, null, 80.0 - i * 0.5, 120 + i));
        }
        List<SeChart.Marker> harmonics = new ArrayList<>();
        for (int k = 1; k <= 52; k++) {
            harmonics.add(new SeChart.Marker(k * 48e6, "H" + k, k % 7 == 0));
        }
        return new SeChart("mcu rev 1 — shielding PASS (target 30.0 dB)", 30, pts, harmonics,
                List.of(new SeChart.Marker(1.2e9, "TE101", true), new SeChart.Marker(1.21e9, "TM110", true)));
    }

    /**
     * The chart's bytes are pinned: a change of drawing code must not change the output unnoticed. After an
     * intended change, copy the new file from {@code target/golden/} over the one in {@code src/test/resources/golden/}.
     */
    @Test
    void outputMatchesTheGoldenFiles() throws IOException {
        assertThat(SvgChartWriter.write(chart())).isEqualTo(golden("demo-chart.svg", SvgChartWriter.write(chart())));
        assertThat(SvgChartWriter.write(crowded())).isEqualTo(golden("crowded-chart.svg", SvgChartWriter.write(crowded())));
    }

    private static String golden(String name, String actual) throws IOException {
        Path out = Path.of("target", "golden", name);
        Files.createDirectories(out.getParent());
        Files.writeString(out, actual);
        try (InputStream in = SvgChartWriterTest.class.getResourceAsStream("/golden/" + name)) {
            assertThat(in).as("golden file src/test/resources/golden/" + name + " (new output in " + out + ")").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void deterministic() {
        assertThat(SvgChartWriter.write(chart())).isEqualTo(SvgChartWriter.write(chart()));
    }

    @Test
    void frequencyLabels() {
        assertThat(SvgChartWriter.frequencyLabel(2e9)).isEqualTo("2 GHz");
        assertThat(SvgChartWriter.frequencyLabel(500e6)).isEqualTo("500 MHz");
        assertThat(SvgChartWriter.frequencyLabel(2.45e9)).isEqualTo("2.45 GHz");
        assertThat(SvgChartWriter.xTicks(1e9, 1e11)).extracting(t -> t[0]).contains(1e9, 2e9, 5e9, 1e10, 1e11);
    }

    @Test
    void needsTwoPoints() {
        assertThatThrownBy(() -> SvgChartWriter.write(new SeChart("x", 30, List.of(), List.of(), List.of())))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
