package io.shieldfab.gateway.service;

import io.shieldfab.support.problem.Problem;
import io.shieldfab.support.problem.ProblemException;

/** A handoff request refused for a reason other than an invalid design (idempotency, not found, ...). */
public class HandoffProblem extends ProblemException {

    public HandoffProblem(Problem problem) {
        this(problem, null);
    }

    /** A refusal that may succeed later; the answer carries {@code Retry-After} (RFC 9110 §10.2.3). */
    public HandoffProblem(Problem problem, Long retryAfterSeconds) {
        super(problem, retryAfterSeconds);
    }

    /** 413 for a design body over {@code shieldfab.max-design-bytes}. */
    public static HandoffProblem payloadTooLarge(long maxDesignBytes) {
        return new HandoffProblem(Problem.of(413, "Payload Too Large",
                "A design may be at most " + maxDesignBytes + " bytes."));
    }

    /** 404 for a handoff id; the id is echoed only in a safe, short form (a path-traversal attempt never verbatim). */
    public static HandoffProblem notFound(String id) {
        String clean = id.replaceAll("[^A-Za-z0-9-]", "?");
        String shown = clean.length() > 40 ? clean.substring(0, 40) + "…" : clean;
        return new HandoffProblem(Problem.of(404, "Not Found", "No handoff with id " + shown + "."));
    }
}
