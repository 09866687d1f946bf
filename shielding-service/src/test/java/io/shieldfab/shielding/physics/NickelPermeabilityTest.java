package io.shieldfab.shielding.physics;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class NickelPermeabilityTest {

    @Test
    void snoekRelaxationFrequencyOfNickel() {
        // Snoek (Physica 14, 1948): (μi − 1)·fr = γ·μ0Ms/(3π) = 1.76086e11·0.61/9.42478 = 1.13968e10 Hz
        //   fr = 1.13968e10/99 = 1.15119e8 Hz
        assertThat(NickelPermeability.DEFAULT.relaxationFrequencyHz()).isCloseTo(1.15119e8, within(1e4));
    }

    @Test
    void permeabilityFallsTowardsOneInTheGigahertzRange() {
        // μr(f) = 1 + 99/√(1 + (f/fr)²)
        //   10 kHz: f/fr = 8.7e-5 → μr = 100.0
        //   2.45 GHz: f/fr = 21.2825 → √(1 + 452.95) = 21.3060 → 1 + 4.6466 = 5.6466
        //   28 GHz: f/fr = 243.227 → √(1 + 59159.6) = 243.229 → 1 + 0.40702 = 1.4070
        assertThat(NickelPermeability.DEFAULT.at(1e4)).isCloseTo(100.0, within(1e-6));
        assertThat(NickelPermeability.DEFAULT.at(2.45e9)).isCloseTo(5.6466, within(0.0005));
        assertThat(NickelPermeability.DEFAULT.at(28e9)).isCloseTo(1.4070, within(0.0005));
        assertThat(Material.NICKEL.relativePermeabilityAt(28e9)).isEqualTo(NickelPermeability.DEFAULT.at(28e9));
        assertThat(Material.COPPER.relativePermeabilityAt(28e9)).isEqualTo(1.0);
    }
}
