package io.shieldfab.gateway.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shieldfab.gateway.client.DownstreamException;
import io.shieldfab.gateway.client.ProblemDocument;
import io.shieldfab.gateway.rest.dto.HandoffView;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A handoff step's failure, with the step it happened in and its kind: whether retrying can help, and how it is
 * told on the handoff.
 */
record StepFailure(String step, Kind kind, RuntimeException error) {

    /** Permanent: retrying gives the same answer (a 4xx, a bundle limit), so the handoff fails at once. */
    enum Kind { PERMANENT, TRANSIENT }

    /** Thrown out of a step to end the attempt with this failure. */
    static final class Raised extends RuntimeException {
        private final StepFailure failure;

        Raised(StepFailure failure) {
            super(failure.step() + ": " + failure.error().getMessage(), failure.error());
            this.failure = failure;
        }

        StepFailure failure() {
            return failure;
        }
    }

    /**
     * The failure {@code error} makes of {@code step}: a service's 4xx, a bundle limit and an unreadable answer are
     * permanent; an I/O failure (the work folder, a connection cut while a file was read) and anything else (a
     * service down, a timeout, an open circuit breaker) are worth another attempt.
     */
    static StepFailure of(String step, Throwable error) {
        if (error instanceof JsonProcessingException) {
            return new StepFailure(step, Kind.PERMANENT,
                    DownstreamException.badAnswer("a service answered with unreadable JSON"));
        }
        if (error instanceof IOException io) {
            return new StepFailure(step, Kind.TRANSIENT, new UncheckedIOException(io));
        }
        RuntimeException e = error instanceof RuntimeException r ? r : new IllegalStateException(error);
        boolean permanent = e instanceof DownstreamException.Permanent || e instanceof BundleLimitException;
        return new StepFailure(step, permanent ? Kind.PERMANENT : Kind.TRANSIENT, e);
    }

    boolean permanent() {
        return kind == Kind.PERMANENT;
    }

    /** What the handoff shows for this failure: a service's problem (title, detail, rule) or a bundle limit. */
    HandoffView.HandoffError describe(ObjectMapper mapper) {
        if (error instanceof BundleLimitException limit) {
            return new HandoffView.HandoffError(step, null, "Bundle limit exceeded", limit.getMessage(),
                    limit.rule());
        }
        if (error instanceof DownstreamException d) {
            ProblemDocument problem = d.problem(mapper).orElse(null);
            if (problem == null) {
                return new HandoffView.HandoffError(step, d.status(), null, "the service answered HTTP " + d.status(), null);
            }
            String detail = problem.violations() == null || problem.violations().isNull() ? problem.detail()
                    : problem.detail() + " " + problem.violations();
            return new HandoffView.HandoffError(step, d.status(), problem.title(), detail, problem.rule());
        }
        return new HandoffView.HandoffError(step, null, "Failed", error.getMessage(), null);
    }

    /** Why a step waits, in words for the client; causes with local detail (paths) stay in the log. */
    String describeTransient() {
        if (error instanceof WorkSpaceFullException full) {
            return full.getMessage();
        }
        if (error instanceof UncheckedIOException) {
            // the cause (a path on this machine, say) goes to the log, not to the client
            return "a service's answer broke off, or the gateway could not write its work folder; retrying";
        }
        if (error instanceof DownstreamException d) {
            return "the service answered HTTP " + d.status() + "; retrying";
        }
        String name = error.getClass().getSimpleName();
        if (name.contains("CircuitBreakerOpen")) {
            return "the service failed repeatedly; waiting before the next try";
        }
        if (name.contains("Timeout")) {
            return "the service did not answer in time; retrying";
        }
        return "the service is unreachable; retrying";
    }
}
