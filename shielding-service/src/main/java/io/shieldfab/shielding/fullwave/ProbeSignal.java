package io.shieldfab.shielding.fullwave;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
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
                rows.add(new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                        Double.parseDouble(f[3])});
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

    /**
     * |E(f)|: the magnitude of the field's Fourier transform at f, sqrt(|Ex(f)|² + |Ey(f)|² + |Ez(f)|²), each
     * component's transform the sum of x(tₙ)·e^(−j2πf·tₙ)·Δt over the samples (V/m·s).
     */
    public double magnitudeAt(double frequencyHz) {
        double dt = (timeS[timeS.length - 1] - timeS[0]) / (timeS.length - 1);
        double sum = 0;
        for (double[] x : new double[][] {ex, ey, ez}) {
            double re = 0;
            double im = 0;
            for (int n = 0; n < x.length; n++) {
                double phase = 2 * Math.PI * frequencyHz * timeS[n];
                re += x[n] * Math.cos(phase);
                im -= x[n] * Math.sin(phase);
            }
            sum += (re * re + im * im) * dt * dt;
        }
        return Math.sqrt(sum);
    }

    /**
     * The shielding effectiveness at f from a probe of the run with the can and the same probe of the reference
     * run without it: 20·log10(|E_reference(f)| / |E_can(f)|), dB (docs/shielding.md, "Full-wave model").
     */
    public static double shieldingDb(ProbeSignal withCan, ProbeSignal reference, double frequencyHz) {
        return 20 * Math.log10(reference.magnitudeAt(frequencyHz) / withCan.magnitudeAt(frequencyHz));
    }
}
