package io.shieldfab.layout.format;

import io.shieldfab.design.BondingSpec;
import io.shieldfab.design.OpeningsSpec;
import io.shieldfab.layout.Designs;
import io.shieldfab.layout.geometry.LayoutGenerator;
import io.shieldfab.layout.geometry.LayoutSpec;
import io.shieldfab.layout.geometry.PanelLayout;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.shieldfab.layout.format.GdsReader.Element;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Round trip: write the Wi-Fi example (4 × 6 sites, 7 × 6 mm pitch) and parse the records back. */
class GdsWriterTest {

    static final Instant CREATED = Instant.parse("2026-11-24T01:02:03Z");
    private final PanelLayout wifi = LayoutGenerator.generate(LayoutSpec.from(Designs.wifi()));

    static byte[] gds(PanelLayout layout, boolean flat) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GdsWriter.write(layout, flat, CREATED, out);
        return out.toByteArray();
    }

    static Map<Integer, Long> boundariesPerLayer(List<Element> elements) {
        return elements.stream().filter(e -> e.type() == GdsStream.BOUNDARY)
                .collect(Collectors.groupingBy(Element::layer, Collectors.counting()));
    }

    @Test
    void hierarchicalRecordsAndCells() throws IOException {
        byte[] bytes = gds(wifi, false);
        GdsReader.Library lib = GdsReader.read(bytes);
        List<GdsReader.Rec> recs = lib.records();
        assertThat(recs.get(0).type()).isEqualTo(GdsStream.HEADER);
        assertThat(recs.get(0).i2(0)).isEqualTo(600);
        assertThat(recs.get(1).type()).isEqualTo(GdsStream.BGNLIB);
        // modification time = access time = creation time of the layout, UTC
        assertThat(new int[]{recs.get(1).i2(0), recs.get(1).i2(1), recs.get(1).i2(2), recs.get(1).i2(3),
                recs.get(1).i2(4), recs.get(1).i2(5)}).containsExactly(2026, 11, 24, 1, 2, 3);
        assertThat(recs.get(recs.size() - 1).type()).isEqualTo(GdsStream.ENDLIB);
        // 1 nm database unit, 1 µm user unit: 0.001 user units and 1e-9 m per database unit
        assertThat(lib.userUnit()).isCloseTo(0.001, within(1e-18));
        assertThat(lib.metersPerDbu()).isCloseTo(1e-9, within(1e-24));

        assertThat(lib.structures()).hasSize(5);
        String site = lib.structures().keySet().stream().filter(n -> n.startsWith("SITE_")).findFirst().orElseThrow();
        String top = "wifi_fem_4x6_A";
        assertThat(lib.structures()).containsKey(top);
        // the site cell: recess 1, bottom 1, walls 4, openings 3 × 4 = 12, pads 4
        assertThat(boundariesPerLayer(lib.elements(site))).containsExactlyInAnyOrderEntriesOf(
                Map.of(2, 1L, 3, 1L, 4, 4L, 5, 12L, 7, 4L));
        List<Element> topElements = lib.elements(top);
        // panel: the outline; streets are one cell per direction placed with AREFs
        assertThat(boundariesPerLayer(topElements)).containsExactlyInAnyOrderEntriesOf(Map.of(1, 1L));
        List<Element> arefs = topElements.stream().filter(e -> e.type() == GdsStream.AREF).toList();
        assertThat(arefs).hasSize(3);
        Element streetsX = arefs.stream().filter(e -> e.sname().startsWith("STREET_X_")).findFirst().orElseThrow();
        // 1 column × (4 + 1) rows from (0, 3 mm) at a 6 mm row pitch: row vector end 3 + 5 × 6 = 33 mm
        assertThat(streetsX.colRow()).containsExactly(1, 5);
        assertThat(streetsX.xy()).containsExactly(0, 3_000_000, 7_000_000, 3_000_000, 0, 33_000_000);
        Element streetsY = arefs.stream().filter(e -> e.sname().startsWith("STREET_Y_")).findFirst().orElseThrow();
        assertThat(streetsY.colRow()).containsExactly(7, 1);
        // the X street cell: kerf 0.2 mm centred on y = 0, panel-wide
        assertThat(lib.elements(streetsX.sname()).get(0).xy()).containsExactly(
                0, -100_000, 48_000_000, -100_000, 48_000_000, 100_000, 0, 100_000, 0, -100_000);
        Element aref = arefs.stream().filter(e -> e.sname().equals(site)).findFirst().orElseThrow();
        assertThat(aref.sname()).isEqualTo(site);
        assertThat(aref.colRow()).containsExactly(6, 4);
        // origin (3, 3) mm; column vector end 3 + 6 × 7 = 45 mm; row vector end 3 + 4 × 6 = 27 mm
        assertThat(aref.xy()).containsExactly(3_000_000, 3_000_000, 45_000_000, 3_000_000, 3_000_000, 27_000_000);
        assertThat(topElements.stream().filter(e -> e.type() == GdsStream.SREF)).hasSize(3);
        assertThat(topElements.stream().filter(e -> e.type() == GdsStream.TEXT).map(Element::text))
                .hasSize(10).contains("C1", "C6", "R1", "R4");
        // the whole file is small
        assertThat(bytes.length).isLessThan(4096);
    }

    @Test
    void flatHasEveryPolygonAndASiteLabel() throws IOException {
        GdsReader.Library lib = GdsReader.read(gds(wifi, true));
        assertThat(lib.structures()).hasSize(1);
        List<Element> all = lib.structures().values().iterator().next();
        // 24 sites × (1 recess, 1 bottom, 4 walls, 12 openings, 4 pads); panel outline, 12 streets, 3 fiducials
        assertThat(boundariesPerLayer(all)).containsExactlyInAnyOrderEntriesOf(
                Map.of(1, 1L, 2, 24L, 3, 24L, 4, 96L, 5, 288L, 6, 12L, 7, 96L, 8, 3L));
        assertThat(all.stream().filter(e -> e.type() == GdsStream.TEXT).map(Element::text))
                .hasSize(24 + 10).contains("R1C1", "R4C6");
        // every polygon is closed and inside the 48 × 30 mm outline
        for (Element e : all) {
            if (e.type() == GdsStream.BOUNDARY) {
                int[] xy = e.xy();
                assertThat(xy[0]).isEqualTo(xy[xy.length - 2]);
                assertThat(xy[1]).isEqualTo(xy[xy.length - 1]);
                for (int i = 0; i < xy.length; i += 2) {
                    assertThat(xy[i]).isBetween(0, 48_000_000);
                    assertThat(xy[i + 1]).isBetween(0, 30_000_000);
                }
            }
        }
        // site R1C1's first north slot: site origin (3, 3) mm + (1.5, 5.3) mm
        assertThat(all.stream().filter(e -> e.type() == GdsStream.BOUNDARY && e.layer() == 5)
                .map(e -> e.xy()[0] + "," + e.xy()[1])).contains("4500000,8300000");
    }

    @Test
    void theBondingRingIsFourBoundariesOnLayer7() throws IOException {
        GdsReader.Library lib = GdsReader.read(gds(LayoutGenerator.generate(LayoutSpec.from(
                Designs.bonded(BondingSpec.BondingPattern.RING, null))), false));
        String site = lib.structures().keySet().stream().filter(n -> n.startsWith("SITE_")).findFirst().orElseThrow();
        List<Element> ring = lib.elements(site).stream()
                .filter(e -> e.type() == GdsStream.BOUNDARY && e.layer() == 7).toList();
        // N strip spanning the corners: x 0.2375…6.7625 mm, y 5.4625…5.7625 mm (the lands' middles ± 0.15 mm)
        assertThat(ring).hasSize(4);
        assertThat(ring.get(0).xy()).containsExactly(237_500, 5_462_500, 6_762_500, 5_462_500, 6_762_500, 5_762_500,
                237_500, 5_762_500, 237_500, 5_462_500);
        // W strip between N and S: x 0.2375…0.5375, y 0.5375…5.4625
        assertThat(ring.get(3).xy()).containsExactly(237_500, 537_500, 537_500, 537_500, 537_500, 5_462_500,
                237_500, 5_462_500, 237_500, 537_500);
        // two pads a side: 8 squares on layer 7
        GdsReader.Library two = GdsReader.read(gds(LayoutGenerator.generate(LayoutSpec.from(
                Designs.bonded(BondingSpec.BondingPattern.PADS, 2))), false));
        String twoSite = two.structures().keySet().stream().filter(n -> n.startsWith("SITE_")).findFirst().orElseThrow();
        assertThat(boundariesPerLayer(two.elements(twoSite))).containsEntry(7, 8L);
    }

    @Test
    void byteReproducible() throws IOException {
        assertThat(gds(wifi, false)).isEqualTo(gds(LayoutGenerator.generate(LayoutSpec.from(Designs.wifi())), false));
        assertThat(gds(wifi, true)).isEqualTo(gds(wifi, true));
    }

    @Test
    void pillarsGiveOpeningsPerWallTimesFourTimesSites() throws IOException {
        PanelLayout p = LayoutGenerator.generate(LayoutSpec.from(Designs.withOpenings(
                new OpeningsSpec(OpeningsSpec.OpeningStyle.PILLARS, 2, 0.5, 0.9), false)));
        List<Element> all = GdsReader.read(gds(p, true)).structures().values().iterator().next();
        // 2 per wall × 4 walls × 24 sites = 192 gaps; 4 walls × 3 pillars × 24 = 288 pillars; no notches, no cover
        assertThat(boundariesPerLayer(all)).containsEntry(5, 192L).containsEntry(4, 288L)
                .doesNotContainKeys(10, 11);
    }

    @Test
    void troughsDrawTheirNotchesAndSlotsIntoTheWallSpaceTheRearCover() throws IOException {
        PanelLayout troughs = LayoutGenerator.generate(LayoutSpec.from(Designs.withOpenings(
                new OpeningsSpec(OpeningsSpec.OpeningStyle.TROUGHS, 3, 0.15, 0.1), false)));
        List<Element> flat = GdsReader.read(gds(troughs, true)).structures().values().iterator().next();
        // 3 per wall × 4 walls × 24 sites = 288 half-troughs on layer 5 and 288 notches on layer 10
        assertThat(boundariesPerLayer(flat)).containsEntry(5, 288L).containsEntry(10, 288L).doesNotContainKey(11);
        PanelLayout slots = LayoutGenerator.generate(LayoutSpec.from(Designs.afterSupportRemoval(
                new OpeningsSpec(OpeningsSpec.OpeningStyle.SLOTS, 3, 0.15, 0.1))));
        // one rear cover over the array, in the top cell of the hierarchical file
        var cells = GdsReader.read(gds(slots, false)).structures();
        assertThat(cells.values().stream().mapToLong(c -> boundariesPerLayer(c).getOrDefault(11, 0L)).sum())
                .isEqualTo(1);
    }

    @Test
    void aPanelWiderThanInt32NanometresGetsA10NanometreUnit() throws IOException {
        // 1000 columns × 3 mm + 2 × 3 mm = 3006 mm = 3.006e9 nm > 2^31 − 1 = 2.147e9 → 10 nm unit
        LayoutSpec s = LayoutSpec.from(Designs.panel(1, 1000, 3.0, 6.0,
                new OpeningsSpec(OpeningsSpec.OpeningStyle.NONE, 0, 0, 0), false));
        LayoutSpec narrow = new LayoutSpec(s.name(), s.revision(), 1, 1000, s.pitchXNm(), s.pitchYNm(), s.marginNm(),
                s.kerfNm(), 2_000_000, s.packageWidthNm(), s.packageHeightNm(), 100_000, s.thicknessNm(), false,
                s.recessDepthNm(), s.openingStyle(), 0, 0, 0, 0);
        PanelLayout p = LayoutGenerator.generate(narrow);
        assertThat(GdsWriter.units(p).dbuNm()).isEqualTo(10);
        GdsReader.Library lib = GdsReader.read(gds(p, false));
        assertThat(lib.userUnit()).isCloseTo(0.01, within(1e-17));
        assertThat(lib.metersPerDbu()).isCloseTo(1e-8, within(1e-23));
        Element aref = lib.structures().values().stream().flatMap(List::stream)
                .filter(e -> e.type() == GdsStream.AREF && e.sname().startsWith("SITE_")).findFirst().orElseThrow();
        // column vector end 3 mm + 1000 × 3 mm = 3003 mm = 300 300 000 × 10 nm
        assertThat(aref.xy()[2]).isEqualTo(300_300_000);
        assertThat(GdsUnits.forExtent(Integer.MAX_VALUE).dbuNm()).isEqualTo(1);
        assertThat(GdsUnits.forExtent(Integer.MAX_VALUE + 1L).dbuNm()).isEqualTo(10);
    }

    @Test
    void real8Encoding() {
        // 1 = 1/16 × 16^1 → exponent 65 (0x41), mantissa 2^52: 0x4110000000000000 (Stream Format Manual example)
        assertThat(GdsStream.real8(1.0)).isEqualTo(0x4110000000000000L);
        // 0.001 = 0.256 × 16^-2 → exponent byte 64 − 2 = 0x3E; 1e-9 = 0.2684… × 16^-7 → 0x39
        assertThat(GdsStream.real8(0.001) >>> 56).isEqualTo(0x3EL);
        assertThat(GdsStream.real8(1e-9) >>> 56).isEqualTo(0x39L);
        for (double v : new double[]{0.001, 1e-9, 0.01, 1e-8, -2.5, 123456.789}) {
            assertThat(GdsStream.fromReal8(GdsStream.real8(v))).isCloseTo(v, within(Math.abs(v) * 1e-15));
        }
    }

    @Test
    void cellNamesAreSanitised() {
        assertThat(GdsWriter.cellName("mcu-qfn48.20x25", 32)).isEqualTo("mcu_qfn48_20x25");
        assertThat(GdsWriter.cellName("x".repeat(40), 32)).hasSize(32);
    }
}
