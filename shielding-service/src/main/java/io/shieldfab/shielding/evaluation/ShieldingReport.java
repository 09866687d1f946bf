package io.shieldfab.shielding.evaluation;

import io.shieldfab.design.Requirements;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * The outcome of a shielding evaluation (docs/api-guide.md, shielding-service report). Pure data.
 *
 * @param designName        design name
 * @param revision          design revision
 * @param verdict           PASS, WARN or FAIL: the worst status of every rule and finding
 * @param geometrySource    always {@link ShieldGeometry#SOURCE}: the geometry is the layout's
 * @param material          deposit metal
 * @param minShieldingDb    required SE at every checked frequency, dB
 * @param apertureRule      the configured aperture rule, e.g. LAMBDA_OVER_20
 * @param nearFieldSource   the source the design names (requirements.nearFieldSource), or null: the worse of both
 * @param kneeFrequencyHz   0.5/t_r when the design gives a rise time, else null
 * @param geometry          the geometry used
 * @param frequencies       one entry per checked frequency
 * @param cavityResonances  cavity modes of the depression up to the top of the sweep
 * @param findings          what is wrong and how to fix it
 * @param sweep             SE versus frequency (log-spaced) for the chart
 * @param weakest           the checked frequency with the lowest total SE
 * @param maxOpeningMm      the largest opening (1 µm steps) that passes every FAIL-level aperture rule at every
 *                          checked frequency, mm; 0 when none does (docs/shielding.md, "Opening window")
 * @param fillMinOpeningMm  the fill's lower limit on the smallest pathway dimension under the configured fill
 *                          policy, mm (FillResult.minOpeningMm)
 * @param openingWindow     both limits side by side; null when the walls are closed (no pathway to fill)
 * @param checkedRange      the rule that set the checked frequencies, its upper frequency and the harmonics checked
 * @param seam              the seam between the can's rim and the board as evaluated; null when the layout gives none
 * @param loadedCavity      the depression loaded with the package, whose modes {@code cavityResonances} lists
 */
public record ShieldingReport(String designName, String revision, Status verdict, String geometrySource,
                              String material, double minShieldingDb, String apertureRule,
                              Requirements.NearFieldSource nearFieldSource, Double kneeFrequencyHz,
                              ShieldGeometry geometry, List<FrequencyCheck> frequencies, List<Resonance> cavityResonances,
                              List<Finding> findings, List<SweepPoint> sweep, Weakest weakest, double maxOpeningMm,
                              double fillMinOpeningMm, OpeningWindow openingWindow, CheckedRange checkedRange,
                              ShieldGeometry.Seam seam, LoadedCavity loadedCavity) {

    /**
     * The cavity the modes are computed in (docs/shielding.md, "Loaded cavity").
     *
     * @param packageRelativePermittivity     εp, the design's package.relativePermittivity
     * @param packageFillFraction             φ, the package's share of the cavity volume
     * @param encapsulantRelativePermittivity εe
     * @param effectivePermittivity           φ·εp + (1 − φ)·εe
     * @param encapsulantLossTangent          tan δ of the encapsulant
     * @param dielectricQ                     εeff / ((1 − φ)·εe·tan δ): an upper bound of the modes' Q; null without
     *                                        loss
     */
    public record LoadedCavity(double packageRelativePermittivity, double packageFillFraction,
                               double encapsulantRelativePermittivity, double effectivePermittivity,
                               double encapsulantLossTangent, Double dielectricQ) {

        /** Half the relative half-power bandwidth of a mode, 1/(2Q); 0 without loss. */
        public double halfBandwidth() {
            return dielectricQ == null ? 0.0 : 1.0 / (2.0 * dielectricQ);
        }
    }

    /**
     * The range of checked frequencies (docs/shielding.md "Checked frequencies").
     *
     * @param rule      FCC_15_33_A, FCC_15_33_B or HARMONICS_OVERRIDE
     * @param upToHz    the rule's upper frequency, Hz (for the override: the highest harmonic it asks for)
     * @param harmonics harmonics checked, k = 1 … harmonics, after the cap on checked frequencies
     */
    public record CheckedRange(EmissionRange.Rule rule, double upToHz, int harmonics) {
    }

    /** Rule and verdict status, in increasing severity. */
    @Schema(name = "ShieldingStatus", description = "PASS, WARN or FAIL, in increasing severity")
    public enum Status { PASS, WARN, FAIL;

        public Status worst(Status other) {
            return other.ordinal() > ordinal() ? other : this;
        }
    }

    /** A finding's severity: INFO is a note that never changes the verdict. */
    @Schema(name = "ShieldingSeverity", description = "INFO (a note: never changes the verdict), WARN or FAIL")
    public enum Severity { INFO, WARN, FAIL;

        static Severity of(Status status) {
            return status == Status.PASS ? INFO : valueOf(status.name());
        }
    }

    /** Whether a rule's limit is an upper bound (opening size) or a lower bound (wall thickness). */
    @Schema(name = "RuleBound", description = "MAX: the limit is an upper bound; MIN: a lower bound")
    public enum Bound { MAX, MIN }

    /**
     * @param frequencyHz          checked frequency, Hz
     * @param harmonic             1 = fundamental
     * @param wavelengthMm         λ in the encapsulant that fills the openings, mm
     * @param skinDepthUm          δ of the wall at this frequency, µm
     * @param relativePermeability μr of the wall used at this frequency
     * @param solidWallSeDb        A + R + B of the wall, dB
     * @param solidWall            how solidWallSeDb was computed: field region, source type, source distance and
     *                             the terms A, R, B (docs/shielding.md, "Solid wall: source distance")
     * @param apertureSeDb         SE of the openings on one wall, dB (null when the walls are closed)
     * @param enclosureSeDb        electric-field SE at the package (cavity centre), Robinson model, dB (null when
     *                             the model does not apply to this geometry)
     * @param totalSeDb            the weakest path: min(solid wall, apertures), dB
     * @param status               worst rule status at this frequency
     * @param rules                each rule with its limit and the actual value
     */
    public record FrequencyCheck(double frequencyHz, int harmonic, double wavelengthMm, double skinDepthUm,
                                 double relativePermeability, double solidWallSeDb, SolidWall solidWall,
                                 Double apertureSeDb, Double enclosureSeDb, double totalSeDb, Status status,
                                 List<RuleCheck> rules, Double seamSeDb) {
    }

    /** Whether the source is inside λ/2π of the wall (near field) or beyond it (plane wave). */
    @Schema(name = "FieldRegion", description = "NEAR: the source is inside λ/2π of the wall; FAR: beyond it")
    public enum FieldRegion { NEAR, FAR }

    /**
     * The source whose reflection loss the wall SE uses: in the near field the worse (lower SE) of the magnetic and
     * electric forms, since the design does not say which the package is; in the far field the plane wave.
     */
    @Schema(name = "SourceType", description = "the reflection form: MAGNETIC or ELECTRIC (near field), PLANE_WAVE (far)")
    public enum SourceType { MAGNETIC, ELECTRIC, PLANE_WAVE }

    /** The shield face nearest the package: the side walls (wall clearance) or the top wall (gap above it). */
    @Schema(name = "SourceFace", description = "the shield face nearest the package")
    public enum SourceFace { SIDE_WALLS, TOP_WALL }

    /**
     * The solid-wall SE at one frequency, term by term (docs/shielding.md, "Solid wall: source distance").
     *
     * @param fieldRegion          NEAR when sourceDistanceMm &lt; boundaryMm, else FAR
     * @param sourceType           the reflection form used: MAGNETIC or ELECTRIC (near), PLANE_WAVE (far)
     * @param sourceFace           the face nearest the package, whose distance is used
     * @param sourceDistanceMm     distance from the package to that face, mm
     * @param boundaryMm           λ/2π in free space at this frequency, mm
     * @param absorptionDb         A, dB
     * @param reflectionDb         R of the source type, dB
     * @param multipleReflectionDb B, dB
     */
    public record SolidWall(FieldRegion fieldRegion, SourceType sourceType, SourceFace sourceFace,
                            double sourceDistanceMm, double boundaryMm, double absorptionDb, double reflectionDb,
                            double multipleReflectionDb) {
    }

    /**
     * One rule at one frequency.
     *
     * @param rule     the rule
     * @param status   PASS, WARN or FAIL
     * @param limitMm  the size limit, mm (largest opening for MAX rules, smallest wall thickness for MIN rules)
     * @param actualMm the geometry's value, mm
     * @param bound    MAX or MIN
     * @param field    JSON path of the design field a fix changes
     * @param measured what the rule compares: the opening (mm) or the SE (dB)
     * @param limit    what it is compared with: λ/N (mm) or the required SE (dB)
     * @param unit     {@code mm} or {@code dB}
     */
    public record RuleCheck(ShieldingRule rule, Status status, double limitMm, double actualMm, Bound bound,
                            String field, double measured, double limit, String unit) {
    }

    /**
     * @param mode                 e.g. TM110
     * @param frequencyHz          resonant frequency of the loaded cavity, Hz
     * @param flagged              true when a checked frequency lies within the margin
     * @param nearHarmonic         the harmonic that lies within the margin, when flagged
     * @param unloadedFrequencyHz  the same mode with encapsulant only (no package), Hz: the highest the mode can be
     */
    public record Resonance(String mode, double frequencyHz, boolean flagged, Integer nearHarmonic,
                            double unloadedFrequencyHz) {
    }

    /**
     * A broken rule or a note, as data; {@code message} and {@code fix} are rendered from it ({@link FindingText}).
     *
     * @param rule        the rule
     * @param severity    WARN or FAIL (INFO for notes)
     * @param field       JSON path of the design field a fix changes (null for notes without one)
     * @param measured    the value found where the rule is tightest (null for notes)
     * @param limit       the value the rule allows there (null for notes)
     * @param unit        unit of measured and limit: mm, dB, % or harmonics (null for notes)
     * @param frequencyHz the frequency where the rule is tightest
     * @param fixField    the design field to change, when a value is known that passes
     * @param fixValue    the value to give it (mm or µm as the field says)
     * @param message     what is wrong, in words
     * @param fix         the concrete change that passes, in words
     */
    public record Finding(ShieldingRule rule, Severity severity, String field, Double measured, Double limit,
                          String unit, Double frequencyHz, String fixField, Double fixValue, String message,
                          String fix) {
    }

    /**
     * @param frequencyHz   Hz
     * @param enclosureSeDb Robinson electric SE at the package, dB (null when not applicable)
     * @param apertureSeDb  aperture SE, dB (null when closed)
     * @param solidWallSeDb solid-wall SE, dB
     * @param seamSeDb      seam SE, dB (null when there is no open seam)
     */
    public record SweepPoint(double frequencyHz, Double enclosureSeDb, Double apertureSeDb, double solidWallSeDb,
                             Double seamSeDb) {
    }

    /** Which of the fill's limits sets the window's lower edge (docs/physics.md §6). */
    @Schema(name = "OpeningWindowLimit", description = "FILLER: k × filler top cut; FLOW: the chain within the gel time")
    public enum FillLimit { FILLER, FLOW }

    /**
     * The openings that both fill and shield (docs/shielding.md, "Opening window"): the smallest pathway dimension
     * must be at least minMm (the fill), the largest at most maxMm (the shielding).
     *
     * @param minMm              the fill's lower limit on the smallest pathway dimension, mm
     * @param maxMm              the shielding's upper limit on the largest opening dimension, mm (maxOpeningMm)
     * @param empty              true when no opening passes both: minMm &gt; maxMm, or no opening shields (maxMm 0)
     * @param maxFrequencyHz     the checked frequency where the shielding limit is tightest, Hz
     * @param minLimitedBy       FILLER when k × filler top cut sets minMm (it is ≥ the flow's limit), else FLOW
     * @param fillerFactor       k of the filler rule (shieldfab.fill.filler-factor)
     * @param fillerMinMm        k × filler top cut, mm
     * @param flowMinMm          the flow's limit along the chain, mm (0 for a chain of one depression)
     * @param fillerTopCutMaxUm  when the window is empty and a finer filler would open it: the largest filler top
     *                           cut that does (0.001 µm steps, floor(maxMm / k)), µm; else null
     */
    public record OpeningWindow(double minMm, double maxMm, boolean empty, double maxFrequencyHz,
                                FillLimit minLimitedBy, double fillerFactor, double fillerMinMm, double flowMinMm,
                                Double fillerTopCutMaxUm) {
    }

    /**
     * The checked frequency with the lowest total SE (the first of equals), so that a client need not re-derive it.
     *
     * @param harmonic    1 = fundamental
     * @param frequencyHz Hz
     * @param totalSeDb   the weakest path there, dB
     * @param marginDb    totalSeDb − minShieldingDb (negative: below the requirement)
     */
    public record Weakest(int harmonic, double frequencyHz, double totalSeDb, double marginDb) {

        static Weakest of(List<FrequencyCheck> checks, double minSeDb) {
            FrequencyCheck w = checks.get(0);
            for (FrequencyCheck fc : checks) {
                if (fc.totalSeDb() < w.totalSeDb()) {
                    w = fc;
                }
            }
            return new Weakest(w.harmonic(), w.frequencyHz(), w.totalSeDb(), w.totalSeDb() - minSeDb);
        }
    }
}
