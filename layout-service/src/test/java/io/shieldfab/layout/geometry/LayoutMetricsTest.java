package io.shieldfab.layout.geometry;

import io.shieldfab.design.BondingSpec.BondingPattern;
import io.shieldfab.design.Design;
import io.shieldfab.design.DesignReader;
import io.shieldfab.design.MandrelSpec;
import io.shieldfab.design.OpeningsSpec;
import io.shieldfab.design.geometry.FlowRoute;
import io.shieldfab.layout.Designs;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Metrics of the docs/design-document.md example, worked out by hand (formulas: docs/layout.md §Metrics).
 *
 * <pre>
 * package L×W×H = 5 × 4 × 0.9 mm, clearance c = 0.3 mm, plating t = 25 µm, recess depth d = 0.95 mm
 * cavity a × b = (5 + 0.6) × (4 + 0.6) = 5.6 × 4.6 mm
 * 4 × 6 = 24 sites at 7 × 6 mm pitch, margin 3 mm, kerf 0.2 mm, 3 slots of 0.8 × 0.2 mm per wall
 * </pre>
 */
class LayoutMetricsTest {

    private static final double EPS = 1e-9;

    private final LayoutMetrics wifi = LayoutMetrics.of(LayoutSpec.from(Designs.wifi()));

    @Test
    void platedAreaIsFrontSurfaceLessOpenings() {
        // per site: pX·pY = 7 × 6 = 42; inner walls 2(a+b)·d = 2 × 10.2 × 0.95 = 19.38;
        // openings 4n·ℓ·h = 12 × 0.8 × 0.2 = 1.92  →  42 + 19.38 − 1.92 = 59.46 mm²
        // panel: 24 × 59.46 = 1427.04 mm²
        assertThat(wifi.platedAreaPerSiteMm2()).isCloseTo(59.46, within(EPS));
        assertThat(wifi.platedAreaMm2()).isCloseTo(1427.04, within(EPS));
    }

    @Test
    void volumes() {
        // cavity a·b·d = 5.6 × 4.6 × 0.95 = 24.472 mm³ per site, × 24 = 587.328
        // package 5 × 4 × 0.9 = 18 per site, × 24 = 432
        // openings through the wall 12 × 0.8 × 0.2 × 0.025 = 0.048 per site, × 24 = 1.152
        // encapsulant 587.328 − 432 + 1.152 = 156.48
        assertThat(wifi.cavityVolumeMm3()).isCloseTo(587.328, within(EPS));
        assertThat(wifi.packageVolumeMm3()).isCloseTo(432.0, within(EPS));
        assertThat(wifi.openingVolumeMm3()).isCloseTo(1.152, within(EPS));
        assertThat(wifi.encapsulantVolumeMm3()).isCloseTo(156.48, within(EPS));
    }

    @Test
    void openingsAndWalls() {
        // perWall × 4 × sites = 3 × 4 × 24 = 288; largest dimension max(0.8, 0.2) = 0.8 mm
        assertThat(wifi.openingCount()).isEqualTo(288);
        assertThat(wifi.openingsPerSite()).isEqualTo(12);
        assertThat(wifi.openingMaxDimensionMm()).isEqualTo(0.8);
        assertThat(wifi.openingHeightMm()).isEqualTo(0.2);
        assertThat(wifi.openingDepthMm()).isEqualTo(0.025);
        assertThat(wifi.wallThicknessUm()).isEqualTo(25.0);
        assertThat(wifi.recessDepthMm()).isEqualTo(0.95);
        // street = pitch − (cavity + 2t): X 7 − 5.65 = 1.35, Y 6 − 4.65 = 1.35
        assertThat(wifi.streetWidthMm()).isCloseTo(1.35, within(EPS));
    }

