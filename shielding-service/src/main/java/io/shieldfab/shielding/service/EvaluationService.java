package io.shieldfab.shielding.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shieldfab.design.Design;
import io.shieldfab.design.DesignReader;
import io.shieldfab.design.ReadResult;
import io.shieldfab.design.Requirements;
import io.shieldfab.design.Violation;
import io.shieldfab.shielding.Evaluation;
import io.shieldfab.shielding.Verification;
import io.shieldfab.shielding.config.ShieldingConfig;
import io.shieldfab.shielding.evaluation.ShieldGeometry;
import io.shieldfab.shielding.evaluation.ShieldingEvaluator;
import io.shieldfab.shielding.evaluation.ShieldingReport;
import io.shieldfab.shielding.format.SeChart;
import io.shieldfab.shielding.fullwave.FullwaveArchive;
import io.shieldfab.shielding.fullwave.FullwaveModel;
import io.shieldfab.shielding.physics.Material;
import io.shieldfab.shielding.format.SvgChartWriter;
import io.shieldfab.shielding.repository.EvaluationRepository;
import io.shieldfab.shielding.repository.VerificationRepository;
import io.shieldfab.shielding.rest.dto.EvaluationReport;
import io.shieldfab.shielding.rest.dto.EvaluationRequest;
import io.shieldfab.shielding.rest.dto.LayoutView;
import io.shieldfab.shielding.rest.dto.VerificationView;
import io.shieldfab.support.config.FillPolicyConfig;
import io.shieldfab.support.idempotency.IdempotencyStore;
import io.shieldfab.support.json.CanonicalJson;
import io.shieldfab.support.problem.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** The transactional boundary of evaluations: read and check the input, evaluate, persist, fetch. */
@ApplicationScoped
public class EvaluationService {

    public static final String BASE_PATH = "/api/v1/shielding/evaluations";

    @Inject
    EvaluationRepository repository;

    @Inject
    ObjectMapper mapper;

    @Inject
    VerificationRepository verifications;

    @Inject
    ShieldingConfig config;

    @Inject
    IdempotencyStore idempotency;

    /** Observed by EvaluationMeters once the evaluation commits. */
    @Inject
    Event<ShieldingReport> evaluated;

    /** The fill's margins, shared with recipe-service, so the opening window's lower edge is the recipe's. */
    @Inject
    FillPolicyConfig fillPolicy;

    /**
     * A created report: its id and its JSON, the text stored, answered and kept for an {@code Idempotency-Key}
     * replay alike.
     */
    public record Created(String id, String json) {
    }

