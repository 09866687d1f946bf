package io.shieldfab.shielding.fullwave;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The time series of one openEMS E-field probe (an E-field {@code ProbeBox}, Type 2): the time in s and Ex, Ey, Ez in
 * V/m, one sample per line after the {@code %} comment lines, as openEMS writes it.
 *
 * @param timeS the sample times, s (uniform steps)
 * @param ex    Ex, V/m
 * @param ey    Ey, V/m
 * @param ez    Ez, V/m
 */
public record ProbeSignal(double[] timeS, double[] ex, double[] ey, double[] ez) {

    /** Samples between two exact phasors in {@link #magnitudeAt}: the turned one drifts by rounding in between. */
    static final int ANCHOR = 1024;

    /** Reads a probe file; a line that is not four numbers is an error naming it. */
    public static ProbeSignal read(Reader in) throws IOException {
        List<double[]> rows = new ArrayList<>();
        BufferedReader lines = new BufferedReader(in);
        int number = 0;
        for (String line; (line = lines.readLine()) != null; ) {
            number++;
            String t = line.trim();
            if (t.isEmpty() || t.startsWith("%")) {
                continue;
            }
            String[] f = t.split("\\s+");
            if (f.length != 4) {
                throw new IOException("line " + number + " of the probe is not 't Ex Ey Ez': " + t);
            }
            try {
                rows.add(new double[] {number(f[0]), number(f[1]), number(f[2]), number(f[3])});
            } catch (NumberFormatException e) {
                throw new IOException("line " + number + " of the probe is not 't Ex Ey Ez': " + t, e);
            }
        }
        if (rows.size() < 2) {
            throw new IOException("the probe has " + rows.size() + " samples; a spectrum needs two at least");
        }
        double[][] c = new double[4][rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            for (int k = 0; k < 4; k++) {
                c[k][i] = rows.get(i)[k];
            }
        }
        return new ProbeSignal(c[0], c[1], c[2], c[3]);
    }

