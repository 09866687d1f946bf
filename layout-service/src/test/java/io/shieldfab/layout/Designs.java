package io.shieldfab.layout;

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

/** Test fixtures: the docs/design-document.md example ("wifi-fem-4x6") with defaults applied, and variants of it. */
public final class Designs {

    private Designs() {
    }

    /** The example of docs/design-document.md, with the documented defaults (margin 3, kerf 0.2, pad 0.3 mm). */
    public static Design wifi() {
        return panel(4, 6, 7.0, 6.0, new OpeningsSpec(OpeningsSpec.OpeningStyle.SLOTS, 3, 0.8, 0.2), false);
    }

    public static Design panel(int rows, int columns, double pitchXMm, double pitchYMm, OpeningsSpec openings,
                               boolean hollow) {
        return new Design("wifi-fem-4x6", "A",
                new PackageSpec(5.0, 4.0, 0.9, 2.45e9, 5, null, PackageSpec.TerminalSide.BOTTOM,
                        PackageSpec.Radiator.UNINTENTIONAL),
                new PanelSpec(rows, columns, pitchXMm, pitchYMm, 3.0, 0.2),
                new ShieldSpec(ShieldSpec.ShieldMaterial.NICKEL, 25, 0.3, openings, hollow, null),
                new MandrelSpec(MandrelSpec.MandrelMaterial.STAINLESS_STEEL, 0.95),
                EncapsulationSpec.of(EncapsulationSpec.EncapsulantMaterial.EPOXY_MOLD_COMPOUND, 3.8,
                        EncapsulationSpec.EncapsulationStage.BEFORE_SUPPORT_REMOVAL, 10),
                new BondingSpec(BondingSpec.BondingMaterial.SAC305, 0.3, 50, null),
                new Requirements(30, Requirements.ApertureRule.LAMBDA_OVER_20),
                new ProcessSpec(null, ProcessSpec.SingulationMethod.SAW));
    }

    /** The Wi-Fi example bonded otherwise: 0.3 mm pads {@code padsPerSide} a side, or (RING, null) a 0.3 mm ring. */
    public static Design bonded(BondingSpec.BondingPattern pattern, Integer padsPerSide) {
        Design d = wifi();
        return new Design(d.name(), d.revision(), d.packageSpec(), d.panel(), d.shield(), d.mandrel(),
                d.encapsulation(), new BondingSpec(BondingSpec.BondingMaterial.SAC305, 0.3, 50, null, pattern,
                padsPerSide), d.requirements(), d.process());
    }

    public static Design withOpenings(OpeningsSpec openings, boolean hollow) {
        return panel(4, 6, 7.0, 6.0, openings, hollow);
    }

    /** The 4 × 6 panel with these openings, the support removed before encapsulation (claim 15). */
    public static Design afterSupportRemoval(OpeningsSpec openings) {
        Design d = withOpenings(openings, false);
        return new Design(d.name(), d.revision(), d.packageSpec(), d.panel(), d.shield(), d.mandrel(),
                EncapsulationSpec.of(EncapsulationSpec.EncapsulantMaterial.EPOXY_MOLD_COMPOUND, 3.8,
                        EncapsulationSpec.EncapsulationStage.AFTER_SUPPORT_REMOVAL, 10),
                d.bonding(), d.requirements(), d.process());
    }
}
