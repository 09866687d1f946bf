package io.shieldfab.recipe.process;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The metals that may be electroformed onto the mandrel (claim 6: copper, nickel or gold), with what
 * Faraday's law needs and the default bath each is plated from. Sources (also in docs/recipe.md):
 * <ul>
 *   <li>molar mass: IUPAC standard atomic weights (CIAAW 2021): Cu 63.546, Ni 58.6934, Au 196.966570 g/mol;</li>
 *   <li>density at 20 °C: CRC Handbook of Chemistry and Physics, 97th ed., "Physical constants of inorganic
 *       compounds": Cu 8.96, Ni 8.908, Au 19.32 g/cm³;</li>
 *   <li>electrons per ion: Cu²⁺ from acid sulfate, Ni²⁺ from sulfamate, Au⁺ from the Au(CN)₂⁻ complex;</li>
 *   <li>default cathode current efficiency: ASM Handbook Vol. 5 "Surface Engineering" (1994) and
 *       Schlesinger &amp; Paunovic, "Modern Electroplating", 5th ed. (2010): nickel sulfamate 0.97, acid copper
 *       sulfate 0.98, neutral cyanide soft gold 0.90 (gold baths run well below the others);</li>
 *   <li>bath windows: see {@link BathWindow}.</li>
 * </ul>
 */
public enum DepositMetal {
    COPPER(2, 63.546, 8.96, 0.98, BathWindow.ACID_COPPER_SULFATE),
    NICKEL(2, 58.6934, 8.908, 0.97, BathWindow.NICKEL_SULFAMATE),
    GOLD(1, 196.966570, 19.32, 0.90, BathWindow.NEUTRAL_CYANIDE_GOLD);

    /** Electrons transferred per deposited atom, n. */
    public final int electronsPerIon;
    /** Molar mass M, g/mol. */
    public final double molarMassGPerMol;
    /** Density ρ, g/cm³. */
    public final double densityGPerCm3;
    /** Default cathode current efficiency η, 0–1. */
    public final double defaultEfficiency;
    /** The bath this metal is electroformed from, with its operating window. */
    public final BathWindow bath;

    DepositMetal(int electronsPerIon, double molarMassGPerMol, double densityGPerCm3, double defaultEfficiency,
                 BathWindow bath) {
        this.electronsPerIon = electronsPerIon;
        this.molarMassGPerMol = molarMassGPerMol;
        this.densityGPerCm3 = densityGPerCm3;
        this.defaultEfficiency = defaultEfficiency;
        this.bath = bath;
    }

    /**
     * The deposit named {@code name} (case-insensitive).
     *
     * @throws ProcessRuleException {@link ProcessRule#DEPOSIT_METAL} for any metal claim 6 does not allow
     */
    public static DepositMetal fromName(String name) {
        String wanted = name == null ? "" : name.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(m -> m.name().equals(wanted)).findFirst()
                .orElseThrow(() -> new ProcessRuleException(ProcessRule.DEPOSIT_METAL,
                        "The deposit '" + name + "' is not allowed: claim 6 deposits "
                                + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")) + "."));
    }
}
