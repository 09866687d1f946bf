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
        //   d/L = 0.025/0.8 = 0.031 < 1: no depth credit (it would be 27.3·d/L = 0.853 dB)
        //   SE = 31.8729 − 4.7712 = 27.1017 dB
        ApertureShielding.Result r = ApertureShielding.calculate(
                new ApertureShielding.Input(0.8, 3, 2.45e9, 0.025, 3.8, ApertureShape.RECTANGULAR));
        assertThat(r.wavelengthMm()).isCloseTo(62.7715, within(0.0002));
        assertThat(r.singleApertureSeDb()).isCloseTo(31.8729, within(0.0002));
        assertThat(r.countPenaltyDb()).isCloseTo(4.7712, within(0.0001));
        assertThat(r.cutoffFrequencyHz()).isCloseTo(96.119e9, within(0.001e9));
        assertThat(r.depthAttenuationDb()).isZero();
        assertThat(r.depthCreditApplied()).isFalse();
        assertThat(r.seDb()).isCloseTo(27.1017, within(0.0002));
        assertThat(r.resonantLengthMm()).isCloseTo(31.3858, within(0.0002));
    }

    @Test
    void theDepthCreditStartsWhereTheOpeningIsAsDeepAsItIsWide() {
        // L = 0.1 mm at 2.45 GHz, εr 3.8, one opening: SE1 = 20·log10(62.7715/0.2) = 49.9347 dB
        //   d = 0.0999 mm (d/L 0.999): no credit → 49.9347 dB
        //   d = 0.1 mm (d/L 1): fc = c/(2·1e-4·1.949359) = 768.95 GHz, f/fc = 0.003186;
        //     credit = 8.68589·π/0.1e-3·0.1e-3·√(1 − 0.003186²) = 27.2875·0.999995 = 27.2874 dB → 77.2221 dB
        ApertureShielding.Result shallow = ApertureShielding.calculate(
                new ApertureShielding.Input(0.1, 1, 2.45e9, 0.0999, 3.8, ApertureShape.RECTANGULAR));
        ApertureShielding.Result deep = ApertureShielding.calculate(
                new ApertureShielding.Input(0.1, 1, 2.45e9, 0.1, 3.8, ApertureShape.RECTANGULAR));
        assertThat(shallow.seDb()).isCloseTo(49.9347, within(0.0002));
        assertThat(shallow.depthCreditApplied()).isFalse();
        assertThat(deep.depthAttenuationDb()).isCloseTo(27.2874, within(0.0002));
        assertThat(deep.seDb()).isCloseTo(77.2221, within(0.0004));
        assertThat(deep.depthCreditApplied()).isTrue();
    }

    @Test
    void aPillarGapIsANotchOpenAtOneEndSixDecibelsWorseThanASlot() {
        // The MCU's pillar gaps: L = 0.5 mm at 1 GHz (the top of its FCC range), εr 3.5, 6 per wall, 30 µm deep:
        //   λ = 299792458/(1e9·√3.5) = 299.792458/1.870829 = 160.2458 mm
        //   closed slot: SE1 = 20·log10(160.2458/1.0) = 44.0957 dB
        //   notch:       SE1 = 20·log10(160.2458/2.0) = 38.0751 dB (−6.0206 dB); resonant at λ/4 = 40.0615 mm
        //   6 per wall: − 7.7815 dB → 30.2936 dB; no depth credit for a notch (d/L = 0.06 anyway)
        //   quarter-wave frequency c/(4·0.5e-3·√3.5) = 80.123 GHz
        ApertureShielding.Result notch = ApertureShielding.calculate(
                new ApertureShielding.Input(0.5, 6, 1e9, 0.03, 3.5, ApertureShape.NOTCH));
        ApertureShielding.Result slot = ApertureShielding.calculate(
                new ApertureShielding.Input(0.5, 6, 1e9, 0.03, 3.5, ApertureShape.RECTANGULAR));
        assertThat(notch.wavelengthMm()).isCloseTo(160.2458, within(0.0002));
        assertThat(slot.singleApertureSeDb()).isCloseTo(44.0957, within(0.0002));
        assertThat(notch.singleApertureSeDb()).isCloseTo(38.0751, within(0.0002));
        assertThat(slot.singleApertureSeDb() - notch.singleApertureSeDb()).isCloseTo(6.0206, within(0.0001));
        assertThat(notch.seDb()).isCloseTo(30.2936, within(0.0002));
        assertThat(notch.resonantLengthMm()).isCloseTo(40.0615, within(0.0002));
        assertThat(notch.cutoffFrequencyHz()).isCloseTo(80.123e9, within(0.001e9));
        assertThat(notch.depthCreditApplied()).isFalse();
        // a notch as deep as it is long still gets no credit: it is not a closed waveguide
        assertThat(ApertureShielding.calculate(new ApertureShielding.Input(0.5, 1, 1e9, 2.0, 3.5, ApertureShape.NOTCH))
                .depthAttenuationDb()).isZero();
        // at and beyond λ/4 the notch no longer shields: 41 mm ≥ 40.06 mm → 0 dB
        assertThat(ApertureShielding.calculate(new ApertureShielding.Input(41, 1, 1e9, 0, 3.5, ApertureShape.NOTCH))
                .seDb()).isZero();
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
        assertThat(ApertureShielding.largestOpeningForTargetMm(62.7715, 3, 30, ApertureShape.RECTANGULAR))
                .isCloseTo(0.57303, within(0.00001));
        // a notch: λ/(4·54.7723) = 0.286511 mm, half the slot's
        assertThat(ApertureShielding.largestOpeningForTargetMm(62.7715, 3, 30, ApertureShape.NOTCH))
                .isCloseTo(0.286511, within(0.000001));
    }

    @Test
    void theTwentyEightGigahertzFixNoLongerCountsTheDepthCreditOutsideItsRegime() {
        // The 28 GHz example, tightest at 84 GHz (harmonic 3), εr 3.8, 4 slots per wall, 15 µm copper wall as the
        // depth, 40 dB required. λ = 299 792 458/(84e9·1.9493589) m = 1.830837 mm.
        //   With the credit (the former fix), L = 0.026 mm: SE1 = 20·log10(35.2084) = 30.9329 dB, − 6.0206 dB,
        //     + 27.2875·0.015/0.026·0.999597 = 15.7365 dB → 40.6488 dB. But d/L = 0.577 < 1: outside the regime.
        //   Now L = 0.026 mm gets 30.9329 − 6.0206 = 24.9123 dB, and the safe-side limit is
        //     λ/(2·10^(46.0206/20)) = 1.830837/(2·200.000) = 0.0045771 mm (4.6 µm), where d/L = 3.3 ≥ 1 would
        //     allow the credit again: the credited limit there is larger still, so 4.6 µm passes either way.
        double lambdaMm = PhysicalConstants.wavelengthMm(84e9, 3.8);
        assertThat(lambdaMm).isCloseTo(1.830837, within(0.000001));
        ApertureShielding.Result former = ApertureShielding.calculate(
                new ApertureShielding.Input(0.026, 4, 84e9, 0.015, 3.8, ApertureShape.RECTANGULAR));
        assertThat(former.singleApertureSeDb()).isCloseTo(30.9329, within(0.0001));
        assertThat(former.depthCreditApplied()).isFalse();
        assertThat(former.seDb()).isCloseTo(24.9123, within(0.0001)).isLessThan(40.0);
        assertThat(ApertureShielding.largestOpeningForTargetMm(lambdaMm, 4, 40, ApertureShape.RECTANGULAR))
                .isCloseTo(0.0045771, within(0.0000001));
        assertThat(ApertureShielding.calculate(new ApertureShielding.Input(0.0045771, 4, 84e9, 0.015, 3.8,
                ApertureShape.RECTANGULAR)).seDb()).isGreaterThanOrEqualTo(40.0);
    }
}
