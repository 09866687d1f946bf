package io.shieldfab.layout.format;

import io.shieldfab.design.OpeningsSpec;
import io.shieldfab.layout.Designs;
import io.shieldfab.layout.geometry.LayoutGenerator;
import io.shieldfab.layout.geometry.LayoutMetrics;
import io.shieldfab.layout.geometry.LayoutSpec;
import io.shieldfab.layout.geometry.PanelLayout;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import javax.xml.parsers.DocumentBuilderFactory;

import static org.assertj.core.api.Assertions.assertThat;

class SvgWriterTest {

    static byte[] svg(PanelLayout layout) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SvgWriter.write(layout, LayoutMetrics.of(layout.spec()), out);
        return out.toByteArray();
    }

    static Document parse(byte[] svg) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(svg));
    }

    @Test
    void smallPanelHasSiteLabelsLegendInsetAndScaleBar() throws Exception {
        byte[] bytes = svg(LayoutGenerator.generate(LayoutSpec.from(Designs.wifi())));
        Document d = parse(bytes);
        String text = new String(bytes, StandardCharsets.US_ASCII);
        assertThat(d.getDocumentElement().getTagName()).isEqualTo("svg");
        assertThat(d.getElementsByTagName("pattern").getLength()).isEqualTo(1);
        assertThat(text).contains(">R1C1<", ">R4C6<", ">C6<", ">R4<", "id=\"inset\"", "id=\"legend\"")
                .contains("5 OPENING &#8212; opening / pathway")
                // 48 mm wide panel: scale bar of the largest 1-2-5 length ≤ 12 mm = 10 mm
                .contains(">10 mm<");
    }

    @Test
    void theLegendNamesTheNotchAndRearCoverLayersAndTheCoverIsDrawn() throws Exception {
        byte[] troughs = svg(LayoutGenerator.generate(LayoutSpec.from(Designs.withOpenings(
                new OpeningsSpec(OpeningsSpec.OpeningStyle.TROUGHS, 3, 0.15, 0.1), false))));
        assertThat(new String(troughs, StandardCharsets.US_ASCII))
                .contains("10 MANDREL_NOTCH &#8212; mandrel notch (trough in the rib top)")
                .contains("11 REAR_COVER &#8212; rear cover over the wall spaces")
                .contains("route TROUGHS")
                .doesNotContain("stroke-dasharray=\"6 3\"");
        byte[] slots = svg(LayoutGenerator.generate(LayoutSpec.from(Designs.afterSupportRemoval(
                new OpeningsSpec(OpeningsSpec.OpeningStyle.SLOTS, 3, 0.15, 0.1)))));
        parse(slots);
        assertThat(new String(slots, StandardCharsets.UTF_8)).contains("route SLOTS_INTO_WALL_SPACE (rear cover)")
                .contains("stroke=\"#ffb703\" stroke-width=\"2\" stroke-dasharray=\"6 3\"");
    }

    @Test
    void aMillionSitesStaySmall() throws Exception {
        PanelLayout big = LayoutGenerator.generate(LayoutSpec.from(Designs.panel(1000, 1000, 7.0, 6.0,
                new OpeningsSpec(OpeningsSpec.OpeningStyle.SLOTS, 3, 0.8, 0.2), false)));
        byte[] bytes = svg(big);
        Document d = parse(bytes);
        // one pattern tile, 2002 streets, a few hundred other nodes; no per-site labels
        assertThat(d.getElementsByTagName("*").getLength()).isLessThan(3000);
        assertThat(bytes.length).isLessThan(300_000);
        assertThat(new String(bytes, StandardCharsets.US_ASCII)).doesNotContain(">R1C1<");
    }

    @Test
    void niceScaleBarLengths() {
        assertThat(SvgWriter.niceLengthNm(12_000_000)).isEqualTo(10_000_000);
        assertThat(SvgWriter.niceLengthNm(4_900_000)).isEqualTo(2_000_000);
        assertThat(SvgWriter.niceLengthNm(5_000_000)).isEqualTo(5_000_000);
    }
}
