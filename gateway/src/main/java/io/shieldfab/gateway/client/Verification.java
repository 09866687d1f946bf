package io.shieldfab.gateway.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.List;

/**
 * What the gateway reads of a full-wave (openEMS) verification run of a shielding report (docs/shielding.md,
 * "Verification runs"): its state, why it failed, and what it found at each checked frequency. The figures and the
 * judgement of what the verdict rests on are shielding-service's; the gateway only shows them.
 *
 * @param status         QUEUED, RUNNING, SUCCEEDED or FAILED
 * @param pulse          what drives the model: BROADBAND (every checked frequency) or OPERATING_FREQUENCY (the first
 *                       harmonic alone); null from a shielding-service that does not say (broadband)
 * @param failureReason  why a FAILED run has no result, in words
 * @param verdictRestsOn which figures the report's verdict rests on (ANALYTIC), given with a result
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Verification(String id, String evaluationId, String status, Instant createdAt, Instant startedAt,
                           Instant finishedAt, Mesh mesh, String pulse, String failureReason, String verdictRestsOn,
                           Result result) {

    /** The mesh asked for, and its cells once the model is made (null before). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Mesh(Integer cellsPerWavelength, Integer cellsPerOpening, Long cells) {
    }

    /** What a SUCCEEDED run found: each checked frequency, and what limits the figures. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Result(List<CheckedFrequency> frequencies, List<String> warnings) {

        public Result {
            frequencies = frequencies == null ? List.of() : List.copyOf(frequencies);
            warnings = warnings == null ? List.of() : List.copyOf(warnings);
        }
    }

    /**
     * The full-wave SE at one checked frequency beside the analytic one.
     *
     * @param fullwaveSeDb null when no field reached any probe with the can (beyond what the run can measure)
     * @param differenceDb full-wave minus analytic; null with {@code fullwaveSeDb}
     * @param weakestProbe  the probe with the smallest SE: the side of the can that leaks most
     * @param truncatedSeDb with a ring-down tail completing the run: the figure from the run's samples alone
     * @param tailSpreadDb  with a tail: how far the figure completed at an earlier cut lies from this one (above 3 dB
     *                      the run is too short to settle it)
     * @param tailSettled   with that check: whether shielding-service calls the figure settled
     * @param lowerBound    whether the can's field lies within 10 dB of the solver's rounding floor, so the figure is
     *                      a lower bound of the SE, not a value; null when shielding-service could not tell
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CheckedFrequency(Integer harmonic, Double frequencyHz, Double analyticSeDb, Double fullwaveSeDb,
                                   Double differenceDb, String weakestProbe, Double truncatedSeDb,
                                   Double tailSpreadDb, Boolean tailSettled, Boolean lowerBound) {
    }

    /** {@code GET …/evaluations/{id}/verifications}: every run of a report, newest first. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Runs(List<Verification> items) {

        public Runs {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }
}
