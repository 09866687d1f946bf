package io.shieldfab.gateway.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/**
 * What the gateway reads of a shielding report (docs/shielding.md): its id and verdict, the SE per checked
 * frequency and the findings the portal lists, {@code weakest}, the checked frequency with the lowest total SE
 * as shielding-service names it, the opening window and the openings it is drawn against. The gateway never works
 * these out itself: a report without them shows none.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EvaluationResult(String id, String verdict, Double minShieldingDb, List<Frequency> frequencies,
                               List<Finding> findings, Weakest weakest, Geometry geometry,
                               OpeningWindow openingWindow) {

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

    /** The openings of the shield the report checked (the layout's), mm. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Geometry(Integer openingsPerWall, Double openingLengthMm, Double openingHeightMm) {
    }

    /**
     * The openings that both fill and shield: smallest pathway dimension ≥ minMm (the fill), largest ≤ maxMm (the
     * shielding at maxFrequencyHz); empty when none does.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OpeningWindow(Double minMm, Double maxMm, Boolean empty, Double maxFrequencyHz, String minLimitedBy,
                                Double fillerTopCutMaxUm) {
    }

    /** The checked frequency with the lowest total SE, and its margin to the requirement. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Weakest(Integer harmonic, Double frequencyHz, Double totalSeDb, Double marginDb) {
    }
}
