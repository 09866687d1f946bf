package io.shieldfab.shielding.physics;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The metals the suite knows: the three deposits (claim 6) and the mandrel metals (claim 7), with
 * conductivity and relative permeability at room temperature and the source of each figure.
 * Resistivities quoted from the CRC Handbook are at 20 °C; σ = 1/ρ.
 */
@Schema(name = "ShieldingMetal", description = "a metal of the library (GET /api/v1/shielding/materials)")
public enum Material {

    COPPER(Role.DEPOSIT, 5.80e7, 1.0,
            "σ: IACS annealed copper 5.80e7 S/m (Ott 2009, Table 6-1; docs/shielding.md); μr 1 (diamagnetic, |χ| ~ 1e-5)"),
    NICKEL(Role.DEPOSIT, 1.43e7, NickelPermeability.DEFAULT.initialPermeability(),
            "σ: 1.43e7 S/m (ρ = 6.99e-8 Ω·m, σr 0.2466), as docs/shielding.md prescribes: 0.9 % below pure nickel "
                    + "at 20 °C (CRC Handbook of Chemistry and Physics, 97th ed., 'Electrical resistivity of pure metals': "
                    + "ρ = 6.93e-8 Ω·m, σr = 1.7241e-8/6.93e-8 = 0.249 of IACS), on the safe side because "
                    + "electroformed nickel conducts less than the annealed metal (additive-free baths ≈ 7–8e-8 Ω·m, "
                    + "bright nickel 12–19e-8 Ω·m; see docs/physics.md §2); μr: initial permeability 100 (Ott 2009, "
                    + "Table 6-1), falling with frequency per the Snoek-limited relaxation curve (see docs/shielding.md)"),
    GOLD(Role.DEPOSIT, 4.52e7, 1.0,
            "σ: ρ = 2.21e-8 Ω·m (CRC Handbook, 97th ed., 20 °C), 1/ρ = 4.52e7 S/m, σr 0.78; μr 1"),
    MOLYBDENUM(Role.MANDREL, 1.87e7, 1.0,
            "σ: ρ = 5.34e-8 Ω·m (CRC Handbook, 20 °C); μr 1 (paramagnetic, χ ~ 1e-4)"),
    STEEL(Role.MANDREL, 5.80e6, 1000.0,
            "σr 0.10 of copper and μr 1000 for SAE 1045 steel (Ott 2009, Table 6-1)"),
    STAINLESS_STEEL(Role.MANDREL, 1.39e6, 1.0,
            "σ: ρ = 7.2e-7 Ω·m for annealed AISI 304 (ASM Metals Handbook Vol. 1, 10th ed.); μr ≈ 1 (austenitic)"),
    BRASS(Role.MANDREL, 1.51e7, 1.0,
            "σr 0.26 of copper (Ott 2009, Table 6-1), 1.51e7 S/m; μr 1"),
    CHROMIUM(Role.MANDREL, 7.91e6, 1.0,
            "σ: ρ = 1.264e-7 Ω·m (CRC Handbook, 20 °C); μr 1 (antiferromagnetic)");

    /** What the metal is used for in the process. */
    @Schema(name = "MaterialRole", description = "DEPOSIT (claim 6) or MANDREL (claim 7)")
    public enum Role { DEPOSIT, MANDREL }

    public final Role role;
    public final double conductivitySPerM;
    /** Relative permeability at low frequency; for nickel see {@link #relativePermeabilityAt(double)}. */
    public final double relativePermeability;
    public final String source;

    Material(Role role, double conductivitySPerM, double relativePermeability, String source) {
        this.role = role;
        this.conductivitySPerM = conductivitySPerM;
        this.relativePermeability = relativePermeability;
        this.source = source;
    }

    /** True when μr depends on frequency in this model (nickel). */
    public boolean frequencyDependentPermeability() {
        return this == NICKEL;
    }

    /**
     * Relative permeability at a frequency: nickel follows {@link NickelPermeability#DEFAULT}; the others
     * are constant.
     */
    public double relativePermeabilityAt(double frequencyHz) {
        return this == NICKEL ? NickelPermeability.DEFAULT.at(frequencyHz) : relativePermeability;
    }

    /** Conductivity relative to annealed copper, σr. */
    public double relativeConductivity() {
        return conductivitySPerM / PhysicalConstants.COPPER_CONDUCTIVITY_S_PER_M;
    }
}