    @Test
    void cutList() {
        // panel 6 × 7 + 2 × 3 = 48 mm wide, 4 × 6 + 2 × 3 = 30 mm high
        // 5 cuts along X at y = 3, 9, 15, 21, 27 (48 mm each) = 240 mm
        // 7 cuts along Y at x = 3, 10, …, 45 (30 mm each) = 210 mm; total 450 mm
        assertThat(wifi.cuts()).hasSize(12);
        assertThat(wifi.cuts().get(0)).isEqualTo(new Cut(Cut.Axis.X, 3_000_000, 48_000_000));
        assertThat(wifi.cuts().get(4)).isEqualTo(new Cut(Cut.Axis.X, 27_000_000, 48_000_000));
        assertThat(wifi.cuts().get(5)).isEqualTo(new Cut(Cut.Axis.Y, 3_000_000, 30_000_000));
        assertThat(wifi.cuts().get(11)).isEqualTo(new Cut(Cut.Axis.Y, 45_000_000, 30_000_000));
        assertThat(wifi.totalCutLengthMm()).isEqualTo(450.0);
    }

    @Test
    void streetsPerAxisOpeningsPerWallAndThePadPattern() {
        // street X 7 − 5.65 = 1.35, Y 6 − 4.65 = 1.35; 3 slots per wall
        assertThat(wifi.streetXMm()).isCloseTo(1.35, within(EPS));
        assertThat(wifi.streetYMm()).isCloseTo(1.35, within(EPS));
        assertThat(wifi.openingsPerWall()).isEqualTo(3);
        // pads 0.3 mm on each land, centred between the recess (half 5.65/2 = 2.825 along X, 4.65/2 = 2.325 along Y)
        // and the kerf edge (half pitch − half kerf: 3.5 − 0.1 = 3.4, 3 − 0.1 = 2.9): x ±(2.825 + 3.4)/2 = ±3.1125,
        // y ±(2.325 + 2.9)/2 = ±2.6125 from the site centre; order N, S, E, W
        assertThat(wifi.padSizeMm()).isEqualTo(0.3);
        assertThat(wifi.padsPerSite()).isEqualTo(4);
        assertThat(wifi.padCentres()).containsExactly(new LayoutMetrics.Point(0, 2.6125),
                new LayoutMetrics.Point(0, -2.6125), new LayoutMetrics.Point(3.1125, 0),
                new LayoutMetrics.Point(-3.1125, 0));
    }

    @Test
    void seamGapsRunPadEdgeToPadEdgeAlongTheBondingLine() {
        // one pad a side, centres (0, ±2.6125) and (±3.1125, 0): round each corner 3.1125 + 2.6125 = 5.725 mm between
        // centres, less the pad 0.3 mm: four gaps of 5.425 mm
        assertThat(wifi.bondingPattern()).isEqualTo(BondingPattern.PADS);
        assertThat(wifi.seamGapCount()).isEqualTo(4);
        assertThat(wifi.seamLongestGapMm()).isEqualTo(5.425);
        // two a side: the corner gaps (6.6125 − 4.9125) + (5.6125 − 4.1625) − 0.3 = 2.85 mm are the longest of 8
        LayoutMetrics two = LayoutMetrics.of(LayoutSpec.from(Designs.bonded(BondingPattern.PADS, 2)));
        assertThat(two.padsPerSite()).isEqualTo(8);
        assertThat(two.seamGapCount()).isEqualTo(8);
        assertThat(two.seamLongestGapMm()).isEqualTo(2.85);
        // a ring: a closed seam, no square pads
        LayoutMetrics ring = LayoutMetrics.of(LayoutSpec.from(Designs.bonded(BondingPattern.RING, null)));
        assertThat(ring.bondingPattern()).isEqualTo(BondingPattern.RING);
        assertThat(ring.padsPerSite()).isZero();
        assertThat(ring.padCentres()).isEmpty();
        assertThat(ring.seamGapCount()).isZero();
        assertThat(ring.seamLongestGapMm()).isZero();
        // its centre line runs through the pads' centres: 2 × (2 × 3.1125 + 2 × 2.6125) = 2 × (6.225 + 5.225) = 22.9
        // mm; pads draw no ring
        assertThat(ring.bondingRingLengthMm()).isEqualTo(22.9);
        assertThat(wifi.bondingRingLengthMm()).isZero();
    }

