package io.shieldfab.shielding.physics;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Rectangular cavity modes (Pozar, Microwave Engineering, 4th ed., §6.3). */
class CavityModesTest {

    @Test
    void wifiDepressionFilledWithMoldCompound() {
        // a = 5.0 + 2·0.3 = 5.6 mm, b = 4.0 + 2·0.3 = 4.6 mm, h = 0.95 mm, εr = 3.8:
        //   c/(2√εr) = 299792458/(2·1.949359) = 7.68946e7 m/s
        //   TM110: √((1/5.6e-3)² + (1/4.6e-3)²) = √(31887.8 + 47259.0) = 281.33 /m → 21.633 GHz
        //   TM210: √((2/5.6e-3)² + 47259.0) = √(127551 + 47259) = 418.10 → 32.150 GHz
        //   TE001: 1/0.95e-3 = 1052.63 → 80.94 GHz (above 40 GHz, not listed)
        List<CavityModes.Mode> modes = CavityModes.modes(5.6, 4.6, 0.95, 3.8, 40e9, 100);
        assertThat(modes.get(0).label()).isEqualTo("TM110");
        assertThat(modes.get(0).frequencyHz()).isCloseTo(21.633e9, within(0.002e9));
        assertThat(modes).extracting(CavityModes.Mode::label).contains("TM210").doesNotContain("TE001", "TM001");
        assertThat(modes.stream().filter(m -> m.label().equals("TM210")).findFirst().orElseThrow().frequencyHz())
                .isCloseTo(32.150e9, within(0.002e9));
        assertThat(modes).allSatisfy(m -> assertThat(m.frequencyHz()).isLessThanOrEqualTo(40e9));
    }

    @Test
    void teAndTmRules() {
        // 10 × 10 × 10 mm air cube: TE101 = TE011 = TM110 = (c/2)·√2/0.01 = 21.199 GHz, threefold degenerate;
        // no TE/TM mode with two zero indices exists.
        List<CavityModes.Mode> modes = CavityModes.modes(10, 10, 10, 1.0, 22e9, 100);
        assertThat(modes).extracting(CavityModes.Mode::label).containsExactlyInAnyOrder("TE011", "TE101", "TM110");
        assertThat(modes.get(0).frequencyHz()).isCloseTo(21.199e9, within(0.001e9));
    }
}
