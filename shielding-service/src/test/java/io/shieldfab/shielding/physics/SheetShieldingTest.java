package io.shieldfab.shielding.physics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Solid-wall SE against values worked out by hand (Ott, Electromagnetic Compatibility Engineering, 2009,
 * Ch. 6; docs/shielding.md). μ0 = 4π·10⁻⁷ H/m to the precision used here.
 */
class SheetShieldingTest {

    @Test
    void skinDepthOfCopperAtOneMegahertz() {
        // δ = 1/√(π f μ0 σ): π·1e6 = 3.14159e6; ·4π·10⁻⁷ = 3.94784; ·5.8e7 = 2.28975e8; √ = 15131.9;
        //   1/15131.9 = 66.085e-6 m = 66.09 µm
        // Ott 2009, Table 6-2 lists 0.0026 in (66 µm) for copper at 1 MHz.
        double deltaUm = SheetShielding.skinDepthM(5.8e7, 1.0, 1e6) * 1e6;
        assertThat(deltaUm).isCloseTo(66.09, within(0.01));
    }

    @Test
    void copperWallAtWifiFrequency() {
        // Cu 25 µm at 2.45 GHz, plane wave:
        //   δ = 66.09 µm / √2450 = 66.09/49.497 = 1.3352 µm
        //   A = 8.686·25/1.3352 = 8.686·18.724 = 162.64 dB
        //   R = 168 + 10·log10(1/2.45e9) = 168 − 93.892 = 74.108 dB
        //   B: 2t/δ = 37.4 → e^(−37.4) ≈ 6e-17 → B ≈ 0 dB
        //   total = 236.75 dB
        SheetShielding.Result r = SheetShielding.calculate(SheetShielding.Input.planeWave(5.8e7, 1.0, 25, 2.45e9));
        assertThat(r.skinDepthUm()).isCloseTo(1.3351, within(0.0002));
        assertThat(r.absorptionDb()).isCloseTo(162.64, within(0.02));
        assertThat(r.reflectionDb()).isCloseTo(74.108, within(0.001));
        assertThat(r.multipleReflectionDb()).isCloseTo(0.0, within(1e-9));
        assertThat(r.totalDb()).isCloseTo(236.75, within(0.03));
    }

    @Test
    void subMicronGoldNeedsTheMultipleReflectionCorrection() {
        // Au 0.5 µm at 1 GHz: σ = 1/2.21e-8 = 4.52e7 S/m (CRC, 20 °C), σr = 4.52/5.80 = 0.77931
        //   δ = 1/√(π·1e9·1.25664e-6·4.52e7) = 1/√(1.78442e11) = 1/422,424 = 2.36729 µm; t/δ = 0.21121
        //   A = 8.6859·0.21121 = 1.8346 dB
        //   R = 168 + 10·log10(0.77931/1e9) = 168 − 90 − 1.0829 = 76.9171 dB
        //   x = 2t/δ = 0.42242; e^(−x) = 0.65546; cos x = 0.91210; sin x = 0.40997
        //   Re = 1 − 0.65546·0.91210 = 0.40216; Im = 0.65546·0.40997 = 0.26872
        //   |.|² = 0.16173 + 0.07221 = 0.23394; B = 10·log10(0.23394) = −6.309 dB
        //   total = 1.835 + 76.917 − 6.309 = 72.443 dB
        // Thin-film check (Paul, Introduction to EMC, 2nd ed., §10.2): 20·log10(Z0·σ·t/2)
        //   = 20·log10(376.73·4.52e7·0.5e-6/2) = 20·log10(4257.05) = 72.582 dB, within 0.15 dB
        //   (the difference is the rounding of 168.15 to 168 in the reflection formula).
        SheetShielding.Result r = SheetShielding.calculate(
                SheetShielding.Input.planeWave(Material.GOLD.conductivitySPerM, 1.0, 0.5, 1e9));
        assertThat(r.skinDepthUm()).isCloseTo(2.36729, within(0.00002));
        assertThat(r.absorptionDb()).isCloseTo(1.8346, within(0.0005));
        assertThat(r.reflectionDb()).isCloseTo(76.9171, within(0.0005));
        assertThat(r.multipleReflectionDb()).isCloseTo(-6.309, within(0.002)).isNegative();
        assertThat(r.totalDb()).isCloseTo(72.443, within(0.003));
        assertThat(r.totalDb()).isCloseTo(72.582, within(0.15));
    }

    @Test
    void multipleReflectionIsPositiveNearOneSkinDepthAndBounded() {
        // The complex form lets the re-reflected wave add in phase (docs/physics.md §2). t/δ = 1: x = 2,
        //   e^(−2) = 0.135335, cos 2 = −0.416147, sin 2 = 0.909297
        //   Re = 1 + 0.135335·0.416147 = 1.056319; Im = 0.135335·0.909297 = 0.123060
        //   |.|² = 1.115810 + 0.015144 = 1.130954 → B = 10·log10(1.130954) = +0.5345 dB > 0
        //   bound: |1 − e^(−x)e^(−jx)| ≤ 1 + e^(−x) = 1.135335 → B ≤ 20·log10(1.135335) = 1.1023 dB
        assertThat(SheetShielding.multipleReflectionDb(1.0)).isCloseTo(0.5345, within(0.0005)).isPositive()
                .isLessThan(20.0 * Math.log10(1.0 + Math.exp(-2.0)));
        // B = 0 where cos x = e^(−x)/2 (x = 1.45367, t/δ = 0.72684); the maximum, +0.583 dB near t/δ = 1.142, is
        // found by scanning t/δ in steps of 0.001 up to 10.
        assertThat(SheetShielding.multipleReflectionDb(0.72684)).isCloseTo(0.0, within(1e-4));
        double maxDb = Double.NEGATIVE_INFINITY;
        for (int i = 1; i <= 10_000; i++) {
            maxDb = Math.max(maxDb, SheetShielding.multipleReflectionDb(i / 1000.0));
        }
        assertThat(maxDb).isCloseTo(0.583, within(0.001));
        assertThat(SheetShielding.multipleReflectionDb(1.142)).isCloseTo(0.583, within(0.001));
    }

