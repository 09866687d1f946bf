package io.shieldfab.testsupport.observability;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

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

    /** The finished spans of one trace (32 lower-case hex digits). */
    public static List<SpanData> ofTrace(InMemorySpanExporter exporter, String traceId) {
        return exporter.getFinishedSpanItems().stream().filter(s -> s.getTraceId().equals(traceId)).toList();
    }
}
