package io.shieldfab.shielding.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shieldfab.design.Design;
import io.shieldfab.design.DesignReader;
import io.shieldfab.design.ReadResult;
import io.shieldfab.design.Violation;
import io.shieldfab.shielding.Evaluation;
import io.shieldfab.shielding.config.ShieldingConfig;
import io.shieldfab.shielding.evaluation.ShieldGeometry;
import io.shieldfab.shielding.evaluation.ShieldingEvaluator;
import io.shieldfab.shielding.evaluation.ShieldingReport;
import io.shieldfab.shielding.format.SeChart;
import io.shieldfab.shielding.format.SvgChartWriter;
import io.shieldfab.shielding.repository.EvaluationRepository;
import io.shieldfab.shielding.rest.dto.EvaluationReport;
import io.shieldfab.shielding.rest.dto.EvaluationRequest;
import io.shieldfab.shielding.rest.dto.LayoutView;
import io.shieldfab.support.idempotency.IdempotencyStore;
import io.shieldfab.support.json.CanonicalJson;
import io.shieldfab.support.problem.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
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
    ShieldingConfig config;

    @Inject
    IdempotencyStore idempotency;

    @Transactional
    public EvaluationReport create(EvaluationRequest request) {
        // Idempotency-Key replays are answered before this point by service-support's IdempotencyFilter.
        String hash = CanonicalJson.sha256(mapper.valueToTree(request));
        ReadResult read = DesignReader.create().read(request.design());
        List<Violation> violations = new ArrayList<>(prefixed(read.violations()));
        if (!read.valid()) {
            throw new InvalidInputException(violations);
        }
        Design design = read.design();
        ShieldGeometry geometry = request.layout() == null || request.layout().isNull()
                ? ShieldingEvaluator.geometryFromDesign(design)
                : geometryFromLayout(design, request.layout(), violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        ShieldingReport report = new ShieldingEvaluator(config.settings()).evaluate(design, geometry);

        Evaluation e = new Evaluation();
        e.id = UUID.randomUUID().toString();
        e.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        e.designName = design.name();
        e.verdict = report.verdict().name();
        e.inputHash = hash;
        EvaluationReport dto = EvaluationReport.from(e.id, e.createdAt, report, prefixed(read.warnings()));
        e.reportJson = write(dto);
        repository.persist(e);
        // with the evaluation, in its transaction (docs/api-guide.md §4)
        idempotency.storeWithCreation(BASE_PATH + "/" + e.id, dto);
        return dto;
    }

    @Transactional
    public Optional<EvaluationReport> find(String id) {
        return repository.findByResourceId(id).map(e -> read(e.reportJson));
    }

    /** The SE-versus-frequency chart of a stored report, as SVG. */
    @Transactional
    public Optional<String> chart(String id) {
        return find(id).map(EvaluationService::chartOf);
    }

    static String chartOf(EvaluationReport r) {
        List<SeChart.Point> points = r.sweep().stream()
                .map(p -> new SeChart.Point(p.frequencyHz(), p.enclosureSeDb(), p.apertureSeDb(), p.solidWallSeDb()))
                .toList();
        List<SeChart.Marker> harmonics = r.frequencies().stream()
                .map(f -> new SeChart.Marker(f.frequencyHz(), "H" + f.harmonic(), f.status().equals("FAIL")))
                .toList();
        List<SeChart.Marker> resonances = r.cavityResonances().stream()
                .map(m -> new SeChart.Marker(m.frequencyHz(), m.mode(), m.flagged()))
                .toList();
        String title = r.designName() + (r.revision() == null ? "" : " rev " + r.revision()) + " — shielding "
                + r.verdict() + " (target " + r.minShieldingDb() + " dB)";
        return SvgChartWriter.write(new SeChart(title, r.minShieldingDb(), points, harmonics, resonances));
    }

    /** The layout is the geometric truth for opening size, count and wall thickness (docs/api-guide.md layout metrics). */
    ShieldGeometry geometryFromLayout(Design design, JsonNode layoutNode, List<Violation> v) {
        LayoutView layout;
        try {
            layout = mapper.treeToValue(layoutNode, LayoutView.class);
        } catch (JsonProcessingException | IllegalArgumentException ex) {
            v.add(new Violation("layout", "not a layout document of layout-service (expected an object with metrics)"));
            return null;
        }
        if (layout == null || layout.metrics() == null) {
            v.add(new Violation("layout.metrics", "required: the layout's metrics (openingCount, openingMaxDimensionMm,"
                    + " wallThicknessUm)"));
            return null;
        }
        LayoutView.Metrics m = layout.metrics();
        int before = v.size();
        if (m.openingCount() == null || m.openingCount() < 0) {
            v.add(new Violation("layout.metrics.openingCount", "required, a whole number ≥ 0"));
        }
        if (m.openingMaxDimensionMm() == null || !(m.openingMaxDimensionMm() >= 0)
                || !Double.isFinite(m.openingMaxDimensionMm())) {
            v.add(new Violation("layout.metrics.openingMaxDimensionMm", "required, a number ≥ 0 (mm)"));
        }
        if (m.wallThicknessUm() == null || !(m.wallThicknessUm() > 0) || !Double.isFinite(m.wallThicknessUm())) {
            v.add(new Violation("layout.metrics.wallThicknessUm", "required, a number > 0 (µm)"));
        }
        int sites = layout.siteCount() == null ? design.siteCount() : layout.siteCount();
        if (sites != design.siteCount()) {
            v.add(new Violation("layout.siteCount", "the layout has " + sites + " sites but the design "
                    + design.siteCount() + ": is this the layout of this design?"));
        }
        if (v.size() > before) {
            return null;
        }
        if (m.openingCount() % (4L * sites) != 0) {
            v.add(new Violation("layout.metrics.openingCount", m.openingCount() + " openings are not the same number on"
                    + " each of the 4 walls of " + sites + " sites"));
            return null;
        }
        int perWall = (int) (m.openingCount() / (4L * sites));
        ShieldGeometry fromDesign = ShieldingEvaluator.geometryFromDesign(design);
        double max = perWall == 0 ? 0.0 : m.openingMaxDimensionMm();
        // Opening proportions: the layout's when it gives them, else the design's scaled to the layout's largest
        // dimension.
        double scale = fromDesign.openingMaxDimensionMm() > 0 ? max / fromDesign.openingMaxDimensionMm() : 1.0;
        double length = positive(m.openingLengthMm()) ? m.openingLengthMm()
                : fromDesign.openingMaxDimensionMm() > 0 ? fromDesign.openingLengthMm() * scale : max;
        double height = positive(m.openingHeightMm()) ? m.openingHeightMm()
                : fromDesign.openingMaxDimensionMm() > 0 ? fromDesign.openingHeightMm() * scale : max;
        LayoutView.Site site = layout.site();
        double cavityLength = site != null && positive(site.cavityLengthMm()) ? site.cavityLengthMm() : fromDesign.cavityLengthMm();
        double cavityWidth = site != null && positive(site.cavityWidthMm()) ? site.cavityWidthMm() : fromDesign.cavityWidthMm();
        double cavityDepth = site != null && positive(site.cavityDepthMm()) ? site.cavityDepthMm() : fromDesign.cavityDepthMm();
        return new ShieldGeometry(cavityLength, cavityWidth, cavityDepth, m.wallThicknessUm(), max == 0 ? 0 : perWall,
                max, max == 0 ? 0 : length, max == 0 ? 0 : height, "LAYOUT");
    }

    private static boolean positive(Double v) {
        return v != null && v > 0 && Double.isFinite(v);
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
