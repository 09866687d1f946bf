package io.shieldfab.shielding.evaluation;

import java.util.List;

/**
 * The outcome of a shielding evaluation (docs/api-guide.md, shielding-service report). Pure data.
 *
 * @param designName        design name
 * @param revision          design revision
 * @param verdict           PASS, WARN or FAIL: the worst status of every rule and finding
 * @param geometrySource    LAYOUT or DESIGN: where the opening sizes, counts and wall thickness came from
 * @param material          deposit metal
 * @param minShieldingDb    required SE at every checked frequency, dB
 * @param apertureRule      the configured aperture rule, e.g. LAMBDA_OVER_20
 * @param kneeFrequencyHz   0.5/t_r when the design gives a rise time, else null
 * @param geometry          the geometry used
 * @param frequencies       one entry per checked frequency
 * @param cavityResonances  cavity modes of the depression up to the top of the sweep
 * @param findings          what is wrong and how to fix it
 * @param sweep             SE versus frequency (log-spaced) for the chart
 */
public record ShieldingReport(String designName, String revision, Status verdict, String geometrySource,
                              String material, double minShieldingDb, String apertureRule, Double kneeFrequencyHz,
                              ShieldGeometry geometry, List<FrequencyCheck> frequencies, List<Resonance> cavityResonances,
                              List<Finding> findings, List<SweepPoint> sweep) {

    /** Rule and verdict status, in increasing severity. */
    public enum Status { PASS, WARN, FAIL;

        public Status worst(Status other) {
            return other.ordinal() > ordinal() ? other : this;
        }
    }

    /** Whether a rule's limit is an upper bound (opening size) or a lower bound (wall thickness). */
    public enum Bound { MAX, MIN }

    /**
     * @param frequencyHz          checked frequency, Hz
     * @param harmonic             1 = fundamental
     * @param wavelengthMm         λ in the encapsulant that fills the openings, mm
     * @param skinDepthUm          δ of the wall at this frequency, µm
     * @param relativePermeability μr of the wall used at this frequency
     * @param solidWallSeDb        A + R + B of the wall, dB
     * @param apertureSeDb         SE of the openings on one wall, dB (null when the walls are closed)
     * @param enclosureSeDb        electric-field SE at the package (cavity centre), Robinson model, dB (null when
     *                             the model does not apply to this geometry)
     * @param totalSeDb            the weakest path: min(solid wall, apertures), dB
     * @param status               worst rule status at this frequency
     * @param rules                each rule with its limit and the actual value
     */
    public record FrequencyCheck(double frequencyHz, int harmonic, double wavelengthMm, double skinDepthUm,
                                 double relativePermeability, double solidWallSeDb, Double apertureSeDb,
                                 Double enclosureSeDb, double totalSeDb, Status status, List<RuleCheck> rules) {
    }

    /**
     * @param rule    rule id
     * @param status  PASS, WARN or FAIL
     * @param limitMm the limit, mm (largest opening for MAX rules, smallest wall thickness for MIN rules)
     * @param actualMm the design's value, mm
     * @param bound   MAX or MIN
     */
    public record RuleCheck(String rule, Status status, double limitMm, double actualMm, Bound bound) {
    }

    /**
     * @param mode               e.g. TM110
     * @param frequencyHz        resonant frequency, Hz
     * @param flagged            true when a checked frequency lies within the margin
     * @param nearHarmonic       the harmonic that lies within the margin, when flagged
     */
    public record Resonance(String mode, double frequencyHz, boolean flagged, Integer nearHarmonic) {
    }

    /**
     * @param rule        rule id
     * @param severity    WARN or FAIL (INFO for notes)
     * @param message     what is wrong, in words
     * @param fix         the concrete change that passes, in words
     * @param fixField    the design field to change, when there is one
     * @param fixValue    the value to give it (mm or µm as the field says)
     * @param frequencyHz the frequency where the rule is tightest
     */
    public record Finding(String rule, String severity, String message, String fix, String fixField, Double fixValue,
                          Double frequencyHz) {
    }

    /**
     * @param frequencyHz   Hz
     * @param enclosureSeDb Robinson electric SE at the package, dB (null when not applicable)
     * @param apertureSeDb  aperture SE, dB (null when closed)
     * @param solidWallSeDb solid-wall SE, dB
     */
    public record SweepPoint(double frequencyHz, Double enclosureSeDb, Double apertureSeDb, double solidWallSeDb) {
    }
}
