package io.shieldfab.shielding.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.shieldfab.shielding.evaluation.ShieldingReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import java.util.EnumMap;
import java.util.Map;

/**
 * The evaluation meter of docs/operations.md, "Metrics": {@code shieldfab_evaluations_total{verdict}}, one series
 * per {@link ShieldingReport.Status}. Created at startup, so every verdict reads 0 from the first scrape.
 */
@Startup
@ApplicationScoped
public class EvaluationMeters {

    private final Map<ShieldingReport.Status, Counter> evaluations = new EnumMap<>(ShieldingReport.Status.class);

    @Inject
    public EvaluationMeters(MeterRegistry registry) {
        for (ShieldingReport.Status verdict : ShieldingReport.Status.values()) {
            evaluations.put(verdict, Counter.builder("shieldfab.evaluations").tag("verdict", verdict.name())
                    .description("Shielding evaluations created, by verdict").register(registry));
        }
    }

    /** Counted once the evaluation's transaction has committed: a rolled-back one was never created. */
    void evaluated(@Observes(during = TransactionPhase.AFTER_SUCCESS) ShieldingReport report) {
        evaluations.get(report.verdict()).increment();
    }
}
