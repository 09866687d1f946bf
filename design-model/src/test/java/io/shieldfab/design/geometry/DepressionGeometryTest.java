package io.shieldfab.design.geometry;

import io.shieldfab.design.OpeningsSpec.OpeningStyle;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The depression geometry of the Wi-Fi example worked by hand (docs/layout.md §2, §4): body 5.0 × 4.0 × 0.9 mm,
 * clearance 0.3 mm, nickel 25 µm, pitch 7.0 × 6.0 mm, kerf 0.2 mm, recess 0.95 mm, 3 slots of 0.15 × 0.1 mm, pads 0.3.
 */
class DepressionGeometryTest {

    private static DepressionGeometry wifi(boolean hollow, long pitchXNm, long kerfNm) {
        return new DepressionGeometry(pitchXNm, 6_000_000, kerfNm, 5_000_000, 4_000_000, 900_000, 300_000, 25_000,
                hollow, 950_000, OpeningStyle.SLOTS, 3, 150_000, 100_000, 300_000);
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
        assertThat(DepressionGeometry.openingsNeedNm(OpeningStyle.SLOTS, 3, 150_000)).isEqualTo(750_000);
        assertThat(g.openingsFit()).isTrue();
    }

    @Test
    void hollowWallsAreThreeSkinsAndTheKerfMustBeNarrowerThanTheStreet() {
        // wall 75 µm: recess X 5.6 + 0.15 = 5.75 mm; pitch 5.85 leaves 0.1 mm, the kerf 0.1 does not fit (equal)
        DepressionGeometry equal = wifi(true, 5_850_000, 100_000);
        assertThat(equal.wallTotalNm()).isEqualTo(75_000);
        assertThat(equal.streetXNm()).isEqualTo(100_000);
        assertThat(equal.x().recessFits()).isTrue();
        assertThat(equal.x().kerfFits()).isFalse();
        // one nanometre narrower fits
        assertThat(wifi(true, 5_850_000, 99_999).x().kerfFits()).isTrue();
    }

    @Test
    void padsSitMidLandOnTheSiteAxes() {
        // N pad: land from recess top 3.0 + 2.325 = 5.325 to 6.0 − 0.1 = 5.9 mm, centre 5.6125, corner 5.4625;
        // x corner 3.5 − 0.15 = 3.35
        DepressionGeometry g = wifi(false, 7_000_000, 200_000);
        assertThat(g.padCornersNm()).hasSize(DepressionGeometry.PADS_PER_SITE);
        assertThat(g.padCornersNm().get(0)).containsExactly(3_350_000, 5_462_500);
        // kerf 1.3 mm leaves lands of (1.35 − 1.3) / 2 = 0.025 mm < 0.3 mm: no pads
        assertThat(wifi(false, 7_000_000, 1_300_000).padCornersNm()).isEmpty();
    }

    @Test
    void lengthsRoundToTheNanometreOnce() {
        assertThat(DepressionGeometry.nm(5.85)).isEqualTo(5_850_000);
        assertThat(DepressionGeometry.nmFromUm(25)).isEqualTo(25_000);
        assertThat(DepressionGeometry.nm(0.0000004)).isZero();
        assertThatThrownBy(() -> wifi(false, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
