package io.shieldfab.design.process;

import io.shieldfab.design.EncapsulationSpec.EncapsulantMaterial;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Typical fill numbers per material and method (docs/physics.md, section 6, "Defaults"). */
class FillDefaultsTest {

    @Test
    void mouldCompoundIsTransferMouldedAtSevenMegapascals() {
        assertThat(FillDefaults.defaultMethod(EncapsulantMaterial.EPOXY_MOLD_COMPOUND))
                .isEqualTo(FillMethod.TRANSFER_MOLD);
        // 10 Pa·s, 75 µm, 30 s at 175 °C; 7 MPa = 7000 kPa
        assertThat(FillDefaults.of(EncapsulantMaterial.EPOXY_MOLD_COMPOUND, FillMethod.TRANSFER_MOLD))
                .isEqualTo(new FillDefaults(10, 75, 30, 7000));
        // compression: same material, 5 MPa = 5000 kPa
        assertThat(FillDefaults.of(EncapsulantMaterial.EPOXY_MOLD_COMPOUND, FillMethod.COMPRESSION_MOLD))
                .isEqualTo(new FillDefaults(10, 75, 30, 5000));
    }

    @Test
    void liquidsAreDispensedUnderTheirOwnHead() {
        // ρ g h = 1800 kg/m³ × 9.81 m/s² × 1e-3 m = 17.658 Pa = 0.017658 kPa
        assertThat(FillDefaults.DISPENSE_PRESSURE_KPA).isCloseTo(0.017658, within(1e-12));
        assertThat(FillDefaults.defaultMethod(EncapsulantMaterial.LIQUID_EPOXY)).isEqualTo(FillMethod.DISPENSE);
        assertThat(FillDefaults.defaultMethod(EncapsulantMaterial.SILICONE)).isEqualTo(FillMethod.DISPENSE);

        FillDefaults epoxy = FillDefaults.of(EncapsulantMaterial.LIQUID_EPOXY, FillMethod.DISPENSE);
        assertThat(epoxy.viscosityPaS()).isEqualTo(30.0);
        assertThat(epoxy.fillerTopCutUm()).isEqualTo(50.0);
        assertThat(epoxy.gelTimeS()).isEqualTo(600.0);
        assertThat(epoxy.pressureKPa()).isCloseTo(0.017658, within(1e-12));

        FillDefaults silicone = FillDefaults.of(EncapsulantMaterial.SILICONE, FillMethod.DISPENSE);
        assertThat(silicone.viscosityPaS()).isEqualTo(3.5);
        assertThat(silicone.fillerTopCutUm()).isZero();
        assertThat(silicone.gelTimeS()).isEqualTo(900.0);
    }

    @Test
    void aMouldedLiquidKeepsItsMaterialNumbersAndTakesTheMethodsPressure() {
        assertThat(FillDefaults.of(EncapsulantMaterial.SILICONE, FillMethod.TRANSFER_MOLD))
                .isEqualTo(new FillDefaults(3.5, 0, 900, 7000));
        assertThat(FillDefaults.of(EncapsulantMaterial.LIQUID_EPOXY, FillMethod.COMPRESSION_MOLD))
                .isEqualTo(new FillDefaults(30, 50, 600, 5000));
    }

    @Test
    void theDefaultPolicyIsThreeTopCutsAndHalfTheGelTime() {
        assertThat(FillPolicy.DEFAULT).isEqualTo(new FillPolicy(3.0, 0.5));
    }
}
