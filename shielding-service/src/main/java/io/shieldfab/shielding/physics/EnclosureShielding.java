package io.shieldfab.shielding.physics;

import org.apache.commons.math3.complex.Complex;

import static io.shieldfab.shielding.physics.PhysicalConstants.FREE_SPACE_IMPEDANCE_OHM;
import static io.shieldfab.shielding.physics.PhysicalConstants.SPEED_OF_LIGHT_M_PER_S;

/**
 * Shielding effectiveness of a rectangular enclosure with slot apertures in one wall, by the
 * transmission-line model of M. P. Robinson, T. M. Benson, C. Christopoulos, J. F. Dawson, M. D. Ganley,
 * A. C. Marvin, S. J. Porter and D. W. P. Thomas, "Analytical formulation for the shielding effectiveness
 * of enclosures with apertures", IEEE Trans. EMC 40(3), 240–248, 1998.
 *
 * <pre>
 *            b ┌──────────────────────┐        a: width of the aperture wall (along the slot)
 *   plane      │   ┌──l──┐            │ d      b: height of the aperture wall
 *   wave  →    │   └─w───┘  (slot)    │        d: depth of the box behind it; probe at p from the wall
 *            a └──────────────────────┘        t: wall thickness
 * </pre>
 *
 * The incident wave is a source V0 = 1 V with impedance Z0. The slot is a coplanar-strip line shorted at
 * both ends, of characteristic impedance (paper eq. for k = we/b &lt; 1/√2; note the FOURTH root of
 * 1 − (we/b)², which some transcriptions print as a square root)
 * <pre>  Z0s = 120π² / ln( 2·(1 + ⁴√(1 − (we/b)²)) / (1 − ⁴√(1 − (we/b)²)) )</pre>
 * and for we/b ≥ 1/√2 the complementary form Z0s = 120·ln(2·(1 + √k)/(1 − √k)) (Gupta, Garg, Bahl,
 * Microstrip Lines and Slotlines, 2nd ed., coplanar strips; both forms are Hilberg's approximation of
 * 120π·K(k)/K(k')), with the effective slot width we = w − (5t/4π)·(1 + ln(4πw/t)) for wall thickness t.
 * Aperture impedance Zap = ½·(l/a)·j·Z0s·tan(k0 l/2); for n identical slots side by side along the wall the
 * coupled fraction of the wall becomes n·l/a, so Zap is multiplied by n (no mutual coupling; reduces to the
 * paper for n = 1). The box is a TE10 waveguide shorted at z = d: Zg = Z0/√(1 − (λ/2a)²),
 * kg = k0·√(1 − (λ/2a)²). Thevenin source at the aperture v1 = V0·Zap/(Z0 + Zap), Z1 = Z0·Zap/(Z0 + Zap);
 * transferred to the probe at p: v2 = v1/(cos kg p + j(Z1/Zg) sin kg p),
 * Z2 = (Z1 + jZg tan kg p)/(1 + j(Z1/Zg) tan kg p), Z3 = jZg tan kg(d − p), vp = v2·Z3/(Z2 + Z3),
 * ip = v2/(Z2 + Z3); SE_E = −20·log10|2vp/V0|, SE_H = −20·log10|2ip·Z0/V0|.
 *
 * <p>Dielectric filling (ShieldFab extension, εr = 1 gives the paper): inside the box k = k0√εr and
 * Z = Z0/√εr; the slot sees air on one side and the filling on the other, so its line uses the quasi-static
 * εeff = (εr + 1)/2 of a slot between two half-spaces (Gupta et al., ibid.). Results are clamped to
 * ±300 dB: the lossless model is singular exactly at a resonance or at a field null.
 */
public final class EnclosureShielding {

    /** Clamp of the lossless model's singular points, dB. */
    public static final double CLAMP_DB = 300.0;

    private EnclosureShielding() {
    }

    /**
     * @param widthMm              a, width of the aperture wall along the slot, mm
     * @param heightMm             b, height of the aperture wall, mm
     * @param depthMm              d, depth of the enclosure, mm
     * @param apertureLengthMm     l, slot length along a, mm
     * @param apertureWidthMm      w, slot width along b, mm
     * @param wallThicknessMm      t, mm (&gt; 0)
     * @param apertureCount        n identical slots side by side (n·l ≤ a)
     * @param probeDistanceMm      p, distance of the probe from the aperture wall, mm (0 &lt; p &lt; d)
     * @param frequencyHz          f, Hz
     * @param relativePermittivity εr of the filling (≥ 1)
     */
    public record Input(double widthMm, double heightMm, double depthMm, double apertureLengthMm,
                        double apertureWidthMm, double wallThicknessMm, int apertureCount, double probeDistanceMm,
                        double frequencyHz, double relativePermittivity) {
        public Input {
            check(widthMm > 0 && heightMm > 0 && depthMm > 0, "enclosure dimensions must be positive");
            check(apertureLengthMm > 0 && apertureWidthMm > 0, "aperture dimensions must be positive");
            check(wallThicknessMm > 0, "wall thickness must be positive");
            check(apertureCount >= 1, "aperture count must be at least 1");
            check(apertureCount * apertureLengthMm <= widthMm * (1 + 1e-12), "the apertures must fit along the wall");
            check(apertureWidthMm < heightMm, "the aperture must be narrower than the wall height");
            check(probeDistanceMm > 0 && probeDistanceMm < depthMm, "the probe must be inside the enclosure");
            check(frequencyHz > 0 && Double.isFinite(frequencyHz), "frequency must be positive");
            check(relativePermittivity >= 1 && Double.isFinite(relativePermittivity), "εr must be ≥ 1");
            check(effectiveWidthMm(apertureWidthMm, wallThicknessMm) > 0,
                    "the wall is too thick for the slot width: the effective slot width we is not positive");
        }
    }