    /** A number as C++ streams write it: also {@code nan}, {@code -nan}, {@code inf}, {@code -inf}. */
    private static double number(String text) {
        return switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "nan", "-nan", "+nan" -> Double.NaN;
            case "inf", "+inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }

    /**
     * |E(f)|: the magnitude of the field's Fourier transform at f, sqrt(|Ex(f)|² + |Ey(f)|² + |Ez(f)|²), each
     * component's transform the sum of x(tₙ)·e^(−j2πf·tₙ)·Δt over the samples (V/m·s), Δt the mean spacing (the
     * SE is a ratio of two runs sampled alike, so the weight cancels). openEMS writes a sample every few time steps
     * after a first one at t = 0, so the spacing is uniform but for the first gap: e^(−j2πf·tₙ) is worked out
     * exactly at the start, wherever the spacing changes and every {@value #ANCHOR} samples, and turned by
     * e^(−j2πf·h) from one sample to the next in between (one complex product a sample instead of a sine and a
     * cosine: a run is read at a hundred frequencies).
     */
    public double magnitudeAt(double frequencyHz) {
        return magnitude(transformAt(frequencyHz));
    }

    /**
     * The field's Fourier transform at f as {@link #magnitudeAt} sums it, per component: {re Ex, im Ex, re Ey, im Ey,
     * re Ez, im Ez}, V/m·s.
     */
    public double[] transformAt(double frequencyHz) {
        int n = timeS.length;
        double dt = meanStepS();
        double w = 2 * Math.PI * frequencyHz;
        double[] sum = new double[6];
        double h = Double.NaN;
        double stepRe = 1;
        double stepIm = 0;
        double pRe = 0;
        double pIm = 0;
        for (int i = 0; i < n; i++) {
            double gap = i == 0 ? Double.NaN : timeS[i] - timeS[i - 1];
            boolean newSpacing = i > 0 && !(Math.abs(gap - h) <= 1e-6 * Math.abs(gap));
            if (i % ANCHOR == 0 || newSpacing) {
                pRe = Math.cos(w * timeS[i]);
                pIm = -Math.sin(w * timeS[i]);
            }
            if (newSpacing) {
                h = gap;
                stepRe = Math.cos(w * h);
                stepIm = -Math.sin(w * h);
            }
            sum[0] += ex[i] * pRe;
            sum[1] += ex[i] * pIm;
            sum[2] += ey[i] * pRe;
            sum[3] += ey[i] * pIm;
            sum[4] += ez[i] * pRe;
            sum[5] += ez[i] * pIm;
            double next = pRe * stepRe - pIm * stepIm;
            pIm = pRe * stepIm + pIm * stepRe;
            pRe = next;
        }
        for (int k = 0; k < 6; k++) {
            sum[k] *= dt;
        }
        return sum;
    }

    /** The mean spacing of the samples, s: the weight of each in {@link #transformAt}. */
    public double meanStepS() {
        return (timeS[timeS.length - 1] - timeS[0]) / (timeS.length - 1);
    }

    /**
     * The time the samples stand for, n·h, s: the transform of a record this long resolves frequencies 1/(n·h)
     * apart.
     */
    public double durationS() {
        return timeS.length * meanStepS();
    }

    /** The length of a vector of phasors as {@link #transformAt} gives them. */
    public static double magnitude(double[] phasors) {
        double sum = 0;
        for (double v : phasors) {
            sum += v * v;
        }
        return Math.sqrt(sum);
    }

    /** The first {@code n} samples: what a run cut off there would have written (the solver is causal). */
    public ProbeSignal firstSamples(int n) {
        return new ProbeSignal(Arrays.copyOf(timeS, n), Arrays.copyOf(ex, n), Arrays.copyOf(ey, n),
                Arrays.copyOf(ez, n));
    }

    /** Component k (0 = Ex, 1 = Ey, 2 = Ez). */
    double[] component(int k) {
        return switch (k) {
            case 0 -> ex;
            case 1 -> ey;
            case 2 -> ez;
            default -> throw new IllegalArgumentException("component " + k);
        };
    }

    /**
     * How far the field has died away by the end: the largest |E| in the last {@code fraction} of the samples against
     * the largest over all, dB (0 when the end holds the peak; −∞ for a field that is zero there).
     */
    public double tailDb(double fraction) {
        return windowDb(1 - fraction, 1);
    }

    /**
     * The largest |E| in the samples from the share {@code from} of the run up to the share {@code to} (exclusive,
     * the last sample included when {@code to} is 1) against the largest over all, dB: NaN when that share holds no
     * sample, −∞ for a field that is zero there.
     */
    public double windowDb(double from, double to) {
        int lo = (int) Math.floor(timeS.length * from);
        int hi = (int) Math.floor(timeS.length * to);
        if (lo >= hi) {
            return Double.NaN;
        }
        double peak = 0;
        double window = 0;
        for (int i = 0; i < timeS.length; i++) {
            double e = Math.sqrt(ex[i] * ex[i] + ey[i] * ey[i] + ez[i] * ez[i]);
            peak = Math.max(peak, e);
            if (i >= lo && i < hi) {
                window = Math.max(window, e);
            }
        }
        return peak == 0 ? Double.NEGATIVE_INFINITY : 20 * Math.log10(window / peak);
    }

    /** Whether every sample is a finite number: a diverging FDTD run writes NaN or infinity. */
    public boolean finite() {
        for (double[] c : new double[][] {ex, ey, ez}) {
            for (double v : c) {
                if (!Double.isFinite(v)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * The shielding effectiveness at f from a probe of the run with the can and the same probe of the reference
     * run without it: 20·log10(|E_reference(f)| / |E_can(f)|), dB (docs/shielding.md, "Full-wave model").
     */
    public static double shieldingDb(ProbeSignal withCan, ProbeSignal reference, double frequencyHz) {
        return 20 * Math.log10(reference.magnitudeAt(frequencyHz) / withCan.magnitudeAt(frequencyHz));
    }
}
