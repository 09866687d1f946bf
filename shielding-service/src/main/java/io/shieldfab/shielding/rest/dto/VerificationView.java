package io.shieldfab.shielding.rest.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.shieldfab.shielding.Verification;
import io.shieldfab.shielding.fullwave.FullwaveModel;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * A full-wave verification run of an evaluation as the API shows it (docs/shielding.md, "Verification runs").
 *
 * @param verdictRestsOn which figures the evaluation's verdict rests on: ANALYTIC until a calibration shows the
 *                       full-wave figures converged (docs/shielding.md, "Verification runs")
 */
@Schema(name = "Verification", description = "A full-wave (openEMS) verification run of a shielding evaluation")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VerificationView(
        String id,
        String evaluationId,
        @Schema(description = "QUEUED, RUNNING, then SUCCEEDED (result) or FAILED (failureReason)") Verification.Status status,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        @Schema(description = "how often a worker started the run (a replica stopping mid-run counts one)") int attempts,
        Mesh mesh,
        @Schema(description = "what drives the model's dipole: BROADBAND (every checked frequency) or "
                + "OPERATING_FREQUENCY (centred on the first harmonic, whose figure alone it gives; docs/shielding.md, "
                + "\"The pulse\")")
        FullwaveModel.PulseKind pulse,
        @Schema(description = "why the run has no result, in words: over the cell budget, the time limit, the solver "
                + "crashed or the solution diverged") String failureReason,
        VerdictBasis verdictRestsOn,
        Result result,
        Links links) {

    /** Which figures a verdict rests on. */
    @Schema(name = "VerdictBasis")
    public enum VerdictBasis { ANALYTIC, FULLWAVE }

    /** The mesh asked for, and its cells once the model is made. */
    @Schema(name = "VerificationMesh")
    public record Mesh(int cellsPerWavelength, int cellsPerOpening, Long cells) {
    }

    /**
     * What the run found (the stored {@code VerificationResult}, docs/shielding.md, "Verification runs").
     *
     * @param frequencies      each checked frequency: analytic and full-wave SE and their difference
     * @param curve            full-wave SE from the lowest to the highest checked frequency, log-spaced
     * @param simulatedTimeNs  how long the can's run followed the field (the reference's as long, or longer when it
     *                         ran again to its own ring-down: {@code reference.timesteps})
     * @param canRingDownDb    the can's field outside in the last tenth of the run against its peak, the largest over
     *                         the probes; null when no field reached them
     * @param ringDownComplete whether that is −40 dB or lower
     * @param ringDownFit      the modes fitted to a ring-down the run cut off; absent when the run saw it through
     * @param roundingFloorBand where the solver's rounding floor was read; absent when the probes' sampling cannot
     *                         resolve it, or in a result stored before the floor was read
     * @param pulse            the pulse that drove the dipole; absent in a result stored before the pulse could be
     *                         chosen (those were all broadband)
     * @param warnings         what limits the figures, in words
     */
    @Schema(name = "VerificationResult")
    public record Result(List<CheckedFrequency> frequencies, List<CurvePoint> curve, RunFacts can, RunFacts reference,
                         double simulatedTimeNs, Double canRingDownDb, boolean ringDownComplete,
                         RingDownFit ringDownFit, FloorBand roundingFloorBand, Pulse pulse, List<String> warnings) {
    }

    /** The pulse that drove the dipole (docs/shielding.md, "The pulse"). */
    @Schema(name = "VerificationPulse", description = "The Gaussian-modulated sine sin(2π·centreHz·(t − delayS))·"
            + "exp(−((t − delayS)/widthS)²) that drove the dipole")
    public record Pulse(
            @Schema(description = "BROADBAND or OPERATING_FREQUENCY") FullwaveModel.PulseKind kind,
            @Schema(description = "its centre frequency, Hz") double centreHz,
            @Schema(description = "its width σ, s") double widthS,
            @Schema(description = "its centre in time t₀, s") double delayS) {
    }

    /** Where the solver's rounding floor was read (docs/shielding.md, "Rounding floor"). */
    @Schema(name = "VerificationFloorBand", description = "The band beyond the pulse (from where the pulse's "
            + "spectrum is 190 dB down, over at least 40 of the run's spectral resolutions 1/T) where each probe's "
            + "rounding floor is read: the median of the can's |E(f)| there")
    public record FloorBand(@Schema(description = "its bottom, Hz") double fromHz,
                            @Schema(description = "its top, Hz") double toHz) {
    }

    /**
     * The modes fitted to the can's ring-down after a run that cut it off (docs/shielding.md, "Ring-down tail").
     */
    @Schema(name = "VerificationRingDownFit", description = "The decaying modes fitted to the second half of a run that "
            + "cut the can's ring-down off; when they are a ring-down (applied) their tail completes the figures")
    public record RingDownFit(
            @Schema(description = "the fit window's start, ns; it ends with the run") double fromNs,
            @Schema(description = "samples fitted (10 ps apart)") int samples,
            @Schema(description = "decaying modes found; a conjugate pair counts two") int modes,
            @Schema(description = "share of the window's field the modes leave unexplained (0.1 at most to be applied)")
            double residual,
            @Schema(description = "whether the modes are a ring-down and complete the figures") boolean applied,
            @Schema(description = "the mode strongest at the run's end: its frequency, Hz") Double dominantModeHz,
            @Schema(description = "its decay time (field falls by 1/e), ns") Double dominantDecayNs,
            @Schema(description = "the earlier cut each frequency's tailSpreadDb compares with, ns; absent when that "
                    + "cut's own fit is not a ring-down") Double checkCutNs) {
    }

    /**
     * @param fullwaveSeDb  the smallest SE over the probes, with the fitted tail when one completes the run; null when
     *                      no field reached any probe with the can
     * @param differenceDb  full-wave minus analytic
     * @param weakestProbe  the probe with the smallest SE: the side that leaks most
     * @param truncatedSeDb with a tail: the figure from the run's samples alone
     * @param tailSpreadDb  with a tail: how far the figure completed at the earlier cut lies from this one
     * @param tailSettled   with that check: whether the spread is 3 dB or less and the tail changes the run's figure
     *                      by 40 dB or less
     */
    @Schema(name = "VerificationFrequency")
    public record CheckedFrequency(int harmonic, double frequencyHz, double analyticSeDb, Double fullwaveSeDb,
                                   Double differenceDb, String weakestProbe,
                                   @Schema(description = "with a ring-down tail: the SE from the run's samples alone, "
                                           + "dB") Double truncatedSeDb,
                                   @Schema(description = "with a ring-down tail: |this figure − the one completed at "
                                           + "the earlier cut|, dB; above 3 dB the run is too short to settle it")
                                   Double tailSpreadDb,
                                   @Schema(description = "with that check: whether tailSpreadDb is 3 dB or less and "
                                           + "the tail changes the run's figure (truncatedSeDb) by 40 dB or less (the "
                                           + "figure has settled in run length)") Boolean tailSettled,
                                   @Schema(description = "how far the can's field at the weakest probe lies above the "
                                           + "solver's single-precision rounding floor there, dB; absent without a "
                                           + "figure or a floor, or where the floor is zero") Double aboveFloorDb,
                                   @Schema(description = "whether aboveFloorDb is less than 10 dB: the figure is then a "
                                           + "lower bound of the SE (the can may shield more), not a value; absent "
                                           + "without a figure or a floor") Boolean lowerBound) {
    }

    /** @param lowerBound as {@link CheckedFrequency#lowerBound()}, at this point */
    @Schema(name = "VerificationCurvePoint")
    public record CurvePoint(double frequencyHz, Double fullwaveSeDb,
                             @Schema(description = "whether the figure is a lower bound of the SE (the can's field "
                                     + "within 10 dB of the rounding floor), not a value") Boolean lowerBound) {
    }

    /**
     * @param lastReportedEnergyDb   the field energy at openEMS's last progress report (every few seconds of wall
     *                               time, so not at a fixed step), dB below its peak; null when the run was too short
     * @param lowestReportedEnergyDb the lowest energy a progress report showed; well below the last, the field grew
     *                               back after dying away
     */
    @Schema(name = "VerificationRunFacts")
    public record RunFacts(int timesteps, Double lastReportedEnergyDb, Double lowestReportedEnergyDb, double seconds) {
    }

    @Schema(name = "VerificationLinks")
    public record Links(String self, String evaluation, String model) {
    }
}
