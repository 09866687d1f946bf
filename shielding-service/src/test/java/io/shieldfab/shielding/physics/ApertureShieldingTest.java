package io.shieldfab.shielding.physics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Aperture leakage (Ott 2009, Ch. 6; docs/shielding.md) against hand-computed values. */
class ApertureShieldingTest {

    @Test
    void wifiSlotsInEpoxyMoldCompound() {
        // L = 0.8 mm, 3 slots on the face, 2.45 GHz, εr = 3.8, wall 25 µm deep:
        //   λ = 299792458/(2.45e9·√3.8) = 299792458/(2.45e9·1.949359) = 62.7715 mm
        //   SE1 = 20·log10(62.7715/1.6) = 20·log10(39.2322) = 31.8729 dB
        //   penalty = 10·log10(3) = 4.7712 dB
        //   fc = c/(2·0.8e-3·1.949359) = 96.119 GHz
        //   depth = 8.6859·π/0.8·0.025·√(1 − (2.45/96.119)²) = 0.85273·0.999675 = 0.85246 dB (27.3·d/L = 0.853)
        //   SE = 31.8729 − 4.7712 + 0.8525 = 27.9541 dB
        ApertureShielding.Result r = ApertureShielding.calculate(
                new ApertureShielding.Input(0.8, 3, 2.45e9, 0.025, 3.8, ApertureShape.RECTANGULAR));
        assertThat(r.wavelengthMm()).isCloseTo(62.7715, within(0.0002));
        assertThat(r.singleApertureSeDb()).isCloseTo(31.8729, within(0.0002));
        assertThat(r.countPenaltyDb()).isCloseTo(4.7712, within(0.0001));
        assertThat(r.cutoffFrequencyHz()).isCloseTo(96.119e9, within(0.001e9));
        assertThat(r.depthAttenuationDb()).isCloseTo(0.8525, within(0.0005));
        assertThat(r.seDb()).isCloseTo(27.954, within(0.001));
    }

    @Test
    void manyOpeningsCostTenLogN() {
        // L = 10 mm in air at 1 GHz: λ = 299.792 mm, SE1 = 20·log10(299.792/20) = 20·log10(14.9896) = 23.5158 dB
        //   100 openings: − 10·log10(100) = −20 dB → 3.5158 dB; 1000 openings → −6.48 → floored at 0
        ApertureShielding.Result hundred = ApertureShielding.calculate(
                new ApertureShielding.Input(10, 100, 1e9, 0, 1, null));
        assertThat(hundred.seDb()).isCloseTo(3.5158, within(0.0002));
        ApertureShielding.Result thousand = ApertureShielding.calculate(
                new ApertureShielding.Input(10, 1000, 1e9, 0, 1, null));
        assertThat(thousand.seDb()).isZero();
    }

    @Test
    void resonantApertureGivesZeroNeverNegativeOrNaN() {
        // λ/2 at 1 GHz in air = 149.896 mm. L = 149.896 → SE1 = 20·log10(1.0) = 0; L = 300 → 0, not −6 dB.
        for (double l : new double[] {149.896229, 150.0, 300.0, 10_000.0}) {
            ApertureShielding.Result r = ApertureShielding.calculate(new ApertureShielding.Input(l, 4, 1e9, 2.0, 1, null));
            assertThat(r.seDb()).isZero();
            assertThat(r.singleApertureSeDb()).isZero();
            assertThat(r.depthAttenuationDb()).isZero();
        }
    }