    @Test
    void multipleReflectionVanishesForThickWallsAndGrowsForThinOnes() {
        // t/δ = 2: x = 4, e^(−4) = 0.018316, cos 4 = −0.65364, sin 4 = −0.75680
        //   Re = 1 + 0.018316·0.65364 = 1.011972; Im = 0.018316·(−0.75680) = −0.013862
        //   |.|² = 1.024087 + 0.000192 = 1.024279 → B = 10·log10(1.024279) = +0.1042 dB (tiny: thick wall)
        assertThat(SheetShielding.multipleReflectionDb(2.0)).isCloseTo(0.1042, within(0.0005));
        // t/δ = 1e-4: |.|² ≈ 2x² = 2·(2e-4)² = 8e-8 → B = 10·log10(8e-8) = −70.97 dB
        assertThat(SheetShielding.multipleReflectionDb(1e-4)).isCloseTo(-70.97, within(0.01));
    }

    @Test
    void nickelAtLowFrequencyIsDominatedByAbsorptionWithHighPermeability() {
        // Ni 25 µm at 10 kHz, μr = 100 (Ott 2009, Table 6-1), σ = 1.43e7, σr = 0.246552
        //   δ = 1/√(π·1e4·4π·10⁻⁷·100·1.43e7) = 1/√(5.6454e7) = 133.09 µm; t/δ = 0.18784
        //   A = 8.686·0.18784 = 1.6316 dB
        //   R = 168 + 10·log10(0.246552/(100·1e4)) = 168 − 60 − 6.0807 = 101.919 dB
        //   x = 0.37568: e^(−x) = 0.68683, cos = 0.93025, sin = 0.36691
        //   Re = 0.36107, Im = 0.25200, |.|² = 0.19387 → B = −7.125 dB; total = 96.426 dB
        SheetShielding.Result r = SheetShielding.calculate(SheetShielding.Input.planeWave(1.43e7, 100, 25, 1e4));
        assertThat(r.skinDepthUm()).isCloseTo(133.09, within(0.01));
        assertThat(r.absorptionDb()).isCloseTo(1.6316, within(0.0005));
        assertThat(r.reflectionDb()).isCloseTo(101.919, within(0.001));
        assertThat(r.multipleReflectionDb()).isCloseTo(-7.125, within(0.002));
        assertThat(r.totalDb()).isCloseTo(96.426, within(0.003));
    }

    @Test
    void nearFieldReflectionForms() {
        // Copper at 1 MHz, r = 0.1 m (λ/2π = 47.7 m, so deep in the near field):
        //   R_E = 322 + 10·log10(1/(1e18·0.01)) = 322 − 160 = 162 dB
        //   R_H = 14.6 + 10·log10(1e6·0.01) = 14.6 + 40 = 54.6 dB
        //   far field R = 168 − 60 = 108 dB, between the two as Ott's Fig. 6-7 shows.
        SheetShielding.Result e = SheetShielding.calculate(
                new SheetShielding.Input(5.8e7, 1, 25, 1e6, FieldType.ELECTRIC_NEAR, 100.0));
        SheetShielding.Result h = SheetShielding.calculate(
                new SheetShielding.Input(5.8e7, 1, 25, 1e6, FieldType.MAGNETIC_NEAR, 100.0));
        assertThat(e.reflectionDb()).isCloseTo(162.0, within(1e-9));
        assertThat(h.reflectionDb()).isCloseTo(54.6, within(1e-9));
        // Far beyond λ/2π the near-field forms give way to the plane-wave value (108 dB).
        SheetShielding.Result farE = SheetShielding.calculate(
                new SheetShielding.Input(5.8e7, 1, 25, 1e6, FieldType.ELECTRIC_NEAR, 1_000_000.0));
        assertThat(farE.reflectionDb()).isCloseTo(108.0, within(1e-9));
        // The two forms meet the far-field value at r = λ/2π: R_E(λ/2π) = 322 − 20·log10(c/2π) + … = 168.4 − 60
        double boundaryMm = SheetShielding.nearFarBoundaryMm(1e6);
        assertThat(boundaryMm).isCloseTo(47_713.45, within(0.01));
    }

    @Test
    void magneticNearFieldReflectionNeverNegative() {
        // Cu at 100 Hz, r = 1 mm: R_H = 14.6 + 10·log10(100·1e-6) = 14.6 − 40 = −25.4 → floored at 0
        SheetShielding.Result h = SheetShielding.calculate(
                new SheetShielding.Input(5.8e7, 1, 25, 100, FieldType.MAGNETIC_NEAR, 1.0));
        assertThat(h.reflectionDb()).isZero();
        assertThat(h.totalDb()).isGreaterThanOrEqualTo(0.0);
    }

    @Test
    void rejectsImpossibleInput() {
        assertThatThrownBy(() -> SheetShielding.Input.planeWave(5.8e7, 1, 0, 1e9))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SheetShielding.Input(5.8e7, 1, 1, 1e9, FieldType.MAGNETIC_NEAR, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