    /**
     * @param seElectricDb electric-field SE at the probe, dB (negative where a resonance amplifies)
     * @param seMagneticDb magnetic-field SE at the probe, dB
     */
    public record Result(double seElectricDb, double seMagneticDb) {
    }

    /** we = w − (5t/4π)·(1 + ln(4πw/t)), mm. */
    public static double effectiveWidthMm(double widthMm, double thicknessMm) {
        return widthMm - (5.0 * thicknessMm / (4.0 * Math.PI)) * (1.0 + Math.log(4.0 * Math.PI * widthMm / thicknessMm));
    }

    /** Characteristic impedance of the slot as a coplanar-strip line in air, Ω (k = we/b). */
    public static double slotImpedanceOhm(double k) {
        if (k < 1.0 / Math.sqrt(2.0)) {
            double q = Math.pow(1.0 - k * k, 0.25);
            return 120.0 * Math.PI * Math.PI / Math.log(2.0 * (1.0 + q) / (1.0 - q));
        }
        double s = Math.sqrt(k);
        return 120.0 * Math.log(2.0 * (1.0 + s) / (1.0 - s));
    }

    public static Result calculate(Input in) {
        double a = in.widthMm() * 1e-3;
        double b = in.heightMm() * 1e-3;
        double d = in.depthMm() * 1e-3;
        double l = in.apertureLengthMm() * 1e-3;
        double p = in.probeDistanceMm() * 1e-3;
        double we = effectiveWidthMm(in.apertureWidthMm(), in.wallThicknessMm()) * 1e-3;
        double er = in.relativePermittivity();

        double k0 = 2.0 * Math.PI * in.frequencyHz() / SPEED_OF_LIGHT_M_PER_S;
        double z0 = FREE_SPACE_IMPEDANCE_OHM;

        double eEff = (er + 1.0) / 2.0;
        double z0s = slotImpedanceOhm(we / b) / Math.sqrt(eEff);
        double ks = k0 * Math.sqrt(eEff);
        // Zap = n · ½(l/a) · j · Z0s · tan(ks l / 2)
        Complex zap = Complex.I.multiply(in.apertureCount() * 0.5 * (l / a) * z0s * Math.tan(ks * l / 2.0));

        Complex v0 = Complex.ONE;
        Complex zSum = zap.add(z0);
        Complex v1 = v0.multiply(zap).divide(zSum);
        Complex z1 = zap.multiply(z0).divide(zSum);

        // Guide filled with εr: k = k0√εr, Z = Z0/√εr; TE10 factor √(1 − (λ/2a)²), λ in the filling.
        double k = k0 * Math.sqrt(er);
        double zMedium = z0 / Math.sqrt(er);
        double lambda = 2.0 * Math.PI / k;
        double ratio = lambda / (2.0 * a);
        Complex root = new Complex(1.0 - ratio * ratio).sqrt();
        Complex zg = new Complex(zMedium).divide(root);
        Complex kg = root.multiply(k);

        Complex kgp = kg.multiply(p);
        Complex z1OverZg = z1.divide(zg);
        Complex v2 = v1.divide(kgp.cos().add(Complex.I.multiply(z1OverZg).multiply(kgp.sin())));
        Complex tanP = kgp.tan();
        Complex z2 = z1.add(Complex.I.multiply(zg).multiply(tanP))
                .divide(Complex.ONE.add(Complex.I.multiply(z1OverZg).multiply(tanP)));
        Complex z3 = Complex.I.multiply(zg).multiply(kg.multiply(d - p).tan());
        Complex z23 = z2.add(z3);
        Complex vp = v2.multiply(z3).divide(z23);
        Complex ip = v2.divide(z23);

        double seE = -20.0 * Math.log10(2.0 * vp.abs() / v0.abs());
        double seH = -20.0 * Math.log10(2.0 * ip.abs() * z0 / v0.abs());
        return new Result(clamp(seE), clamp(seH));
    }

    private static double clamp(double db) {
        if (Double.isNaN(db)) {
            return -CLAMP_DB;
        }
        return Math.max(-CLAMP_DB, Math.min(CLAMP_DB, db));
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
