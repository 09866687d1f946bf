package io.shieldfab.gateway.service;

import io.shieldfab.design.Violation;

import java.util.List;

/** A design document (or another input of the request) broke one or more rules; carries every violation for the 400 problem. */
public class InvalidDesignException extends RuntimeException {

    private final transient List<Violation> violations;

    public InvalidDesignException(List<Violation> violations) {
        super("The request has " + violations.size() + " invalid field(s); see violations.");
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
