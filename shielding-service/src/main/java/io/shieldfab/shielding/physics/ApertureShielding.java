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
 *   <li>an open-ended notch ({@link ApertureShape#NOTCH}: a gap open at one edge of the wall, such as the gap
 *       between two pillars) resonates when it is a quarter wavelength long, like a monopole over the closed end:
 *       SE1 = 20·log10(λ/(4L)) dB for L &lt; λ/4, 0 dB beyond, i.e. 6.02 dB less than a closed slot of the same
 *       length (Ott 2009, Ch. 6; Balanis, Antenna Theory, 3rd ed., Wiley 2005, §4.7 (monopole = half of the
 *       dipole by image theory); docs/shielding.md "Pillar gaps");</li>
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
 * picture Ott (2009, Ch. 6) applies to openings at least as deep as they are wide; practice asks for a depth of
 * 2–4 times the width before relying on it fully (docs/physics.md §2, "Depth credit"). For shallower openings the
 * fringing fields at both ends and the higher modes are not negligible and the term overstates the credit, so it
 * is credited only where d/L ≥ {@link #DEPTH_CREDIT_MIN_RATIO} and is 0 below (the safe side); a notch is not a
 * closed waveguide and gets none. {@link Result#depthCreditApplied()} says which.
 */
public final class ApertureShielding {

    /** First zero of J1', p'11 = 1.8412 (Pozar, Microwave Engineering, 4th ed., Table 3.3). */
    public static final double ROUND_TE11_ROOT = 1.841184;

    /**
     * Smallest depth/length ratio at which the waveguide-below-cutoff depth credit is taken (Ott 2009, Ch. 6: an
     * opening at least as deep as it is wide; docs/physics.md §2, "Depth credit").
     */
    public static final double DEPTH_CREDIT_MIN_RATIO = 1.0;

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
     * @param depthAttenuationDb  waveguide-below-cutoff attenuation through the depth, dB (0 when not credited)
     * @param seDb                SE1 − penalty + depth attenuation, floored at 0, dB
     * @param cutoffFrequencyHz   cutoff of the opening's lowest waveguide mode in the filling medium, Hz; for a
     *                            notch, the frequency at which it is a quarter wavelength long (its first resonance)
     * @param resonantLengthMm    the length at which the opening resonates and SE1 reaches 0: λ/2, or λ/4 for a
     *                            notch, mm
     * @param depthCreditApplied  whether the depth credit was taken: below cutoff, d/L ≥
     *                            {@link #DEPTH_CREDIT_MIN_RATIO}, and not a notch
     */
    public record Result(double wavelengthMm, double singleApertureSeDb, double countPenaltyDb,
                         double depthAttenuationDb, double seDb, double cutoffFrequencyHz, double resonantLengthMm,
                         boolean depthCreditApplied) {
    }

    public static Result calculate(Input in) {
        double lambdaMm = PhysicalConstants.wavelengthMm(in.frequencyHz(), in.relativePermittivity());
        double single = singleApertureSeDb(lambdaMm, in.lengthMm(), in.shape());
        double penalty = 10.0 * Math.log10(in.count());
        double fc = cutoffFrequencyHz(in.lengthMm(), in.relativePermittivity(), in.shape());
        boolean credited = depthCredited(in.lengthMm(), in.depthMm(), in.shape());
        double depth = credited ? depthAttenuationDb(in.lengthMm(), in.depthMm(), in.frequencyHz(), fc, in.shape()) : 0.0;
        double total = Math.max(0.0, single - penalty + depth);
        return new Result(lambdaMm, single, penalty, depth, total, fc, lambdaMm / resonanceDivisor(in.shape()),
                credited && depth > 0);
    }

    /** Whether the depth credit applies to an opening of this shape and depth/length (see the class comment). */
    public static boolean depthCredited(double lengthMm, double depthMm, ApertureShape shape) {
        return shape != ApertureShape.NOTCH && depthMm >= DEPTH_CREDIT_MIN_RATIO * lengthMm;
    }

    /** The opening resonates at L = λ/divisor: 2 for a closed opening, 4 for a notch open at one end. */
    public static double resonanceDivisor(ApertureShape shape) {
        return shape == ApertureShape.NOTCH ? 4.0 : 2.0;
    }

    /** 20·log10(λ/(2L)), or 20·log10(λ/(4L)) for a notch, while positive, else 0, dB. */
    public static double singleApertureSeDb(double wavelengthMm, double lengthMm, ApertureShape shape) {
        double ratio = wavelengthMm / (resonanceDivisor(shape) * lengthMm);
        return ratio > 1.0 ? 20.0 * Math.log10(ratio) : 0.0;
    }

    /**
     * Cutoff of the lowest mode of the opening as a waveguide filled with εr, Hz; for a notch, which is no closed
     * waveguide, the frequency at which it is a quarter wavelength long.
     */
    public static double cutoffFrequencyHz(double lengthMm, double relativePermittivity, ApertureShape shape) {
        double lM = lengthMm * 1e-3;
        double vacuum = switch (shape) {
            case ROUND -> ROUND_TE11_ROOT * SPEED_OF_LIGHT_M_PER_S / (Math.PI * lM);
            case RECTANGULAR -> SPEED_OF_LIGHT_M_PER_S / (2.0 * lM);
            case NOTCH -> SPEED_OF_LIGHT_M_PER_S / (4.0 * lM);
        };
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
     * wavelength λ, without the depth credit: L = λ / (2·10^((target + 10·log10 n)/20)) (λ/4 for a notch). This is
     * the opening fix wherever the credit does not apply (d/L &lt; {@link #DEPTH_CREDIT_MIN_RATIO} at that L); the
     * evaluator's fix search bisects {@link #calculate}, which takes the credit only inside its regime, so both
     * agree there (docs/physics.md §2, "largest opening for a target").
     */
    public static double largestOpeningForTargetMm(double wavelengthMm, int count, double targetDb, ApertureShape shape) {
        double needed = Math.max(0.0, targetDb) + 10.0 * Math.log10(Math.max(1, count));
        return wavelengthMm / (resonanceDivisor(shape) * Math.pow(10.0, needed / 20.0));
    }
}
