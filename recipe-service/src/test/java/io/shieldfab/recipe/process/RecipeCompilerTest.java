package io.shieldfab.recipe.process;

import io.shieldfab.design.BondingSpec;
import io.shieldfab.design.Design;
import io.shieldfab.design.EncapsulationSpec.EncapsulationStage;
import io.shieldfab.design.MandrelSpec.MandrelMaterial;
import io.shieldfab.design.OpeningsSpec.OpeningStyle;
import io.shieldfab.design.PanelSpec;
import io.shieldfab.design.ShieldSpec.ShieldMaterial;
import io.shieldfab.design.geometry.DepressionGeometry;
import io.shieldfab.design.process.FillMethod;
import io.shieldfab.design.process.FillPolicy;
import io.shieldfab.design.process.FillRule;
import io.shieldfab.design.process.FillStatus;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

class RecipeCompilerTest {

    @Test
    void wifiPanelCompilesWithTheClaimsOrderAndHandFigures() {
        Procedure p = RecipeCompiler.compile(Fixtures.wifi(), Fixtures.wifiLayout(), List.of());
        assertThat(p.unitProcedures()).extracting(UnitProcedure::name).containsExactly("MANDREL_PREPARATION",
                "ELECTROFORMING", "ASSEMBLY", "ENCAPSULATION", "SUPPORT_REMOVAL", "SINGULATION");
        RecipeSummary s = p.summary();
        // nickel 25 µm at the sulfamate default 2 A/dm² (see FaradayTest): t = 3774.16 s, independent of area
        assertThat(s.platingDurationS()).isCloseTo(3774.16, within(0.01));
        // I = 2 A/dm² · 2500 mm² (0.25 dm²) = 0.5 A
        assertThat(s.platingCurrentA()).isCloseTo(0.5, within(1e-9));
        // m = 8.908 · 25 cm² · 25e-4 cm = 0.55675 g
        assertThat(s.depositMassG()).isCloseTo(0.55675, within(1e-6));
        // 187.584 mm³ (Fixtures.wifiLayout) · 1.10 = 206.3424 mm³, 206.342 at six significant digits
        assertThat(s.encapsulantVolumeMm3()).isEqualTo(206.342);
        assertThat(s.totalCutLengthMm()).isCloseTo(450, within(1e-9));
        assertThat(s.singulationDurationS()).isCloseTo(28.5, within(1e-9));
        // street from the layout: 7 − (5 + 2·0.3 + 2·0.025) = 1.35 mm
        Parameter street = p.unitProcedure("SINGULATION").operation("Set up saw").phase("Mount and align")
                .parameter("streetWidthMm");
        assertThat(street.numeric()).isCloseTo(1.35, within(1e-9));
        Parameter release = p.unitProcedure("MANDREL_PREPARATION").operation("Release layer")
                .phase("Apply release layer").parameter("releaseMethod");
        assertThat((String) release.value()).contains("ASTM A967");
    }

    @Test
    void hollowWallsAfterRemovalWithTroughsNeedNoRearCover() {
        // the troughs are closed channels of metal over the rib: they never reach the wall space (claim 15)
        Design d = Fixtures.wifi(MandrelMaterial.CHROMIUM, ShieldMaterial.COPPER, true,
                EncapsulationStage.AFTER_SUPPORT_REMOVAL);
        Procedure p = RecipeCompiler.compile(d, Fixtures.wifiLayout(), List.of());
        assertThat(p.unitProcedures()).extracting(UnitProcedure::name).containsExactly("MANDREL_PREPARATION",
                "ELECTROFORMING", "ASSEMBLY", "SUPPORT_REMOVAL", "ENCAPSULATION", "SINGULATION");
        assertThat(p.unitProcedure("MANDREL_PREPARATION").operation("Release layer").phases().get(0).name())
                .isEqualTo("Keep native oxide");
    }

