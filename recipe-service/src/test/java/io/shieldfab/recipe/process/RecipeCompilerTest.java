package io.shieldfab.recipe.process;

import io.shieldfab.design.Design;
import io.shieldfab.design.EncapsulationSpec.EncapsulationStage;
import io.shieldfab.design.MandrelSpec.MandrelMaterial;
import io.shieldfab.design.PanelSpec;
import io.shieldfab.design.ShieldSpec.ShieldMaterial;
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
        assertThat(s.encapsulantVolumeMm3()).isCloseTo(172.128, within(1e-6));
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
    void hollowWallsCompileWithARearCoveringBeforeEncapsulation() {
        Design d = Fixtures.wifi(MandrelMaterial.CHROMIUM, ShieldMaterial.COPPER, true,
                EncapsulationStage.AFTER_SUPPORT_REMOVAL);
        Procedure p = RecipeCompiler.compile(d, Fixtures.wifiLayout(), List.of());
        assertThat(p.unitProcedures()).extracting(UnitProcedure::name).containsExactly("MANDREL_PREPARATION",
                "ELECTROFORMING", "ASSEMBLY", "SUPPORT_REMOVAL", "REAR_COVERING", "ENCAPSULATION", "SINGULATION");
        assertThat(p.unitProcedure("MANDREL_PREPARATION").operation("Release layer").phases().get(0).name())
                .isEqualTo("Keep native oxide");
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
