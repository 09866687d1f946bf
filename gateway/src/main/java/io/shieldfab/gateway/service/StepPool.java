package io.shieldfab.gateway.service;

import io.opentelemetry.context.Context;
import io.shieldfab.gateway.config.GatewayConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.MDC;

import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads a handoff's work fans out on: shielding and recipe side by side, then the bundle's files (up to ten
 * fetches) side by side. Four per worker thread, so one handoff's fan-out never waits for another's.
 */
@ApplicationScoped
class StepPool implements Executor {

    private final ExecutorService pool;

    StepPool(GatewayConfig config) {
        int workers = HandoffScheduler.workerCount(config.handoff().workers(), Runtime.getRuntime().availableProcessors());
        this.pool = Executors.newFixedThreadPool(4 * workers, daemons("handoff-step"));
    }

    @Override
    public void execute(Runnable command) {
        // the handoff's trace and log context go with the step (docs/operations.md, "Traces")
        Map<String, Object> logContext = MDC.getMap();
        Runnable traced = Context.current().wrap(command);
        pool.execute(() -> {
            logContext.forEach(MDC::put);
            try {
                traced.run();
            } finally {
                logContext.keySet().forEach(MDC::remove);
            }
        });
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }

    /** Daemon threads named {@code prefix-n}: they never keep the JVM alive, and a thread dump tells them apart. */
    static ThreadFactory daemons(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