    @Test
    void slotsIntoTheWallSpaceAreCoveredThenUncovered() {
        // claims 13, 15, 18: wall space per site (pX·pY − recess X·recess Y)·d = (42 − 5.65 · 4.65)·0.95
        // = (42 − 26.2725)·0.95 = 14.941125 mm³, 14.9411 at the recipe's six significant digits
        Design d = Fixtures.wifi(OpeningStyle.SLOTS, EncapsulationStage.AFTER_SUPPORT_REMOVAL,
                FillMethod.TRANSFER_MOLD, null);
        Procedure p = RecipeCompiler.compile(d, Fixtures.wifiLayout(), List.of());
        assertThat(p.steps()).containsExactly(Step.MANDREL_PREPARATION, Step.ELECTROFORMING, Step.ASSEMBLY,
                Step.SUPPORT_REMOVAL, Step.REAR_COVERING, Step.ENCAPSULATION, Step.REAR_COVER_REMOVAL,
                Step.SINGULATION);
        Phase cover = p.unitProcedure("REAR_COVERING").operation("Cover rear").phase("Apply rear covering layer");
        assertThat(cover.parameter("wallSpaceVolumeMm3").numeric()).isEqualTo(14.9411);
        assertThat(cover.parameter("route").value()).isEqualTo("SLOTS_INTO_WALL_SPACE");
        assertThat(p.unitProcedure("REAR_COVER_REMOVAL").operation("Uncover rear").phases())
                .extracting(Phase::name).containsExactly("Peel rear covering layer", "Inspect rear");
    }

    @Test
    void slotsBeforeRemovalAreRefusedWithFlowPath() {
        Design d = Fixtures.wifi(OpeningStyle.SLOTS, EncapsulationStage.BEFORE_SUPPORT_REMOVAL,
                FillMethod.TRANSFER_MOLD, null);
        assertThatThrownBy(() -> RecipeCompiler.compile(d, Fixtures.wifiLayout(), List.of()))
                .isInstanceOf(ProcessRuleException.class)
                .extracting(e -> ((ProcessRuleException) e).rule()).isEqualTo(ProcessRule.FLOW_PATH);
    }

    @Test
    void transferMouldingHasItsOwnOperationsAndAPostMouldCure() {
        // fill: chain 6 through 3 troughs of 0.8 × 0.2 mm a wall, L = 1.35 + 2 · 0.025 = 1.4 mm, V = 7.816 mm³:
        // G = 3 · 0.8e-3 · (0.2e-3)³ · (1 − 0.63 · 0.2/0.8) / (12 · 10 · 1.4e-3) = 1.6176e-14 / 0.168
        //   = 9.628571e-14 m³/(Pa·s); T = 7.816e-9 · 15 / (7e6 · 9.628571e-14) = 1.1724e-7 / 6.74e-7 = 0.173947 s
        Procedure p = RecipeCompiler.compile(Fixtures.wifi(), Fixtures.wifiLayout(), List.of());
        UnitProcedure e = p.unitProcedure("ENCAPSULATION");
        assertThat(e.operations()).extracting(Operation::name).containsExactly("Mould", "Post-mould cure");
        assertThat(e.operation("Mould").phases()).extracting(Phase::name)
                .containsExactly("Load and clamp", "Transfer", "Cure in mould");
        Parameter mould = e.operation("Mould").phase("Load and clamp").parameter("mouldTemperatureC");
        assertThat(mould).isEqualTo(Parameter.bounded("mouldTemperatureC", 175, "°C", 165, 185));
        Phase transfer = e.operation("Mould").phase("Transfer");
        assertThat(transfer.parameter("transferPressureKPa").numeric()).isEqualTo(7000);
        assertThat(transfer.parameter("transferTimeS").numeric()).isCloseTo(0.173947, within(1e-6));
        assertThat(transfer.parameter("transferTimeS").numeric()).isEqualTo(p.fill().fillTimeS());
        // one gate per row, 4 rows
        assertThat(transfer.parameter("gates").value()).isEqualTo(4L);
        assertThat(e.operation("Mould").phase("Cure in mould").parameter("cureInMouldS"))
                .isEqualTo(Parameter.bounded("cureInMouldS", 90, "s", 60, 120));
        // EMC post-mould cure 175 °C for 4 h = 14400 s
        Phase post = e.operation("Post-mould cure").phase("Post-mould cure");
        assertThat(post.parameter("temperatureC").numeric()).isEqualTo(175);
        assertThat(post.parameter("durationS").numeric()).isEqualTo(14400);
        assertThat(p.fill().status()).isEqualTo(FillStatus.PASS);
    }