    /**
     * Evaluates, stores and returns the report. The report is serialised once: the same text is the stored row, the
     * answer kept for an {@code Idempotency-Key} and the response body (the report of a handoff is about 177 KB, most of
     * it the sweep's doubles, and writing it is the largest part of the POST's CPU; docs/benchmarks.md, "shielding").
     */
    @Transactional
    public Created create(EvaluationRequest request) {
        // Idempotency-Key replays are answered before this point by service-support's IdempotencyFilter.
        String hash = inputHash(request);
        ReadResult read = DesignReader.create().read(request.design());
        List<Violation> violations = new ArrayList<>(prefixed(read.violations()));
        if (!read.valid()) {
            throw new InvalidInputException(violations);
        }
        Design design = read.design();
        LayoutView layout = readLayout(request.layout(), violations);
        ShieldGeometry geometry = layout == null ? null : ShieldGeometry.from(layout, design.siteCount(), violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        ShieldingReport report = new ShieldingEvaluator(config.settings(), fillPolicy.policy()).evaluate(design, geometry);

        Evaluation e = new Evaluation();
        e.id = UUID.randomUUID().toString();
        e.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        e.designName = design.name();
        e.verdict = report.verdict().name();
        e.inputHash = hash;
        EvaluationReport dto = EvaluationReport.from(e.id, e.createdAt, report, prefixed(read.warnings()));
        e.reportJson = write(dto);
        repository.persist(e);
        // with the evaluation, in its transaction (docs/api-guide.md §4); a String is stored as it is
        idempotency.storeWithCreation(BASE_PATH + "/" + e.id, e.reportJson);
        evaluated.fire(report);
        return new Created(e.id, e.reportJson);
    }

    /**
     * The stored report's JSON as it was answered when created: the stored text is the response, not read into a
     * report and written again (the same bytes, at none of the cost).
     */
    @Transactional
    public Optional<String> findJson(String id) {
        return repository.findReportJson(id);
    }

    /**
     * The report as GET answers it: the stored text, with the newest SUCCEEDED verification's figures added as
     * {@code fullwave} when there is one (docs/shielding.md, "Verification runs"). Without one, the stored bytes.
     */
    @Transactional
    public Optional<String> findJsonWithFullwave(String id) {
        return findJson(id).map(json -> verifications.latestSucceeded(id).map(v -> withFullwave(json, v)).orElse(json));
    }

    private String withFullwave(String json, Verification v) {
        VerificationView.Result r = VerificationService.result(mapper, v.resultJson);
        EvaluationReport.Fullwave fullwave = new EvaluationReport.Fullwave(v.id, VerificationService.VERDICT_BASIS,
                r.ringDownComplete(), v.pulse, r.frequencies(), r.warnings());
        int end = json.lastIndexOf('}');
        try {
            return json.substring(0, end) + ",\"fullwave\":" + mapper.writeValueAsString(fullwave) + json.substring(end);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a verification summary is always serialisable", e);
        }
    }

    /** The stored report, read back into its record. */
    @Transactional
    public Optional<EvaluationReport> find(String id) {
        return findJson(id).map(this::read);
    }

    /**
     * The openEMS model of one site of a stored report, with its reference and README, as a zip
     * (docs/shielding.md, "Full-wave model").
     */
    @Transactional
    public Optional<byte[]> fullwaveModel(String id, FullwaveModel.Density density, FullwaveModel.PulseKind pulse) {
        Optional<EvaluationReport> report = find(id);
        return report.map(r -> fullwaveModelOf(r, density, pulse));
    }

    static byte[] fullwaveModelOf(EvaluationReport r, FullwaveModel.Density density, FullwaveModel.PulseKind pulse) {
        return FullwaveArchive.zip(modelOf(r, density, pulse), r.designName(), r.id(), analyticOf(r));
    }

    /** The analytic total SE of each checked frequency, to set beside the full-wave one. */
    static List<FullwaveArchive.AnalyticPoint> analyticOf(EvaluationReport r) {
        return r.frequencies().stream()
                .map(f -> new FullwaveArchive.AnalyticPoint(f.harmonic(), f.frequencyHz(), f.totalSeDb())).toList();
    }

    /**
     * The full-wave model of one site of a report (docs/shielding.md, "Full-wave model"); a mesh of more than
     * {@link FullwaveModel#MAX_CELLS} is a 400 naming {@code cellsPerWavelength}.
     */
    static FullwaveModel modelOf(EvaluationReport r, FullwaveModel.Density density, FullwaveModel.PulseKind pulse) {
        FullwaveModel model = modelOf(r, density);
        if (pulse == FullwaveModel.PulseKind.BROADBAND) {
            return model;
        }
        double operatingHz = r.frequencies().stream().filter(f -> f.harmonic() == 1).findFirst().orElseThrow()
                .frequencyHz();
        return model.withPulse(FullwaveModel.Pulse.atOperatingFrequency(operatingHz));
    }

    /** The same, driven by the broadband pulse. */
    static FullwaveModel modelOf(EvaluationReport r, FullwaveModel.Density density) {
        EvaluationReport.FrequencyCheck lowest = r.frequencies().stream()
                .min(Comparator.comparingDouble(EvaluationReport.FrequencyCheck::frequencyHz)).orElseThrow();
        double highestHz = r.frequencies().stream().mapToDouble(EvaluationReport.FrequencyCheck::frequencyHz).max().orElseThrow();
        EvaluationReport.Geometry g = r.geometry();
        Material metal = Material.valueOf(r.material().name());
        FullwaveModel.Walls walls = new FullwaveModel.Walls(
                g.wallThicknessUm() >= FullwaveModel.PEC_SKIN_DEPTHS * lowest.skinDepthUm(), metal.conductivitySPerM,
                g.wallThicknessUm(), lowest.skinDepthUm());
        EvaluationReport.LoadedCavity cavity = r.loadedCavity();
        double fill = cavity == null ? 1.0 : cavity.effectivePermittivity();
        double loss = cavity == null ? 0.0 : (1 - cavity.packageFillFraction())
                * cavity.encapsulantRelativePermittivity() * cavity.encapsulantLossTangent();
        double lossAtHz = r.cavityResonances().stream().mapToDouble(EvaluationReport.Resonance::frequencyHz).min()
                .orElse(highestHz);
        try {
            return FullwaveModel.of(g.cavityLengthMm(), g.cavityWidthMm(), g.cavityDepthMm(), walls,
                    g.openingsPerWall(), g.openingLengthMm(), g.openingHeightMm(), fill, loss, lossAtHz, highestHz,
                    density, seamOf(r)).withSource(r.nearFieldSource() == Requirements.NearFieldSource.MAGNETIC
                    ? FullwaveModel.Source.MAGNETIC_DIPOLE : FullwaveModel.Source.ELECTRIC_DIPOLE);
        } catch (FullwaveModel.TooLarge e) {
            throw new InvalidInputException(List.of(new Violation("cellsPerWavelength", e.getMessage() + " at "
                    + density.cellsPerWavelength() + " cells per wavelength; at most " + FullwaveModel.MAX_CELLS
                    + " are written (a coarser mesh, or a design of fewer checked frequencies)")));
        }
    }

    /**
     * The rim's seam as the full-wave model draws it (docs/shielding.md, "Full-wave model"): bonded all round when the
     * report has no gap, its gaps between the layout's pads when it gives them and their height, else not modelled,
     * with the reason.
     */
    static FullwaveModel.Seam seamOf(EvaluationReport r) {
        EvaluationReport.Seam seam = r.seam();
        if (seam == null) {
            return FullwaveModel.Seam.notModelledBecause("the layout gives no seam (metrics seamGapCount, seamLongestGapMm)");
        }
        if (seam.gapCount() == 0 || seam.longestGapMm() <= 0) {
            return FullwaveModel.Seam.BONDED;
        }
        if (seam.pads() == null) {
            return FullwaveModel.Seam.notModelledBecause("the report has no bonding pads' positions (the layout's metrics bondingPads)");
        }
        if (seam.gapHeightMm() == null) {
            return FullwaveModel.Seam.notModelledBecause("the design gives no bonding material thickness (bonding.padThicknessUm)");
        }
        List<ShieldGeometry.Pad> pads = seam.pads().stream().map(p -> new ShieldGeometry.Pad(p.xMm(), p.yMm())).toList();
        EvaluationReport.Geometry g = r.geometry();
        return FullwaveModel.Seam.between(pads, pads.isEmpty() ? 0 : seam.padSizeMm(), seam.gapHeightMm(),
                g.cavityLengthMm(), g.cavityWidthMm());
    }

    /**
     * The SE-versus-frequency chart of a stored report, as SVG, with the newest SUCCEEDED verification's full-wave
     * curve when there is one.
     */
    @Transactional
    public Optional<String> chart(String id) {
        return find(id).map(r -> chartOf(r, verifications.latestSucceeded(id)
                .map(v -> VerificationService.result(mapper, v.resultJson))));
    }

    static String chartOf(EvaluationReport r) {
        return chartOf(r, Optional.empty());
    }

    static String chartOf(EvaluationReport r, Optional<VerificationView.Result> fullwave) {
        List<SeChart.Point> points = r.sweep().stream()
                .map(p -> new SeChart.Point(p.frequencyHz(), p.enclosureSeDb(), p.apertureSeDb(), p.solidWallSeDb(),
                        p.seamSeDb()))
                .toList();
        List<SeChart.Marker> harmonics = r.frequencies().stream()
                .map(f -> new SeChart.Marker(f.frequencyHz(), "H" + f.harmonic(), f.status() == ShieldingReport.Status.FAIL))
                .toList();
        List<SeChart.Marker> resonances = r.cavityResonances().stream()
                .map(m -> new SeChart.Marker(m.frequencyHz(), m.mode(), m.flagged()))
                .toList();
        String title = r.designName() + (r.revision() == null ? "" : " rev " + r.revision()) + " — shielding "
                + r.verdict() + " (target " + r.minShieldingDb() + " dB)";
        List<SeChart.FullwavePoint> curve = fullwave.map(f -> f.curve().stream()
                .map(p -> new SeChart.FullwavePoint(p.frequencyHz(), p.fullwaveSeDb(), Boolean.TRUE.equals(p.lowerBound())))
                .toList()).orElse(List.of());
        String label = fullwave.map(f -> String.format(Locale.ROOT, "full-wave SE (openEMS, %.2f ns%s%s)",
                f.simulatedTimeNs(), f.ringDownFit() != null && f.ringDownFit().applied() ? " + ring-down tail" : "",
                f.pulse() != null && f.pulse().kind() == FullwaveModel.PulseKind.OPERATING_FREQUENCY
                        ? String.format(Locale.ROOT, ", pulse at %.2f GHz", f.pulse().centreHz() / 1e9) : ""))
                .orElse(null);
        return SvgChartWriter.write(new SeChart(title, r.minShieldingDb(), points, harmonics, resonances, curve, label));
    }

    /**
     * SHA-256 of the canonical request, {@code {"design": …, "layout": …}} with a missing layout as null: the
     * request's own trees under a new root, as they are (canonical form: CanonicalJson), not a copy of the request
     * made through Jackson first.
     */
    static String inputHash(EvaluationRequest request) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.set("design", request.design() == null ? NullNode.getInstance() : request.design());
        root.set("layout", request.layout() == null ? NullNode.getInstance() : request.layout());
        return CanonicalJson.sha256(root);
    }

