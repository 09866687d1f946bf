package io.shieldfab.design.geometry;

import io.shieldfab.design.BondingSpec.BondingPattern;
import io.shieldfab.design.OpeningsSpec.OpeningStyle;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The depression geometry of the Wi-Fi example worked by hand (docs/layout.md §2, §4): body 5.0 × 4.0 × 0.9 mm,
 * clearance 0.3 mm, nickel 25 µm, pitch 7.0 × 6.0 mm, kerf 0.2 mm, recess 0.95 mm, 3 slots of 0.15 × 0.1 mm, pads 0.3.
 */
class DepressionGeometryTest {

    private static DepressionGeometry wifi(boolean wallSpaceOpen, long pitchXNm, long kerfNm) {
        return wifi(wallSpaceOpen, pitchXNm, kerfNm, OpeningStyle.SLOTS);
    }

    private static DepressionGeometry wifi(boolean wallSpaceOpen, long pitchXNm, long kerfNm, OpeningStyle style) {
        return new DepressionGeometry(pitchXNm, 6_000_000, kerfNm, 5_000_000, 4_000_000, 900_000, 300_000, 25_000,
                wallSpaceOpen, 950_000, style, 3, 150_000, 100_000, 300_000);
    }

    @Test
    void solidWalls() {
        DepressionGeometry g = wifi(false, 7_000_000, 200_000);
        // cavity 5.0 + 0.6 = 5.6 × 4.6 mm; recess + 2 × 25 µm = 5.65 × 4.65 mm; streets 1.35 mm both ways
        assertThat(g.wallTotalNm()).isEqualTo(25_000);
        assertThat(g.cavityXNm()).isEqualTo(5_600_000);
        assertThat(g.cavityYNm()).isEqualTo(4_600_000);
        assertThat(g.recessXNm()).isEqualTo(5_650_000);
        assertThat(g.recessYNm()).isEqualTo(4_650_000);
        assertThat(g.streetXNm()).isEqualTo(1_350_000);
        assertThat(g.streetYNm()).isEqualTo(1_350_000);
        // 12 slots a site, 25 µm deep; (2 × 3 − 1) × 0.15 = 0.75 mm of the 4.6 mm wall
        assertThat(g.openingsPerSite()).isEqualTo(12);
        assertThat(g.openingDepthNm()).isEqualTo(25_000);
        assertThat(DepressionGeometry.openingsNeedNm(OpeningStyle.SLOTS, 3, 150_000, 25_000)).isEqualTo(750_000);
        // troughs: each notch 0.15 + 2 × 0.025 = 0.2 mm, (2 × 3 − 1) × 0.2 = 1.0 mm
        assertThat(DepressionGeometry.openingsNeedNm(OpeningStyle.TROUGHS, 3, 150_000, 25_000)).isEqualTo(1_000_000);
        assertThat(g.openingsFit()).isTrue();
    }

    @Test
    void theWallIsOneThicknessWhetherOrNotTheSupportIsRemovedFirst() {
        // claim 15: the hollow wall is the inverted U around the rib, t = 25 µm; recess X 5.6 + 0.05 = 5.65 mm,
        // pitch 5.75 leaves 0.1 mm: a kerf of 0.1 does not fit (equal), one nanometre narrower does
        DepressionGeometry equal = wifi(true, 5_750_000, 100_000);
        assertThat(equal.wallTotalNm()).isEqualTo(25_000);
        assertThat(equal.streetXNm()).isEqualTo(100_000);
        assertThat(equal.x().recessFits()).isTrue();
        assertThat(equal.x().kerfFits()).isFalse();
        assertThat(wifi(true, 5_750_000, 99_999).x().kerfFits()).isTrue();
    }