    @Test
    void theFillRunsUnderTheCallersPolicy() {
        // troughs 0.8 × 0.2 mm, 25 µm filler: k = 3 needs 0.075 mm (PASS); k = 10 needs 0.25 mm > 0.2 mm (FAIL),
        // and the recipe still compiles so the finding can be read
        Procedure strict = RecipeCompiler.compile(Fixtures.wifi(), Fixtures.wifiLayout(), List.of(),
                new FillPolicy(10, 0.5));
        assertThat(strict.fill().status()).isEqualTo(FillStatus.FAIL);
        assertThat(strict.fill().fillerMinOpeningMm()).isEqualTo(0.25);
        assertThat(strict.fill().errors()).extracting(f -> f.rule()).containsExactly(FillRule.FILLER_PASSES_OPENING);
    }

    @Test
    void compressionMouldingFeedsEveryDepressionFromAbove() {
        Design d = Fixtures.wifi(OpeningStyle.TROUGHS, EncapsulationStage.BEFORE_SUPPORT_REMOVAL,
                FillMethod.COMPRESSION_MOLD, null);
        UnitProcedure e = RecipeCompiler.compile(d, Fixtures.wifiLayout(), List.of()).unitProcedure("ENCAPSULATION");
        assertThat(e.operation("Mould").phases()).extracting(Phase::name)
                .containsExactly("Load and clamp", "Compress", "Cure in mould");
        Phase compress = e.operation("Mould").phase("Compress");
        assertThat(compress.parameter("feedPoints").value()).isEqualTo(24L);
        assertThat(compress.parameter("compressionPressureKPa").numeric()).isEqualTo(7000);
    }

    @Test
    void dispensingKeepsItsDispensePointsFromGatesPerRow() {
        // one dispense point per row (gatesPerRow 1) × 4 rows; then the EMC oven cure
        Design d = Fixtures.wifi(OpeningStyle.TROUGHS, EncapsulationStage.BEFORE_SUPPORT_REMOVAL,
                FillMethod.DISPENSE, null);
        UnitProcedure e = RecipeCompiler.compile(d, Fixtures.wifiLayout(), List.of()).unitProcedure("ENCAPSULATION");
        assertThat(e.operations()).extracting(Operation::name).containsExactly("Dispense", "Cure");
        Phase fill = e.operation("Dispense").phase("Fill depressions");
        assertThat(fill.parameter("dispensePoints").value()).isEqualTo(4L);
        // 187.584 · 1.10 = 206.3424 mm³ → 206.342
        assertThat(fill.parameter("dispenseVolumeMm3").numeric()).isEqualTo(206.342);
        assertThat(fill.instruction()).contains("troughs over the mandrel ribs");
    }

    @Test
    void boardAttachJoinsTheSingulatedShieldsWithTheBondingProfile() {
        // claim 10: 0.35 mm board pads ≥ the layout's 0.3 mm shield pads; SAC305 reflow as in the assembly
        Design d = Fixtures.wifi(OpeningStyle.TROUGHS, EncapsulationStage.BEFORE_SUPPORT_REMOVAL,
                FillMethod.TRANSFER_MOLD, 0.35);
        Procedure p = RecipeCompiler.compile(d, Fixtures.wifiLayout(), List.of());
        assertThat(p.steps()).endsWith(Step.SINGULATION, Step.BOARD_ATTACH);
        UnitProcedure attach = p.unitProcedure("BOARD_ATTACH");
        assertThat(attach.claims()).isEqualTo("claim 10");
        Phase place = attach.operation("Align to board").phase("Place shields on board pads");
        assertThat(place.parameter("boardPadSizeMm")).isEqualTo(Parameter.bounded("boardPadSizeMm", 0.35, "mm", 0.3,
                10));
        assertThat(place.parameter("shields").value()).isEqualTo(24L);
        // the same reflow as the assembly: SAC305 peak 245 °C, profile total 301.25 s (docs/recipe.md §3)
        assertThat(attach.operation("Reflow")).isEqualTo(p.unitProcedure("ASSEMBLY").operation("Reflow"));
        assertThat(attach.operation("Reflow").phase("Profile total").parameter("durationS").numeric())
                .isEqualTo(301.25);
    }

