package io.shieldfab.shielding.fullwave;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ProbeSignalTest {

    /** An openEMS probe file of Ez = a·cos(2πf·t), n samples Δt apart, Ex = Ey = 0. */
    static String probe(double a, double f, double dt, int n) {
        StringBuilder s = new StringBuilder("% time-domain electric field probe by openEMS v0.0.35\n"
                + "% t/s\tEx/(V/m)\tEy/(V/m)\tEz/(V/m)\n");
        for (int i = 0; i < n; i++) {
            double t = i * dt;
            s.append(String.format(Locale.ROOT, "%.12e\t0\t0\t%.12e%n", t, a * Math.cos(2 * Math.PI * f * t)));
        }
        return s.toString();
    }

    @Test
    void aCosineOverWholePeriodsHasHalfItsAmplitudeTimesTheDurationAtItsFrequency() throws IOException {
        // Ez = 2·cos(2π·1 GHz·t), Δt = 10 ps, 1,000 samples = 10 ns = 10 whole periods:
        // Σ 2·cos²(ωtₙ)·Δt = 2 · (N/2) · Δt = 1,000 · 10 ps = 1e-8 V/m·s; the sine part sums to 0.
        ProbeSignal s = ProbeSignal.read(new StringReader(probe(2, 1e9, 1e-11, 1000)));
        assertThat(s.timeS()).hasSize(1000);
        assertThat(s.magnitudeAt(1e9)).isCloseTo(1e-8, within(1e-12));
        // at 2 GHz, another whole number of periods: orthogonal, nothing
        assertThat(s.magnitudeAt(2e9)).isLessThan(1e-12);
    }

    @Test
    void aTenfoldWeakerFieldWithTheCanIsTwentyDecibels() throws IOException {
        ProbeSignal reference = ProbeSignal.read(new StringReader(probe(1, 5e9, 1e-12, 2000)));
        ProbeSignal withCan = ProbeSignal.read(new StringReader(probe(0.1, 5e9, 1e-12, 2000)));
        // 20·log10(10) = 20 dB
        assertThat(ProbeSignal.shieldingDb(withCan, reference, 5e9)).isCloseTo(20.0, within(1e-9));
    }

    @Test
    void samplesAsOpenEmsSpacesThemGiveTheDirectSum() {
        // openEMS: a first sample at t = 0, the next 1,872 steps later, then one every 78 steps of 6.52087e-14 s;
        // 5,000 samples of a decaying field. The transform must equal Σ x(tₙ)·e^(−j2πf·tₙ)·Δt summed directly
        // with a sine and a cosine at every sample (the definition), to rounding.
        int n = 5000;
        double step = 78 * 6.52087e-14;
        double[] t = new double[n];
        double[][] e = new double[3][n];
        for (int i = 1; i < n; i++) {
            t[i] = 1872 * 6.52087e-14 + (i - 1) * step;
            e[0][i] = Math.exp(-t[i] / 1e-9) * Math.sin(2 * Math.PI * 21.6e9 * t[i]);
            e[1][i] = 0.3 * Math.cos(2 * Math.PI * 3.1e9 * t[i] + 0.4);
            e[2][i] = Math.exp(-t[i] / 3e-10);
        }
        ProbeSignal s = new ProbeSignal(t, e[0], e[1], e[2]);
        for (double f : new double[] {2.45e9, 12.25e9, 21.6e9, 24.5e9}) {
            double dt = (t[n - 1] - t[0]) / (n - 1);
            double sum = 0;
            for (double[] x : e) {
                double re = 0;
                double im = 0;
                for (int i = 0; i < n; i++) {
                    re += x[i] * Math.cos(2 * Math.PI * f * t[i]);
                    im -= x[i] * Math.sin(2 * Math.PI * f * t[i]);
                }
                sum += re * re + im * im;
            }
            double direct = Math.sqrt(sum) * dt;
            assertThat(s.magnitudeAt(f)).as("%s Hz", f).isCloseTo(direct, within(direct * 1e-9));
        }
    }

    @Test
    void aLineThatIsNotFourNumbersIsRefusedNamingIt() {
        assertThatThrownBy(() -> ProbeSignal.read(new StringReader("% header\n0 0 0 0\n1e-12 0 x 0\n")))
                .isInstanceOf(IOException.class).hasMessageContaining("line 3");
        assertThatThrownBy(() -> ProbeSignal.read(new StringReader("% only a header\n")))
                .isInstanceOf(IOException.class).hasMessageContaining("0 samples");
    }
}