    @Test
    void slotsFacingTheRibCarryNoFlowAndOpenNoWallSpace() {
        // the fixture's slots with the support in place: route SLOTS_FACING_RIB; each slot is a pathway through
        // one wall, 12 × 24 = 288; cross-section 0.8 × 0.2 = 0.16 mm², flow length t = 0.025 mm
        LayoutMetrics.Pathways p = wifi.pathways();
        assertThat(p.route()).isEqualTo(FlowRoute.SLOTS_FACING_RIB);
        assertThat(p.pathwayCount()).isEqualTo(288);
        assertThat(p.pathwayCrossSectionMm2()).isCloseTo(0.16, within(EPS));
        assertThat(p.pathwayLengthMm()).isCloseTo(0.025, within(EPS));
        assertThat(p.wallSpaceVolumeMm3()).isZero();
        assertThat(p.wallSpaceFilled()).isFalse();
        assertThat(p.rearCoverRequired()).isFalse();
        // 5 × 4 × min(0.9, 0.95) = 18 per site, × 24 = 432; per site 24.472 − 18 + 0.048 = 6.52, × 24 = 156.48
        assertThat(p.packageInRecessVolumeMm3()).isCloseTo(432.0, within(EPS));
        assertThat(p.encapsulantVolumePerSiteMm3()).isCloseTo(6.52, within(EPS));
    }

    @Test
    void slotsAfterSupportRemovalFillTheWallSpaceUnderARearCover() {
        LayoutMetrics m = LayoutMetrics.of(LayoutSpec.from(Designs.afterSupportRemoval(
                new OpeningsSpec(OpeningsSpec.OpeningStyle.SLOTS, 3, 0.8, 0.2))));
        // the wall stays one plated thickness, 25 µm: street 7 − 5.65 = 1.35, slot volume 24 × 0.048 = 1.152
        assertThat(m.wallTotalThicknessUm()).isEqualTo(25.0);
        assertThat(m.streetWidthMm()).isCloseTo(1.35, within(EPS));
        assertThat(m.openingVolumeMm3()).isCloseTo(1.152, within(EPS));
        // wall space per site (pX·pY − recess X·recess Y)·d = (42 − 5.65 × 4.65) × 0.95 = 15.7275 × 0.95 = 14.941125;
        // panel 24 × 14.941125 = 358.587
        LayoutMetrics.Pathways p = m.pathways();
        assertThat(p.route()).isEqualTo(FlowRoute.SLOTS_INTO_WALL_SPACE);
        assertThat(p.wallSpaceVolumePerSiteMm3()).isCloseTo(14.941125, within(EPS));
        assertThat(p.wallSpaceVolumeMm3()).isCloseTo(358.587, within(EPS));
        assertThat(p.wallSpaceFilled()).isTrue();
        assertThat(p.rearCoverRequired()).isTrue();
        // encapsulant per site 24.472 − 18 + 0.048 + 14.941125 = 21.461125; panel × 24 = 515.067
        assertThat(p.encapsulantVolumePerSiteMm3()).isCloseTo(21.461125, within(EPS));
        assertThat(m.encapsulantVolumeMm3()).isCloseTo(515.067, within(EPS));
        // the front surface does not see the rib: 1427.04 mm² as with the support in place
        assertThat(m.platedAreaMm2()).isCloseTo(1427.04, within(EPS));
    }