    @Test
    void volumesOfOneSiteForEachRoute() {
        // cavity 5.6 × 4.6 × 0.95 = 24.472 mm³; package 5 × 4 × min(0.9, 0.95) = 18 mm³; 6.472 mm³ between them
        DepressionGeometry troughs = wifi(false, 7_000_000, 200_000, OpeningStyle.TROUGHS);
        assertThat(troughs.route()).isEqualTo(FlowRoute.TROUGHS);
        assertThat(troughs.cavityVolumeMm3()).isEqualByComparingTo("24.472");
        assertThat(troughs.packageInRecessVolumeMm3()).isEqualByComparingTo("18");
        // troughs: n·ℓ·h·(street X + street Y + 4t) = 3 × 0.15 × 0.1 × (1.35 + 1.35 + 0.1) = 0.045 × 2.8 = 0.126
        assertThat(troughs.pathwayVolumeMm3()).isEqualByComparingTo("0.126");
        assertThat(troughs.pathwayLengthMm()).isEqualByComparingTo("1.4");
        assertThat(troughs.wallSpaceVolumeMm3()).isEqualByComparingTo("0");
        assertThat(troughs.encapsulantVolumeMm3()).isEqualByComparingTo("6.598");

        // slots after support removal: 4n·ℓ·h·t = 12 × 0.015 × 0.025 = 0.0045 through the walls, and the wall space
        // (pX·pY − recess X·recess Y)·d = (42 − 5.65 × 4.65) × 0.95 = (42 − 26.2725) × 0.95 = 14.941125 mm³
        DepressionGeometry slots = wifi(true, 7_000_000, 200_000, OpeningStyle.SLOTS);
        assertThat(slots.route()).isEqualTo(FlowRoute.SLOTS_INTO_WALL_SPACE);
        assertThat(slots.route().needsRearCover()).isTrue();
        assertThat(slots.pathwayVolumeMm3()).isEqualByComparingTo("0.0045");
        assertThat(slots.pathwayLengthMm()).isEqualByComparingTo("0.025");
        assertThat(slots.wallSpaceVolumeMm3()).isEqualByComparingTo("14.941125");
        // 6.472 + 0.0045 + 14.941125 = 21.417625
        assertThat(slots.encapsulantVolumeMm3()).isEqualByComparingTo("21.417625");

        // slots with the support in place face the rib: blocked, no wall space
        DepressionGeometry blocked = wifi(false, 7_000_000, 200_000, OpeningStyle.SLOTS);
        assertThat(blocked.route().blocked()).isTrue();
        assertThat(blocked.route().carriesFlow()).isFalse();

        // pillar gaps after support removal: the posts' space is closed by the deposit, so it is not filled
        DepressionGeometry pillars = wifi(true, 7_000_000, 200_000, OpeningStyle.PILLARS);
        assertThat(pillars.route()).isEqualTo(FlowRoute.PILLAR_GAPS);
        assertThat(pillars.route().fillsWallSpace()).isFalse();
        assertThat(pillars.encapsulantVolumeMm3()).isEqualByComparingTo("6.598");
    }

    @Test
    void aPackageTallerThanTheRecessDisplacesOnlyWhatIsInside() {
        // H 1.2 mm in a 0.95 mm recess: 5 × 4 × 0.95 = 19 mm³, so 24.472 − 19 = 5.472 mm³ stays positive
        DepressionGeometry tall = new DepressionGeometry(7_000_000, 6_000_000, 200_000, 5_000_000, 4_000_000,
                1_200_000, 300_000, 25_000, false, 950_000, OpeningStyle.NONE, 0, 0, 0, 0);
        assertThat(tall.packageInRecessVolumeMm3()).isEqualByComparingTo("19");
        assertThat(tall.encapsulantVolumeMm3()).isEqualByComparingTo("5.472");
    }

    @Test
    void padsSitMidLandOnTheSiteAxes() {
        // N pad: land from recess top 3.0 + 2.325 = 5.325 to 6.0 − 0.1 = 5.9 mm, centre 5.6125, corner 5.4625;
        // x corner 3.5 − 0.15 = 3.35
        DepressionGeometry g = wifi(false, 7_000_000, 200_000);
        assertThat(g.padCornersNm()).hasSize(4);
        assertThat(g.padCornersNm().get(0)).containsExactly(3_350_000, 5_462_500);
        // kerf 1.3 mm leaves lands of (1.35 − 1.3) / 2 = 0.025 mm < 0.3 mm: no pads
        assertThat(wifi(false, 7_000_000, 1_300_000).padCornersNm()).isEmpty();
    }

