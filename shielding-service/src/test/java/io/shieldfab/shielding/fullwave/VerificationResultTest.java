package io.shieldfab.shielding.fullwave;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** What a finished run's result says when its ring-down was cut off (docs/shielding.md, "Ring-down tail"). */
class VerificationResultTest {

    private static final OpenEmsRunner.RunFacts FACTS = new OpenEmsRunner.RunFacts(30_000, -10.0, -12.0, 30);
    private static final List<FullwaveArchive.AnalyticPoint> ANALYTIC = List.of(
            new FullwaveArchive.AnalyticPoint(1, 12.25e9, 36.1), new FullwaveArchive.AnalyticPoint(2, 24.5e9, 30.0));
    /**
     * The Wi-Fi model's floor band, beyond its pulse (RoundingFloorTest works it out), for RoundingFloorTest's 5 ns
     * probe: from 41.7971 GHz to that + 40/T = 8 GHz, 49.7971 GHz.
     */
    private static final RoundingFloor.Band WIFI_BAND = new RoundingFloor.Band(41.797133511e9, 49.797133511e9);
    /** Its broadband pulse, whose band that is. */
    private static final FullwaveModel.Pulse WIFI_PULSE = FullwaveModel.Pulse.broadband(24.5e9);
    private static final VerificationResult.RunContext CONTEXT = new VerificationResult.RunContext(210_800, true,
            new VerificationResult.RingDown(956.3203, 13.602827e9), WIFI_PULSE);

    /** A reference whose field is a short burst, 1/amplitude of every probe of the can's ringing field. */
    private static Map<String, ProbeSignal> burst(int samples) {
        Map<String, ProbeSignal> probes = new LinkedHashMap<>();
        for (String name : RingDownTailTest.ringing(samples).keySet()) {
            double[] t = new double[samples];
            double[][] e = new double[3][samples];
            for (int i = 0; i < samples; i++) {
                t[i] = i * RingDownTailTest.H;
                e[2][i] = Math.exp(-Math.pow((t[i] - 0.2e-9) / 0.05e-9, 2)) * Math.sin(2 * Math.PI * 16e9 * t[i]);
            }
            probes.put(name, new ProbeSignal(t, e[0], e[1], e[2]));
        }
        return probes;
    }