    @Test
    void roundHoleWaveguideBelowCutoff() {
        // D = 5 mm, 10 mm deep, 1 GHz, air (Ott's honeycomb rule 32·d/D):
        //   fc = 1.841184·c/(π·5e-3) = 1.841184·299792458/0.0157080 = 35.1397 GHz
        //   α·d = 8.6859·(2·1.841184/5e-3)·0.01·√(1 − (1/35.1397)²) = 8.6859·736.47·0.01·0.999595 = 63.943 dB
        //   (32·d/D = 64 dB)
        ApertureShielding.Result r = ApertureShielding.calculate(
                new ApertureShielding.Input(5, 1, 1e9, 10, 1, ApertureShape.ROUND));
        assertThat(r.cutoffFrequencyHz()).isCloseTo(35.1397e9, within(0.0001e9));
        assertThat(r.depthAttenuationDb()).isCloseTo(63.943, within(0.002));
    }

    @Test
    void largestOpeningForATarget() {
        // λ = 62.7715 mm, 3 openings, 30 dB: L = 62.7715/(2·10^(34.7712/20)) = 62.7715/(2·54.7723) = 0.57303 mm
        assertThat(ApertureShielding.largestOpeningForTargetMm(62.7715, 3, 30)).isCloseTo(0.57303, within(0.00001));
    }

    @Test
    void theTwentyEightGigahertzFixCountsTheDepthCreditOutsideItsRegime() {
        // What the evaluator's opening fix computes (FixSearch.largestOpeningForTarget bisects calculate(), depth
        // credit included; docs/physics.md §2): the 28 GHz example, tightest at 84 GHz (harmonic 3), εr 3.8,
        // 4 slots per wall, 15 µm copper wall as the depth, 40 dB required.
        //   λ = 299 792 458/(84e9·1.9493589) m = 1.830837 mm
        //   L = 0.026 mm: λ/(2L) = 35.2084 → SE1 = 30.9329 dB; 10·log10(4) = 6.0206 dB
        //     fc = c/(2·26e-6·1.9493589) = 2957.5 GHz, f/fc = 0.028402, √(1 − 0.000807) = 0.999597
        //     depth = 27.2875·0.015/0.026·0.999597 = 15.7428·0.999597 = 15.7365 dB
        //     SE = 30.9329 − 6.0206 + 15.7365 = 40.6488 dB ≥ 40: passes
        //   L = 0.027 mm: SE1 = 20·log10(33.9044) = 30.6051; depth = 27.2875·0.015/0.027·0.999565 = 15.1531;
        //     SE = 30.6051 − 6.0206 + 15.1531 = 39.7377 dB < 40: fails, so the fix in 1 µm steps is 0.026 mm.
        // d/L = 0.015/0.026 = 0.577, below the d/L ≥ 1 regime of the waveguide-below-cutoff credit: without it
        // (largestOpeningForTargetMm) the safe-side limit is λ/(2·10^(46.0206/20)) = 1.830837/(2·200.000)
        // = 0.0045771 mm, 4.6 µm.
        double lambdaMm = PhysicalConstants.wavelengthMm(84e9, 3.8);
        assertThat(lambdaMm).isCloseTo(1.830837, within(0.000001));
        ApertureShielding.Result fix = ApertureShielding.calculate(
                new ApertureShielding.Input(0.026, 4, 84e9, 0.015, 3.8, ApertureShape.RECTANGULAR));
        assertThat(fix.singleApertureSeDb()).isCloseTo(30.9329, within(0.0001));
        assertThat(fix.depthAttenuationDb()).isCloseTo(15.7365, within(0.0001));
        assertThat(fix.seDb()).isCloseTo(40.6488, within(0.0001)).isGreaterThanOrEqualTo(40.0);
        ApertureShielding.Result oneStepWider = ApertureShielding.calculate(
                new ApertureShielding.Input(0.027, 4, 84e9, 0.015, 3.8, ApertureShape.RECTANGULAR));
        assertThat(oneStepWider.seDb()).isCloseTo(39.7377, within(0.0001)).isLessThan(40.0);
        assertThat(0.015 / 0.026).isCloseTo(0.577, within(0.001)).isLessThan(1.0);
        assertThat(ApertureShielding.largestOpeningForTargetMm(lambdaMm, 4, 40)).isCloseTo(0.0045771, within(0.0000001));
    }
}
