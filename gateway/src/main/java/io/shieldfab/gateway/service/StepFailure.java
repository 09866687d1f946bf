package io.shieldfab.gateway.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shieldfab.gateway.client.DownstreamException;
import io.shieldfab.gateway.rest.dto.HandoffView;

import java.io.IOException;
import java.io.UncheckedIOException;

/** A handoff step's failure, with the step it happened in: whether retrying can help, and how it is told. */
record StepFailure(String step, RuntimeException error) {

    boolean permanent() {
        return isPermanent(error);
    }

    /** Permanent: retrying gives the same answer (a 4xx, or a bundle limit), so the handoff fails at once. */
    static boolean isPermanent(RuntimeException e) {
        return e instanceof DownstreamException.Permanent || e instanceof BundleLimitException;
    }

    /** What the handoff shows for this failure: a service's problem (title, detail, rule) or a bundle limit. */
    HandoffView.HandoffError describe(ObjectMapper mapper) {
        if (error instanceof BundleLimitException limit) {
            return new HandoffView.HandoffError(step, null, "Bundle limit exceeded", limit.getMessage(),
                    limit.rule());
        }
        if (error instanceof DownstreamException d) {
            JsonNode problem = null;
            try {
                problem = d.problemJson().isBlank() ? null : mapper.readTree(d.problemJson());
            } catch (IOException unreadable) {
                problem = null;
            }
            String detail = problem == null ? "the service answered HTTP " + d.status() : problem.path("detail").asText(null);
            if (problem != null && problem.has("violations")) {
                detail = detail + " " + problem.get("violations");
            }
            return new HandoffView.HandoffError(step, d.status(),
                    problem == null ? null : problem.path("title").asText(null), detail,
                    problem == null ? null : problem.path("rule").asText(null));
        }
        return new HandoffView.HandoffError(step, null, "Failed", error.getMessage(), null);
    }

    /** Why a step waits, in words for the client; causes with local detail (paths) stay in the log. */
    static String describeTransient(RuntimeException error) {
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