    @Test
    void aBoardPadSmallerThanTheShieldPadIsRefused() {
        Design d = Fixtures.wifi(OpeningStyle.TROUGHS, EncapsulationStage.BEFORE_SUPPORT_REMOVAL,
                FillMethod.TRANSFER_MOLD, 0.29);
        assertThatThrownBy(() -> RecipeCompiler.compile(d, Fixtures.wifiLayout(), List.of()))
                .isInstanceOf(ProcessRuleException.class).hasMessageContaining("at least 0.3 mm")
                .extracting(e -> ((ProcessRuleException) e).rule()).isEqualTo(ProcessRule.BOARD_PAD_SIZE);
    }

    @Test
    void hollowWallsBeforeRemovalAreRefused() {
        Design d = Fixtures.wifi(MandrelMaterial.STAINLESS_STEEL, ShieldMaterial.NICKEL, true,
                EncapsulationStage.BEFORE_SUPPORT_REMOVAL);
        assertThatThrownBy(() -> RecipeCompiler.compile(d, Fixtures.wifiLayout(), List.of()))
                .isInstanceOf(ProcessRuleException.class)
                .extracting(e -> ((ProcessRuleException) e).rule()).isEqualTo(ProcessRule.HOLLOW_WALL_ORDER);
    }

    @Test
    void steelMandrelWithCopperIsRefused() {
        Design d = Fixtures.wifi(MandrelMaterial.STEEL, ShieldMaterial.COPPER, false,
                EncapsulationStage.BEFORE_SUPPORT_REMOVAL);
        assertThatThrownBy(() -> RecipeCompiler.compile(d, Fixtures.wifiLayout(), List.of()))
                .isInstanceOf(ProcessRuleException.class)
                .extracting(e -> ((ProcessRuleException) e).rule()).isEqualTo(ProcessRule.ADHESION_MATRIX);
    }

    @Test
    void aKerfWiderThanTheLayoutStreetIsRefused() {
        Design wide = Fixtures.wifi();
        wide = new Design(wide.name(), wide.revision(), wide.packageSpec(),
                new PanelSpec(4, 6, 7.0, 6.0, 3.0, 0.5), wide.shield(), wide.mandrel(), wide.encapsulation(),
                wide.bonding(), wide.requirements(), wide.process());
        LayoutFacts l = Fixtures.wifiLayout();
        LayoutFacts narrow = new LayoutFacts(l.layoutId(), l.siteCount(), l.platedAreaMm2(),
                l.encapsulantVolumeMm3(), l.openingCount(), 0.4, l.recessDepthMm(), l.bondingPadSizeMm(),
                l.bondingPadsPerSite(), l.cuts());
        Design finalWide = wide;
        assertThatThrownBy(() -> RecipeCompiler.compile(finalWide, narrow, List.of()))
                .isInstanceOf(ProcessRuleException.class)
                .extracting(e -> ((ProcessRuleException) e).rule()).isEqualTo(ProcessRule.KERF_WITHIN_STREET);
    }

    @Test
    void theBondingPadsAndTheRecessAreTheLayouts() {
        LayoutFacts l = Fixtures.wifiLayout();
        LayoutFacts noPads = new LayoutFacts(l.layoutId(), l.siteCount(), l.platedAreaMm2(),
                l.encapsulantVolumeMm3(), l.openingCount(), l.streetWidthMm(), 0.9, 0.25, 0, l.cuts());
        Procedure p = RecipeCompiler.compile(Fixtures.wifi(), noPads, List.of());
        List<Parameter> bonding = parameters(p, "ASSEMBLY");
        assertThat(bonding).contains(Parameter.number("padSizeMm", 0.25, "mm"),
                Parameter.integer("padsPerSite", 0, "pads"), Parameter.integer("padCount", 0, "pads"));
        assertThat(parameters(p, "MANDREL_PREPARATION")).extracting(Parameter::name, Parameter::value)
                .contains(tuple("recessDepthMm", 0.9), tuple("packageHeightMm", 0.9));
        assertThat(p.warnings()).anyMatch(w -> w.startsWith("layout.metrics.bondingPadsPerSite"));
        assertThat(parameters(RecipeCompiler.compile(Fixtures.wifi(), l, List.of()), "ASSEMBLY"))
                .contains(Parameter.integer("padsPerSite", 4, "pads"), Parameter.integer("padCount", 96, "pads"));
    }

