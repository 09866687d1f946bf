package io.shieldfab.shielding.rest.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.shieldfab.shielding.Verification;
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
     * @param simulatedTimeNs  how long both runs followed the field
     * @param canRingDownDb    the can's field outside in the last tenth of the run against its peak, the largest over
     *                         the probes; null when no field reached them
     * @param ringDownComplete whether that is −40 dB or lower
     * @param warnings         what limits the figures, in words
     */
    @Schema(name = "VerificationResult")
    public record Result(List<CheckedFrequency> frequencies, List<CurvePoint> curve, RunFacts can, RunFacts reference,
                         double simulatedTimeNs, Double canRingDownDb, boolean ringDownComplete, List<String> warnings) {
    }

    /**
     * @param fullwaveSeDb the smallest SE over the probes; null when no field reached any probe with the can
     * @param differenceDb full-wave minus analytic
     * @param weakestProbe the probe with the smallest SE: the side that leaks most
     */
    @Schema(name = "VerificationFrequency")
    public record CheckedFrequency(int harmonic, double frequencyHz, double analyticSeDb, Double fullwaveSeDb,
                                   Double differenceDb, String weakestProbe) {
    }

    @Schema(name = "VerificationCurvePoint")
    public record CurvePoint(double frequencyHz, Double fullwaveSeDb) {
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
