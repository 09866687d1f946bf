package io.shieldfab.shielding.rest.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.shieldfab.design.BondingSpec.BondingPattern;
import io.shieldfab.design.Requirements;
import io.shieldfab.design.Requirements.ApertureRule;
import io.shieldfab.design.ShieldSpec.ShieldMaterial;
import io.shieldfab.design.Violation;
import io.shieldfab.shielding.evaluation.EmissionRange;
import io.shieldfab.shielding.evaluation.ShieldGeometry;
import io.shieldfab.shielding.evaluation.ShieldingRule;
import io.shieldfab.shielding.evaluation.ShieldingReport;
import io.shieldfab.shielding.evaluation.ShieldingReport.Bound;
import io.shieldfab.shielding.evaluation.ShieldingReport.FieldRegion;
import io.shieldfab.shielding.evaluation.ShieldingReport.FillLimit;
import io.shieldfab.shielding.evaluation.ShieldingReport.Severity;
import io.shieldfab.shielding.evaluation.ShieldingReport.SourceFace;
import io.shieldfab.shielding.evaluation.ShieldingReport.SourceType;
import io.shieldfab.shielding.evaluation.ShieldingReport.Status;
import io.shieldfab.shielding.fullwave.FullwaveModel;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * The shielding report on the wire (docs/api-guide.md): {@code verdict}, {@code frequencies[]}, {@code cavityResonances[]},
 * {@code findings[]} are the contract; the other fields add context, the weakest frequency and the sweep for the
 * chart, {@code maxOpeningMm}, {@code fillMinOpeningMm} and {@code openingWindow} the openings that fill and shield,
 * {@code checkedRange} the rule that set the checked frequencies (docs/shielding.md "Checked frequencies"),
 * {@code seam} the seam between rim and board as checked ("Seams"), {@code loadedCavity} the cavity the modes are
 * computed in ("Loaded cavity").
 * Members are only ever added, never renamed: rule codes are {@link ShieldingRule} names. The closed value sets
 * are the Java enums themselves (OpenAPI enums; their constants are only ever added, so a stored report always
 * reads back).
 */
