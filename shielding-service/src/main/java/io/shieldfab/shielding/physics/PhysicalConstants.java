package io.shieldfab.shielding.physics;

/**
 * Physical constants used by the shielding formulas, each with its source. The one place they live.
 */
public final class PhysicalConstants {

    /** Speed of light in vacuum, m/s. Exact by definition of the metre (SI Brochure, 9th ed., BIPM 2019). */
    public static final double SPEED_OF_LIGHT_M_PER_S = 299_792_458.0;

    /**
     * Vacuum permeability μ0, H/m. CODATA 2018 value 1.25663706212e-6 (NIST CODATA); the pre-2019 exact
     * value 4π·10⁻⁷ differs by 5.5e-10 relative, far below anything these models resolve.
     */
    public static final double VACUUM_PERMEABILITY_H_PER_M = 1.25663706212e-6;

    /** Impedance of free space Z0 = μ0·c, Ω (CODATA 2018: 376.730313668 Ω). */
    public static final double FREE_SPACE_IMPEDANCE_OHM = VACUUM_PERMEABILITY_H_PER_M * SPEED_OF_LIGHT_M_PER_S;

    /**
     * Conductivity of annealed copper, S/m: the reference σr = 1 of the reflection-loss formulas
     * (International Annealed Copper Standard, 5.80e7 S/m; Ott, Electromagnetic Compatibility Engineering,
     * Wiley 2009, Table 6-1; docs/shielding.md).
     */
    public static final double COPPER_CONDUCTIVITY_S_PER_M = 5.80e7;

    /** 20·log10(e) = 8.686 dB per neper: converts attenuation in nepers to decibels. */
    public static final double DB_PER_NEPER = 20.0 / Math.log(10.0);

    private PhysicalConstants() {
    }

    /**
     * Wavelength in a medium of relative permittivity εr (non-magnetic), mm: λ = c / (f·√εr).
     *
     * @param frequencyHz          frequency, Hz (&gt; 0)
     * @param relativePermittivity εr of the medium (≥ 1)
     */
    public static double wavelengthMm(double frequencyHz, double relativePermittivity) {
        return SPEED_OF_LIGHT_M_PER_S / (frequencyHz * Math.sqrt(relativePermittivity)) * 1000.0;
    }
}
