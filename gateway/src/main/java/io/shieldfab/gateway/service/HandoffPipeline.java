package io.shieldfab.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shieldfab.gateway.Handoff;
import io.shieldfab.gateway.client.AnalysisRequest;
import io.shieldfab.gateway.client.EvaluationResult;
import io.shieldfab.gateway.client.RecipeResult;
import io.shieldfab.gateway.rest.dto.HandoffView;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * The work of one leased handoff, in the order of the process (docs/architecture.md, "Handoff pipeline"): layout,
 * then shielding and recipe side by side, then the full-wave verification when the handoff asked for one (waited for
 * without a worker), then the bundle with its facts, then the webhook. Each step's output is
 * saved as soon as it exists ({@link HandoffProgress}), and each creating call carries an Idempotency-Key derived
 * from the handoff id, so an attempt repeated after a crash gets the artefacts made the first time. A failure ends
 * the attempt as data ({@link StepFailure}): permanent ones fail the handoff, transient ones make it wait.
 */
@ApplicationScoped
class HandoffPipeline {

    private static final Logger LOG = Logger.getLogger(HandoffPipeline.class);

    static final String BUNDLE = "bundle";

    private final HandoffProgress progress;
    private final LayoutStep layout;
    private final ShieldingStep shielding;
    private final RecipeStep recipe;
    private final FullwaveStep fullwave;
    private final BundleAssembler assembler;
    private final WebhookDispatcher webhooks;
    private final WorkFolders workFolders;
    private final ObjectMapper mapper;
    private final StepPool pool;
    private final HandoffMetrics metrics;
    private final HandoffTracing tracing;

    HandoffPipeline(HandoffProgress progress, LayoutStep layout, ShieldingStep shielding, RecipeStep recipe,
                    FullwaveStep fullwave, BundleAssembler assembler, WebhookDispatcher webhooks, WorkFolders workFolders, ObjectMapper mapper,
                    StepPool pool, HandoffMetrics metrics, HandoffTracing tracing) {
        this.metrics = metrics;
        this.tracing = tracing;
        this.progress = progress;
        this.layout = layout;
        this.shielding = shielding;
        this.recipe = recipe;
        this.fullwave = fullwave;
        this.assembler = assembler;
        this.webhooks = webhooks;
        this.workFolders = workFolders;
        this.mapper = mapper;
        this.pool = pool;
    }

    /** Advances a handoff this replica holds the lease of: its steps if they are due, then its webhook if due. */
    void advance(Lease lease) {
        Handoff snapshot = progress.read(lease.handoffId());
        if (snapshot == null) {
            return;
        }
        try {
            Handoff current = snapshot;
            if (!snapshot.finished() && !snapshot.nextAttemptAt.isAfter(Clock.now())) {
                try (HandoffTracing.Active ignored = tracing.start(snapshot, "handoff steps")) {
                    current = run(snapshot, lease);
                }
                if (current == null) {
                    current = progress.read(lease.handoffId());
                }
            }
            if (webhooks.due(current)) {
                try (HandoffTracing.Active ignored = tracing.start(current, "handoff webhook")) {
                    long started = System.nanoTime();
                    boolean delivered = webhooks.deliver(current, lease);
                    metrics.step(WebhookDispatcher.NAME, delivered, System.nanoTime() - started);
                }
            }
        } catch (Lease.Lost e) {
            LOG.infof("Handoff %s: %s; another replica continues it", lease.handoffId(), e.getMessage());
        }
    }

    /**
     * One attempt at the steps. Every file of it goes to its own work folder, deleted however the attempt ends. The
     * handoff as the attempt left it when it SUCCEEDED, else null (read it again).
     */
    private Handoff run(Handoff h, Lease lease) {
        long started = System.nanoTime();
        try (WorkFolders.Folder folder = step(LayoutStep.NAME, () -> workFolders.create(h.id))) {
            // A handoff waiting on its full-wave run only looks at the run until it has finished.
            if (step(FullwaveStep.NAME, () -> fullwave.stillRunning(h, lease))) {
                return null;
            }
            JsonNode design = step(LayoutStep.NAME, () -> mapper.readTree(h.designJson));
            // (the lease made a QUEUED handoff RUNNING: HandoffRepository.tryLease)
            LayoutStep.LaidOut laidOut = step(LayoutStep.NAME, () -> layout.run(h, lease, design, folder));
            long laidOutAt = System.nanoTime();
            metrics.step(LayoutStep.NAME, true, laidOutAt - started);
            Analysed analysed = analyse(h, lease, new AnalysisRequest(design, laidOut.document()), folder);
            if (analysed == null) {
                return null;
            }
            long analysedAt = System.nanoTime();
            Handoff current = analysed.handoff() != null ? analysed.handoff() : progress.read(h.id);
            Optional<Map<String, BundleBuilder.Entry>> verified = step(FullwaveStep.NAME,
                    () -> fullwave.run(current, lease, folder));
            if (verified.isEmpty()) {
                return null;
            }
            Path zip = folder.resolve("bundle.zip");
            BundleAssembler.Assembled bundle = step(BUNDLE, () -> assembler.assemble(current, laidOut, analysed.report(),
                    analysed.recipe(), verified.get(), folder, zip));
            long bundledAt = System.nanoTime();
            Handoff done = step(BUNDLE, () -> progress.succeed(lease, zip, bundle.written(), bundle.outcome()));
            long storedAt = System.nanoTime();
            metrics.step(BUNDLE, true, storedAt - analysedAt);
            // Where the time of a handoff goes (bench/load.sh reads this line for its per-step medians).
            LOG.infof("Handoff %s SUCCEEDED (verdict %s) in %d ms: layout %d ms, shielding+recipe %d ms, bundle files %d ms, store %d ms",
                    h.id, current.verdict, millis(started, storedAt), millis(started, laidOutAt),
                    millis(laidOutAt, analysedAt), millis(analysedAt, bundledAt), millis(bundledAt, storedAt));
            return done;
        } catch (StepFailure.Raised raised) {
            metrics.step(raised.failure().step(), false, System.nanoTime() - started);
            settle(lease, List.of(raised.failure()));
            return null;
        }
    }

