package io.shieldfab.shielding.physics;

import static io.shieldfab.shielding.physics.PhysicalConstants.COPPER_CONDUCTIVITY_S_PER_M;
import static io.shieldfab.shielding.physics.PhysicalConstants.DB_PER_NEPER;
import static io.shieldfab.shielding.physics.PhysicalConstants.SPEED_OF_LIGHT_M_PER_S;
import static io.shieldfab.shielding.physics.PhysicalConstants.VACUUM_PERMEABILITY_H_PER_M;

/**
 * Shielding effectiveness of a solid metal wall, Schelkunoff's decomposition SE = A + R + B as given by
 * Ott, Electromagnetic Compatibility Engineering (Wiley 2009), Chapter 6 (absorption, reflection and
 * multiple-reflection losses), and docs/shielding.md:
 * <ul>
 *   <li>skin depth δ = 1/√(π f μ0 μr σ);</li>
 *   <li>absorption A = 8.686·t/δ dB;</li>
 *   <li>far-field reflection R = 168 + 10·log10(σr/(μr f)) dB (σr relative to copper);</li>
 *   <li>electric near field R_E = 322 + 10·log10(σr/(μr f³ r²)) dB, magnetic near field
 *       R_H = 14.6 + 10·log10(f r² σr/μr) dB, r in metres (Ott 2009, Ch. 6, near-field reflection). Beyond r = λ/2π the
 *       field is a plane wave: the electric form is never taken below, the magnetic form never above, the
 *       far-field value (they meet there); R_H is floored at 0 dB, where Ott notes the form stops holding;</li>
 *   <li>multiple-reflection correction B = 20·log10|1 − e^(−2t/δ)·e^(−j2t/δ)| dB (Ott 2009, Ch. 6, with the
 *       good-conductor approximation of the reflection coefficient), strongly negative when t/δ is small
 *       (for t/δ up to 0.727 it is ≤ 0). The complex form is not ≤ 0 everywhere: e^(−j2t/δ) can make the
 *       re-reflected wave add in phase, and B peaks at +0.583 dB near t/δ = 1.14, is bounded by
 *       20·log10(1 + e^(−2t/δ)) and tends to 0 for thick walls (docs/physics.md §2).
 *       For t ≪ δ, R + B tends to 20·log10(Z0 σ t / 2), the thin-film result (Paul, Introduction to EMC,
 *       2nd ed., §10.2), which the unit tests check.</li>
 * </ul>
 * The total is floored at 0 dB: a passive sheet never amplifies.
 */
public final class SheetShielding {

    private SheetShielding() {
    }

    /**
     * @param conductivitySPerM    σ, S/m (&gt; 0)
     * @param relativePermeability μr (≥ 1) at this frequency
     * @param thicknessUm          wall thickness t, µm (&gt; 0)
     * @param frequencyHz          f, Hz (&gt; 0)
     * @param field                incident field kind
     * @param sourceDistanceMm     source distance r for the near-field forms, mm (required for them)
     */
    public record Input(double conductivitySPerM, double relativePermeability, double thicknessUm,
                        double frequencyHz, FieldType field, Double sourceDistanceMm) {
        public Input {
            require(conductivitySPerM > 0 && Double.isFinite(conductivitySPerM), "conductivity must be positive");
            require(relativePermeability >= 1.0 && Double.isFinite(relativePermeability), "μr must be ≥ 1");
            require(thicknessUm > 0 && Double.isFinite(thicknessUm), "thickness must be positive");
            require(frequencyHz > 0 && Double.isFinite(frequencyHz), "frequency must be positive");
            field = field == null ? FieldType.PLANE_WAVE : field;
            require(field == FieldType.PLANE_WAVE || (sourceDistanceMm != null && sourceDistanceMm > 0),
                    "near-field forms need a positive source distance");
        }

        public static Input planeWave(double conductivitySPerM, double relativePermeability, double thicknessUm,
                                      double frequencyHz) {
            return new Input(conductivitySPerM, relativePermeability, thicknessUm, frequencyHz, FieldType.PLANE_WAVE, null);
        }
    }

