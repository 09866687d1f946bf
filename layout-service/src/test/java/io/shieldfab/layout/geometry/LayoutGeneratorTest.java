package io.shieldfab.layout.geometry;

import io.shieldfab.design.BondingSpec.BondingPattern;
import io.shieldfab.design.OpeningsSpec;
import io.shieldfab.design.OpeningsSpec.OpeningStyle;
import io.shieldfab.design.Violation;
import io.shieldfab.layout.Designs;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Geometry of the docs/design-document.md example. Site box 7 × 6 mm, centre (3.5, 3.0) mm; cavity 5.6 × 4.6 mm
 * → x 0.7…6.3, y 0.7…5.3 mm; wall 25 µm; recess x 0.675…6.325, y 0.675…5.325 mm.
 */
class LayoutGeneratorTest {

    private final PanelLayout wifi = LayoutGenerator.generate(LayoutSpec.from(Designs.wifi()));

    @Test
    void cavityAndRecess() {
        assertThat(wifi.site().cavity()).hasToString("3:[700000,700000 6300000,5300000]");
        assertThat(wifi.site().recess()).hasToString("2:[675000,675000 6325000,5325000]");
    }

    @Test
    void polygonsPerLayerOfOneSite() {
        SiteCell site = wifi.site();
        assertThat(site.count(Layer.MANDREL_RECESS)).isEqualTo(1);
        assertThat(site.count(Layer.DEPRESSION_BOTTOM)).isEqualTo(1);
        assertThat(site.count(Layer.SIDE_WALL)).isEqualTo(4);
        assertThat(site.count(Layer.OPENING)).isEqualTo(12); // perWall 3 × 4 walls
        assertThat(site.count(Layer.BONDING_PAD)).isEqualTo(4);
    }

    @Test
    void slotsAreEvenlySpacedOnTheNorthWall() {
        // side 5.6 mm, 3 × 0.8 mm slots: gap (5.6 − 2.4)/4 = 0.8 mm
        // → x 0.7+0.8 = 1.5…2.3, 3.1…3.9, 4.7…5.5 mm; through the wall y 5.3…5.325 mm
        List<Shape> north = wifi.site().shapes().stream().filter(s -> s.layer() == Layer.OPENING).limit(3).toList();
        assertThat(north).extracting(Object::toString).containsExactly(
                "5:[1500000,5300000 2300000,5325000]",
                "5:[3100000,5300000 3900000,5325000]",
                "5:[4700000,5300000 5500000,5325000]");
    }

    @Test
    void openingsLieInsideTheWallsAndDoNotOverlap() {
        GeometryFactory f = new GeometryFactory();
        Geometry wallBand = LayoutGenerator.jts(wifi.site().recess()).difference(LayoutGenerator.jts(wifi.site().cavity()));
        List<Rect> openings = wifi.site().shapes().stream()
                .filter(s -> s.layer() == Layer.OPENING).map(Rect.class::cast).toList();
        Geometry union = f.buildGeometry(openings.stream().map(LayoutGenerator::jts).toList()).union();
        // 12 slots of 0.8 mm × 25 µm = 12 × (8e5 × 2.5e4) nm² = 12 × 2e10 = 2.4e11 nm² when none overlap
        assertThat(union.getArea()).isEqualTo(2.4e11);
        assertThat(wallBand.covers(union)).isTrue();
    }

    @Test
    void padsSitCentredOnTheLand() {
        // north land: wall face y = 5.325, kerf edge 6 − 0.1 = 5.9 → centre 5.6125, pad 0.3 → 5.4625…5.7625
        Shape north = wifi.site().shapes().stream().filter(s -> s.layer() == Layer.BONDING_PAD).findFirst().orElseThrow();
        assertThat(north).hasToString("7:[3350000,5462500 3650000,5762500]");
    }

    @Test
    void pillarsAreTheWallLessTheGaps() {
        PanelLayout p = LayoutGenerator.generate(LayoutSpec.from(Designs.withOpenings(
                new OpeningsSpec(OpeningStyle.PILLARS, 3, 0.8, 0.2), false)));
        // each of 4 walls cut by 3 gaps → 4 pieces; 16 pillars
        assertThat(p.site().count(Layer.SIDE_WALL)).isEqualTo(16);
        assertThat(p.site().count(Layer.OPENING)).isEqualTo(12);
        // wall ring 5.65 × 4.65 − 5.6 × 4.6 = 26.2725 − 25.76 = 0.5125 mm²; gaps 12 × 0.8 × 0.025 = 0.24 mm²
        // → pillars 0.2725 mm² = 2.725e11 nm²
        double area = p.site().shapes().stream().filter(s -> s.layer() == Layer.SIDE_WALL)
                .mapToDouble(s -> ((Rect) s).widthNm() * (double) ((Rect) s).heightNm()).sum();
        assertThat(area).isEqualTo(2.725e11);
    }

