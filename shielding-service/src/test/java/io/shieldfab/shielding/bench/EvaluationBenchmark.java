package io.shieldfab.shielding.bench;

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
 * How to run: docs/shielding.md.
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
}
