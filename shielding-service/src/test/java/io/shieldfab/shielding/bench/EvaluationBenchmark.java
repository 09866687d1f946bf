package io.shieldfab.shielding.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.shieldfab.design.Design;
import io.shieldfab.design.process.FillPolicy;
import io.shieldfab.design.DesignReader;
import io.shieldfab.shielding.evaluation.EvaluationSettings;
import io.shieldfab.shielding.evaluation.ShieldGeometry;
import io.shieldfab.shielding.evaluation.ShieldingEvaluator;
import io.shieldfab.shielding.evaluation.ShieldingReport;
import io.shieldfab.shielding.rest.dto.EvaluationReport;
import io.shieldfab.shielding.support.ExampleDesigns;
import io.shieldfab.shielding.support.ExampleLayouts;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Evaluations per second for the Wi-Fi example (10 harmonics) bonded with pads, so that the seam is checked too,
 * and a 1,000-point SE sweep (the default), single thread, with that design's layout. {@code evaluate}: the evaluator alone; {@code readEvaluateSerialise}:
 * what a POST costs apart from HTTP, the database and reading the layout (design reading, evaluation, report JSON).
 * {@code writeReport} and {@code readReport}: one serialisation of that report (about 177 KB, most of it the sweep's
 * doubles) and one reading of it back, the units a handoff's POST and GET pay per pass over the report;
 * {@code readReportFastDoubles} reads it with the fast double parser the service enables (config/FastDoubleReading).
 * How to run: docs/benchmarks.md, "shielding".
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EvaluationBenchmark {

    private ObjectNode tree;
    private Design design;
    private ShieldGeometry geometry;
    private ShieldingEvaluator evaluator;
    private ObjectMapper mapper;
    private ObjectMapper fastReader;
    private EvaluationReport report;
    private String reportJson;

    @Setup
    public void setUp() {
        // The shipped Wi-Fi (10 harmonics under FCC 15.33(a)) bonded with pads: the seam is evaluated at every
        // frequency and sweep point and its fix searched, the most work an evaluation of this design can cause.
        tree = ExampleDesigns.tree(ExampleDesigns.WIFI);
        ((ObjectNode) tree.get("bonding")).put("pattern", "PADS");
        design = ExampleDesigns.design(tree);
        geometry = ExampleLayouts.geometry(design, ExampleLayouts.tree(ExampleLayouts.WIFI_PADS));
        evaluator = new ShieldingEvaluator(EvaluationSettings.DEFAULTS, FillPolicy.DEFAULT);
        mapper = new ObjectMapper().registerModule(new JavaTimeModule());
        if (evaluator.evaluate(design, geometry).sweep().size() != 1000) {
            throw new IllegalStateException("expected a 1000-point sweep");
        }
        fastReader = new ObjectMapper().registerModule(new JavaTimeModule())
                .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER.mappedFeature());
        report = EvaluationReport.from("bench", Instant.EPOCH, evaluator.evaluate(design, geometry), List.of());
        try {
            reportJson = mapper.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Benchmark
    public ShieldingReport evaluate() {
        return evaluator.evaluate(design, geometry);
    }

    @Benchmark
    public String readEvaluateSerialise() throws Exception {
        Design d = DesignReader.create().read(tree).design();
        ShieldingReport r = evaluator.evaluate(d, geometry);
        return mapper.writeValueAsString(EvaluationReport.from("bench", Instant.EPOCH, r, List.of()));
    }

    @Benchmark
    public String writeReport() throws Exception {
        return mapper.writeValueAsString(report);
    }

    @Benchmark
    public EvaluationReport readReport() throws Exception {
        return mapper.readValue(reportJson, EvaluationReport.class);
    }

    @Benchmark
    public EvaluationReport readReportFastDoubles() throws Exception {
        return fastReader.readValue(reportJson, EvaluationReport.class);
    }
}
