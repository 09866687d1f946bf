package io.shieldfab.recipe.bench;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import io.quarkus.qute.Engine;
import io.quarkus.qute.HtmlEscaper;
import io.quarkus.qute.ReflectionValueResolver;
import io.quarkus.qute.Template;
import io.quarkus.qute.Variant;
import io.shieldfab.recipe.format.RecipeDocument;
import io.shieldfab.recipe.format.TravelerPdf;
import io.shieldfab.recipe.format.TravelerView;
import io.shieldfab.recipe.process.Fixtures;
import io.shieldfab.recipe.process.Procedure;
import io.shieldfab.recipe.process.RecipeCompiler;
import io.shieldfab.support.json.CanonicalJson;
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

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The traveler of one handoff, inside the JVM, to a byte-counting sink: the Wi-Fi example's recipe (the fixture
 * procedure of FormatTest) as XHTML from the service's template and as PDF from that XHTML (TravelerPdf), and the
 * stored procedure read back from its canonical JSON (what every read of a recipe starts with). The template is
 * rendered by a plain Qute engine with reflection here, not by the service's generated resolvers, so the HTML
 * figure is indicative. Run: see docs/benchmarks.md, section "recipe".
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx256m"})
public class TravelerBenchmark {

    RecipeDocument doc;
    String stored;
    String xhtml;
    Template template;
    final Counting sink = new Counting();

    /**
     * As the service's application.properties sets it: PDFBox says on every render which system font stands in for
     * the base-14 fonts, which here would be printed to the console on every operation.
     */
    private static final Logger PDFBOX_FONTS = Logger.getLogger("org.apache.pdfbox.pdmodel.font");

    @Setup
    public void setUp() throws IOException {
        PDFBOX_FONTS.setLevel(Level.SEVERE);
        Procedure procedure = RecipeCompiler.compile(Fixtures.wifi(), Fixtures.wifiLayout(), List.of());
        stored = CanonicalJson.write(procedure);
        doc = new RecipeDocument("00000000-0000-4000-8000-000000000018", 1, "DRAFT", CanonicalJson.sha256(procedure),
                "layout-1", Instant.parse("2026-12-03T10:00:00Z"), "api", null, null, null, null, procedure);
        Engine engine = Engine.builder().addDefaults().addValueResolver(new ReflectionValueResolver())
                .addResultMapper(new HtmlEscaper(List.of(Variant.TEXT_HTML))).build();
        template = engine.parse(Files.readString(Path.of("src/main/resources/templates/traveler.html")),
                Variant.forContentType(Variant.TEXT_HTML));
        xhtml = html();
    }

    @Benchmark
    public String html() {
        return template.data("t", TravelerView.of(doc)).render();
    }

    @Benchmark
    public long pdf() {
        sink.count = 0;
        TravelerPdf.write(xhtml, doc.createdAt(), sink);
        return sink.count;
    }

    /** The same PDF with openhtmltopdf parsing the XHTML string itself, as TravelerPdf did before issue 18. */
    @Benchmark
    public long pdfParsedByOpenhtmltopdf() throws IOException {
        sink.count = 0;
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.withHtmlContent(xhtml, null);
        builder.toStream(sink);
        builder.run();
        return sink.count;
    }

    /** The canonical JSON of the procedure, stored with the recipe and hashed for its content hash. */
    @Benchmark
    public String writeCanonical() {
        return CanonicalJson.write(doc.procedure());
    }

    @Benchmark
    public Procedure readStored() throws IOException {
        return CanonicalJson.mapper().readValue(stored, Procedure.class);
    }

    /** Counts the bytes written and drops them. */
    static final class Counting extends OutputStream {
        long count;

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