    /** The Wi-Fi site with another bonding: pads of 0.3 mm, {@code k} a side, or a 0.3 mm ring. */
    private static DepressionGeometry wifiBonded(long kerfNm, BondingPattern pattern, int k) {
        return new DepressionGeometry(7_000_000, 6_000_000, kerfNm, 5_000_000, 4_000_000, 900_000, 300_000, 25_000,
                false, 950_000, OpeningStyle.SLOTS, 3, 150_000, 100_000, 300_000, pattern, k);
    }

    /*
     * The Wi-Fi lands by hand: recess 5.65 × 4.65 mm centred in the 7 × 6 site, so from x 0.675 to 6.325 and y 0.675
     * to 5.325; half kerf 0.1. N land y 5.325..5.9 (middle 5.6125), S 0.1..0.675 (0.3875), E x 6.325..6.9 (6.6125),
     * W 0.1..0.675 (0.3875): each (1.35 − 0.2)/2 = 0.575 wide. The bonding line through the middles is
     * (6.6125 − 0.3875) × (5.6125 − 0.3875) = 6.225 × 5.225 mm, 2 × (6.225 + 5.225) = 22.9 mm round.
     */

    @Test
    void onePadASideLeavesFourEqualSeamGaps() {
        // N pad centre (3.5, 5.6125), E (6.6125, 3.0): round the NE corner 3.1125 + 2.6125 = 5.725 mm between the
        // centres, less the two half pads 0.3: 5.425 mm; by symmetry all four; 4 × 5.425 = 22.9 − 4 × 0.3
        DepressionGeometry g = wifiBonded(200_000, BondingPattern.PADS, 1);
        assertThat(g.seamGapsNm()).containsExactly(5_425_000L, 5_425_000L, 5_425_000L, 5_425_000L);
        // the secondary constructor is this geometry: one pad a side, the pads of before issue #15
        assertThat(wifi(false, 7_000_000, 200_000).padCornersNm()).usingRecursiveFieldByFieldElementComparator()
                .isEqualTo(g.padCornersNm());
    }

    @Test
    void twoPadsASideSitAtAQuarterAndThreeQuartersOfTheRecessSide() {
        // along X centres at 0.675 + 5.65/4 = 2.0875 and 0.675 + 3 × 5.65/4 = 4.9125, corners 1.9375 and 4.7625;
        // along Y 0.675 + 4.65/4 = 1.8375 and 4.1625, corners 1.6875 and 4.0125
        DepressionGeometry g = wifiBonded(200_000, BondingPattern.PADS, 2);
        assertThat(g.padCornersNm()).hasSize(8);
        assertThat(g.padCornersNm().get(0)).containsExactly(1_937_500, 5_462_500);   // N, left
        assertThat(g.padCornersNm().get(1)).containsExactly(4_762_500, 5_462_500);   // N, right
        assertThat(g.padCornersNm().get(3)).containsExactly(4_762_500, 237_500);     // S, right
        assertThat(g.padCornersNm().get(4)).containsExactly(6_462_500, 1_687_500);   // E, bottom
        assertThat(g.padCornersNm().get(7)).containsExactly(237_500, 4_012_500);     // W, top
        // clockwise from N left: N pair 2 × 1.4125 − 0.3 = 2.525; NE corner (6.6125 − 4.9125) + (5.6125 − 4.1625)
        // − 0.3 = 1.7 + 1.45 − 0.3 = 2.85; E pair 2 × 1.1625 − 0.3 = 2.025; then S and W alike.
        // Sum 2 × 2.525 + 2 × 2.025 + 4 × 2.85 = 20.5 = 22.9 − 8 × 0.3
        assertThat(g.seamGapsNm()).containsExactly(2_525_000L, 2_850_000L, 2_025_000L, 2_850_000L,
                2_525_000L, 2_850_000L, 2_025_000L, 2_850_000L);
    }

