package io.shieldfab.shielding.fullwave;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class RingDownTailTest {

    /** openEMS's probe spacing in the Wi-Fi model: 78 steps of 6.52087e-14 s. */
    static final double H = 78 * 6.52087e-14;

    /**
     * Five probes of a can ringing in two modes, 13.6 GHz with τ = 2 ns and 21.62 GHz with τ = 0.7 ns (the Wi-Fi
     * can's TM110 and its first resonance: docs/shielding.md), each probe and component with its own amplitudes and
     * phases, sampled H apart for {@code samples} samples.
     */
    static Map<String, ProbeSignal> ringing(int samples) {
        Map<String, ProbeSignal> probes = new LinkedHashMap<>();
        String[] names = {"E_xmax", "E_xmin", "E_ymax", "E_ymin", "E_top"};
        for (int p = 0; p < names.length; p++) {
            double[] t = new double[samples];
            double[][] e = new double[3][samples];
            for (int i = 0; i < samples; i++) {
                t[i] = i * H;
                for (int k = 0; k < 3; k++) {
                    double a1 = 1 + 0.3 * p - 0.2 * k;
                    double a2 = 0.5 + 0.1 * k * p;
                    e[k][i] = a1 * Math.exp(-t[i] / 2e-9) * Math.cos(2 * Math.PI * 13.6e9 * t[i] + 0.3 * p + k)
                            + a2 * Math.exp(-t[i] / 0.7e-9) * Math.sin(2 * Math.PI * 21.62e9 * t[i] - 0.7 * k);
                }
            }
            probes.put(names[p], new ProbeSignal(t, e[0], e[1], e[2]));
        }
        return probes;
    }

    @Test
    void twoModesFittedFromHalfARunGiveTheTransformOfARunPastTheirRingDown() {
        // 384 samples: 1.95 ns, as the CI's 30,000-step Wi-Fi run; fitted from 0.98 ns on (96 samples 10.2 ps
        // apart). The same signals sampled for 40,000 samples (203 ns, 101 decay times of the slower mode: its field
        // e^-101 of its start) are the run past the ring-down whose transform the completed one must equal.
        Map<String, ProbeSignal> run = ringing(384);
        Map<String, ProbeSignal> past = ringing(40_000);
        double until = 383 * H;
        RingDownTail tail = RingDownTail.fit(run, until / 2);

        assertThat(tail.isRingDown()).isTrue();
        assertThat(tail.residual()).isLessThan(1e-6);
        assertThat(tail.growingPoles()).isZero();
        assertThat(tail.modes()).isEqualTo(4);
        for (int i = 0; i < tail.modes(); i++) {
            double f = Math.abs(tail.poleIm()[i]) / (2 * Math.PI);
            double tau = -1 / tail.poleRe()[i];
            if (Math.abs(f - 13.6e9) < 1e7) {
                assertThat(tau).isCloseTo(2e-9, within(1e-15));
            } else {
                assertThat(f).isCloseTo(21.62e9, within(1e3));
                assertThat(tau).isCloseTo(0.7e-9, within(1e-15));
            }
        }
        for (double f : new double[] {2.45e9, 7.35e9, 13.6e9, 21.62e9, 24.5e9}) {
            for (Map.Entry<String, ProbeSignal> e : run.entrySet()) {
                double[] completed = tail.completed(e.getKey(), e.getValue(), f);
                double[] long_ = past.get(e.getKey()).transformAt(f);
                double truth = ProbeSignal.magnitude(long_);
                for (int k = 0; k < 6; k++) {
                    assertThat(completed[k]).as("%s %s Hz, part %d", e.getKey(), f, k)
                            .isCloseTo(long_[k], within(truth * 1e-7));
                }
                // without the tail the truncated transform is far off: the slower mode is still at e^-0.97 of its
                // start at the cut
                assertThat(Math.abs(ProbeSignal.magnitude(e.getValue().transformAt(f)) - truth))
                        .isGreaterThan(truth * 1e-3);
            }
        }
    }

    @Test
    void noiseIsNotARingDown() {
        // white noise has no small set of modes: either every singular value is kept or most of it is unexplained
        Random random = new Random(20261204);
        Map<String, ProbeSignal> probes = new LinkedHashMap<>();
        for (String name : new String[] {"E_xmax", "E_xmin", "E_ymax", "E_ymin", "E_top"}) {
            double[] t = new double[384];
            double[][] e = new double[3][384];
            for (int i = 0; i < 384; i++) {
                t[i] = i * H;
                for (int k = 0; k < 3; k++) {
                    e[k][i] = random.nextGaussian();
                }
            }
            probes.put(name, new ProbeSignal(t, e[0], e[1], e[2]));
        }
        RingDownTail tail = RingDownTail.fit(probes, 383 * H / 2);
        assertThat(tail.isRingDown()).isFalse();
    }

    @Test
    void aFieldThatNeverReachedTheProbesHasNoModes() {
        Map<String, ProbeSignal> probes = new LinkedHashMap<>();
        double[] t = new double[200];
        for (int i = 0; i < t.length; i++) {
            t[i] = i * H;
        }
        probes.put("E_top", new ProbeSignal(t, new double[200], new double[200], new double[200]));
        RingDownTail tail = RingDownTail.fit(probes, 199 * H / 2);
        assertThat(tail.modes()).isZero();
        assertThat(tail.isRingDown()).isFalse();
    }

    @Test
    void aWindowTooShortForAFitIsRefused() {
        // 40 samples 5.1 ps apart: their last half is 10 samples 10.2 ps apart, fewer than the 24 a fit needs
        assertThatThrownBy(() -> RingDownTail.fit(ringing(40), 39 * H / 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs 24");
    }
}
