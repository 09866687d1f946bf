package io.shieldfab.shielding.fullwave;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The two pulses a verification drives its model with (docs/shielding.md, "The pulse"), worked by hand. */
class PulseTest {

    @Test
    void theBroadbandPulseSpansEveryCheckedFrequency() {
        // Wi-Fi, checked to 24.5 GHz: f0 = 2/3 · 24.5 = 16.3333 GHz; fc = 8.16667 GHz; sigma = 3/(2 pi fc) =
        // 3/51.3127e9 = 58.4651 ps; t0 = 3 sigma = 175.395 ps (the figures the exported can.xml carries)
        FullwaveModel.Pulse p = FullwaveModel.Pulse.broadband(24.5e9);

        assertThat(p.kind()).isEqualTo(FullwaveModel.PulseKind.BROADBAND);
        assertThat(p.centreHz()).isCloseTo(16.333333e9, within(1e3));
        assertThat(p.widthS()).isCloseTo(58.4651e-12, within(1e-16));
        assertThat(p.delayS()).isCloseTo(175.3952e-12, within(1e-16));
        // it runs the fixed step count, and gives a figure at every checked frequency, however weakly it excites it
        assertThat(p.runS()).isNull();
        assertThat(p.reaches(0.048e9)).isTrue();
        assertThat(p.reaches(24.5e9)).isTrue();
    }

    @Test
    void theOperatingFrequencyPulseIsCentredThereAndGivesThatHarmonicAlone() {
        // 2.45 GHz: sigma = 0.6125/2.45e9 = 0.25 ns, t0 = 4 sigma = 1 ns, run 16 sigma = 4 ns (the hand runs of
        // docs/shielding.md, "A pulse at 2.45 GHz"); within 20 dB of the peak: |f - f0| <= sqrt(ln 10)/(pi sigma) =
        // 1.5174271/(pi · 0.25e-9) = 1.9320482 GHz, so 0.5179518-4.3820482 GHz: the first harmonic, not the second
        FullwaveModel.Pulse p = FullwaveModel.Pulse.atOperatingFrequency(2.45e9);

        assertThat(p.kind()).isEqualTo(FullwaveModel.PulseKind.OPERATING_FREQUENCY);
        assertThat(p.centreHz()).isEqualTo(2.45e9);
        assertThat(p.widthS()).isCloseTo(0.25e-9, within(1e-21));
        assertThat(p.delayS()).isCloseTo(1e-9, within(1e-21));
        assertThat(p.runS()).isCloseTo(4e-9, within(1e-21));
        assertThat(p.halfWidthHz()).isCloseTo(1.9320482e9, within(1e3));
        assertThat(p.reaches(2.45e9)).isTrue();
        assertThat(p.reaches(0.52e9)).isTrue();
        assertThat(p.reaches(0.51e9)).isFalse();
        assertThat(p.reaches(4.9e9)).isFalse();
        // its spectrum exp(-(pi (f - f0) sigma)^2) one harmonic away: exp(-(pi · 0.6125)^2) = exp(-3.702642) =
        // 0.024664, -32.16 dB (at the second harmonic, and at 0 Hz, which the sine does not carry at all)
        double oneAway = Math.exp(-Math.pow(Math.PI * 2.45e9 * p.widthS(), 2));
        assertThat(20 * Math.log10(oneAway)).isCloseTo(-32.16, within(0.01));
    }

    @Test
    void theRoundingFloorIsReadBeyondEachPulse() {
        // 190 dB down at f0 + sqrt(190 ln 10/20)/(pi sigma) = 2.45 + 4.6770245/(pi · 0.25e-9) = 2.45 + 5.9549726 =
        // 8.4049726 GHz; the Wi-Fi's run of 4 ns, 787 probe samples 5.08628 ps apart (T = 4.0029024 ns), puts the top
        // 40/T = 9.9927494 GHz above that, at 18.3977220 GHz (8/7 of the bottom, 9.6057 GHz, is less)
        FullwaveModel.Pulse p = FullwaveModel.Pulse.atOperatingFrequency(2.45e9);
        RoundingFloor.Band band = RoundingFloor.Band.beyondPulse(p.centreHz(), p.widthS(), 787 * 5.08628e-12,
                5.08628e-12);

        assertThat(band.fromHz()).isCloseTo(8.4049726e9, within(1e3));
        assertThat(band.toHz()).isCloseTo(18.3977220e9, within(1e3));
    }

    @Test
    void theModelWritesThePulseItIsDrivenBy() {
        FullwaveModel m = OpenEmsRunnerTest.model().withPulse(FullwaveModel.Pulse.atOperatingFrequency(2.45e9));

        String xml = OpenEmsXml.writeFixedLength(m, true, "test", 61_342);

        assertThat(xml).contains("NumberOfTimesteps=\"61342\"")
                .contains("Function=\"sin(2*3.14159265358979*2450000000*(t-" + OpenEmsXml.n(1e-9) + "))*exp(-((t-"
                        + OpenEmsXml.n(1e-9) + ")/" + OpenEmsXml.n(0.25e-9) + ")^2)\"")
                // the probes' sampling stays the model's highest frequency's
                .contains("<Excitation Type=\"10\" f0=\"24500000000\"");
        assertThat(OpenEmsXml.n(0.25e-9)).isIn("2.5E-10", "2.50000000E-10");
    }
}
