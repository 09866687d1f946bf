package io.shieldfab.testsupport.observability;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.Arrays;
import java.util.List;

/**
 * The spans a service under test finished, kept in memory: Quarkus exports to every {@code SpanExporter} bean, and
 * this one is a bean in every service's tests (the test profile samples every span and turns OTLP off;
 * docs/operations.md, "Traces"). Inject {@link InMemorySpanExporter} and read {@link #ofTrace}.
 */
@ApplicationScoped
public class TestSpans {

    @Produces
    @Singleton
    InMemorySpanExporter inMemorySpanExporter() {
        return InMemorySpanExporter.create();
    }

    /**
     * The finished spans of one trace, waiting up to 10 s until there are at least {@code atLeast} of the kind given
     * (null: any kind): spans are exported when they end, which may be just after the response.
     */
    public static List<SpanData> await(InMemorySpanExporter exporter, String traceId, SpanKind kind, int atLeast)
            throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        List<SpanData> found = ofTrace(exporter, traceId);
        while (count(found, kind) < atLeast && System.nanoTime() < deadline) {
            Thread.sleep(100);
            found = ofTrace(exporter, traceId);
        }
        return kind == null ? found : found.stream().filter(s -> s.getKind() == kind).toList();
    }

    /**
     * The finished spans of one trace, waiting up to 10 s until spans of every name given have ended: a span such as
     * a webhook delivery's ends after its request reached the receiver, so counting spans alone can read too early.
     */
    public static List<SpanData> awaitNamed(InMemorySpanExporter exporter, String traceId, String... names)
            throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        List<SpanData> found = ofTrace(exporter, traceId);
        while (!hasAll(found, names) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            found = ofTrace(exporter, traceId);
        }
        return found;
    }

    private static boolean hasAll(List<SpanData> spans, String... names) {
        return Arrays.stream(names).allMatch(n -> spans.stream().anyMatch(s -> s.getName().equals(n)));
    }

    private static long count(List<SpanData> spans, SpanKind kind) {
        return spans.stream().filter(s -> kind == null || s.getKind() == kind).count();
    }

    /** The finished spans of one trace (32 lower-case hex digits). */
    public static List<SpanData> ofTrace(InMemorySpanExporter exporter, String traceId) {
        return exporter.getFinishedSpanItems().stream().filter(s -> s.getTraceId().equals(traceId)).toList();
    }
}
