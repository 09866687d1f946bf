package io.shieldfab.recipe.process;

/**
 * An electroforming bath with its default operating point and window. Sources (docs/recipe.md §2):
 * <ul>
 *   <li>nickel sulfamate: ASM Handbook Vol. 5 (1994), "Nickel Plating", sulfamate bath table — 40–60 °C,
 *       pH 3.5–4.5, 0.5–15 A/dm²; ASTM B832 "Standard Guide for Electroforming with Nickel and Copper";
 *       operated here at 50 °C, pH 4.0, 2.0 A/dm² (low-stress electroforming range, Di Bari in Schlesinger
 *       &amp; Paunovic 5th ed., ch. 3);</li>
 *   <li>acid copper sulfate: ASM Handbook Vol. 5, "Copper Plating", acid sulfate bath — 20–35 °C, pH below 1,
 *       1–5 A/dm² without agitation-enhanced additives; ASTM B832; operated at 25 °C, pH 0.5, 2.0 A/dm²;</li>
 *   <li>neutral (phosphate-buffered) potassium gold cyanide soft gold: Okinaka in Schlesinger &amp; Paunovic
 *       5th ed., ch. 4 "Electrodeposition of Gold" — 60–70 °C, pH 6.0–7.0, 0.1–0.5 A/dm²; operated at
 *       65 °C, pH 6.5, 0.3 A/dm².</li>
 * </ul>
 *
 * @param name                  bath name as written on the traveler
 * @param temperatureC          default bath temperature, °C
 * @param minTemperatureC       lowest allowed bath temperature, °C
 * @param maxTemperatureC       highest allowed bath temperature, °C
 * @param ph                    default pH
 * @param minPh                 lowest allowed pH
 * @param maxPh                 highest allowed pH
 * @param currentDensityAPerDm2 default cathode current density, A/dm²
 * @param minCurrentDensityAPerDm2 lowest allowed current density, A/dm²
 * @param maxCurrentDensityAPerDm2 highest allowed current density, A/dm²
 */
public record BathWindow(
        String name,
        double temperatureC, double minTemperatureC, double maxTemperatureC,
        double ph, double minPh, double maxPh,
        double currentDensityAPerDm2, double minCurrentDensityAPerDm2, double maxCurrentDensityAPerDm2) {

    public static final BathWindow NICKEL_SULFAMATE =
            new BathWindow("nickel sulfamate", 50, 40, 60, 4.0, 3.5, 4.5, 2.0, 0.5, 15.0);
    public static final BathWindow ACID_COPPER_SULFATE =
            new BathWindow("acid copper sulfate", 25, 20, 35, 0.5, 0.0, 1.0, 2.0, 1.0, 5.0);
    public static final BathWindow NEUTRAL_CYANIDE_GOLD =
            new BathWindow("neutral potassium gold cyanide", 65, 60, 70, 6.5, 6.0, 7.0, 0.3, 0.1, 0.5);

    /** @throws ProcessRuleException {@link ProcessRule#CURRENT_DENSITY_WINDOW} outside the window */
    public void checkCurrentDensity(double currentDensityAPerDm2) {
        if (currentDensityAPerDm2 < minCurrentDensityAPerDm2 || currentDensityAPerDm2 > maxCurrentDensityAPerDm2) {
            throw new ProcessRuleException(ProcessRule.CURRENT_DENSITY_WINDOW,
                    "A current density of " + currentDensityAPerDm2 + " A/dm² is outside the " + name + " window "
                            + minCurrentDensityAPerDm2 + "–" + maxCurrentDensityAPerDm2 + " A/dm².");
        }
    }

    /** @throws ProcessRuleException {@link ProcessRule#BATH_WINDOW} when the temperature or pH is outside */
    public void checkOperatingPoint(double temperatureC, double ph) {
        if (temperatureC < minTemperatureC || temperatureC > maxTemperatureC) {
            throw new ProcessRuleException(ProcessRule.BATH_WINDOW, "A bath temperature of " + temperatureC
                    + " °C is outside the " + name + " window " + minTemperatureC + "–" + maxTemperatureC + " °C.");
        }
        if (ph < minPh || ph > maxPh) {
            throw new ProcessRuleException(ProcessRule.BATH_WINDOW, "A bath pH of " + ph
                    + " is outside the " + name + " window " + minPh + "–" + maxPh + ".");
        }
    }
}