    @Test
    void padsThatCrowdASideAreLeftOut() {
        // 15 × 0.3 = 4.5 mm fit the 4.65 mm recess side along Y; 16 × 0.3 = 4.8 mm do not
        assertThat(wifiBonded(200_000, BondingPattern.PADS, 15).padCornersNm()).hasSize(60);
        DepressionGeometry crowded = wifiBonded(200_000, BondingPattern.PADS, 16);
        assertThat(crowded.padCornersNm()).isEmpty();
        // nothing bonded: one gap, the whole 22.9 mm line
        assertThat(crowded.seamGapsNm()).containsExactly(22_900_000L);
    }

    @Test
    void aRingIsAClosedBandInTheMiddleOfTheLandsWithNoSeamGap() {
        // p = 0.3 centred in each land: W x 0.3875 ± 0.15 = 0.2375..0.5375, E 6.4625..6.7625, S y 0.2375..0.5375,
        // N 5.4625..5.7625; N and S span the corners, E and W run between them
        DepressionGeometry g = wifiBonded(200_000, BondingPattern.RING, 0);
        assertThat(g.padsPerSide()).isZero();
        assertThat(g.padCornersNm()).isEmpty();
        assertThat(g.ringStripsNm()).hasSize(4);
        assertThat(g.ringStripsNm().get(0)).containsExactly(237_500, 5_462_500, 6_762_500, 5_762_500);
        assertThat(g.ringStripsNm().get(1)).containsExactly(237_500, 237_500, 6_762_500, 537_500);
        assertThat(g.ringStripsNm().get(2)).containsExactly(6_462_500, 537_500, 6_762_500, 5_462_500);
        assertThat(g.ringStripsNm().get(3)).containsExactly(237_500, 537_500, 537_500, 5_462_500);
        assertThat(g.seamGapsNm()).isEmpty();
        // centre line through the lands' middles: 2 × ((6.6125 − 0.3875) + (5.6125 − 0.3875)) = 2 × (6.225 + 5.225)
        // = 22.9 mm; the strips cover 2 × 6.525 × 0.3 (N, S) + 2 × 4.925 × 0.3 (E, W) = 6.87 mm² = 0.3 × 22.9
        assertThat(g.ringLengthNm()).isEqualTo(22_900_000L);
        long area = g.ringStripsNm().stream().mapToLong(r -> (r[2] - r[0]) * (r[3] - r[1])).sum();
        assertThat(area).isEqualTo(300_000L * 22_900_000L);
        // pads draw no ring
        assertThat(wifiBonded(200_000, BondingPattern.PADS, 1).ringLengthNm()).isZero();
    }

    @Test
    void withNoBondingDrawnTheWholeLineIsOneGap() {
        // kerf 1.3 mm: half kerf 0.65, lands 0.025 mm, middles N 5.3375, S 0.6625, E 6.3375, W 0.6625; neither pads
        // nor ring of 0.3 fit; the line is 2 × ((6.3375 − 0.6625) + (5.3375 − 0.6625)) = 2 × (5.675 + 4.675) = 20.7
        assertThat(wifiBonded(1_300_000, BondingPattern.PADS, 1).seamGapsNm()).containsExactly(20_700_000L);
        DepressionGeometry ring = wifiBonded(1_300_000, BondingPattern.RING, 0);
        assertThat(ring.ringStripsNm()).isEmpty();
        assertThat(ring.ringLengthNm()).isZero();
        assertThat(ring.seamGapsNm()).containsExactly(20_700_000L);
        // no pad size at all: the same line through the 0.575 mm lands, 22.9 mm
        DepressionGeometry bare = new DepressionGeometry(7_000_000, 6_000_000, 200_000, 5_000_000, 4_000_000,
                900_000, 300_000, 25_000, false, 950_000, OpeningStyle.NONE, 0, 0, 0, 0);
        assertThat(bare.seamGapsNm()).containsExactly(22_900_000L);
        assertThatThrownBy(() -> wifiBonded(200_000, BondingPattern.PADS, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void lengthsRoundToTheNanometreOnce() {
        assertThat(DepressionGeometry.nm(5.85)).isEqualTo(5_850_000);
        assertThat(DepressionGeometry.nmFromUm(25)).isEqualTo(25_000);
        assertThat(DepressionGeometry.nm(0.0000004)).isZero();
        assertThatThrownBy(() -> wifi(false, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