    @Test
    void theWallIsOnePlatedThicknessAfterSupportRemovalAndTheRearCoverSpansTheArray() {
        PanelLayout p = LayoutGenerator.generate(LayoutSpec.from(Designs.afterSupportRemoval(
                new OpeningsSpec(OpeningStyle.SLOTS, 2, 0.5, 0.2))));
        assertThat(p.site().count(Layer.SIDE_WALL)).isEqualTo(4);
        assertThat(p.site().count(Layer.OPENING)).isEqualTo(8);
        assertThat(p.site().count(Layer.MANDREL_NOTCH)).isZero();
        // recess = cavity + 2 × 25 µm: x 0.7 − 0.025 = 0.675 … 6.3 + 0.025 = 6.325, y 0.675 … 5.325
        assertThat(p.site().recess()).hasToString("2:[675000,675000 6325000,5325000]");
        // slots into the wall space need the rear cover: the site array from (3, 3) to (3 + 6 × 7, 3 + 4 × 6) mm;
        // outline + cover + 12 streets
        assertThat(p.panelShapes()).hasSize(14);
        assertThat(p.panelShapes().get(1)).hasToString("11:[3000000,3000000 45000000,27000000]");
    }

    @Test
    void troughsCrossTheStreetToTheSiteBoundaryAndNotchTheRib() {
        PanelLayout p = LayoutGenerator.generate(LayoutSpec.from(Designs.withOpenings(
                new OpeningsSpec(OpeningStyle.TROUGHS, 3, 0.15, 0.1), false)));
        // 4 × 3 half-troughs and 4 × 3 notches; no rear cover (outline + 12 streets)
        assertThat(p.site().count(Layer.OPENING)).isEqualTo(12);
        assertThat(p.site().count(Layer.MANDREL_NOTCH)).isEqualTo(12);
        assertThat(p.panelShapes()).hasSize(13);
        // first N trough: gap (5.6 − 3 × 0.15) / 4 = 1.2875 mm from the cavity corner 0.7 → x 1.9875 … 2.1375;
        // from the cavity edge y 5.3 to the site boundary 6.0 (0.7 = t + street/2; with the S half of the site above,
        // 1.4 = street 1.35 + 2t, cavity to cavity)
        List<Shape> troughs = p.site().shapes().stream().filter(s -> s.layer() == Layer.OPENING).toList();
        assertThat(troughs.get(0)).hasToString("5:[1987500,5300000 2137500,6000000]");
        // first S trough: same x, from the site boundary 0 to the cavity edge 0.7
        assertThat(troughs.get(3)).hasToString("5:[1987500,0 2137500,700000]");
        // its notch in the rib top: ℓ + 2t = 0.2 mm wide (x 1.9625 … 2.1625), from the recess edge 5.325 to 6.0
        List<Shape> notches = p.site().shapes().stream().filter(s -> s.layer() == Layer.MANDREL_NOTCH).toList();
        assertThat(notches.get(0)).hasToString("10:[1962500,5325000 2162500,6000000]");
        // first E trough: gap (4.6 − 0.45) / 4 = 1.0375 from y 0.7 → 1.7375 … 1.8875, x 6.3 … 7.0
        assertThat(troughs.get(6)).hasToString("5:[6300000,1737500 7000000,1887500]");
    }

    @Test
    void panelShapesAndLabels() {
        // outline + 5 X streets + 7 Y streets
        assertThat(wifi.panelShapes()).hasSize(13);
        assertThat(wifi.panelShapes().get(0)).hasToString("1:[0,0 48000000,30000000]");
        // first X street: kerf 0.2 mm centred on y = 3 mm, full panel width
        assertThat(wifi.panelShapes().get(1)).hasToString("6:[0,2900000 48000000,3100000]");
        assertThat(wifi.fiducialCentres()).hasSize(3);
        assertThat(wifi.fiducial()).hasSize(1);
        assertThat(wifi.edgeLabels()).hasSize(10);
        assertThat(wifi.edgeLabels().get(0)).isEqualTo(new Label("C1", 6_500_000, 1_500_000, 1_200_000));
        assertThat(PanelLayout.siteLabel(3, 5)).isEqualTo("R4C6");
    }

    @Test
    void impossibleGeometryIsReportedPerField() {
        // pitch X 5.5 < depression 5.65; kerf 2 mm wider than the 1.35 mm Y street; 6 × 0.8 > 4.6 mm wall
        var d = Designs.panel(2, 2, 5.5, 6.0, new OpeningsSpec(OpeningStyle.SLOTS, 6, 0.8, 0.2), false);
        var spec = LayoutSpec.from(d);
        var withKerf = new LayoutSpec(spec.name(), spec.revision(), 2, 2, spec.pitchXNm(), spec.pitchYNm(),
                spec.marginNm(), 2_000_000, spec.packageLengthNm(), spec.packageWidthNm(), spec.packageHeightNm(),
                spec.clearanceNm(), spec.thicknessNm(), false, spec.recessDepthNm(), OpeningStyle.SLOTS, 6,
                spec.openingLengthNm(), spec.openingHeightNm(), spec.padSizeNm());
        assertThat(LayoutGenerator.check(withKerf)).extracting(Violation::field)
                .containsExactly("panel.pitchXMm", "panel.sawKerfMm", "shield.openings.lengthMm");
        assertThatThrownBy(() -> LayoutGenerator.generate(withKerf)).isInstanceOf(IllegalArgumentException.class);
        assertThat(LayoutGenerator.check(LayoutSpec.from(Designs.wifi()))).isEmpty();
    }

