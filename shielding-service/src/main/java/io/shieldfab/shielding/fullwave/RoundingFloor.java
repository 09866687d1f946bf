package io.shieldfab.shielding.fullwave;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The solver's floor under a run's figures (docs/shielding.md, "Rounding floor"). openEMS computes in single
 * precision, so the field a can lets out never falls below a rounding floor spread over the whole band, where the pulse
 * excites something and where it does not. Its level at each probe is the median of the can's |E(f)| over a band the
 * pulse does not reach, wide enough to hold many of the run's independent spectral values ({@link Band#beyondPulse});
 * a figure whose can field lies less than {@link #MARGIN_DB} above it is a lower bound of the SE, not a value: a floor
 * {@value #MARGIN_DB} dB down can make it overstate the SE by at most 20·log10(1 + 10^(−10/20)) = 2.4 dB (understate
 * by at most 3.3 dB), about the calibration's 3 dB.
 * The band holds whatever else the run cannot resolve, too: after a ring-down the run cut off, what the fitted tail
 * leaves unexplained.
 *
 * @param band          where the floor was read
 * @param levelPerProbe each probe's floor, |E(f)| as {@link ProbeSignal#transformAt} sums it (V/m·s)
 */
public record RoundingFloor(Band band, Map<String, Double> levelPerProbe) {

    /** A can field less than this above the floor, dB, makes its figure a lower bound. */
    public static final double MARGIN_DB = 10;

    /** The band starts where the pulse's spectrum has fallen this far below its peak, dB. */
    static final double PULSE_DOWN_DB = 190;

    /** The band's top against its bottom, at the least. */
    static final double BAND_RATIO = 8.0 / 7;

    /**
     * The band spans at least this many of the run's spectral resolutions 1/T (T its duration), where the probes'
     * sampling allows: the transform of a run T long has one independent value every 1/T, and the median of fewer
     * scatters by several dB from one placement of the band to the next (docs/shielding.md, "Rounding floor").
     */
    static final int RESOLUTIONS = 40;

    /** The band's top stays below this share of the probes' Nyquist frequency 1/(2h), where their sampling folds. */
    static final double NYQUIST_SHARE = 0.95;

    /** Frequencies the median is taken over, evenly spaced across the band. */
    static final int BAND_POINTS = 31;

    /**
     * A band of frequencies, Hz.
     *
     * @param fromHz its bottom
     * @param toHz   its top
     */
    public record Band(double fromHz, double toHz) {

        /**
         * The band above the model's pulse, a Gaussian-modulated sine sin(2πf₀(t − t₀))·exp(−((t − t₀)/σ)²), whose
         * spectrum ∝ exp(−(π(f − f₀)σ)²) is L dB down at f₀ + √(L·ln 10/20)/(πσ): from where it is
         * {@value #PULSE_DOWN_DB} dB down, f_a, to the highest of {@link #BAND_RATIO}·f_a and f_a + {@value
         * #RESOLUTIONS}/T, the latter no higher than {@value #NYQUIST_SHARE} of 1/(2h) (41.80–62.22 GHz for the
         * pulse of a model checked to 24.5 GHz, f₀ = 16.33 GHz, σ = 58.5 ps, run 1.958 ns sampled 5.09 ps apart).
         *
         * @param runS  the run's duration T, s ({@link ProbeSignal#durationS})
         * @param stepS the probes' sampling h, s
         */
        public static Band beyondPulse(double pulseCentreHz, double pulseWidthS, double runS, double stepS) {
            double from = pulseCentreHz + Math.sqrt(PULSE_DOWN_DB * Math.log(10) / 20) / (Math.PI * pulseWidthS);
            double resolved = Math.min(from + RESOLUTIONS / runS, NYQUIST_SHARE / (2 * stepS));
            return new Band(from, Math.max(from * BAND_RATIO, resolved));
        }

        /** The band beyond {@code pulse} for a run whose probes sampled {@code probe}'s way. */
        public static Band beyond(FullwaveModel.Pulse pulse, ProbeSignal probe) {
            return beyondPulse(pulse.centreHz(), pulse.widthS(), probe.durationS(), probe.meanStepS());
        }
    }

    /**
     * The floor of each of the can's probes over {@code band}, each probe's transform completed by {@code tail} when
     * one completes the figures (null: the run's samples alone); null when the probes, sampled h apart, cannot
     * resolve the band (its top at or above 1/(2h)).
     */
    public static RoundingFloor of(Map<String, ProbeSignal> can, RingDownTail tail, Band band) {
        ProbeSignal first = can.values().iterator().next();
        if (band.toHz() >= 1 / (2 * first.meanStepS())) {
            return null;
        }
        Map<String, Double> levels = new TreeMap<>();
        for (Map.Entry<String, ProbeSignal> e : can.entrySet()) {
            double[] magnitudes = new double[BAND_POINTS];
            for (int i = 0; i < BAND_POINTS; i++) {
                double f = band.fromHz() + (band.toHz() - band.fromHz()) * i / (BAND_POINTS - 1);
                magnitudes[i] = ProbeSignal.magnitude(tail == null ? e.getValue().transformAt(f)
                        : tail.completed(e.getKey(), e.getValue(), f));
            }
            Arrays.sort(magnitudes);
            levels.put(e.getKey(), magnitudes[BAND_POINTS / 2]);
        }
        return new RoundingFloor(band, levels);
    }

    /**
     * A figure's field against the floor of its probe.
     *
     * @param aboveFloorDb how far the field lies above the floor, dB; null when the floor there is zero (no rounding
     *                     reached the probe) or the field is
     * @param lowerBound   whether that is less than {@link #MARGIN_DB}, so the figure is a lower bound of the SE;
     *                     false over a zero floor, null for a zero field (no figure)
     */
    public record Reading(Double aboveFloorDb, Boolean lowerBound) {
    }

    /** The field {@code magnitude} at {@code probe} (|E(f)| as the floor's) against that probe's floor. */
    public Reading read(String probe, double magnitude) {
        double floor = levelPerProbe.get(probe);
        if (magnitude == 0) {
            return new Reading(null, null);
        }
        if (floor == 0) {
            return new Reading(null, false);
        }
        double above = 20 * Math.log10(magnitude / floor);
        return new Reading(above, above < MARGIN_DB);
    }
}
