package io.shieldfab.recipe.process;

import io.shieldfab.design.BondingSpec;
import io.shieldfab.design.Design;
import io.shieldfab.design.EncapsulationSpec;
import io.shieldfab.design.MandrelSpec;
import io.shieldfab.design.OpeningsSpec;
import io.shieldfab.design.PackageSpec;
import io.shieldfab.design.PanelSpec;
import io.shieldfab.design.ProcessSpec;
import io.shieldfab.design.Requirements;
import io.shieldfab.design.ShieldSpec;
import io.shieldfab.design.process.FillMethod;

/** The Wi-Fi example of docs/design-document.md as records, with defaults applied, and variants of it. */
public final class Fixtures {

    private Fixtures() {
    }

    public static Design wifi() {
        return wifi(MandrelSpec.MandrelMaterial.STAINLESS_STEEL, ShieldSpec.ShieldMaterial.NICKEL, false,
                EncapsulationSpec.EncapsulationStage.BEFORE_SUPPORT_REMOVAL);
    }

    public static Design wifi(MandrelSpec.MandrelMaterial mandrel, ShieldSpec.ShieldMaterial metal, boolean hollow,
                       EncapsulationSpec.EncapsulationStage stage) {
        return wifi(mandrel, metal, hollow, OpeningsSpec.OpeningStyle.TROUGHS, encapsulation(stage,
                FillMethod.TRANSFER_MOLD), null);
    }

    /**
     * The Wi-Fi panel with the first draft's 3 openings of 0.8 × 0.2 mm per wall in the given style, the given
     * encapsulation and board pads (null: no board attach).
     */
    public static Design wifi(MandrelSpec.MandrelMaterial mandrel, ShieldSpec.ShieldMaterial metal, boolean hollow,
                              OpeningsSpec.OpeningStyle style, EncapsulationSpec encapsulation, Double boardPadMm) {
        return new Design("wifi-fem-4x6", "A",
                new PackageSpec(5.0, 4.0, 0.9, 2.45e9, 5, null, PackageSpec.TerminalSide.BOTTOM,
                        PackageSpec.Radiator.UNINTENTIONAL),
                new PanelSpec(4, 6, 7.0, 6.0, 3.0, 0.2),
                new ShieldSpec(metal, 25, 0.3, new OpeningsSpec(style, 3, 0.8, 0.2), hollow, null),
                new MandrelSpec(mandrel, 0.95),
                encapsulation,
                new BondingSpec(BondingSpec.BondingMaterial.SAC305, 0.3, 50, boardPadMm),
                new Requirements(30, Requirements.ApertureRule.LAMBDA_OVER_20),
                new ProcessSpec(null, ProcessSpec.SingulationMethod.SAW));
    }

    /** The Wi-Fi panel (stainless steel, nickel) with the first draft's openings in a style, stage and method. */
    public static Design wifi(OpeningsSpec.OpeningStyle style, EncapsulationSpec.EncapsulationStage stage,
                              FillMethod method, Double boardPadMm) {
        return wifi(MandrelSpec.MandrelMaterial.STAINLESS_STEEL, ShieldSpec.ShieldMaterial.NICKEL, false, style,
                encapsulation(stage, method), boardPadMm);
    }

    /**
     * Mould compound with the shipped example's fill fields (docs/physics.md §6): 10 Pa·s, a 25 µm moulded-underfill
     * filler, 30 s gel time, one gate per row; 7000 kPa for moulding, the 0.017658 kPa levelling head for dispensing.
     */
    public static EncapsulationSpec encapsulation(EncapsulationSpec.EncapsulationStage stage, FillMethod method) {
        return new EncapsulationSpec(EncapsulationSpec.EncapsulantMaterial.EPOXY_MOLD_COMPOUND, 3.8, stage, 10,
                method, 10, 25, 30, method == FillMethod.DISPENSE ? 0.017658 : 7000, 1);
    }

    /**
     * Layout facts of the Wi-Fi panel with the first draft's troughs: 2500 mm² plated; encapsulant per site cavity
     * 5.6 · 4.6 · 0.95 = 24.472 − package 18 + troughs 3 · 0.8 · 0.2 · (1.35 + 1.35 + 4 · 0.025) = 0.48 · 2.8 =
     * 1.344 → 7.816 mm³, × 24 = 187.584 mm³; 288 openings, street 7 − (5 + 2·0.3 + 2·0.025) = 1.35 mm, recess
     * 0.95 mm, four 0.3 mm bonding pads a site, the 12 cuts.
     */
    public static LayoutFacts wifiLayout() {
        return new LayoutFacts("layout-1", 24, 2500, 187.584, 288, 1.35, 0.95, 0.3, 4, SingulationTest.wifiCuts());
    }
}
