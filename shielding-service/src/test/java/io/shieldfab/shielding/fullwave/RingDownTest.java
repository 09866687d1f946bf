package io.shieldfab.shielding.fullwave;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The slowest ring-down the fill's loss allows (docs/shielding.md, "Verification runs"), worked by hand. */
class RingDownTest {

    @Test
    void theWifiCanRingsForAHundredNanoseconds() {
        // The Wi-Fi report's loaded cavity: Q = εe_eff/ε″ = 9.6107/((1 − 0.73553)·3.8·0.01) = 9.6107/0.0100497 = 956.32,
        // lowest mode TM110 at 13.6028 GHz. τ = 2Q/(2π·f) = 1912.64/(2π·13.6028e9 = 8.54691e10) = 22.378 ns; a field
        // 40 dB down is e^(−t/τ) = 10^(−2): t = τ·2·ln 10 = 22.378 × 4.60517 = 103.06 ns; 20 dB: half that.
        VerificationResult.RingDown r = new VerificationResult.RingDown(956.3203, 13.602827e9);
        assertThat(r.timeConstantS()).isCloseTo(22.378e-9, within(0.001e-9));
        assertThat(r.timeToS(-40)).isCloseTo(103.055e-9, within(0.01e-9));
        assertThat(r.timeToS(-20)).isCloseTo(r.timeToS(-40) / 2, within(1e-15));
    }

    @Test
    void stepCountsAreGivenToTwoFigures() {
        // 103.055 / 1.9531 × 30,000 = 1,582,946 → 1,600,000; 52,816 → 53,000; 9.4 → 9
        assertThat(VerificationResult.twoFigures(103.055 / 1.9531 * 30_000)).isEqualTo(1_600_000L);
        assertThat(VerificationResult.twoFigures(52_816)).isEqualTo(53_000L);
        assertThat(VerificationResult.twoFigures(9.4)).isEqualTo(9L);
    }
}
