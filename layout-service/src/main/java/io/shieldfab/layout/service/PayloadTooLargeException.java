package io.shieldfab.layout.service;

import io.shieldfab.support.problem.Problem;
import io.shieldfab.support.problem.ProblemException;

/** A request body over the configured size: a 413 problem. */
public class PayloadTooLargeException extends ProblemException {

    public PayloadTooLargeException(String message) {
        super(Problem.of(413, "Payload Too Large", message));
    }
}
