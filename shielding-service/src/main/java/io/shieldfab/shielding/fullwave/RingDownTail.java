package io.shieldfab.shielding.fullwave;

import org.apache.commons.math3.exception.MathArithmeticException;
import org.apache.commons.math3.exception.MathIllegalArgumentException;
import org.apache.commons.math3.exception.MathIllegalStateException;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.BlockRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The part of the can's ring-down a run cut off, from the decaying modes fitted to the run's last part
 * (docs/shielding.md, "Ring-down tail"). Once the source has died away the field at the probes is a sum of the can's
 * damped modes, E(t) = Σ aᵢ·e^(sᵢ·(t − t₀)); the poles sᵢ, shared by every probe and component (15 channels), come
 * from the matrix pencil method (Hua and Sarkar 1990, docs/physics.md): the channels' Hankel matrices stacked, their
 * right singular vectors of singular values above {@link #SINGULAR_VALUE_TOLERANCE} of the largest, the eigenvalues of
 * the shifted pencil.
 * Poles outside the unit circle grow, and over a window where the field only decays they fit noise: they are left
 * out and the amplitudes fitted to the rest by least squares. The samples are first taken every
 * {@link #DECIMATED_STEP_S} (the pulse excites nothing near the 50 GHz that leaves: its spectrum is 30 decades down at
 * 40 GHz for the highest source frequency the model makes).
 *
 * <p>Each mode's share of the spectrum after the run's last sample T is then exact: the samples the run would have
 * gone on to write, h apart, summed as the DFT sums them (a geometric series),
 * aᵢ·e^(sᵢ(T − t₀))·e^(−jωT)·h·q/(1 − q), q = e^((sᵢ − jω)h). The fit is only a ring-down when a few modes
 * describe the window: not when every singular value is kept, nor when more than {@link #MAX_RESIDUAL} of the
 * window's field is left unexplained ({@link #isRingDown}).
 *
 * @param fromS        the first sample of the fit, s
 * @param untilS       the run's last sample T, s
 * @param samples      how many samples were fitted
 * @param poleRe       the decaying modes' poles, real part (−1/decay time), 1/s
 * @param poleIm       the poles' imaginary part (ω of the mode), rad/s; conjugate pairs both listed
 * @param amplitudeRe  amplitude of mode i in channel c at {@code fromS}, real part: [i][c]
 * @param amplitudeIm  its imaginary part
 * @param channels     the probes' names in channel order, three channels (Ex, Ey, Ez) each
 * @param residual     ‖fit − samples‖ / ‖samples‖ over the window
 * @param growingPoles how many growing poles were left out
 * @param fullRank     whether every singular value was kept (the window is noise or not a small set of modes)
 */
public record RingDownTail(double fromS, double untilS, int samples, double[] poleRe,
                           double[] poleIm, double[][] amplitudeRe, double[][] amplitudeIm, List<String> channels,
                           double residual, int growingPoles, boolean fullRank) {

    /** The spacing the samples are taken at for the fit, s (100 GHz). */
    static final double DECIMATED_STEP_S = 1e-11;

    /** Singular values kept: those above this share of the largest (Hua and Sarkar's choice of model order). */
    static final double SINGULAR_VALUE_TOLERANCE = 1e-2;

    /** Most samples fitted (the last ones): the stacked Hankel matrix is 15·(2n/3) × n/3. */
    static final int MAX_SAMPLES = 600;

    /** Fewest samples a fit is tried on. */
    static final int MIN_SAMPLES = 24;

    /** A window with more of its field unexplained is not a ring-down. */
    public static final double MAX_RESIDUAL = 0.1;

    /**
     * The modes of the probes' samples from {@code fromS} to their end (at most the last {@link #MAX_SAMPLES}
     * decimated ones); every probe sampled alike, as one run writes them.
     *
     * @throws IllegalArgumentException when the window holds fewer than {@link #MIN_SAMPLES} samples
     */
    public static RingDownTail fit(Map<String, ProbeSignal> probes, double fromS) {
        TreeMap<String, ProbeSignal> sorted = new TreeMap<>(probes);
        double[] t = sorted.firstEntry().getValue().timeS();
        double h = t[t.length - 1] - t[t.length - 2];
        int step = Math.max(1, (int) Math.round(DECIMATED_STEP_S / h));
        // the picks end on the last sample, so the window is the run's end; counted back from it
        List<Integer> picks = new ArrayList<>();
        for (int i = t.length - 1; i >= 0 && t[i] >= fromS && picks.size() < MAX_SAMPLES; i -= step) {
            picks.add(0, i);
        }
        int n = picks.size();
        if (n < MIN_SAMPLES) {
            throw new IllegalArgumentException("the window from " + fromS + " s holds " + n
                    + " samples; a ring-down fit needs " + MIN_SAMPLES);
        }
        double dt = t[picks.get(1)] - t[picks.get(0)];
        List<String> names = new ArrayList<>();
        double[][] channels = new double[3 * sorted.size()][n];
        int c = 0;
        for (Map.Entry<String, ProbeSignal> e : sorted.entrySet()) {
            names.add(e.getKey());
            for (int k = 0; k < 3; k++, c++) {
                double[] x = e.getValue().component(k);
                for (int j = 0; j < n; j++) {
                    channels[c][j] = x[picks.get(j)];
                }
            }
        }
        try {
            return pencil(channels, dt, t[picks.get(0)], t[t.length - 1], names);
        } catch (MathIllegalStateException | MathArithmeticException e) {
            throw new IllegalArgumentException("the ring-down's modes could not be fitted: " + e.getMessage(), e);
        } catch (MathIllegalArgumentException e) {
            throw new IllegalArgumentException("the ring-down's modes could not be fitted: " + e.getMessage()
                    + " (the window's samples are not independent)", e);
        }
    }

    /** The decaying poles (per fitted sample) of the pencil, the growing ones counted, and whether it is full rank. */
    private record Poles(List<double[]> decaying, int growing, boolean fullRank) {
    }

    private static Poles poles(double[][] channels) {
        int n = channels[0].length;
        int depth = n / 3;
        int rowsPerChannel = n - depth;
        double[][] hankel = new double[channels.length * rowsPerChannel][depth + 1];
        for (int c = 0; c < channels.length; c++) {
            for (int r = 0; r < rowsPerChannel; r++) {
                System.arraycopy(channels[c], r, hankel[c * rowsPerChannel + r], 0, depth + 1);
            }
        }
        // the right singular vectors of the Hankel matrix Y are the eigenvectors of YᵀY, its singular values the
        // square roots of their eigenvalues: a symmetric (depth + 1)² problem, some twenty times faster than the SVD
        // of the 15·(2n/3) × n/3 matrix itself; the kept singular values (above 1 % of the largest) are eigenvalues
        // above 1e-4 of the largest, far above double rounding
        RealMatrix y = new BlockRealMatrix(hankel);
        EigenDecomposition gram = new EigenDecomposition(y.transpose().multiply(y));
        double[] eigenvalues = gram.getRealEigenvalues();
        Integer[] byValue = new Integer[eigenvalues.length];
        for (int i = 0; i < byValue.length; i++) {
            byValue[i] = i;
        }
        Arrays.sort(byValue, (a, b) -> Double.compare(eigenvalues[b], eigenvalues[a]));
        double largest = Math.max(0, eigenvalues[byValue[0]]);
        int order = 0;
        while (order < byValue.length && eigenvalues[byValue[order]] > largest * SINGULAR_VALUE_TOLERANCE
                * SINGULAR_VALUE_TOLERANCE) {
            order++;
        }
        double[] zr = new double[0];
        double[] zi = new double[0];
        // a window of zeros has no singular value above zero, and no mode
        if (order > 0) {
            RealMatrix v = new Array2DRowRealMatrix(depth + 1, order);
            for (int j = 0; j < order; j++) {
                v.setColumnVector(j, gram.getEigenvector(byValue[j]));
            }
            RealMatrix shifted = new QRDecomposition(v.getSubMatrix(0, depth - 1, 0, order - 1)).getSolver()
                    .solve(v.getSubMatrix(1, depth, 0, order - 1));
            EigenDecomposition eig = new EigenDecomposition(shifted);
            zr = eig.getRealEigenvalues();
            zi = eig.getImagEigenvalues();
        }
        // decaying poles only; of a conjugate pair the one above the axis stands for both in the real basis
        List<double[]> decaying = new ArrayList<>();
        int growing = 0;
        for (int i = 0; i < zr.length; i++) {
            if (Math.hypot(zr[i], zi[i]) >= 1) {
                growing++;
            } else if (zi[i] >= 0) {
                decaying.add(new double[] {zr[i], zi[i]});
            }
        }
        return new Poles(decaying, growing, order >= depth);
    }

    /** A real basis over n samples: z^k for a real pole, Re z^k and Im z^k for a pair; one column each. */
    private static double[][] realBasis(List<double[]> poles, int n) {
        int columns = 0;
        for (double[] z : poles) {
            columns += z[1] == 0 ? 1 : 2;
        }
        double[][] b = new double[n][columns];
        int col = 0;
        for (double[] z : poles) {
            double pr = 1;
            double pi = 0;
            for (int k = 0; k < n; k++) {
                b[k][col] = pr;
                if (z[1] != 0) {
                    b[k][col + 1] = pi;
                }
                double next = pr * z[0] - pi * z[1];
                pi = pr * z[1] + pi * z[0];
                pr = next;
            }
            col += z[1] == 0 ? 1 : 2;
        }
        return b;
    }

    private static RingDownTail pencil(double[][] channels, double dt, double fromS, double untilS,
                                       List<String> names) {
        int n = channels[0].length;
        Poles found = poles(channels);
        double[][] b = realBasis(found.decaying(), n);
        int modes = b[0].length;
        double[] poleRe = new double[modes];
        double[] poleIm = new double[modes];
        double[][] ampRe = new double[modes][channels.length];
        double[][] ampIm = new double[modes][channels.length];
        double residual = 1;
        if (modes > 0) {
            RealMatrix design = new Array2DRowRealMatrix(b, false);
            RealMatrix target = new Array2DRowRealMatrix(channels, false).transpose();
            RealMatrix coefficients = new QRDecomposition(design).getSolver().solve(target);
            double norm = target.getFrobeniusNorm();
            residual = norm == 0 ? 0 : design.multiply(coefficients).subtract(target).getFrobeniusNorm() / norm;
            // c1·Re z^k + c2·Im z^k = a·z^k + conj(a)·conj(z)^k with a = (c1 − j·c2)/2; a negative real pole
            // alternates from sample to sample: a mode at the fitted samples' Nyquist
            int m = 0;
            for (double[] z : found.decaying()) {
                double sRe = Math.log(Math.hypot(z[0], z[1])) / dt;
                double sIm = Math.atan2(z[1], z[0]) / dt;
                poleRe[m] = sRe;
                poleIm[m] = sIm;
                if (z[1] == 0) {
                    for (int c = 0; c < channels.length; c++) {
                        ampRe[m][c] = coefficients.getEntry(m, c);
                    }
                    m++;
                } else {
                    poleRe[m + 1] = sRe;
                    poleIm[m + 1] = -sIm;
                    for (int c = 0; c < channels.length; c++) {
                        double c1 = coefficients.getEntry(m, c);
                        double c2 = coefficients.getEntry(m + 1, c);
                        ampRe[m][c] = c1 / 2;
                        ampIm[m][c] = -c2 / 2;
                        ampRe[m + 1][c] = c1 / 2;
                        ampIm[m + 1][c] = c2 / 2;
                    }
                    m += 2;
                }
            }
        }
        return new RingDownTail(fromS, untilS, n, poleRe, poleIm, ampRe, ampIm, List.copyOf(names), residual,
                found.growing(), found.fullRank());
    }

    /**
     * Whether a few decaying modes describe the window: some found, not every singular value kept, at most 10 %
     * unexplained.
     */
    public boolean isRingDown() {
        return modes() > 0 && !fullRank && residual <= MAX_RESIDUAL;
    }

    /**
     * The mode strongest at the run's end, its amplitudes over every channel at T (|aᵢ|·e^(Re sᵢ·(T − t₀))); −1
     * without modes.
     */
    public int dominantMode() {
        int best = -1;
        double strongest = -1;
        for (int i = 0; i < poleRe.length; i++) {
            double sum = 0;
            for (int c = 0; c < amplitudeRe[i].length; c++) {
                sum += amplitudeRe[i][c] * amplitudeRe[i][c] + amplitudeIm[i][c] * amplitudeIm[i][c];
            }
            double atEnd = Math.sqrt(sum) * Math.exp(poleRe[i] * (untilS - fromS));
            if (atEnd > strongest) {
                strongest = atEnd;
                best = i;
            }
        }
        return best;
    }

    /** The modes fitted (a conjugate pair counts two). */
    public int modes() {
        return poleRe.length;
    }

    /**
     * What the samples after T, {@code stepS} apart, add to a probe's transform at f as {@link ProbeSignal#transformAt}
     * sums it, weighted by {@code weightS}: {re Ex, im Ex, re Ey, im Ey, re Ez, im Ez}, V/m·s.
     */
    private double[] transformAt(String probe, double frequencyHz, double stepS, double weightS) {
        int first = 3 * channels.indexOf(probe);
        if (first < 0) {
            throw new IllegalArgumentException("no probe " + probe + " in the fit");
        }
        double w = 2 * Math.PI * frequencyHz;
        double[] sum = new double[6];
        for (int i = 0; i < poleRe.length; i++) {
            // e^(s(T − t0)) · e^(−jωT)
            double grow = Math.exp(poleRe[i] * (untilS - fromS));
            double phase = poleIm[i] * (untilS - fromS) - w * untilS;
            double fRe = grow * Math.cos(phase);
            double fIm = grow * Math.sin(phase);
            // q/(1 − q), q = e^((s − jω)h)
            double qMag = Math.exp(poleRe[i] * stepS);
            double qRe = qMag * Math.cos((poleIm[i] - w) * stepS);
            double qIm = qMag * Math.sin((poleIm[i] - w) * stepS);
            double dRe = 1 - qRe;
            double dIm = -qIm;
            double d2 = dRe * dRe + dIm * dIm;
            double gRe = (qRe * dRe + qIm * dIm) / d2;
            double gIm = (qIm * dRe - qRe * dIm) / d2;
            double factorRe = (fRe * gRe - fIm * gIm) * weightS;
            double factorIm = (fRe * gIm + fIm * gRe) * weightS;
            for (int k = 0; k < 3; k++) {
                double aRe = amplitudeRe[i][first + k];
                double aIm = amplitudeIm[i][first + k];
                sum[2 * k] += aRe * factorRe - aIm * factorIm;
                sum[2 * k + 1] += aRe * factorIm + aIm * factorRe;
            }
        }
        return sum;
    }

    /**
     * What the tail adds to a probe's transform at f: the samples after the run's last, spaced as its last two and
     * weighted as {@link ProbeSignal#transformAt} weights them.
     */
    public double[] tailAt(String probe, ProbeSignal signal, double frequencyHz) {
        double[] t = signal.timeS();
        return transformAt(probe, frequencyHz, t[t.length - 1] - t[t.length - 2], signal.meanStepS());
    }

    /** The probe's transform at f over the run and the tail after it: what a run past the ring-down would sum. */
    public double[] completed(String probe, ProbeSignal signal, double frequencyHz) {
        return plus(signal.transformAt(frequencyHz), tailAt(probe, signal, frequencyHz));
    }

    /** {@code a + b}, phasor by phasor, in {@code a}. */
    static double[] plus(double[] a, double[] b) {
        for (int k = 0; k < a.length; k++) {
            a[k] += b[k];
        }
        return a;
    }
}