public record EvaluationReport(String id, Instant createdAt, String designName, String revision, Status verdict,
                               @Schema(type = SchemaType.STRING, enumeration = ShieldGeometry.SOURCE)
                               String geometrySource, ShieldMaterial material, double minShieldingDb,
                               ApertureRule apertureRule,
                               @JsonInclude(JsonInclude.Include.NON_NULL)
                               @Schema(description = "the design's requirements.nearFieldSource, when it names one: the "
                                       + "solid wall's near-field form and the full-wave model's dipole follow it "
                                       + "(docs/shielding.md, \"Solid wall: source distance\")")
                               Requirements.NearFieldSource nearFieldSource,
                               Double kneeFrequencyHz, Geometry geometry, List<FrequencyCheck> frequencies,
                               List<Resonance> cavityResonances, List<Finding> findings, List<Violation> designWarnings,
                               List<SweepPoint> sweep, Weakest weakest, double maxOpeningMm,
                               double fillMinOpeningMm, OpeningWindow openingWindow, CheckedRange checkedRange,
                               Seam seam, LoadedCavity loadedCavity,
                               @JsonInclude(JsonInclude.Include.NON_NULL)
                               @Schema(description = "only when a full-wave verification of this evaluation has "
                                       + "SUCCEEDED: the newest one's SE beside the analytic figures (docs/shielding.md, "
                                       + "\"Verification runs\"); not part of the stored report")
                               Fullwave fullwave) {

    /**
     * The newest SUCCEEDED full-wave verification, beside the analytic figures.
     *
     * @param verificationId   its id (GET …/verifications/{verificationId} has the curve and both runs' facts)
     * @param verdictRestsOn   which figures the verdict rests on
     * @param ringDownComplete whether the can's field had died away by the end of the run
     * @param pulse            what drove its dipole: with OPERATING_FREQUENCY only the first harmonic has a figure
     * @param frequencies      each checked frequency its pulse reaches: analytic and full-wave SE and their difference
     * @param warnings         what limits the full-wave figures
     */
    @Schema(name = "EvaluationFullwave")
    public record Fullwave(String verificationId, VerificationView.VerdictBasis verdictRestsOn, boolean ringDownComplete,
                           @Schema(description = "what drove the dipole: BROADBAND (every checked frequency) or "
                                   + "OPERATING_FREQUENCY (the first harmonic alone)") FullwaveModel.PulseKind pulse,
                           List<VerificationView.CheckedFrequency> frequencies, List<String> warnings) {
    }

    /**
     * The seam between the can's rim and the board; null when the layout gives none (a SEAM_NOT_EVALUATED note).
     *
     * @param pattern      PADS or RING (layout metrics bondingPattern)
     * @param gapCount     unbonded stretches around one rim (0: bonded all round)
     * @param longestGapMm the longest of them, edge to edge along the bonding line, mm
     * @param gapHeightMm  how far the rim stands above the board between the pads: the bonding material's thickness
     *                     (design bonding.padThicknessUm), mm; absent when the rim is bonded all round or the design
     *                     has no bonding section
     * @param padSizeMm    the drawn pads' side, mm (layout metrics bondingPadSizeMm); absent when none are drawn
     * @param pads         the drawn pads' centres relative to the site centre (layout metrics bondingPads); absent
     *                     when the rim is bonded all round or the layout does not give them
     */
    public record Seam(BondingPattern pattern, int gapCount, double longestGapMm,
                       @JsonInclude(JsonInclude.Include.NON_NULL)
                       @Schema(description = "how far the rim stands above the board between the pads (the bonding "
                               + "material's thickness, design bonding.padThicknessUm), mm: the gaps' height in the "
                               + "full-wave model; absent when the rim is bonded all round")
                       Double gapHeightMm,
                       @JsonInclude(JsonInclude.Include.NON_NULL)
                       @Schema(description = "the drawn pads' side (layout metrics bondingPadSizeMm), mm; absent "
                               + "when no pads are drawn")
                       Double padSizeMm,
                       @JsonInclude(JsonInclude.Include.NON_NULL)
                       @Schema(description = "the drawn pads' centres relative to the site centre (layout metrics "
                               + "bondingPads); empty when none fit, absent when the rim is bonded all round or the "
                               + "layout does not give them")
                       List<Pad> pads) {

        static Seam of(ShieldGeometry.Seam s) {
            if (s == null) {
                return null;
            }
            boolean open = !s.closed();
            return new Seam(BondingPattern.valueOf(s.pattern()), s.gapCount(), s.longestGapMm(),
                    open ? s.gapHeightMm() : null, open ? s.padSizeMm() : null,
                    open && s.pads() != null ? s.pads().stream().map(p -> new Pad(p.xMm(), p.yMm())).toList() : null);
        }
    }

    /** A bonding pad's centre relative to the site centre, mm. */
    @Schema(name = "SeamPad")
    public record Pad(double xMm, double yMm) {
    }

    /**
     * The depression loaded with the package (docs/shielding.md, "Loaded cavity").
     *
     * @param packageRelativePermittivity     εp (package.relativePermittivity)
     * @param packageFillFraction             φ: the package's share of the cavity volume
     * @param encapsulantRelativePermittivity εe
     * @param effectivePermittivity           φ·εp + (1 − φ)·εe, the εr of cavityResonances
     * @param encapsulantLossTangent          tan δ (encapsulation.lossTangent)
     * @param dielectricQ                     upper bound of the modes' Q from the encapsulant's loss; null without loss
     */
    public record LoadedCavity(double packageRelativePermittivity, double packageFillFraction,
                               double encapsulantRelativePermittivity, double effectivePermittivity,
                               double encapsulantLossTangent, Double dielectricQ) {
    }

    /**
     * The range of checked frequencies.
     *
     * @param rule      FCC_15_33_A (intentional radiator), FCC_15_33_B (unintentional radiator) or
     *                  HARMONICS_OVERRIDE (the design's package.harmonics)
     * @param upToHz    the rule's upper frequency, Hz
     * @param harmonics harmonics checked (1 = fundamental only), after the cap on checked frequencies
     */
    public record CheckedRange(EmissionRange.Rule rule, double upToHz, int harmonics) {
    }

    public record Geometry(double cavityLengthMm, double cavityWidthMm, double cavityDepthMm, double wallThicknessUm,
                           int openingsPerWall, double openingMaxDimensionMm, double openingLengthMm,
                           double openingHeightMm, Double openingDepthMm) {
    }

    /**
     * {@code solidWall}: how solidWallSeDb was computed, see ShieldingReport.SolidWall; {@code seamSeDb}: the seam's
     * SE (null when the rim is bonded all round or the layout gives no seam).
     */
    public record FrequencyCheck(double frequencyHz, int harmonic, double wavelengthMm, double skinDepthUm,
                                 double relativePermeability, double solidWallSeDb, SolidWall solidWall,
                                 Double apertureSeDb, Double enclosureSeDb, double totalSeDb, Status status,
                                 List<RuleCheck> rules, Double seamSeDb) {
    }

    /**
     * The solid wall at one frequency (docs/shielding.md, "Solid wall: source distance").
     *
     * @param fieldRegion          NEAR (source inside λ/2π) or FAR
     * @param sourceType           MAGNETIC or ELECTRIC (near: the worse of the two), PLANE_WAVE (far)
     * @param sourceFace           SIDE_WALLS (wall clearance) or TOP_WALL (gap above the package): the nearest face
     * @param sourceDistanceMm     distance from the package to that face, mm
     * @param boundaryMm           λ/2π, mm
     * @param absorptionDb         A, dB
     * @param reflectionDb         R of the source type, dB
     * @param multipleReflectionDb B, dB
     */
    public record SolidWall(FieldRegion fieldRegion, SourceType sourceType, SourceFace sourceFace, double sourceDistanceMm,
                            double boundaryMm, double absorptionDb, double reflectionDb, double multipleReflectionDb) {
    }

    /** {@code field}, {@code measured}, {@code limit}, {@code unit}: see ShieldingReport.RuleCheck. */
    public record RuleCheck(ShieldingRule rule, Status status, double limitMm, double actualMm, Bound bound, String field,
                            double measured, double limit, String unit) {
    }

    /** {@code frequencyHz} in the loaded cavity; {@code unloadedFrequencyHz} with encapsulant only. */
    public record Resonance(String mode, double frequencyHz, boolean flagged, Integer nearHarmonic,
                            double unloadedFrequencyHz) {
    }

    /** {@code field}, {@code measured}, {@code limit}, {@code unit}: see ShieldingReport.Finding. */
    public record Finding(ShieldingRule rule, Severity severity, String message, String fix, String fixField, Double fixValue,
                          Double frequencyHz, String field, Double measured, Double limit, String unit) {
    }

    public record SweepPoint(double frequencyHz, Double enclosureSeDb, Double apertureSeDb, double solidWallSeDb,
                             Double seamSeDb) {
    }

    /**
     * The checked frequency with the lowest total SE.
     *
     * @param harmonic    1 = fundamental
     * @param frequencyHz Hz
     * @param totalSeDb   the weakest path there, dB
     * @param marginDb    totalSeDb − minShieldingDb, dB (negative: below the requirement)
     */
    public record Weakest(int harmonic, double frequencyHz, double totalSeDb, double marginDb) {
    }

    /**
     * The openings that both fill and shield (docs/shielding.md, "Opening window"); null when the walls are closed.
     *
     * @param minMm             the fill's lower limit on the smallest pathway dimension, mm
     * @param maxMm             the shielding's upper limit on the largest opening dimension, mm
     * @param empty             true when no opening passes both
     * @param maxFrequencyHz    where the shielding limit is tightest, Hz
     * @param minLimitedBy      FILLER (k × filler top cut) or FLOW (the chain within the gel time)
     * @param fillerFactor      k of the filler rule
     * @param fillerMinMm       k × filler top cut, mm
     * @param flowMinMm         the flow's limit, mm (0 for a chain of one depression)
     * @param fillerTopCutMaxUm the largest filler top cut that opens an empty window, when one does, µm
     */
    public record OpeningWindow(double minMm, double maxMm, boolean empty, double maxFrequencyHz, FillLimit minLimitedBy,
                                double fillerFactor, double fillerMinMm, double flowMinMm, Double fillerTopCutMaxUm) {
    }

    public static EvaluationReport from(String id, Instant createdAt, ShieldingReport r, List<Violation> warnings) {
        var g = r.geometry();
        var w = r.weakest();
        return new EvaluationReport(id, createdAt, r.designName(), r.revision(), r.verdict(), r.geometrySource(),
                ShieldMaterial.valueOf(r.material()), r.minShieldingDb(), ApertureRule.valueOf(r.apertureRule()),
                r.nearFieldSource(), r.kneeFrequencyHz(),
                new Geometry(g.cavityLengthMm(), g.cavityWidthMm(), g.cavityDepthMm(), g.wallThicknessUm(),
                        g.openingsPerWall(), g.openingMaxDimensionMm(), g.openingLengthMm(), g.openingHeightMm(),
                        g.openingDepthMm()),
                r.frequencies().stream().map(f -> new FrequencyCheck(f.frequencyHz(), f.harmonic(), f.wavelengthMm(),
                        f.skinDepthUm(), f.relativePermeability(), f.solidWallSeDb(), solidWall(f.solidWall()),
                        f.apertureSeDb(),
                        f.enclosureSeDb(), f.totalSeDb(), f.status(),
                        f.rules().stream().map(x -> new RuleCheck(x.rule(), x.status(), x.limitMm(),
                                x.actualMm(), x.bound(), x.field(), x.measured(), x.limit(), x.unit())).toList(),
                        f.seamSeDb()))
                        .toList(),
                r.cavityResonances().stream().map(x -> new Resonance(x.mode(), x.frequencyHz(), x.flagged(),
                        x.nearHarmonic(), x.unloadedFrequencyHz())).toList(),
                r.findings().stream().map(x -> new Finding(x.rule(), x.severity(), x.message(), x.fix(),
                        x.fixField(), x.fixValue(), x.frequencyHz(), x.field(), x.measured(), x.limit(), x.unit()))
                        .toList(),
                List.copyOf(warnings),
                r.sweep().stream().map(x -> new SweepPoint(x.frequencyHz(), x.enclosureSeDb(), x.apertureSeDb(),
                        x.solidWallSeDb(), x.seamSeDb())).toList(),
                new Weakest(w.harmonic(), w.frequencyHz(), w.totalSeDb(), w.marginDb()), r.maxOpeningMm(),
                r.fillMinOpeningMm(), window(r.openingWindow()), new CheckedRange(r.checkedRange().rule(),
                        r.checkedRange().upToHz(), r.checkedRange().harmonics()),
                Seam.of(r.seam()),
                loaded(r.loadedCavity()), null);
    }

    private static LoadedCavity loaded(ShieldingReport.LoadedCavity c) {
        return new LoadedCavity(c.packageRelativePermittivity(), c.packageFillFraction(),
                c.encapsulantRelativePermittivity(), c.effectivePermittivity(), c.encapsulantLossTangent(),
                c.dielectricQ());
    }

    private static SolidWall solidWall(ShieldingReport.SolidWall w) {
        return new SolidWall(w.fieldRegion(), w.sourceType(), w.sourceFace(),
                w.sourceDistanceMm(), w.boundaryMm(), w.absorptionDb(), w.reflectionDb(), w.multipleReflectionDb());
    }

    private static OpeningWindow window(ShieldingReport.OpeningWindow w) {
        return w == null ? null : new OpeningWindow(w.minMm(), w.maxMm(), w.empty(), w.maxFrequencyHz(),
                w.minLimitedBy(), w.fillerFactor(), w.fillerMinMm(), w.flowMinMm(), w.fillerTopCutMaxUm());
    }
}
