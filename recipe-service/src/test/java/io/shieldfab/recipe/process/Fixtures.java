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
        return new Design("wifi-fem-4x6", "A",
                new PackageSpec(5.0, 4.0, 0.9, 2.45e9, 5, null, PackageSpec.TerminalSide.BOTTOM),
                new PanelSpec(4, 6, 7.0, 6.0, 3.0, 0.2),
                new ShieldSpec(metal, 25, 0.3,
                        new OpeningsSpec(OpeningsSpec.OpeningStyle.SLOTS, 3, 0.8, 0.2), hollow, null),
                new MandrelSpec(mandrel, 0.95),
                EncapsulationSpec.of(EncapsulationSpec.EncapsulantMaterial.EPOXY_MOLD_COMPOUND, 3.8, stage, 10),
                new BondingSpec(BondingSpec.BondingMaterial.SAC305, 0.3, 50, null),
                new Requirements(30, Requirements.ApertureRule.LAMBDA_OVER_20),
                new ProcessSpec(null, ProcessSpec.SingulationMethod.SAW));
    }

    /**
     * Layout facts of the Wi-Fi panel: 2500 mm² plated, 156.48 mm³ encapsulant, 288 slots, street
     * 7 − (5 + 2·0.3 + 2·0.025) = 1.35 mm, recess 0.95 mm, four 0.3 mm bonding pads a site, the 12 cuts.
     */
    public static LayoutFacts wifiLayout() {
        return new LayoutFacts("layout-1", 24, 2500, 156.48, 288, 1.35, 0.95, 0.3, 4, SingulationTest.wifiCuts());
    }
}
