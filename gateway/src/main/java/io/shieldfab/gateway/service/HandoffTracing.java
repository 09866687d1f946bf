package io.shieldfab.gateway.service;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.shieldfab.gateway.Handoff;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.MDC;

import java.util.List;
import java.util.Map;

/**
 * One trace per handoff (docs/operations.md, "Traces"): the submission's W3C {@code traceparent} is kept with the
 * handoff, and each piece of background work on it (an attempt at the steps, a webhook delivery) runs in a span
 * that is a child of the submission, so the calls to the three services and the webhook carry the same trace id.
 * While it runs, the log lines name the handoff ({@code handoffId}) and the trace ({@code traceId}, {@code spanId}).
 */
@ApplicationScoped
public class HandoffTracing {

    static final String HANDOFF_ID = "handoffId";
    private static final TextMapGetter<Map<String, String>> MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private final OpenTelemetry openTelemetry;
    private final Tracer tracer;

    HandoffTracing(OpenTelemetry openTelemetry) {
        this.openTelemetry = openTelemetry;
        this.tracer = openTelemetry.getTracer("io.shieldfab.gateway");
    }

    /** The current request's trace as a W3C traceparent, or null outside a trace. */
    String currentTraceParent() {
        SpanContext span = Span.current().getSpanContext();
        return span.isValid()
                ? "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex() : null;
    }

    /** Starts the span of one piece of work on a handoff, named {@code work} ("handoff steps", "handoff webhook"). */
    Active start(Handoff handoff, String work) {
        Context parent = handoff.traceParent == null ? Context.root()
                : openTelemetry.getPropagators().getTextMapPropagator()
                        .extract(Context.root(), Map.of("traceparent", handoff.traceParent), MAP);
        Span span = tracer.spanBuilder(work).setParent(parent).setAttribute("shieldfab.handoff.id", handoff.id)
                .startSpan();
        Scope scope = span.makeCurrent();
        MDC.put(HANDOFF_ID, handoff.id);
        MDC.put("traceId", span.getSpanContext().getTraceId());
        MDC.put("spanId", span.getSpanContext().getSpanId());
        return new Active(span, scope);
    }

    /** The headers that carry the current trace to a receiver ({@code traceparent}, and {@code tracestate} if any). */
    public Map<String, String> outgoingHeaders() {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        openTelemetry.getPropagators().getTextMapPropagator().inject(Context.current(), headers, Map::put);
        return headers;
    }

    /** A running piece of handoff work; closing it ends the span and clears the log context. */
    public record Active(Span span, Scope scope) implements AutoCloseable {
        @Override
        public void close() {
            scope.close();
            span.end();
            for (String key : List.of(HANDOFF_ID, "traceId", "spanId")) {
                MDC.remove(key);
            }
        }
    }
}
