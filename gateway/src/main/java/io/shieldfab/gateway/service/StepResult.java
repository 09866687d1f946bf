package io.shieldfab.gateway.service;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * How a step that runs beside another ended: done with its output, failed, or skipped because an earlier attempt
 * of the handoff already saved its output. Shielding and recipe run side by side and both are waited for, so a
 * failure of one is data to weigh with the other's, not an exception that would hide it.
 */
sealed interface StepResult<T> {

    record Done<T>(T value) implements StepResult<T> {
    }

    record Failed<T>(StepFailure failure) implements StepResult<T> {
    }

    record Skipped<T>() implements StepResult<T> {
    }

    /** The step run on {@code pool}, its failure caught as data. */
    static <T> CompletableFuture<StepResult<T>> async(String step, Supplier<T> call, Executor pool,
                                                      HandoffMetrics metrics) {
        return CompletableFuture.supplyAsync(() -> {
            long started = System.nanoTime();
            try {
                Done<T> done = new Done<>(call.get());
                metrics.step(step, true, System.nanoTime() - started);
                return done;
            } catch (RuntimeException e) {
                metrics.step(step, false, System.nanoTime() - started);
                return new Failed<>(StepFailure.of(step, e));
            }
        }, pool);
    }

    static <T> CompletableFuture<StepResult<T>> skipped() {
        return CompletableFuture.completedFuture(new Skipped<>());
    }

    default Optional<StepFailure> failed() {
        return this instanceof Failed<T> failed ? Optional.of(failed.failure()) : Optional.empty();
    }

    default Optional<T> output() {
        return this instanceof Done<T> done ? Optional.of(done.value()) : Optional.empty();
    }
}
