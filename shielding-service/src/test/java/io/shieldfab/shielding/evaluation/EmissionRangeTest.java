package io.shieldfab.shielding.evaluation;

import io.shieldfab.design.PackageSpec;
import io.shieldfab.design.PackageSpec.Radiator;
import io.shieldfab.design.PackageSpec.TerminalSide;
import io.shieldfab.shielding.evaluation.EmissionRange.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The FCC 47 CFR 15.33 ranges of checked frequencies (docs/shielding.md "Checked frequencies"), each worked by hand.
 */
class EmissionRangeTest {

    private static PackageSpec pkg(double f0Hz, Integer harmonics, Double riseTimeS, Radiator radiator) {
        return new PackageSpec(5.0, 4.0, 0.9, f0Hz, harmonics, riseTimeS, TerminalSide.BOTTOM, radiator);
    }

    private static void assertRange(PackageSpec pkg, Rule rule, double upToHz, int harmonics) {
        assertThat(EmissionRange.of(pkg)).isEqualTo(new EmissionRange(rule, upToHz, harmonics));
    }

    @Test
    void wifiTransmitterIsCheckedToItsTenthHarmonic() {
        // 15.33(a)(1), 2.45 GHz < 10 GHz: 10th harmonic 24.5 GHz < 40 GHz → up to 24.5 GHz, k = 1 … 10.
        assertRange(pkg(2.45e9, null, null, Radiator.INTENTIONAL), Rule.FCC_15_33_A, 24.5e9, 10);
    }

    @Test
    void millimetreWaveTransmitterIsCheckedTo100GHz() {
        // 15.33(a)(2), 10 GHz ≤ 28 GHz < 30 GHz: 5th harmonic 140 GHz > 100 GHz → up to 100 GHz;
        // 100/28 = 3.57 → k = 1 … 3 (84 GHz; the 4th, 112 GHz, is beyond the range).
        assertRange(pkg(28e9, null, null, Radiator.INTENTIONAL), Rule.FCC_15_33_A, 100e9, 3);
    }

    @Test
    void transmitterAt30GHzOrAboveIsCheckedTo200GHz() {
        // 15.33(a)(3), 60 GHz ≥ 30 GHz: 5th harmonic 300 GHz > 200 GHz → up to 200 GHz; 200/60 = 3.33 → k = 1 … 3.
        assertRange(pkg(60e9, null, null, Radiator.INTENTIONAL), Rule.FCC_15_33_A, 200e9, 3);
    }

    @Test
    void microcontrollerClockIsCheckedTo1GHz() {
        // 15.33(b)(1), highest frequency 48 MHz ≤ 108 MHz → up to 1 GHz; 1000/48 = 20.83 → k = 1 … 20 (960 MHz).
        assertRange(pkg(48e6, null, null, Radiator.UNINTENTIONAL), Rule.FCC_15_33_B, 1e9, 20);
    }

    @Test
    void edgeKneeAboveTheClockIsTheHighestFrequency() {
        // 48 MHz with 2 ns edges: knee 0.5/2 ns = 250 MHz > 48 MHz is the highest frequency; 108 < 250 ≤ 500 MHz
        // → up to 2 GHz; 2000/48 = 41.67 → k = 1 … 41 (1.968 GHz).
        assertRange(pkg(48e6, null, 2e-9, Radiator.UNINTENTIONAL), Rule.FCC_15_33_B, 2e9, 41);
    }

    @Test
    void transmitterWithDigitalEdgesTakesTheHigherOfBothRanges() {
        // 15.33(a)(4): 2.45 GHz with 20 ps edges: (a)(1) gives 24.5 GHz; the knee 0.5/20 ps = 25 GHz is above
        // 1 GHz, so (b)(1) gives min(5 · 25, 40) = 40 GHz, the higher → 40/2.45 = 16.33 → k = 1 … 16.
        assertRange(pkg(2.45e9, null, 20e-12, Radiator.INTENTIONAL), Rule.FCC_15_33_A, 40e9, 16);
    }

    @Test
    void harmonicsGivenOverrideTheRule() {
        // The design's count, whatever the radiator: 2.45 GHz × 5 → up to 12.25 GHz.
        assertRange(pkg(2.45e9, 5, null, Radiator.INTENTIONAL), Rule.HARMONICS_OVERRIDE, 12.25e9, 5);
        // The override still reaches the knee (docs/shielding.md "Checked frequencies"):
        // 48 MHz, 0.2 ns → 2.5 GHz / 48 MHz = 52.08 → 52.
        assertThat(EmissionRange.of(pkg(48e6, 5, 0.2e-9, Radiator.UNINTENTIONAL)).harmonics()).isEqualTo(52);
    }

    @Test
    void theFundamentalIsAlwaysChecked() {
        // An unintentional radiator at 60 GHz: (b)(1) stops at min(5 · 60, 40) = 40 GHz, below the clock itself;
        // the fundamental is still checked.
        assertRange(pkg(60e9, null, null, Radiator.UNINTENTIONAL), Rule.FCC_15_33_B, 40e9, 1);
    }

    @ParameterizedTest(name = "highest {0} Hz → {1} Hz")
    @CsvSource({
            // 15.33(b)(1): each row's upper edge belongs to it, the next frequency up to the next row
            "1.705e6, 30e6", "1.706e6, 1e9", "108e6, 1e9", "108.1e6, 2e9", "500e6, 2e9", "500.1e6, 5e9",
            "1e9, 5e9", "1.1e9, 5.5e9", "8e9, 40e9", "20e9, 40e9"})
    void unintentionalTable(double highestHz, double upToHz) {
        assertThat(EmissionRange.unintentionalUpToHz(highestHz)).isCloseTo(upToHz, within(1e-3));
    }

    @ParameterizedTest(name = "fundamental {0} Hz → {1} Hz")
    @CsvSource({"1e9, 10e9", "4e9, 40e9", "9.99e9, 40e9", "10e9, 50e9", "25e9, 100e9", "30e9, 150e9", "300e9, 200e9"})
    void intentionalTable(double fHz, double upToHz) {
        assertThat(EmissionRange.intentionalUpToHz(fHz)).isCloseTo(upToHz, within(1e-3));
    }
}
