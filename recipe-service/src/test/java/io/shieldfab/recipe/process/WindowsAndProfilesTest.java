package io.shieldfab.recipe.process;

import io.shieldfab.design.BondingSpec.BondingMaterial;
import io.shieldfab.design.EncapsulationSpec.EncapsulantMaterial;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Bath windows (ASM Handbook Vol. 5), recess depth (claim 8), reflow/cure limits (J-STD-020E), encapsulant volume. */
class WindowsAndProfilesTest {

    @Test
    void nickelSulfamateWindow() {
        BathWindow bath = DepositMetal.NICKEL.bath;
        assertThatCode(() -> bath.checkCurrentDensity(2.0)).doesNotThrowAnyException();
        assertThatCode(() -> bath.checkOperatingPoint(50, 4.0)).doesNotThrowAnyException();
        assertRule(() -> bath.checkCurrentDensity(20.0), ProcessRule.CURRENT_DENSITY_WINDOW);
        assertRule(() -> bath.checkOperatingPoint(65, 4.0), ProcessRule.BATH_WINDOW);
        assertRule(() -> bath.checkOperatingPoint(50, 5.0), ProcessRule.BATH_WINDOW);
    }

    @Test
    void goldBathAllowsOnlyLowCurrentDensity() {
        assertThatCode(() -> DepositMetal.GOLD.bath.checkCurrentDensity(0.3)).doesNotThrowAnyException();
        assertRule(() -> DepositMetal.GOLD.bath.checkCurrentDensity(2.0), ProcessRule.CURRENT_DENSITY_WINDOW);
    }

    @Test
    void recessDepthAboutThePackageHeight() {
        // package 0.9 mm, tolerance 25 %: 0.675 … 1.125 mm
        assertThat(RecessCheck.minDepthMm(0.9)).isCloseTo(0.675, within(1e-12));
        assertThat(RecessCheck.maxDepthMm(0.9)).isCloseTo(1.125, within(1e-12));
        assertThatCode(() -> RecessCheck.check(0.95, 0.9)).doesNotThrowAnyException();
        assertRule(() -> RecessCheck.check(0.5, 0.9), ProcessRule.RECESS_DEPTH);
        assertRule(() -> RecessCheck.check(1.2, 0.9), ProcessRule.RECESS_DEPTH);
    }

    @Test
    void everyDefaultBondingProfilePassesItsLimits() {
        for (BondingMaterial m : BondingMaterial.values()) {
            assertThatCode(() -> BondingProfile.forMaterial(m)).doesNotThrowAnyException();
        }
        // SAC305: peak 245 °C ≥ liquidus 220 + 15 and ≤ 260 (J-STD-020E)
        BondingProfile sac = BondingProfile.forMaterial(BondingMaterial.SAC305);
        assertThat(sac.peakC()).isBetween(235.0, 260.0);
        // each stretch once: 25→150 °C at 2 °C/s = 62.5 s; soak 150→200 °C 90 s; 200→220 °C at 2 °C/s = 10 s;
        // 90 s above the 220 °C liquidus (holding the rise to 245 °C and back: 25/2 + 25/4 = 18.75 s);
        // cooling 220→25 °C at 4 °C/s = 48.75 s  →  62.5 + 90 + 10 + 90 + 48.75 = 301.25 s
        assertThat(sac.totalDurationS()).isCloseTo(301.25, within(1e-9));
        assertThat(sac.rampsAboveLiquidusS()).isCloseTo(18.75, within(1e-9));
        // Sn63Pb37: (100-25)/2 + 90 + (183-150)/2 + 90 + (183-25)/4 = 37.5 + 90 + 16.5 + 90 + 39.5 = 273.5 s
        assertThat(BondingProfile.forMaterial(BondingMaterial.SN63PB37).totalDurationS())
                .isCloseTo(273.5, within(1e-9));
        // epoxy: (150-25)/2 + 0 + 900 + (150-25)/2 = 62.5 + 900 + 62.5 = 1025 s
        assertThat(BondingProfile.forMaterial(BondingMaterial.CONDUCTIVE_EPOXY).totalDurationS())
                .isCloseTo(1025.0, within(1e-9));
    }

    @Test
    void aReflowPeakTooCloseToTheLiquidusIsRefused() {
        // Sn63Pb37 liquidus 183 °C: a 190 °C peak is only 7 °C over it
        BondingProfile cold = new BondingProfile(BondingMaterial.SN63PB37, BondingProfile.Kind.REFLOW,
                100, 150, 90, 2, 183, 190, 235, 90, 60, 150, 3, 4, 6);
        assertRule(cold::check, ProcessRule.BONDING_PROFILE_LIMITS);
        // SAC305 at 270 °C is over the 260 °C classification limit
        BondingProfile hot = new BondingProfile(BondingMaterial.SAC305, BondingProfile.Kind.REFLOW,
                150, 200, 90, 2, 220, 270, 260, 90, 60, 150, 3, 4, 6);
        assertRule(hot::check, ProcessRule.BONDING_PROFILE_LIMITS);
        // SAC305 peak 245 °C held 15 s above 220 °C: the ramps alone take 25/2 + 25/4 = 18.75 s there; the 60 s
        // minimum is lowered to 10 s so that only the ramps rule can refuse it
        BondingProfile brief = new BondingProfile(BondingMaterial.SAC305, BondingProfile.Kind.REFLOW,
                150, 200, 90, 2, 220, 245, 260, 15, 10, 150, 3, 4, 6);
        assertRule(brief::check, ProcessRule.BONDING_PROFILE_LIMITS);
        assertThatCode(new BondingProfile(BondingMaterial.SAC305, BondingProfile.Kind.REFLOW,
                150, 200, 90, 2, 220, 245, 260, 19, 10, 150, 3, 4, 6)::check).doesNotThrowAnyException();
    }

    @Test
    void encapsulantVolumeAddsTheAllowanceAndFlowsThroughPathways() {
        // Wi-Fi panel 4 × 6: per site cavity 5.6 · 4.6 · 0.95 = 24.472 mm³, package 5 · 4 · 0.9 = 18 mm³,
        // 12 slots 0.8 · 0.2 · 0.025 = 0.048 mm³ → 6.52 mm³ per site, 24 sites → 156.48 mm³ (layout metric)
        // dispense = 156.48 · 1.10 = 172.128 mm³, per site 172.128 / 24 = 7.172 mm³
        EncapsulationPlan p = EncapsulationPlan.of(EncapsulantMaterial.EPOXY_MOLD_COMPOUND, 156.48, 10, 24, 4, 288);
        assertThat(p.dispenseVolumeMm3()).isCloseTo(172.128, within(1e-9));
        assertThat(p.perSiteMm3()).isCloseTo(7.172, within(1e-9));
        assertThat(p.flowThroughPathways()).isTrue();
        assertThat(p.dispensePoints()).isEqualTo(4);
        assertThat(p.cure().temperatureC()).isEqualTo(175);
        EncapsulationPlan closed = EncapsulationPlan.of(EncapsulantMaterial.SILICONE, 100, 0, 24, 4, 0);
        assertThat(closed.flowThroughPathways()).isFalse();
        assertThat(closed.dispensePoints()).isEqualTo(24);
        assertThat(closed.dispenseVolumeMm3()).isEqualTo(100.0);
    }

    private static void assertRule(ThrowingCallable call, ProcessRule rule) {
        assertThatThrownBy(call).isInstanceOf(ProcessRuleException.class)
                .extracting(e -> ((ProcessRuleException) e).rule()).isEqualTo(rule);
    }
}
