package io.shieldfab.shielding.physics;

/**
 * Frequency-dependent relative permeability of a ferromagnetic deposit, modelled as a first-order
 * (Debye-type) relaxation whose magnitude is
 * <pre>
 *   μr(f) = 1 + (μi − 1) / √(1 + (f / fr)²)
 * </pre>
 * with the relaxation frequency fr fixed by Snoek's law for polycrystalline ferromagnets
 * (J. L. Snoek, Physica 14 (1948) 207): (μi − 1)·fr = γ·μ0Ms / (3π).
 *
 * <p>Default nickel figures: μi = 100 (Ott, Electromagnetic Compatibility Engineering, 2009, Table 6-1);
 * μ0Ms = 0.61 T (Ms = 485 G at room temperature, Kittel, Introduction to Solid State Physics, 8th ed.,
 * Ch. 12, Table 1; 4π·485 G = 6095 G = 0.61 T); γ = 1.76086e11 rad/(s·T) (electron gyromagnetic ratio,
 * CODATA 2018). Hence (μi − 1)·fr = 1.76086e11·0.61/(3π) = 11.40 GHz and
 * fr = 115.1 MHz: μr ≈ 100 below ~10 MHz, ≈ 5.6 at 2.45 GHz, ≈ 1.4 at 28 GHz.
 *
 * @param initialPermeability    μi, the low-frequency relative permeability (≥ 1)
 * @param relaxationFrequencyHz  fr, Hz (&gt; 0)
 */
public record NickelPermeability(double initialPermeability, double relaxationFrequencyHz) {

    /** Electron gyromagnetic ratio γ, rad/(s·T) (CODATA 2018: 1.76085963023e11). */
    public static final double GYROMAGNETIC_RATIO_RAD_PER_S_T = 1.76085963023e11;

    /** μ0·Ms of nickel at room temperature, T (Ms = 485 G; Kittel, Introduction to Solid State Physics, 8th ed., Ch. 12, Table 1). */
    public static final double NICKEL_SATURATION_POLARISATION_T = 0.61;

    /** Initial relative permeability of nickel (Ott 2009, Table 6-1). */
    public static final double NICKEL_INITIAL_PERMEABILITY = 100.0;

    /** The documented default curve for electroformed nickel. */
    public static final NickelPermeability DEFAULT = snoek(NICKEL_INITIAL_PERMEABILITY, NICKEL_SATURATION_POLARISATION_T);

    public NickelPermeability {
        if (!(initialPermeability >= 1.0) || !(relaxationFrequencyHz > 0.0)) {
            throw new IllegalArgumentException("μi must be ≥ 1 and fr > 0");
        }
    }

    /** The curve whose relaxation frequency follows Snoek's law for the given μi and μ0Ms (T). */
    public static NickelPermeability snoek(double initialPermeability, double saturationPolarisationT) {
        double product = GYROMAGNETIC_RATIO_RAD_PER_S_T * saturationPolarisationT / (3.0 * Math.PI);
        return new NickelPermeability(initialPermeability, product / Math.max(initialPermeability - 1.0, 1e-9));
    }

    /** μr at a frequency, Hz. */
    public double at(double frequencyHz) {
        double x = frequencyHz / relaxationFrequencyHz;
        return 1.0 + (initialPermeability - 1.0) / Math.sqrt(1.0 + x * x);
    }
}
