package io.shieldfab.gateway.service;

import io.shieldfab.design.Problem;

/** A handoff request refused for a reason other than an invalid design (idempotency, not found, ...). */
public class HandoffProblem extends RuntimeException {

    private final transient Problem problem;

    public HandoffProblem(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
