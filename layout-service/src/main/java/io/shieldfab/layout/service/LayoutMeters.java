package io.shieldfab.layout.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.shieldfab.layout.service.LayoutService.Format;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.StreamingOutput;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The layout meters of docs/operations.md, "Metrics": {@code shieldfab_layouts_generated_total},
 * {@code shieldfab_layout_files_written_total{format}} and {@code shieldfab_layout_written_bytes_total{format}}.
 * The only label is the format, from {@link Format}. Created at startup, so every series reads 0 from the first
 * scrape (a rate needs the zero).
 */
@Startup
@ApplicationScoped
public class LayoutMeters {

    private final Counter generated;
    private final Map<Format, Counter> files = new EnumMap<>(Format.class);
    private final Map<Format, Counter> bytes = new EnumMap<>(Format.class);

    @Inject
    public LayoutMeters(MeterRegistry registry) {
        generated = Counter.builder("shieldfab.layouts.generated")
                .description("Layouts created (not idempotent replays, not refused designs)")
                .register(registry);
        for (Format f : Format.values()) {
            String format = f.name().toLowerCase(Locale.ROOT);
            files.put(f, Counter.builder("shieldfab.layout.files.written").tag("format", format)
                    .description("Layout files written for download").register(registry));
            bytes.put(f, Counter.builder("shieldfab.layout.written.bytes").tag("format", format).baseUnit("bytes")
                    .description("Bytes of layout files written for download").register(registry));
        }
    }

    /** Counted once the layout's transaction has committed: a rolled-back creation made no layout. */
    void created(@Observes(during = TransactionPhase.AFTER_SUCCESS) LayoutService.Created created) {
        generated.increment();
    }

    /**
     * The body, counting the bytes it writes to the response as it streams them. The file counts when written to
     * the end; the bytes count as far as they went (a client that hangs up still cost them).
     */
    StreamingOutput counted(Format format, StreamingOutput body) {
        return out -> {
            CountingStream counting = new CountingStream(out);
            boolean complete = false;
            try {
                body.write(counting);
                complete = true;
            } finally {
                bytes.get(format).increment(counting.count);
                if (complete) {
                    files.get(format).increment();
                }
            }
        };
    }

    /** Passes every byte on and counts it; bulk writes stay bulk. */
    private static final class CountingStream extends FilterOutputStream {

        private long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