    @Test
    void aCutOffRingDownOfAFewModesIsCompletedByItsTail() {
        // two modes (RingDownTailTest.ringing) run for 1.95 ns: their tail is exact, so the figure completed at the
        // earlier cut (0.98 ns) is the same to rounding and every figure has settled
        Map<String, ProbeSignal> can = RingDownTailTest.ringing(384);
        Map<String, ProbeSignal> reference = burst(384);
        VerificationResult r = VerificationResult.of(new OpenEmsRunner.Finished(FACTS, FACTS, can, reference),
                ANALYTIC, CONTEXT);
        assertThat(r.ringDownComplete()).isFalse();
        assertThat(r.ringDownFit().applied()).isTrue();
        assertThat(r.ringDownFit().modes()).isEqualTo(4);
        // the 13.6 GHz mode (τ = 2 ns) is the stronger at the end: its amplitudes are the larger from the start
        assertThat(r.ringDownFit().dominantModeHz()).isCloseTo(13.6e9, within(1e3));
        assertThat(r.ringDownFit().dominantDecayNs()).isCloseTo(2.0, within(1e-6));
        Map<String, ProbeSignal> past = RingDownTailTest.ringing(40_000);
        for (VerificationResult.CheckedFrequency f : r.frequencies()) {
            double truth = Double.POSITIVE_INFINITY;
            for (String p : can.keySet()) {
                truth = Math.min(truth, 20 * Math.log10(reference.get(p).magnitudeAt(f.frequencyHz())
                        / past.get(p).magnitudeAt(f.frequencyHz())));
            }
            assertThat(f.fullwaveSeDb()).isCloseTo(truth, within(1e-5));
            assertThat(f.truncatedSeDb()).isNotCloseTo(truth, within(0.01));
            assertThat(f.tailSpreadDb()).isLessThan(1e-5);
        }
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("4 decaying modes fitted")
                        .endsWith("the figures lie within 3 dB of these at every checked frequency"))
                .noneSatisfy(w -> assertThat(w).contains("a Q of up to"))
                .noneSatisfy(w -> assertThat(w).contains("seam"));
    }

    @Test
    void aPulseCentredOnTheOperatingFrequencyGivesTheFiguresWithinItsBandAlone() {
        // centred on 12.25 GHz: sigma = 0.6125/12.25e9 = 50 ps; within 20 dB of its peak 12.25 ± sqrt(ln 10)/(pi sigma)
        // = 12.25 ± 1.5174271/(pi · 50e-12) = 12.25 ± 9.6602411 GHz, 2.5897589-21.9102411 GHz: the first checked
        // frequency, not the second (24.5 GHz)
        FullwaveModel.Pulse pulse = FullwaveModel.Pulse.atOperatingFrequency(12.25e9);
        OpenEmsRunner.Finished run = new OpenEmsRunner.Finished(FACTS, FACTS, RingDownTailTest.ringing(384), burst(384));

        VerificationResult r = VerificationResult.of(run, ANALYTIC, new VerificationResult.RunContext(210_800, true,
                CONTEXT.ringDown(), pulse));
        VerificationResult broadband = VerificationResult.of(run, ANALYTIC, CONTEXT);

        assertThat(r.frequencies()).extracting(VerificationResult.CheckedFrequency::harmonic).containsExactly(1);
        // the same probes give the same figure whatever the pulse: only the floor's band moves
        assertThat(r.frequencies().get(0).fullwaveSeDb()).isEqualTo(broadband.frequencies().get(0).fullwaveSeDb());
        assertThat(r.curve()).hasSize(VerificationResult.CURVE_POINTS);
        assertThat(r.curve().get(0).frequencyHz()).isCloseTo(2.5897589e9, within(1e3));
        assertThat(r.curve().get(VerificationResult.CURVE_POINTS - 1).frequencyHz()).isCloseTo(21.9102411e9, within(1e3));
        assertThat(r.pulse()).isEqualTo(pulse);
        // beyond the pulse: from 12.25 + sqrt(190 ln 10/20)/(pi sigma) = 12.25 + 4.6770245/(pi · 50 ps) = 42.0248629
        // GHz, 40 resolutions of the run (384 samples of 78 steps of 6.52087e-14 s, T = 1.9531310 ns: 20.4799373 GHz)
        // above it, 62.5048001 GHz
        assertThat(r.roundingFloorBand().fromHz()).isCloseTo(42.0248629e9, within(1e3));
        assertThat(r.roundingFloorBand().toHz()).isCloseTo(62.5048001e9, within(1e3));
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w).startsWith("the pulse is centred on the operating "
                + "frequency, 12.25 GHz (σ 0.050 ns, run ").endsWith(" ns): it gives figures only within 20 dB of its "
                + "peak, 2.59-21.91 GHz; the other checked frequency needs the broadband pulse (docs/shielding.md, "
                + "\"The pulse\")"));
        assertThat(broadband.warnings()).noneSatisfy(w -> assertThat(w).contains("centred on the operating"));
        assertThat(broadband.pulse()).isEqualTo(WIFI_PULSE);
    }

    @Test
    void aModelWithoutTheRimsGapsSaysSoInItsWarnings() {
        VerificationResult r = VerificationResult.of(new OpenEmsRunner.Finished(FACTS, FACTS,
                RingDownTailTest.ringing(384), burst(384)), ANALYTIC, new VerificationResult.RunContext(210_800, true,
                CONTEXT.ringDown(), "the report has no bonding pads' positions (the layout's metrics bondingPads)",
                WIFI_PULSE));
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w).isEqualTo("the seam's gaps between the rim and the board"
                + " are not in the model (the report has no bonding pads' positions (the layout's metrics bondingPads)): it is drawn"
                + " bonded all round, so the full-wave figures leave out the leak the seam rule rates"));
    }

    @Test
    void aWindowThatIsNotARingDownLeavesTheFiguresTruncatedAndSaysWhy() {
        // noise after a burst: no small set of modes describes it, so no tail, and the fill's Q says how long the
        // can would ring (RingDownTest works those figures)
        Random random = new Random(7);
        Map<String, ProbeSignal> can = new LinkedHashMap<>();
        for (String name : RingDownTailTest.ringing(2).keySet()) {
            double[] t = new double[384];
            double[][] e = new double[3][384];
            for (int i = 0; i < 384; i++) {
                t[i] = i * RingDownTailTest.H;
                for (int k = 0; k < 3; k++) {
                    e[k][i] = 1e-3 * random.nextGaussian();
                }
            }
            can.put(name, new ProbeSignal(t, e[0], e[1], e[2]));
        }
        VerificationResult r = VerificationResult.of(new OpenEmsRunner.Finished(FACTS, FACTS, can, burst(384)),
                ANALYTIC, CONTEXT);
        assertThat(r.ringDownFit().applied()).isFalse();
        assertThat(r.frequencies()).allSatisfy(f -> {
            assertThat(f.truncatedSeDb()).isNull();
            assertThat(f.tailSpreadDb()).isNull();
        });
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w).startsWith("no tail completes the figures: the ")
                        .contains("modes fitted to the run's second half are not a ring-down"))
                .anySatisfy(w -> assertThat(w).contains("lowest mode (13.60 GHz) a Q of up to 956")
                        .contains("about 1,600,000 time steps of this mesh, 53 times this run"));
    }

    @Test
    void figuresWithinTenDbOfTheRoundingFloorAreLowerBounds() {
        // RoundingFloorTest's probe: a burst at 12.25 GHz over a flat floor of 1.75e-11 V/m·s; the reference the same
        // burst 1000 times as strong, without the floor. SE at 12.25 GHz 20·log10(1000·1.7725e-10 / √(1.7725e-10² +
        // 1.75e-11²)) = 59.958 dB, the field 20.15 dB above the floor (a value); at 14.25 GHz 20·log10(1000·3.6540e-11
        // / √(3.6540e-11² + 1.75e-11²)) = 59.103 dB, 7.29 dB above it (a lower bound). The field has died away by the
        // run's end (the burst long before, the spike at 0.1 ns): no tail
        List<FullwaveArchive.AnalyticPoint> analytic = List.of(new FullwaveArchive.AnalyticPoint(1, 12.25e9, 40),
                new FullwaveArchive.AnalyticPoint(2, 14.25e9, 40));
        VerificationResult r = VerificationResult.of(new OpenEmsRunner.Finished(FACTS, FACTS,
                Map.of("E_top", RoundingFloorTest.burstOverSpike(1, 3.5, RoundingFloorTest.H)),
                Map.of("E_top", RoundingFloorTest.burstOverSpike(1000, 0, RoundingFloorTest.H))), analytic, CONTEXT);
        assertThat(r.ringDownComplete()).isTrue();
        assertThat(r.roundingFloorBand().fromHz()).isCloseTo(WIFI_BAND.fromHz(), within(1.0));
        assertThat(r.roundingFloorBand().toHz()).isCloseTo(WIFI_BAND.toHz(), within(1.0));
        VerificationResult.CheckedFrequency centre = r.frequencies().get(0);
        assertThat(centre.fullwaveSeDb()).isCloseTo(59.958, within(0.001));
        assertThat(centre.aboveFloorDb()).isCloseTo(20.153, within(0.001));
        assertThat(centre.lowerBound()).isFalse();
        VerificationResult.CheckedFrequency off = r.frequencies().get(1);
        assertThat(off.fullwaveSeDb()).isCloseTo(59.103, within(0.001));
        assertThat(off.aboveFloorDb()).isCloseTo(7.291, within(0.001));
        assertThat(off.lowerBound()).isTrue();
        // the curve from 12.25 to 14.25 GHz: a value at its start, a lower bound at its end
        assertThat(r.curve().get(0).lowerBound()).isFalse();
        assertThat(r.curve().get(VerificationResult.CURVE_POINTS - 1).lowerBound()).isTrue();
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w).isEqualTo("at 14.25 GHz the can's field lies less than "
                + "10 dB above the solver's rounding floor (single precision; read at 41.8-49.8 GHz, where the pulse "
                + "excites nothing: aboveFloorDb): those figures are lower bounds of the SE, not values, and the can "
                + "may shield more there (docs/shielding.md, \"Rounding floor\")"));
    }

    @Test
    void probesTooCoarseForTheFloorBandSaySo() {
        // 12 ps apart (Nyquist 41.7 GHz): 40 resolutions would reach past 95 % of it, so the band is 8/7 of its bottom,
        // 41.8-47.8 GHz, which cannot be read: no figure is flagged
        VerificationResult r = VerificationResult.of(new OpenEmsRunner.Finished(FACTS, FACTS,
                Map.of("E_top", RoundingFloorTest.burstOverSpike(1, 3.5, 12e-12)),
                Map.of("E_top", RoundingFloorTest.burstOverSpike(1000, 0, 12e-12))), ANALYTIC, CONTEXT);
        assertThat(r.roundingFloorBand()).isNull();
        assertThat(r.frequencies()).allSatisfy(f -> {
            assertThat(f.aboveFloorDb()).isNull();
            assertThat(f.lowerBound()).isNull();
        });
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w).isEqualTo("the probes, sampled every 12.00 ps, cannot "
                + "resolve the band beyond the pulse (41.8-47.8 GHz) where the solver's rounding floor is read: no "
                + "figure is checked against it (docs/shielding.md, \"Rounding floor\")"));
    }

    @Test
    void aReferenceCutOffSaysWhetherItRanAgainAndWhy() {
        // the ringing field as the reference too: 2 ns and 0.7 ns decays run for 1.95 ns, far from died away
        Map<String, ProbeSignal> ringing = RingDownTailTest.ringing(384);
        double tailDb = ringing.values().stream().mapToDouble(p -> p.tailDb(VerificationResult.TAIL)).max().orElseThrow();
        String cut = String.format(java.util.Locale.ROOT, "the reference's field was still %.1f dB below its peak at "
                + "the end of the run (30,000 time steps; ", -tailDb);
        OpenEmsRunner.LongerReference failed = new OpenEmsRunner.LongerReference(30_000, 120_000,
                "the solver ran longer than the time limit of 1800 s (shieldfab.fullwave.time-limit) and was stopped, "
                        + "in the run reference-ring-down");
        VerificationResult r = VerificationResult.of(new OpenEmsRunner.Finished(FACTS, FACTS, ringing, ringing, failed),
                ANALYTIC, CONTEXT);
        assertThat(r.warnings()).contains("the reference ran again for 120,000 time steps, to its own ring-down, "
                + "without a result (the solver ran longer than the time limit of 1800 s (shieldfab.fullwave.time-limit) "
                + "and was stopped, in the run reference-ring-down): the first run's 30,000 steps are kept",
                cut + "a longer run of it gave no result): the reference spectrum is truncated");
        // ran again and still cut off: both lengths named; never run again: why not
        VerificationResult again = VerificationResult.of(new OpenEmsRunner.Finished(FACTS, FACTS, ringing, ringing,
                new OpenEmsRunner.LongerReference(7_500, 30_000, null)), ANALYTIC, CONTEXT);
        assertThat(again.warnings()).contains(cut + "after a second run of it, 30,000 time steps against the can's "
                + "7,500): the reference spectrum is truncated").noneSatisfy(w -> assertThat(w).contains("ran again"));
        VerificationResult once = VerificationResult.of(new OpenEmsRunner.Finished(FACTS, FACTS, ringing, ringing),
                ANALYTIC, CONTEXT);
        assertThat(once.warnings()).contains(cut + "no falling line could be drawn through its field over the run's "
                + "second half, so no longer run of it could be sized): the reference spectrum is truncated");
        // a reference that died away: no word on it
        VerificationResult done = VerificationResult.of(new OpenEmsRunner.Finished(FACTS, FACTS, ringing, burst(384)),
                ANALYTIC, CONTEXT);
        assertThat(done.warnings()).noneSatisfy(w -> assertThat(w).contains("reference"));
    }
}
