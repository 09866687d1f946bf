package io.shieldfab.recipe.process;

import io.shieldfab.design.BondingSpec.BondingMaterial;
import io.shieldfab.design.EncapsulationSpec;
import io.shieldfab.design.EncapsulationSpec.EncapsulantMaterial;
import io.shieldfab.design.EncapsulationSpec.EncapsulationStage;
import io.shieldfab.design.geometry.FlowRoute;
import io.shieldfab.design.process.FillMethod;
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
        // Wi-Fi panel 4 × 6 with troughs: per site cavity 5.6 · 4.6 · 0.95 = 24.472 mm³ − package 5 · 4 · 0.9 = 18
        // + troughs 3 · 0.15 · 0.1 · (1.35 + 1.35 + 0.1) = 0.126 → 6.598 mm³, 24 sites → 158.352 mm³ (layout metric);
        // dispense = 158.352 · 1.10 = 174.1872 mm³, per site 174.1872 / 24 = 7.2578 mm³; one gate per row, 4 rows
        EncapsulationPlan p = EncapsulationPlan.of(spec(FillMethod.TRANSFER_MOLD, 1), FlowRoute.TROUGHS, 158.352,
                24, 4, 9.10069);
        assertThat(p.dispenseVolumeMm3()).isCloseTo(174.1872, within(1e-9));
        assertThat(p.perSiteMm3()).isCloseTo(7.2578, within(1e-9));
        assertThat(p.flowThroughPathways()).isTrue();
        assertThat(p.dispensePoints()).isEqualTo(4);
        assertThat(p.cure().temperatureC()).isEqualTo(175);
        // no pathways: every depression is fed on its own, whatever gatesPerRow says
        EncapsulationPlan closed = EncapsulationPlan.of(spec(FillMethod.DISPENSE, 3), FlowRoute.NONE, 100, 24, 4, 0);
        assertThat(closed.flowThroughPathways()).isFalse();
        assertThat(closed.dispensePoints()).isEqualTo(24);
        assertThat(closed.dispenseVolumeMm3()).isCloseTo(110.0, within(1e-9));
        assertThat(closed.moulding()).isNull();
    }

    @Test
    void dispensePointsComeFromGatesPerRow() {
        // pillar gaps carry flow: 3 points a row × 4 rows = 12 (not "one per row whenever openings exist")
        assertThat(EncapsulationPlan.of(spec(FillMethod.DISPENSE, 3), FlowRoute.PILLAR_GAPS, 100, 24, 4, 0)
                .dispensePoints()).isEqualTo(12);
        // compression moulding feeds every depression from above: 24
        assertThat(EncapsulationPlan.of(spec(FillMethod.COMPRESSION_MOLD, 1), FlowRoute.TROUGHS, 100, 24, 4, 0)
                .dispensePoints()).isEqualTo(24);
    }

    @Test
    void mouldingHasItsOwnSettingsAndAPostMouldCure() {
        // EMC: mould at the cure temperature 175 °C (175 − 10 = 165 to 185 °C), the design's 7000 kPa, the fill
        // model's 9.10069 s transfer, 90 s in the mould; then the 175 °C, 4 h = 14400 s post-mould cure
        EncapsulationPlan p = EncapsulationPlan.of(spec(FillMethod.TRANSFER_MOLD, 1), FlowRoute.TROUGHS, 158.352,
                24, 4, 9.10069);
        assertThat(p.moulding()).isEqualTo(new EncapsulationPlan.Moulding(175, 165, 185, 7000, 9.10069, 90));
        assertThat(p.cure()).isEqualTo(new EncapsulationPlan.Cure(175, 14400, 185));
    }

    @Test
    void aBlockedRouteHasNoPlan() {
        assertRule(() -> EncapsulationPlan.of(spec(FillMethod.TRANSFER_MOLD, 1), FlowRoute.SLOTS_FACING_RIB, 100,
                24, 4, 0), ProcessRule.FLOW_PATH);
    }

    /** An EMC encapsulation with the given method and gates, its other fill fields the defaults (7000 kPa). */
    private static EncapsulationSpec spec(FillMethod method, int gatesPerRow) {
        return new EncapsulationSpec(EncapsulantMaterial.EPOXY_MOLD_COMPOUND, 3.8,
                EncapsulationStage.BEFORE_SUPPORT_REMOVAL, 10, method, 10, 25, 30, 7000, gatesPerRow);
    }

    private static void assertRule(ThrowingCallable call, ProcessRule rule) {
        assertThatThrownBy(call).isInstanceOf(ProcessRuleException.class)
                .extracting(e -> ((ProcessRuleException) e).rule()).isEqualTo(rule);
    }
}