    /**
     * @param skinDepthUm          δ, µm
     * @param absorptionDb         A, dB
     * @param reflectionDb         R for the requested field, dB
     * @param multipleReflectionDb B, dB (at most +0.583 dB, near t/δ = 1.14; strongly negative for thin films)
     * @param totalDb              A + R + B, floored at 0, dB
     */
    public record Result(double skinDepthUm, double absorptionDb, double reflectionDb, double multipleReflectionDb,
                         double totalDb) {
    }

    public static Result calculate(Input in) {
        double deltaM = skinDepthM(in.conductivitySPerM(), in.relativePermeability(), in.frequencyHz());
        double tM = in.thicknessUm() * 1e-6;
        double ratio = tM / deltaM;
        double a = DB_PER_NEPER * ratio;
        double r = reflectionDb(in);
        double b = multipleReflectionDb(ratio);
        double total = Math.max(0.0, a + r + b);
        return new Result(deltaM * 1e6, a, r, b, total);
    }

    /** δ = 1/√(π f μ0 μr σ), m. */
    public static double skinDepthM(double conductivitySPerM, double relativePermeability, double frequencyHz) {
        return 1.0 / Math.sqrt(Math.PI * frequencyHz * VACUUM_PERMEABILITY_H_PER_M * relativePermeability * conductivitySPerM);
    }

    /** Far-field reflection loss R = 168 + 10·log10(σr/(μr f)), dB. */
    public static double farFieldReflectionDb(double conductivitySPerM, double relativePermeability, double frequencyHz) {
        double sigmaR = conductivitySPerM / COPPER_CONDUCTIVITY_S_PER_M;
        return 168.0 + 10.0 * Math.log10(sigmaR / (relativePermeability * frequencyHz));
    }

    static double reflectionDb(Input in) {
        double far = farFieldReflectionDb(in.conductivitySPerM(), in.relativePermeability(), in.frequencyHz());
        if (in.field() == FieldType.PLANE_WAVE) {
            return far;
        }
        double sigmaR = in.conductivitySPerM() / COPPER_CONDUCTIVITY_S_PER_M;
        double mur = in.relativePermeability();
        double f = in.frequencyHz();
        double rM = in.sourceDistanceMm() * 1e-3;
        if (in.field() == FieldType.ELECTRIC_NEAR) {
            double re = 322.0 + 10.0 * Math.log10(sigmaR / (mur * f * f * f * rM * rM));
            return Math.max(re, far);
        }
        double rh = 14.6 + 10.0 * Math.log10(f * rM * rM * sigmaR / mur);
        return Math.max(0.0, Math.min(rh, far));
    }

    /** B = 20·log10|1 − e^(−2t/δ)·e^(−j2t/δ)| = 10·log10(1 − 2e^(−x)cos x + e^(−2x)), x = 2t/δ, dB. */
    public static double multipleReflectionDb(double thicknessOverSkinDepth) {
        double x = 2.0 * thicknessOverSkinDepth;
        double e = Math.exp(-x);
        // Re = 1 − e^(−x)·cos x, written without cancellation for small x: (1 − e^(−x)) + e^(−x)·2sin²(x/2).
        double halfSin = Math.sin(x / 2.0);
        double re = -Math.expm1(-x) + e * 2.0 * halfSin * halfSin;
        double im = e * Math.sin(x);
        return 10.0 * Math.log10(re * re + im * im);
    }

    /** The distance λ/2π at which a source's near field becomes a plane wave, mm. */
    public static double nearFarBoundaryMm(double frequencyHz) {
        return SPEED_OF_LIGHT_M_PER_S / (2.0 * Math.PI * frequencyHz) * 1000.0;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