    @Test
    void theExampleFileHasTroughsOverTheRibs() throws IOException {
        // examples/designs/wifi-fem-2g4.json is the fixture's panel with troughs of the size the shielding evaluation
        // allows: 3 × 0.057 × 0.057 mm per wall instead of design-document.md's 0.8 × 0.2 mm slots, which miss 30 dB
        // up to 24.5 GHz (docs/shielding.md), the support still in place, and bonded with a 0.3 mm ring.
        var read = DesignReader.create().read(Files.readAllBytes(
                Path.of("..", "examples", "designs", "wifi-fem-2g4.json")), "application/json");
        assertThat(read.valid()).isTrue();
        LayoutMetrics example = LayoutMetrics.of(LayoutSpec.from(read.design()));
        Design fixture = Designs.withOpenings(new OpeningsSpec(OpeningsSpec.OpeningStyle.TROUGHS, 3, 0.057, 0.057),
                false);
        assertThat(example).isEqualTo(LayoutMetrics.of(LayoutSpec.from(new Design(fixture.name(), fixture.revision(),
                fixture.packageSpec(), fixture.panel(), fixture.shield(), fixture.mandrel(), fixture.encapsulation(),
                Designs.bonded(BondingPattern.RING, null).bonding(), fixture.requirements(), fixture.process()))));
        // plated per site: 42 + 19.38 − wall patches 12 × 0.057 × 0.057 (0.038988) + channel side faces
        // 2n·h·(sX + sY + 4t) = 2 × 3 × 0.057 × (1.35 + 1.35 + 0.1) = 0.342 × 2.8 = 0.9576 → 62.298612 mm²;
        // × 24 = 1495.166688 mm²
        assertThat(example.platedAreaPerSiteMm2()).isCloseTo(62.298612, within(EPS));
        assertThat(example.platedAreaMm2()).isCloseTo(1495.166688, within(EPS));
        // pathways per site n·ℓ·h·(sX + sY + 4t) = 3 × 0.003249 × 2.8 = 0.0272916 mm³, × 24 = 0.6549984 mm³;
        // encapsulant per site 24.472 − 18 + 0.0272916 = 6.4992916, × 24 = 155.9829984 mm³
        assertThat(example.openingVolumeMm3()).isCloseTo(0.6549984, within(EPS));
        assertThat(example.pathways().encapsulantVolumePerSiteMm3()).isCloseTo(6.4992916, within(EPS));
        assertThat(example.encapsulantVolumeMm3()).isCloseTo(155.9829984, within(EPS));
        // a channel is shared by the two sites it joins: 2n = 6 a site, × 24 = 144; the 4n = 12 wall openings a site
        // stay openingCount 288; cross-section 0.057 × 0.057 = 0.003249 mm²; length street X + 2t = 1.35 + 0.05 = 1.4
        assertThat(example.pathways().route()).isEqualTo(FlowRoute.TROUGHS);
        assertThat(example.pathways().pathwayCount()).isEqualTo(144);
        assertThat(example.openingCount()).isEqualTo(288);
        assertThat(example.pathways().pathwayCrossSectionMm2()).isCloseTo(0.003249, within(EPS));
        assertThat(example.pathways().pathwayLengthMm()).isCloseTo(1.4, within(EPS));
        // the ring: no square pads, no seam gap, centre line 2 × (6.225 + 5.225) = 22.9 mm
        assertThat(example.padsPerSite()).isZero();
        assertThat(example.seamGapCount()).isZero();
        assertThat(example.bondingRingLengthMm()).isEqualTo(22.9);
        assertThat(example.pathways().wallSpaceVolumeMm3()).isZero();
        assertThat(example.pathways().rearCoverRequired()).isFalse();
        // square troughs: max(0.057, 0.057)
        assertThat(example.openingMaxDimensionMm()).isEqualTo(0.057);
    }

    @Test
    void aPackageTallerThanTheRecessDisplacesOnlyTheDepthOfTheRecess() {
        Design w = Designs.wifi();
        Design shallow = new Design(w.name(), w.revision(), w.packageSpec(), w.panel(), w.shield(),
                new MandrelSpec(w.mandrel().material(), 0.5), w.encapsulation(), w.bonding(), w.requirements(),
                w.process());
        LayoutMetrics m = LayoutMetrics.of(LayoutSpec.from(shallow));
        // d = 0.5 mm < H = 0.9 mm: cavity 5.6 × 4.6 × 0.5 = 12.88 per site; the package displaces 5 × 4 × 0.5 = 10
        // (not 18); openings 0.048 → 12.88 − 10 + 0.048 = 2.928 per site, × 24 = 70.272 mm³
        // (cavity − full package would be 24 × (12.88 − 18 + 0.048) = −121.728 mm³)
        assertThat(m.packageVolumeMm3()).isCloseTo(432.0, within(EPS));
        assertThat(m.encapsulantVolumeMm3()).isCloseTo(70.272, within(EPS));
    }

    @Test
    void noOpenings() {
        LayoutMetrics m = LayoutMetrics.of(LayoutSpec.from(Designs.withOpenings(
                new OpeningsSpec(OpeningsSpec.OpeningStyle.NONE, 0, 0, 0), false)));
        // 24 × (42 + 19.38) = 1473.12 mm²; encapsulant 587.328 − 432 = 155.328 mm³
        assertThat(m.openingCount()).isZero();
        assertThat(m.openingMaxDimensionMm()).isZero();
        assertThat(m.platedAreaMm2()).isCloseTo(1473.12, within(EPS));
        assertThat(m.encapsulantVolumeMm3()).isCloseTo(155.328, within(EPS));
    }
}
