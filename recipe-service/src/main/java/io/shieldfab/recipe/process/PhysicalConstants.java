package io.shieldfab.recipe.process;

/** Physical constants used by the process calculations, each with its source. */
public final class PhysicalConstants {

    /**
     * Faraday constant F = N_A·e, C/mol. Source: CODATA 2018 recommended values (exact since the 2019 SI
     * redefinition: 6.02214076e23 mol⁻¹ × 1.602176634e-19 C = 96485.33212… C/mol).
     */
    public static final double FARADAY_C_PER_MOL = 96485.33212;

    /** Seconds per hour, for ampere-hours. */
    public static final double SECONDS_PER_HOUR = 3600.0;

    private PhysicalConstants() {
    }
}
