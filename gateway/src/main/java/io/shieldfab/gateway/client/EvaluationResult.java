package io.shieldfab.gateway.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/**
 * What the gateway reads of a shielding report (docs/shielding.md): its id and verdict, the SE per checked
 * frequency and the findings the portal lists, and {@code weakest}, the checked frequency with the lowest total SE
 * as shielding-service names it. The gateway never works the weakest out itself: a report without it shows none.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EvaluationResult(String id, String verdict, Double minShieldingDb, List<Frequency> frequencies,
                               List<Finding> findings, Weakest weakest) {

    public EvaluationResult {
        frequencies = frequencies == null ? List.of() : List.copyOf(frequencies);
        findings = findings == null ? List.of() : List.copyOf(findings);
    }

    /** Shielding at one checked frequency (the fundamental or a harmonic). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Frequency(Integer harmonic, Double frequencyHz, Double wavelengthMm, Double totalSeDb, String status) {
    }

    /** A rule's finding and its fix. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Finding(String rule, String severity, String message, String fix) {
    }

    /** The checked frequency with the lowest total SE, and its margin to the requirement. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Weakest(Integer harmonic, Double frequencyHz, Double totalSeDb, Double marginDb) {
    }
}
