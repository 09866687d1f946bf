package io.shieldfab.recipe.process;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Faraday's law t = d·ρ·n·F / (J·M·η) checked against figures worked out by hand (calculator), with
 * F = 96485.33212 C/mol (CODATA 2018), M from IUPAC 2021, ρ from the CRC Handbook 97th ed.
 */
class FaradayTest {

    @Test
    void nickelSulfamate25UmAt2ADm2OverOneSquareDecimetre() {
        // d = 25 µm = 25e-4 cm, ρ = 8.908 g/cm³, n = 2, J = 2 A/dm² = 0.02 A/cm², M = 58.6934 g/mol, η = 0.97
        // numerator   25e-4 · 8.908 · 2 · 96485.33212 = 0.04454 · 96485.33212 = 4297.4567 C·g/(cm²·mol)
        // denominator 0.02 · 58.6934 · 0.97 = 1.13865196
        // t = 4297.4567 / 1.13865196 = 3774.16 s (≈ 62.9 min; sulfamate nickel grows ≈ 24 µm/h at 2 A/dm²)
        // I = J·A = 2 A/dm² · 1 dm² (10 000 mm²) = 2.0 A; Q = 2.0 · 3774.16 / 3600 = 2.0968 A·h
        // m = ρ·A·d = 8.908 g/cm³ · 100 cm² · 25e-4 cm = 2.227 g
        Faraday.PlatingResult r = Faraday.plate(DepositMetal.NICKEL, 25, 2.0, 10_000, null);
        assertThat(r.durationS()).isCloseTo(3774.16, within(0.01));
        assertThat(r.currentA()).isCloseTo(2.0, within(1e-12));
        assertThat(r.ampereHours()).isCloseTo(2.0968, within(1e-4));
        assertThat(r.depositMassG()).isCloseTo(2.227, within(1e-9));
        assertThat(r.efficiency()).isEqualTo(0.97);
        // rate = 25 µm / (3774.16 s / 3600) = 23.846 µm/h
        assertThat(r.depositionRateUmPerH()).isCloseTo(23.846, within(1e-3));
    }

    @Test
    void acidCopper30UmAt3ADm2() {
        // d = 30e-4 cm, ρ = 8.96, n = 2, J = 0.03 A/cm², M = 63.546, η = 0.98
        // numerator   30e-4 · 8.96 · 2 · 96485.33212 = 0.05376 · 96485.33212 = 5187.0514
        // denominator 0.03 · 63.546 · 0.98 = 1.8682524
        // t = 5187.0514 / 1.8682524 = 2776.42 s
        // A = 2500 mm² = 25 cm² = 0.25 dm²: I = 3 · 0.25 = 0.75 A; m = 8.96 · 25 · 30e-4 = 0.672 g
        Faraday.PlatingResult r = Faraday.plate(DepositMetal.COPPER, 30, 3.0, 2500, null);
        assertThat(r.durationS()).isCloseTo(2776.42, within(0.01));
        assertThat(r.currentA()).isCloseTo(0.75, within(1e-12));
        assertThat(r.depositMassG()).isCloseTo(0.672, within(1e-9));
    }

    @Test
    void goldFromCyanideTransfersOneElectron() {
        // Au(CN)2⁻ + e⁻ → Au: n = 1. d = 10e-4 cm, ρ = 19.32, J = 0.3 A/dm² = 0.003 A/cm², M = 196.96657, η = 0.90
        // numerator   10e-4 · 19.32 · 1 · 96485.33212 = 186.4097
        // denominator 0.003 · 196.96657 · 0.90 = 0.53180974
        // t = 186.4097 / 0.53180974 = 3505.19 s
        // A = 400 mm² = 4 cm² = 0.04 dm²: I = 0.3 · 0.04 = 0.012 A; m = 19.32 · 4 · 10e-4 = 0.07728 g
        Faraday.PlatingResult r = Faraday.plate(DepositMetal.GOLD, 10, 0.3, 400, null);
        assertThat(r.durationS()).isCloseTo(3505.19, within(0.01));
        assertThat(r.currentA()).isCloseTo(0.012, within(1e-12));
        assertThat(r.depositMassG()).isCloseTo(0.07728, within(1e-9));
    }

    @Test
    void explicitEfficiencyScalesTheTimeInversely() {
        // η = 0.5 instead of 0.97: t = 3774.16 · 0.97 / 0.5 = 7321.87 s
        Faraday.PlatingResult r = Faraday.plate(DepositMetal.NICKEL, 25, 2.0, 10_000, 0.5);
        assertThat(r.durationS()).isCloseTo(7321.87, within(0.02));
        assertThat(r.efficiency()).isEqualTo(0.5);
    }

    @Test
    void massFollowsFaradaysLawForTheChargeActuallyDeposited() {
        // consistency: m = η·I·t·M / (n·F) must equal ρ·A·d
        Faraday.PlatingResult r = Faraday.plate(DepositMetal.COPPER, 12, 2.5, 3333, null);
        double fromCharge = r.efficiency() * r.currentA() * r.durationS() * DepositMetal.COPPER.molarMassGPerMol
                / (DepositMetal.COPPER.electronsPerIon * PhysicalConstants.FARADAY_C_PER_MOL);
        assertThat(fromCharge).isCloseTo(r.depositMassG(), within(1e-12));
    }

    @Test
    void refusesNonPositiveInputs() {
        assertThatThrownBy(() -> Faraday.plate(DepositMetal.NICKEL, 0, 2, 100, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Faraday.plate(DepositMetal.NICKEL, 25, 2, 100, 1.5))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void depositMetalIsCopperNickelOrGoldOnly() {
        assertThat(DepositMetal.fromName("nickel")).isEqualTo(DepositMetal.NICKEL);
        assertThatThrownBy(() -> DepositMetal.fromName("SILVER"))
                .isInstanceOf(ProcessRuleException.class)
                .hasMessageContaining("claim 6")
                .extracting(e -> ((ProcessRuleException) e).rule()).isEqualTo(ProcessRule.DEPOSIT_METAL);
    }
}