    /** The request's layout as shielding reads it, or null with a violation on {@code layout}. */
    private LayoutView readLayout(JsonNode layoutNode, List<Violation> v) {
        if (layoutNode == null || layoutNode.isNull()) {
            v.add(new Violation("layout", "required: the layout JSON of this design from POST /api/v1/layouts (the"
                    + " shield's geometry comes from its site and metrics)"));
            return null;
        }
        LayoutView view = null;
        if (layoutNode.isObject()) {
            try {
                view = mapper.treeToValue(layoutNode, LayoutView.class);
            } catch (JsonProcessingException | IllegalArgumentException ex) {
                // The parser's words may name Java types: the violation below says what is expected instead.
                view = null;
            }
        }
        if (view == null) {
            v.add(new Violation("layout", "not a layout document of layout-service (expected an object with site and"
                    + " metrics)"));
        }
        return view;
    }

    private static List<Violation> prefixed(List<Violation> violations) {
        return violations.stream()
                .map(x -> new Violation(x.field() == null || x.field().equals("$") || x.field().isEmpty()
                        ? "design" : "design." + x.field(), x.message()))
                .toList();
    }

    private EvaluationReport read(String json) {
        try {
            return mapper.readValue(json, EvaluationReport.class);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("stored report is unreadable", ex);
        }
    }

    private String write(EvaluationReport report) {
        try {
            return mapper.writeValueAsString(report);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("report cannot be serialised", ex);
        }
    }
}