    @Test
    void aBondingRingIsPrintedAlongTheLayoutsRing() {
        // the Wi-Fi ring: a band 0.3 mm wide centred in the 0.575 mm lands; the bonding line through the lands'
        // middles is the rectangle 2 · 3.1125 × 2 · 2.6125 mm, so its length is 2 · (6.225 + 5.225) = 22.9 mm. The
        // layout's four strips (N, S 6.525 × 0.3; E, W 4.925 × 0.3) cover 2 · 1.9575 + 2 · 1.4775 = 6.87 mm²
        // = 0.3 · 22.9; × 50 µm = 0.3435 mm³ of paste a site, × 24 sites = 8.244 mm³. The code's geometry agrees:
        // DepressionGeometry.ringLengthNm() of the design bonded with a ring is 22 900 000 nm.
        Design wifi = Fixtures.wifi();
        Design ringed = new Design(wifi.name(), wifi.revision(), wifi.packageSpec(), wifi.panel(), wifi.shield(),
                wifi.mandrel(), wifi.encapsulation(), new BondingSpec(BondingSpec.BondingMaterial.SAC305, 0.3, 50,
                null, BondingSpec.BondingPattern.RING, null), wifi.requirements(), wifi.process());
        assertThat(DepressionGeometry.from(ringed).ringLengthNm()).isEqualTo(22_900_000L);
        LayoutFacts l = Fixtures.wifiLayout();
        LayoutFacts ring = new LayoutFacts(l.layoutId(), l.siteCount(), l.platedAreaMm2(), l.encapsulantVolumeMm3(),
                l.openingCount(), l.streetWidthMm(), l.recessDepthMm(), 0.3, 0, l.cuts(),
                BondingSpec.BondingPattern.RING, 22.9);

        Procedure p = RecipeCompiler.compile(ringed, ring, List.of());

        assertThat(parameters(p, "ASSEMBLY")).contains(Parameter.number("ringWidthMm", 0.3, "mm"),
                Parameter.number("ringLengthMm", 22.9, "mm"), Parameter.number("ringAreaMm2", 6.87, "mm²"),
                Parameter.integer("ringCount", 24, "rings"), Parameter.number("ringThicknessUm", 50, "µm"),
                Parameter.number("ringVolumeMm3", 0.3435, "mm³"), Parameter.number("totalVolumeMm3", 8.244, "mm³"));
        assertThat(parameters(p, "ASSEMBLY")).extracting(Parameter::name).doesNotContain("padsPerSite");
        assertThat(p.unitProcedures()).filteredOn(u -> "ASSEMBLY".equals(u.name())).singleElement()
                .satisfies(u -> assertThat(u.operations().get(0).phases().get(0).name())
                        .isEqualTo("Print solder paste ring"));
        // a ring has no square pads: no warning about them
        assertThat(p.warnings()).noneMatch(w -> w.startsWith("layout.metrics.bonding"));
        // a ring that does not fit on the lands is not drawn (length 0): the recipe says so
        LayoutFacts none = new LayoutFacts(l.layoutId(), l.siteCount(), l.platedAreaMm2(), l.encapsulantVolumeMm3(),
                l.openingCount(), l.streetWidthMm(), l.recessDepthMm(), 0.3, 0, l.cuts(),
                BondingSpec.BondingPattern.RING, 0);
        assertThat(RecipeCompiler.compile(ringed, none, List.of()).warnings())
                .anyMatch(w -> w.startsWith("layout.metrics.bondingRingLengthMm: the layout draws no bonding ring"));
    }

    private static List<Parameter> parameters(Procedure p, String unit) {
        return p.unitProcedures().stream().filter(u -> unit.equals(u.name()))
                .flatMap(u -> u.operations().stream()).flatMap(o -> o.phases().stream())
                .flatMap(ph -> ph.parameters().stream()).toList();
    }

    @Test
    void compilingTwiceGivesEqualProcedures() {
        assertThat(RecipeCompiler.compile(Fixtures.wifi(), Fixtures.wifiLayout(), List.of()))
                .isEqualTo(RecipeCompiler.compile(Fixtures.wifi(), Fixtures.wifiLayout(), List.of()));
    }
}
