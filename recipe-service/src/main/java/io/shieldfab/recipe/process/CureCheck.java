package io.shieldfab.recipe.process;

import io.shieldfab.design.BondingSpec.BondingMaterial;
import io.shieldfab.design.EncapsulationSpec.EncapsulantMaterial;

import java.util.OptionalDouble;

/**
 * The encapsulant is cured after the packages are joined (claims 9–10 before 12), so its whole cure window must
 * stay below the solder's solidus: at the solidus the joints start to melt again and the packages can move in
 * their depressions (docs/recipe.md §4). Conductive epoxy, once cured, does not melt and sets no bound.
 */
public final class CureCheck {

    private CureCheck() {
    }

    /**
     * Solidus of a solder, °C: SAC305 217 °C (Sn-3.0Ag-0.5Cu melting range 217–220 °C), Sn63Pb37 183 °C (the
     * eutectic); none for conductive epoxy. Sources as {@link BondingProfile} (docs/recipe.md §3).
     */
    public static OptionalDouble solidusC(BondingMaterial material) {
        return switch (material) {
            case SAC305 -> OptionalDouble.of(217);
            case SN63PB37 -> OptionalDouble.of(183);
            case CONDUCTIVE_EPOXY -> OptionalDouble.empty();
        };
    }

    /**
     * @throws ProcessRuleException {@link ProcessRule#CURE_BELOW_SOLIDUS} when the encapsulant's highest allowed
     *                              cure temperature reaches the solder's solidus
     */
    public static void check(BondingMaterial bonding, EncapsulantMaterial encapsulant, EncapsulationPlan.Cure cure) {
        OptionalDouble solidus = solidusC(bonding);
        if (solidus.isPresent() && cure.maxTemperatureC() >= solidus.getAsDouble()) {
            throw new ProcessRuleException(ProcessRule.CURE_BELOW_SOLIDUS, "The " + encapsulant + " cure window"
                    + " reaches " + Units.round(cure.maxTemperatureC(), 1) + " °C, at or above the " + bonding
                    + " solidus " + Units.round(solidus.getAsDouble(), 1) + " °C: the joints made before encapsulation"
                    + " would melt again during the cure. Use an encapsulant that cures below it (LIQUID_EPOXY, up"
                    + " to 165 °C) or a solder with a higher solidus (SAC305, 217 °C).");
        }
    }
}