    /**
     * What the analysis of this attempt made (either is null when an earlier attempt made it), and the handoff as
     * its outputs were saved (null when there was nothing to save).
     */
    private record Analysed(Created<EvaluationResult> report, Created<RecipeResult> recipe, Handoff handoff) {
    }

    /**
     * Shielding and recipe side by side (neither needs the other), skipping one an earlier attempt finished, their
     * answers kept in {@code folder} for the bundle. Both are waited for and their outputs saved before a failure of
     * either is settled: a repeated attempt then asks only for what is missing. Null when the attempt ended here.
     */
    private Analysed analyse(Handoff h, Lease lease, AnalysisRequest request, WorkFolders.Folder folder) {
        CompletableFuture<StepResult<Created<EvaluationResult>>> evaluating = h.reportId != null ? StepResult.skipped()
                : StepResult.async(ShieldingStep.NAME, () -> shielding.run(h, request, folder), pool, metrics);
        CompletableFuture<StepResult<Created<RecipeResult>>> compiling = h.recipeId != null ? StepResult.skipped()
                : StepResult.async(RecipeStep.NAME, () -> recipe.run(h, request, folder), pool, metrics);
        StepResult<Created<EvaluationResult>> report = evaluating.join();
        StepResult<Created<RecipeResult>> made = compiling.join();
        Handoff saved = null;
        try {
            // Both outputs in one write (a failure of it is the shielding step's when it carries the report).
            Optional<EvaluationResult> evaluated = report.output().map(Created::result);
            Optional<RecipeResult> compiled = made.output().map(Created::result);
            String windowJson = evaluated.map(r -> step(ShieldingStep.NAME, () -> {
                HandoffView.OpeningWindow window = HandoffView.OpeningWindow.of(r);
                return window == null ? null : mapper.writeValueAsString(window);
            })).orElse(null);
            if (evaluated.isPresent() || compiled.isPresent()) {
                saved = step(evaluated.isPresent() ? ShieldingStep.NAME : RecipeStep.NAME, () -> progress.save(lease, x -> {
                    evaluated.ifPresent(r -> {
                        x.reportId = r.id();
                        x.verdict = r.verdict();
                        x.openingWindowJson = windowJson;
                    });
                    compiled.ifPresent(r -> x.recipeId = r.id());
                }));
            }
        } catch (StepFailure.Raised raised) {
            settle(lease, List.of(raised.failure()));
            return null;
        }
        List<StepFailure> failures = Stream.of(report.failed(), made.failed()).flatMap(Optional::stream).toList();
        if (!failures.isEmpty()) {
            settle(lease, failures);
            return null;
        }
        return new Analysed(report.output().orElse(null), made.output().orElse(null), saved);
    }

    /** Transient before permanent: while a service may still come back, the handoff waits instead of failing. */
    private void settle(Lease lease, List<StepFailure> failures) {
        Optional<StepFailure> retry = failures.stream().filter(f -> !f.permanent()).findFirst();
        if (retry.isEmpty()) {
            progress.fail(lease, failures);
            return;
        }
        if (retry.get().error() instanceof UncheckedIOException io) {
            LOG.warnf("Handoff %s, step %s: %s", lease.handoffId(), retry.get().step(), io.getCause().getMessage());
        }
        progress.retryLater(lease, retry.get());
    }

    /** Work of a step that may throw anything. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws Exception;
    }

    /** Runs {@code work} as part of step {@code name}: what it throws becomes that step's {@link StepFailure}. */
    static <T> T step(String name, Work<T> work) {
        try {
            return work.run();
        } catch (Lease.Lost | StepFailure.Raised e) {
            throw e;
        } catch (Exception e) {
            throw new StepFailure.Raised(StepFailure.of(name, e));
        }
    }

    private static long millis(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1_000_000;
    }
}
