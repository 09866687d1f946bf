package io.shieldfab.recipe.process;

import io.shieldfab.design.BondingSpec.BondingMaterial;

/**
 * The thermal profile that joins the conductive element's bonding material to the connection pads
 * (claims 9–10): a reflow profile for solders, a cure schedule for conductive epoxy. Sources
 * (docs/recipe.md §3):
 * <ul>
 *   <li>SAC305 (Sn-3.0Ag-0.5Cu): solidus 217 °C, liquidus 220 °C; IPC/JEDEC J-STD-020E Table 5-2 Pb-free
 *       profile — preheat 150–200 °C for 60–120 s, ramp-up ≤ 3 °C/s, 60–150 s above liquidus, peak no higher
 *       than the 260 °C classification temperature, ramp-down ≤ 6 °C/s; peak set at 245 °C;</li>
 *   <li>Sn63Pb37: eutectic 183 °C; J-STD-020E Sn-Pb profile — preheat 100–150 °C for 60–120 s, 60–150 s above
 *       183 °C, peak ≤ 235 °C; peak set at 215 °C;</li>
 *   <li>conductive (silver-filled) epoxy: Epoxy Technology EPO-TEK H20E data sheet — minimum cure 150 °C for
 *       5 min, 120 °C for 15 min; run at 150 °C for 15 min (3× the minimum) with 175 °C as the upper limit of
 *       the listed schedules.</li>
 * </ul>
 *
 * @param material           bonding material
 * @param kind               {@code REFLOW} or {@code CURE}
 * @param preheatMinC        preheat/soak start temperature, °C (cure: 0)
 * @param preheatMaxC        preheat/soak end temperature, °C (cure: 0)
 * @param preheatS           soak time, s (cure: 0)
 * @param rampUpCPerS        ramp-up rate, °C/s
 * @param liquidusC          liquidus (solder) or minimum cure temperature (epoxy), °C
 * @param peakC              peak (or cure) temperature, °C
 * @param maxPeakC           highest allowed peak temperature, °C
 * @param timeAboveLiquidusS time above liquidus (solder) or at cure temperature (epoxy), s
 * @param minTimeAboveS      shortest allowed time above liquidus / at temperature, s
 * @param maxTimeAboveS      longest allowed time above liquidus / at temperature, s
 * @param maxRampUpCPerS     fastest allowed ramp-up, °C/s
 * @param rampDownCPerS      cooling rate, °C/s
 * @param maxRampDownCPerS   fastest allowed cooling, °C/s
 */
public record BondingProfile(
        BondingMaterial material, Kind kind,
        double preheatMinC, double preheatMaxC, double preheatS,
        double rampUpCPerS, double liquidusC, double peakC, double maxPeakC,
        double timeAboveLiquidusS, double minTimeAboveS, double maxTimeAboveS,
        double maxRampUpCPerS, double rampDownCPerS, double maxRampDownCPerS) {

    public enum Kind { REFLOW, CURE }

    /** Smallest margin of the peak over the liquidus for complete wetting, °C (J-STD-020E practice). */
    public static final double MIN_PEAK_OVER_LIQUIDUS_C = 15.0;

    /** The default profile for a bonding material; checked before it is returned. */
    public static BondingProfile forMaterial(BondingMaterial material) {
        BondingProfile profile = switch (material) {
            case SAC305 -> new BondingProfile(material, Kind.REFLOW, 150, 200, 90, 2.0, 220, 245, 260,
                    90, 60, 150, 3.0, 4.0, 6.0);
            case SN63PB37 -> new BondingProfile(material, Kind.REFLOW, 100, 150, 90, 2.0, 183, 215, 235,
                    90, 60, 150, 3.0, 4.0, 6.0);
            case CONDUCTIVE_EPOXY -> new BondingProfile(material, Kind.CURE, 0, 0, 0, 2.0, 150, 150, 175,
                    900, 300, 3600, 3.0, 2.0, 6.0);
        };
        profile.check();
        return profile;
    }

    /** @throws ProcessRuleException {@link ProcessRule#BONDING_PROFILE_LIMITS} when a limit is broken */
    public void check() {
        String broken = null;
        if (kind == Kind.REFLOW && peakC < liquidusC + MIN_PEAK_OVER_LIQUIDUS_C) {
            broken = "peak " + peakC + " °C is less than " + MIN_PEAK_OVER_LIQUIDUS_C + " °C over the liquidus "
                    + liquidusC + " °C";
        } else if (kind == Kind.CURE && peakC < liquidusC) {
            broken = "cure temperature " + peakC + " °C is below the minimum " + liquidusC + " °C";
        } else if (peakC > maxPeakC) {
            broken = "peak " + peakC + " °C exceeds the limit " + maxPeakC + " °C";
        } else if (timeAboveLiquidusS < minTimeAboveS || timeAboveLiquidusS > maxTimeAboveS) {
            broken = "time at temperature " + timeAboveLiquidusS + " s is outside " + minTimeAboveS + "–"
                    + maxTimeAboveS + " s";
        } else if (rampUpCPerS > maxRampUpCPerS) {
            broken = "ramp-up " + rampUpCPerS + " °C/s exceeds " + maxRampUpCPerS + " °C/s";
        } else if (rampDownCPerS > maxRampDownCPerS) {
            broken = "cooling " + rampDownCPerS + " °C/s exceeds " + maxRampDownCPerS + " °C/s";
        } else if (kind == Kind.REFLOW && timeAboveLiquidusS < rampsAboveLiquidusS()) {
            broken = "time above liquidus " + timeAboveLiquidusS + " s is shorter than the " + rampsAboveLiquidusS()
                    + " s the ramps to the peak and back take";
        } else if (kind == Kind.REFLOW && (preheatMinC >= preheatMaxC || preheatMaxC >= liquidusC)) {
            broken = "preheat " + preheatMinC + "–" + preheatMaxC + " °C must rise and stay below the liquidus";
        }
        if (broken != null) {
            throw new ProcessRuleException(ProcessRule.BONDING_PROFILE_LIMITS,
                    "The " + material + " " + kind.name().toLowerCase() + " profile breaks a limit: " + broken + ".");
        }
    }

    /**
     * Total oven time from ambient (25 °C) and back, s, each stretch of the profile counted once (docs/recipe.md §3).
     * Reflow: ramp to the soak start, the soak (which itself rises from its start to its end temperature), ramp from
     * the soak end to the liquidus, the time above liquidus (which contains the rise to the peak and the fall back,
     * see {@link #check()}), then cooling from the liquidus. Cure: ramp to the cure temperature, hold, cool.
     */
    public double totalDurationS() {
        double ambientC = 25.0;
        if (kind == Kind.CURE) {
            return (peakC - ambientC) / rampUpCPerS + timeAboveLiquidusS + (peakC - ambientC) / rampDownCPerS;
        }
        return (preheatMinC - ambientC) / rampUpCPerS + preheatS + (liquidusC - preheatMaxC) / rampUpCPerS
                + timeAboveLiquidusS + (liquidusC - ambientC) / rampDownCPerS;
    }

    /** Time a reflow spends above the liquidus just rising to the peak and falling back, s. */
    public double rampsAboveLiquidusS() {
        return (peakC - liquidusC) / rampUpCPerS + (peakC - liquidusC) / rampDownCPerS;
    }
}
