package io.shieldfab.layout.bench;

import io.shieldfab.design.OpeningsSpec;
import io.shieldfab.layout.Designs;
import io.shieldfab.layout.format.DxfWriter;
import io.shieldfab.layout.format.GdsWriter;
import io.shieldfab.layout.format.SvgWriter;
import io.shieldfab.layout.geometry.LayoutGenerator;
import io.shieldfab.layout.geometry.LayoutMetrics;
import io.shieldfab.layout.geometry.LayoutSpec;
import io.shieldfab.layout.geometry.PanelLayout;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Generation + writing of GDSII (hierarchical and flat), DXF and SVG, inside the JVM, to a byte-counting sink
 * (the disk is not measured). Each operation starts from the design's spec: generate, then write. Sites are
 * n × n at 5 mm pitch (package 4 × 3.4 mm, 3 slots per wall), the size of the 300 × 300 target.
 * Run: see docs/benchmarks.md, section "layout".
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx256m"})
public class LayoutBenchmark {

    /** Sites per side. */
    @Param({"10", "100", "300"})
    public int n;

    LayoutSpec spec;
    final Counting sink = new Counting();

    @Setup
    public void setUp() {
        // 5 mm pitch: package 4 × 3.4 mm + 2 × 0.3 mm clearance + 2 × 25 µm wall leaves a 0.35 / 0.95 mm street
        var d = Designs.panel(n, n, 5.0, 5.0, new OpeningsSpec(OpeningsSpec.OpeningStyle.SLOTS, 3, 0.5, 0.2), false);
        var base = LayoutSpec.from(d);
        spec = new LayoutSpec(base.name(), base.revision(), n, n, base.pitchXNm(), base.pitchYNm(), base.marginNm(),
                base.kerfNm(), 4_000_000, 3_400_000, base.packageHeightNm(), base.clearanceNm(), base.thicknessNm(),
                false, base.recessDepthNm(), base.openingStyle(), 3, base.openingLengthNm(), base.openingHeightNm(),
                100_000);
    }

    @TearDown(Level.Iteration)
    public void report() {
        System.out.printf("%n[bytes per op: %d]%n", sink.last);
    }

    @Benchmark
    public long gdsHierarchical() throws IOException {
        sink.reset();
        GdsWriter.write(LayoutGenerator.generate(spec), false, Instant.EPOCH, sink);
        return sink.count;
    }

    @Benchmark
    public long gdsFlat() throws IOException {
        sink.reset();
        GdsWriter.write(LayoutGenerator.generate(spec), true, Instant.EPOCH, sink);
        return sink.count;
    }

    @Benchmark
    public long dxfFlat() throws IOException {
        if (n > 100) {
            return 0; // the DXF target is 100 × 100; 300 × 300 DXF is over the flat-file limit anyway
        }
        sink.reset();
        DxfWriter.write(LayoutGenerator.generate(spec), sink);
        return sink.count;
    }

    @Benchmark
    public long svg() throws IOException {
        sink.reset();
        PanelLayout layout = LayoutGenerator.generate(spec);
        SvgWriter.write(layout, LayoutMetrics.of(spec), sink);
        return sink.count;
    }

    /** Counts bytes and drops them. */
    static final class Counting extends OutputStream {
        long count;
        long last;

        void reset() {
            last = count == 0 ? last : count;
            count = 0;
        }

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
