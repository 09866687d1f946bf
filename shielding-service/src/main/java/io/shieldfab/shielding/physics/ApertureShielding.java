package io.shieldfab.shielding.physics;

import static io.shieldfab.shielding.physics.PhysicalConstants.DB_PER_NEPER;
import static io.shieldfab.shielding.physics.PhysicalConstants.SPEED_OF_LIGHT_M_PER_S;

/**
 * Leakage through openings in a shield (Ott, Electromagnetic Compatibility Engineering, Wiley 2009,
 * Ch. 6 "Apertures"; docs/shielding.md), in the medium that fills the openings (the encapsulant, claims 13/17):
 * <ul>
 *   <li>wavelength λ = c/(f·√εr);</li>
 *   <li>one opening of largest dimension L: SE1 = 20·log10(λ/(2L)) dB for L &lt; λ/2, and 0 dB at or above
 *       λ/2 (the opening is then resonant or larger and no longer attenuates: never negative, never NaN);</li>
 *   <li>n openings on one face: SE1 − 10·log10(n) dB (Ott 2009, Ch. 6, linear array of apertures);</li>
 *   <li>waveguide below cutoff through a wall of depth d: cutoff fc = c/(2L√εr) for a rectangular opening
 *       (TE10) and fc = 1.8412·c/(π D √εr) for a round one (TE11, first zero of J1'); attenuation
 *       α·d = (2π/λc)·d·√(1 − (f/fc)²) Np, i.e. 27.29·d/L dB (rectangular) and 31.98·d/D dB (round) when
 *       f ≪ fc, as docs/physics.md's 27.3·d/L and Ott's 32·d/D, and 0 above cutoff (Pozar, Microwave
 *       Engineering, 4th ed., §3.3 and §3.4, propagation constant of TE modes).</li>
 * </ul>
 * The total, SE1 − 10·log10(n) + depth attenuation, is floored at 0 dB.
 * <p>
 * Validity of the depth term: it is the attenuation of the lowest evanescent mode alone, the waveguide-below-cutoff
 * picture Ott (2009, Ch. 6) applies to openings at least as deep as they are wide (d/L ≥ 1). For shallower
 * openings the fringing fields at both ends and the higher modes are not negligible and the term overstates the
 * credit; it is computed for every depth all the same, and docs/physics.md §2 lists this as a known limit.
 */
public final class ApertureShielding {

    /** First zero of J1', p'11 = 1.8412 (Pozar, Microwave Engineering, 4th ed., Table 3.3). */
    public static final double ROUND_TE11_ROOT = 1.841184;

    private ApertureShielding() {
    }

    /**
     * @param lengthMm             largest opening dimension L (diameter when round), mm (&gt; 0)
     * @param count                openings on one face (≥ 1)
     * @param frequencyHz          f, Hz (&gt; 0)
     * @param depthMm              depth of the opening through the wall (wall thickness), mm (≥ 0)
     * @param relativePermittivity εr of the filling medium (≥ 1)
     * @param shape                opening cross-section
     */
    public record Input(double lengthMm, int count, double frequencyHz, double depthMm, double relativePermittivity,
                        ApertureShape shape) {
        public Input {
            if (!(lengthMm > 0) || !Double.isFinite(lengthMm) || count < 1 || !(frequencyHz > 0)
                    || !Double.isFinite(frequencyHz) || !(depthMm >= 0) || !Double.isFinite(depthMm)
                    || !(relativePermittivity >= 1.0) || !Double.isFinite(relativePermittivity)) {
                throw new IllegalArgumentException("invalid aperture input");
            }
            shape = shape == null ? ApertureShape.RECTANGULAR : shape;
        }
    }

    /**
     * @param wavelengthMm        λ in the filling medium, mm
     * @param singleApertureSeDb  SE1 of one opening, dB
     * @param countPenaltyDb      10·log10(n), dB
     * @param depthAttenuationDb  waveguide-below-cutoff attenuation through the depth, dB
     * @param seDb                SE1 − penalty + depth attenuation, floored at 0, dB
     * @param cutoffFrequencyHz   cutoff of the opening's lowest waveguide mode in the filling medium, Hz
     */
    public record Result(double wavelengthMm, double singleApertureSeDb, double countPenaltyDb,
                         double depthAttenuationDb, double seDb, double cutoffFrequencyHz) {
    }

    public static Result calculate(Input in) {
        double lambdaMm = PhysicalConstants.wavelengthMm(in.frequencyHz(), in.relativePermittivity());
        double single = singleApertureSeDb(lambdaMm, in.lengthMm());
        double penalty = 10.0 * Math.log10(in.count());
        double fc = cutoffFrequencyHz(in.lengthMm(), in.relativePermittivity(), in.shape());
        double depth = depthAttenuationDb(in.lengthMm(), in.depthMm(), in.frequencyHz(), fc, in.shape());
        double total = Math.max(0.0, single - penalty + depth);
        return new Result(lambdaMm, single, penalty, depth, total, fc);
    }

    /** 20·log10(λ/(2L)) for L &lt; λ/2, else 0, dB. */
    public static double singleApertureSeDb(double wavelengthMm, double lengthMm) {
        double ratio = wavelengthMm / (2.0 * lengthMm);
        return ratio > 1.0 ? 20.0 * Math.log10(ratio) : 0.0;
    }

    /** Cutoff of the lowest mode of the opening as a waveguide filled with εr, Hz. */
    public static double cutoffFrequencyHz(double lengthMm, double relativePermittivity, ApertureShape shape) {
        double lM = lengthMm * 1e-3;
        double vacuum = shape == ApertureShape.ROUND
                ? ROUND_TE11_ROOT * SPEED_OF_LIGHT_M_PER_S / (Math.PI * lM)
                : SPEED_OF_LIGHT_M_PER_S / (2.0 * lM);
        return vacuum / Math.sqrt(relativePermittivity);
    }

    /** α·d in dB for the lowest mode below cutoff; 0 at or above cutoff. */
    public static double depthAttenuationDb(double lengthMm, double depthMm, double frequencyHz,
                                            double cutoffFrequencyHz, ApertureShape shape) {
        if (depthMm <= 0 || frequencyHz >= cutoffFrequencyHz) {
            return 0.0;
        }
        // 2π/λc: λc is the cutoff wavelength in the filling medium, 2L (rectangular) or πD/p'11 (round).
        double lM = lengthMm * 1e-3;
        double cutoffWavenumberPerM = shape == ApertureShape.ROUND ? 2.0 * ROUND_TE11_ROOT / lM : Math.PI / lM;
        double x = frequencyHz / cutoffFrequencyHz;
        return DB_PER_NEPER * cutoffWavenumberPerM * depthMm * 1e-3 * Math.sqrt(1.0 - x * x);
    }

    /**
     * The largest opening dimension L (mm) for which SE1 − 10·log10(n) reaches {@code targetDb} at a
     * wavelength λ, without the (always non-negative) depth credit, so the answer errs on the safe side:
     * L = λ / (2·10^((target + 10·log10 n)/20)). The evaluator's opening fix does not use it: it bisects
     * {@link #calculate} with the depth credit included (docs/physics.md §2, "largest opening for a target").
     */
    public static double largestOpeningForTargetMm(double wavelengthMm, int count, double targetDb) {
        double needed = Math.max(0.0, targetDb) + 10.0 * Math.log10(Math.max(1, count));
        return wavelengthMm / (2.0 * Math.pow(10.0, needed / 20.0));
    }
}