    @Test
    void padsThatDoNotFitAreLeftOutWithAWarning() {
        // pitch 5.9 × 4.9: street 0.25 mm, land (0.25 − 0.2)/2 = 0.025 mm < pad 0.3 mm
        PanelLayout p = LayoutGenerator.generate(LayoutSpec.from(Designs.panel(2, 2, 5.9, 4.9,
                new OpeningsSpec(OpeningStyle.SLOTS, 3, 0.8, 0.2), false)));
        assertThat(p.site().count(Layer.BONDING_PAD)).isZero();
        assertThat(p.warnings()).extracting(Violation::field).containsExactly("bonding.padSizeMm");
    }

    @Test
    void twoPadsASideAtAQuarterAndThreeQuartersOfTheRecessSide() {
        // recess x 0.675…6.325: pad centres 0.675 + 5.65/4 = 2.0875 and 4.9125, pads 1.9375…2.2375, 4.7625…5.0625;
        // recess y 0.675…5.325: centres 1.8375 and 4.1625 on the E land x 6.4625…6.7625
        PanelLayout p = LayoutGenerator.generate(LayoutSpec.from(Designs.bonded(BondingPattern.PADS, 2)));
        List<String> pads = p.site().shapes().stream().filter(s -> s.layer() == Layer.BONDING_PAD)
                .map(Object::toString).toList();
        assertThat(pads).hasSize(8);
        assertThat(pads.subList(0, 2)).containsExactly("7:[1937500,5462500 2237500,5762500]",
                "7:[4762500,5462500 5062500,5762500]");
        assertThat(pads.subList(4, 6)).containsExactly("7:[6462500,1687500 6762500,1987500]",
                "7:[6462500,4012500 6762500,4312500]");
        assertThat(p.warnings()).isEmpty();
    }

    @Test
    void aRingIsFourStripsInTheMiddleOfTheLands() {
        // p = 0.3 centred on the land middles: W x 0.2375…0.5375, E 6.4625…6.7625, S y 0.2375…0.5375,
        // N 5.4625…5.7625; N and S span the corners, E and W run between them (as the walls do)
        PanelLayout p = LayoutGenerator.generate(LayoutSpec.from(Designs.bonded(BondingPattern.RING, null)));
        assertThat(p.site().shapes().stream().filter(s -> s.layer() == Layer.BONDING_PAD).map(Object::toString))
                .containsExactly("7:[237500,5462500 6762500,5762500]", "7:[237500,237500 6762500,537500]",
                        "7:[6462500,537500 6762500,5462500]", "7:[237500,537500 537500,5462500]");
        // the ring's area: outer 6.525 × 5.525 less inner 5.925 × 4.925 = 36.050625 − 29.180625 = 6.87 mm²
        double area = p.site().shapes().stream().filter(s -> s.layer() == Layer.BONDING_PAD)
                .mapToDouble(s -> ((Rect) s).widthNm() * (double) ((Rect) s).heightNm()).sum();
        assertThat(area).isEqualTo(6.87e12);
        assertThat(p.site().padsFit()).isTrue();
        assertThat(p.warnings()).isEmpty();
    }

    @Test
    void padsThatCrowdASideAreLeftOutWithAWarningOnTheirCount() {
        // 16 × 0.3 = 4.8 mm of pads along the 4.65 mm recess side (Y)
        PanelLayout p = LayoutGenerator.generate(LayoutSpec.from(Designs.bonded(BondingPattern.PADS, 16)));
        assertThat(p.site().count(Layer.BONDING_PAD)).isZero();
        assertThat(p.warnings()).singleElement().satisfies(w -> {
            assertThat(w.field()).isEqualTo("bonding.padsPerSide");
            assertThat(w.message()).isEqualTo("16 bonding pads of 0.3 mm a side need 4.8 mm and do not fit the"
                    + " shorter recess side of 4.65 mm; they are left out of the layout");
        });
    }

    @Test
    void generationIsDeterministic() {
        PanelLayout again = LayoutGenerator.generate(LayoutSpec.from(Designs.wifi()));
        assertThat(again.site().shapes()).isEqualTo(wifi.site().shapes());
        assertThat(again.panelShapes()).isEqualTo(wifi.panelShapes());
    }
}
