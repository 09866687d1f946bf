package io.shieldfab.recipe.process;

/**
 * Faraday's law of electrolysis applied to electroforming a layer of uniform thickness:
 * <pre>
 *   t = d·ρ·n·F / (J·M·η)      duration, s
 *   I = J·A                    current, A
 *   m = ρ·A·d                  deposit mass, g
 *   Q = I·t / 3600             charge, A·h
 * </pre>
 * with d the thickness (cm), ρ the density (g/cm³), n electrons per ion, F the Faraday constant (C/mol),
 * J the current density (A/cm²), M the molar mass (g/mol), η the cathode current efficiency and A the
 * plated area. Source: Schlesinger &amp; Paunovic, "Modern Electroplating", 5th ed., ch. 1 (Faraday's law,
 * m = η·I·t·M / (n·F)); docs/recipe.md.
 */
public final class Faraday {

    private Faraday() {
    }

    /**
     * @param metal                 deposit
     * @param thicknessUm           target thickness, µm, &gt; 0
     * @param currentDensityAPerDm2 cathode current density, A/dm², &gt; 0
     * @param areaMm2               plated (cathode) area, mm², &gt; 0
     * @param efficiency            cathode current efficiency 0–1, or {@code null} for the metal's default
     */
    public static PlatingResult plate(DepositMetal metal, double thicknessUm, double currentDensityAPerDm2,
                                      double areaMm2, Double efficiency) {
        double eta = efficiency == null ? metal.defaultEfficiency : efficiency;
        if (!(thicknessUm > 0) || !(currentDensityAPerDm2 > 0) || !(areaMm2 > 0) || !(eta > 0) || eta > 1) {
            throw new IllegalArgumentException("thickness, current density and area must be > 0, efficiency in (0, 1]");
        }
        double thicknessCm = thicknessUm * 1e-4;               // 1 µm = 1e-4 cm
        double currentDensityAPerCm2 = currentDensityAPerDm2 / 100.0; // 1 dm² = 100 cm²
        double areaCm2 = areaMm2 / 100.0;                       // 1 cm² = 100 mm²
        double durationS = thicknessCm * metal.densityGPerCm3 * metal.electronsPerIon
                * PhysicalConstants.FARADAY_C_PER_MOL
                / (currentDensityAPerCm2 * metal.molarMassGPerMol * eta);
        double currentA = currentDensityAPerCm2 * areaCm2;
        double depositMassG = metal.densityGPerCm3 * areaCm2 * thicknessCm;
        double ampereHours = currentA * durationS / PhysicalConstants.SECONDS_PER_HOUR;
        double rateUmPerH = thicknessUm / (durationS / PhysicalConstants.SECONDS_PER_HOUR);
        return new PlatingResult(metal, thicknessUm, currentDensityAPerDm2, areaMm2, eta,
                currentA, durationS, ampereHours, depositMassG, rateUmPerH);
    }

    /**
     * The outcome of a Faraday calculation.
     *
     * @param metal                 deposit
     * @param thicknessUm           target thickness, µm
     * @param currentDensityAPerDm2 current density, A/dm²
     * @param areaMm2               plated area, mm²
     * @param efficiency            cathode current efficiency used, 0–1
     * @param currentA              rectifier current, A
     * @param durationS             plating time, s
     * @param ampereHours           charge passed, A·h
     * @param depositMassG          mass of metal deposited, g
     * @param depositionRateUmPerH  growth rate, µm/h
     */
    public record PlatingResult(DepositMetal metal, double thicknessUm, double currentDensityAPerDm2,
                                double areaMm2, double efficiency, double currentA, double durationS,
                                double ampereHours, double depositMassG, double depositionRateUmPerH) {
    }
}
