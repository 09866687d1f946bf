package io.shieldfab.shielding.physics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Resonant modes of a closed rectangular cavity a × b × h filled with a dielectric of relative permittivity
 * εr (Pozar, Microwave Engineering, 4th ed., §6.3, eq. 6.40):
 * <pre>
 *   f_mnp = c / (2π√εr) · √((mπ/a)² + (nπ/b)² + (pπ/h)²) = c/(2√εr) · √((m/a)² + (n/b)² + (p/h)²)
 * </pre>
 * with z along h (the depth of the depression). TE_mnp needs p ≥ 1 and m, n not both 0; TM_mnp needs
 * m ≥ 1 and n ≥ 1 (p ≥ 0). Degenerate TE/TM pairs are both listed.
 *
 * <pre>
 *        ┌──────── a ────────┐
 *       ╱                   ╱│ h  (recess depth)
 *      ┌───────────────────┐ │
 *    b │   depression      │╱
 *      └───────────────────┘
 * </pre>
 */
public final class CavityModes {

    /** Largest (m+1)(n+1)(p+1) index box enumerated in one call. */
    public static final double ENUMERATION_BUDGET = 200_000;

    private CavityModes() {
    }

    /** Mode family with respect to the z (depth) axis. */
    public enum Family { TE, TM }

    /**
     * @param family      TE or TM (to z)
     * @param m           index along a
     * @param n           index along b
     * @param p           index along h
     * @param frequencyHz resonant frequency, Hz
     */
    public record Mode(Family family, int m, int n, int p, double frequencyHz) {
        /** e.g. {@code TM110}. */
        public String label() {
            return family.name() + m + n + p;
        }

        @Override
        public String toString() {
            return label() + "@" + String.format(Locale.ROOT, "%.4e", frequencyHz) + "Hz";
        }
    }

    /**
     * Every mode up to {@code maxFrequencyHz}, sorted by frequency then label, at most {@code limit} of them
     * (the top frequency is lowered when the index box would exceed {@link #ENUMERATION_BUDGET}).
     *
     * @param aMm                  cavity length, mm
     * @param bMm                  cavity width, mm
     * @param hMm                  cavity depth, mm
     * @param relativePermittivity εr of the filling (≥ 1)
     */
    public static List<Mode> modes(double aMm, double bMm, double hMm, double relativePermittivity,
                                   double maxFrequencyHz, int limit) {
        if (!(aMm > 0 && bMm > 0 && hMm > 0 && relativePermittivity >= 1 && maxFrequencyHz > 0)) {
            throw new IllegalArgumentException("cavity dimensions, εr and frequency must be positive");
        }
        double base = PhysicalConstants.SPEED_OF_LIGHT_M_PER_S / (2.0 * Math.sqrt(relativePermittivity));
        double a = aMm * 1e-3;
        double b = bMm * 1e-3;
        double h = hMm * 1e-3;
        // f_mnp ≥ base·m/a, so m ≤ fmax·a/base, likewise n and p. The index box is kept within
        // ENUMERATION_BUDGET by lowering the top frequency (a huge cavity at a huge frequency has millions of
        // modes; the caller only ever wants the lowest `limit`).
        int mMax;
        int nMax;
        int pMax;
        while (true) {
            mMax = (int) Math.floor(maxFrequencyHz * a / base);
            nMax = (int) Math.floor(maxFrequencyHz * b / base);
            pMax = (int) Math.floor(maxFrequencyHz * h / base);
            if ((double) (mMax + 1) * (nMax + 1) * (pMax + 1) <= ENUMERATION_BUDGET) {
                break;
            }
            maxFrequencyHz *= 0.8;
        }
        List<Mode> out = new ArrayList<>();
        for (int m = 0; m <= mMax; m++) {
            for (int n = 0; n <= nMax; n++) {
                for (int p = 0; p <= pMax; p++) {
                    double f = modeFrequency(base, a, b, h, m, n, p);
                    if (f > maxFrequencyHz || f == 0) {
                        continue;
                    }
                    if (p >= 1 && (m > 0 || n > 0)) {
                        out.add(new Mode(Family.TE, m, n, p, f));
                    }
                    if (m >= 1 && n >= 1) {
                        out.add(new Mode(Family.TM, m, n, p, f));
                    }
                }
            }
        }
        out.sort(Comparator.comparingDouble(Mode::frequencyHz).thenComparing(Mode::label));
        return out.size() > limit ? List.copyOf(out.subList(0, limit)) : List.copyOf(out);
    }

    /** True when {@link #modes} can enumerate every mode up to {@code maxFrequencyHz} within the budget. */
    public static boolean enumerable(double aMm, double bMm, double hMm, double relativePermittivity, double maxFrequencyHz) {
        double base = PhysicalConstants.SPEED_OF_LIGHT_M_PER_S / (2.0 * Math.sqrt(relativePermittivity));
        double m = Math.floor(maxFrequencyHz * aMm * 1e-3 / base) + 1;
        double n = Math.floor(maxFrequencyHz * bMm * 1e-3 / base) + 1;
        double p = Math.floor(maxFrequencyHz * hMm * 1e-3 / base) + 1;
        return m * n * p <= ENUMERATION_BUDGET;
    }

    /** f_mnp of an εr-filled a × b × h cavity (mm), Hz. */
    public static double frequencyHz(double aMm, double bMm, double hMm, double relativePermittivity, int m, int n, int p) {
        double base = PhysicalConstants.SPEED_OF_LIGHT_M_PER_S / (2.0 * Math.sqrt(relativePermittivity));
        return modeFrequency(base, aMm * 1e-3, bMm * 1e-3, hMm * 1e-3, m, n, p);
    }

    private static double modeFrequency(double base, double a, double b, double h, int m, int n, int p) {
        double x = m / a;
        double y = n / b;
        double z = p / h;
        return base * Math.sqrt(x * x + y * y + z * z);
    }
}
