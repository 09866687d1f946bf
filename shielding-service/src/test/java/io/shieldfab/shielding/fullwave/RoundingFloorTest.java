package io.shieldfab.shielding.fullwave;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The solver's floor under a run's figures (docs/shielding.md, "Rounding floor"). */
class RoundingFloorTest {

    /** Samples 5 ps apart (Nyquist 100 GHz), 5 ns. */
    static final double H = 5e-12;
    static final int SAMPLES = 1000;

    /**
     * A probe whose Ez is a burst at 12.25 GHz, exp(−((t − 1 ns)/0.2 ns)²)·sin(2π·12.25 GHz·(t − 1 ns)), scaled by
     * {@code burst}, and whose Ex is one sample of {@code spike} V/m at 0.1 ns: the spike's transform is spike·h at
     * every frequency (a flat floor), the burst's σ√π/2·exp(−(πσ(f − 12.25 GHz))²) (1.7725e-10 V/m·s at its centre,
     * 2 GHz off 3.6540e-11, and nothing left beyond 40 GHz: exp(−(π·0.2 ns·28 GHz)²) = e^−309).
     */
    static ProbeSignal burstOverSpike(double burst, double spike, double stepS) {
        double[] t = new double[SAMPLES];
        double[] ex = new double[SAMPLES];
        double[] ez = new double[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            t[i] = i * stepS;
            double s = t[i] - 1e-9;
            ez[i] = burst * Math.exp(-Math.pow(s / 0.2e-9, 2)) * Math.sin(2 * Math.PI * 12.25e9 * s);
        }
        ex[(int) Math.round(0.1e-9 / stepS)] = spike;
        return new ProbeSignal(t, ex, new double[SAMPLES], ez);
    }

    @Test
    void theBandStartsWhereTheModelsPulseIs190DbDownAndSpansFortyResolutionsOfTheRun() {
        // the Wi-Fi model checked to 24.5 GHz: f0 = 2/3·24.5 = 16.333 GHz, σ = 3/(2π·24.5/3 GHz) = 58.465 ps;
        // √(190·ln 10/20) = 4.67703, /(π·58.465 ps) = 25.4638 GHz, so 41.797 GHz. Its CI run: 385 samples 5.08628 ps
        // apart, T = 1.958218 ns, 40/T = 20.4267 GHz, so the top is 62.2238 GHz (8/7 of the bottom, 47.768 GHz, is
        // less; 95 % of 1/(2h) = 93.388 GHz more)
        double f0 = 2 * 24.5e9 / 3;
        double sigma = 3 / (2 * Math.PI * 24.5e9 / 3);
        RoundingFloor.Band ci = RoundingFloor.Band.beyondPulse(f0, sigma, 385 * 5.08628e-12, 5.08628e-12);
        assertThat(ci.fromHz()).isCloseTo(41.7971e9, within(1e5));
        assertThat(ci.toHz()).isCloseTo(62.2238e9, within(1e5));
        // run to 52 ns: 40/T = 0.769 GHz, less than a seventh of the bottom (5.971 GHz), so 8/7 of it sets the top
        RoundingFloor.Band longRun = RoundingFloor.Band.beyondPulse(f0, sigma, 52e-9, 5.08628e-12);
        assertThat(longRun.toHz()).isCloseTo(47.7681e9, within(1e5));
        // a 1 ns run sampled every 6 ps: 40/T = 40 GHz would reach 81.797 GHz, past 95 % of 1/(2·6 ps) = 79.1667 GHz
        RoundingFloor.Band folded = RoundingFloor.Band.beyondPulse(f0, sigma, 1e-9, 6e-12);
        assertThat(folded.toHz()).isCloseTo(79.1667e9, within(1e5));
    }

    @Test
    void theBandOfARunIsReadFromItsProbesDurationAndSampling() {
        // 1000 samples 5 ps apart: T = 5 ns, 40/T = 8 GHz; the pulse centred on 2.45 GHz is 190 dB down at
        // 8.4049726 GHz (PulseTest), so the top is 16.4049726 GHz (8/7 of the bottom, 9.6057 GHz, is less)
        RoundingFloor.Band band = RoundingFloor.Band.beyond(FullwaveModel.Pulse.atOperatingFrequency(2.45e9),
                burstOverSpike(1, 3.5, H));
        assertThat(band.fromHz()).isCloseTo(8.4049726e9, within(1e3));
        assertThat(band.toHz()).isCloseTo(16.4049726e9, within(1e3));
    }

    @Test
    void aFieldIsReadAgainstItsProbesFloor() {
        RoundingFloor.Band band = new RoundingFloor.Band(41.8e9, 47.77e9);
        // the floor is the spike's flat 3.5 V/m · 5 ps = 1.75e-11 V/m·s (the burst adds nothing in the band)
        RoundingFloor floor = RoundingFloor.of(Map.of("E_top", burstOverSpike(1, 3.5, H)), null, band);
        assertThat(floor.levelPerProbe().get("E_top")).isCloseTo(1.75e-11, within(1e-16));
        // at the burst's centre |E| = √(1.7725e-10² + 1.75e-11²): 10·log10(1 + (1.7725e-10/1.75e-11)²) = 20.15 dB above
        // it, a value; 2 GHz off, 10·log10(1 + 2.0880²) = 7.29 dB, a lower bound
        ProbeSignal p = burstOverSpike(1, 3.5, H);
        RoundingFloor.Reading centre = floor.read("E_top", p.magnitudeAt(12.25e9));
        assertThat(centre.aboveFloorDb()).isCloseTo(20.153, within(0.001));
        assertThat(centre.lowerBound()).isFalse();
        RoundingFloor.Reading off = floor.read("E_top", p.magnitudeAt(14.25e9));
        assertThat(off.aboveFloorDb()).isCloseTo(7.291, within(0.001));
        assertThat(off.lowerBound()).isTrue();
        // no field, no figure to read; a zero floor (nothing, not even rounding, reached the probe), every field
        // above it
        assertThat(floor.read("E_top", 0)).isEqualTo(new RoundingFloor.Reading(null, null));
        RoundingFloor clean = RoundingFloor.of(Map.of("E_top", burstOverSpike(0, 0, H)), null, band);
        assertThat(clean.read("E_top", p.magnitudeAt(12.25e9))).isEqualTo(new RoundingFloor.Reading(null, false));
    }

    @Test
    void probesTooCoarseForTheBandGiveNoFloor() {
        // 12 ps apart: Nyquist 1/(2·12 ps) = 41.7 GHz, below the band's top
        assertThat(RoundingFloor.of(Map.of("E_top", burstOverSpike(1, 3.5, 12e-12)), null,
                new RoundingFloor.Band(41.8e9, 47.77e9))).isNull();
    }
}
