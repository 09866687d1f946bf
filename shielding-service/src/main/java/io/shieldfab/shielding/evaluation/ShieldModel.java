package io.shieldfab.shielding.evaluation;

import io.shieldfab.design.Design;
import io.shieldfab.shielding.physics.ApertureShape;
import io.shieldfab.shielding.physics.ApertureShielding;
import io.shieldfab.shielding.physics.EnclosureShielding;
import io.shieldfab.shielding.physics.Material;
import io.shieldfab.shielding.physics.SheetShielding;

/**
 * Everything of one evaluation that is the same at every frequency: the design's material, encapsulant and
 * requirements, the layout's geometry, and the physics models applied to them (docs/shielding.md, "Per frequency").
 */
final class ShieldModel {

    final Design design;
    final ShieldGeometry g;
    final Material material;
    final double er;
    final double minSe;
    final int ruleDivisor;
    final ShieldingRule configuredRule;
    /** Why the enclosure model does not apply to these openings, or null when it does (or there are none). */
    final String enclosureReason;
    private final Double permeabilityOverride;
    private final boolean enclosureApplies;

    ShieldModel(Design design, ShieldGeometry g) {
        this.design = design;
        this.g = g;
        this.material = Material.valueOf(design.shield().material().name());
        this.permeabilityOverride = design.shield().relativePermeability();
        this.er = design.encapsulation().relativePermittivity();
        this.minSe = design.requirements().minShieldingDb();
        this.ruleDivisor = design.requirements().apertureRule().divisor;
        this.configuredRule = ShieldingRule.aperture(design.requirements().apertureRule());
        String reason = null;
        if (g.hasOpenings()) {
            try {
                enclosureInput(g, 1e9, er);
            } catch (IllegalArgumentException e) {
                reason = e.getMessage();
            }
        }
        this.enclosureApplies = g.hasOpenings() && reason == null;
        this.enclosureReason = reason;
    }

    double mur(double f) {
        return permeabilityOverride != null ? permeabilityOverride : material.relativePermeabilityAt(f);
    }

    SheetShielding.Result sheet(double f, double thicknessUm) {
        return SheetShielding.calculate(SheetShielding.Input.planeWave(material.conductivitySPerM, mur(f), thicknessUm, f));
    }

    /** Aperture SE of the openings on one wall, the plated wall thickness as their depth (docs/shielding.md). */
    ApertureShielding.Result aperture(double f, double lengthMm) {
        return ApertureShielding.calculate(new ApertureShielding.Input(lengthMm, Math.max(1, g.openingsPerWall()), f,
                g.wallThicknessUm() / 1000.0, er, ApertureShape.RECTANGULAR));
    }

    Double enclosure(double f) {
        return enclosureApplies ? EnclosureShielding.calculate(enclosureInput(g, f, er)).seElectricDb() : null;
    }

    /** The depression as Robinson's box: the aperture wall along the cavity length, probe at the centre. */
    static EnclosureShielding.Input enclosureInput(ShieldGeometry g, double f, double er) {
        return new EnclosureShielding.Input(g.cavityLengthMm(), g.cavityDepthMm(), g.cavityWidthMm(),
                g.openingLengthMm(), g.openingHeightMm(), g.wallThicknessUm() / 1000.0, g.openingsPerWall(),
                g.cavityWidthMm() / 2.0, f, er);
    }
}
