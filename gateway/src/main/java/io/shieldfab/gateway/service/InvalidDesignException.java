package io.shieldfab.gateway.service;

import io.shieldfab.design.Violation;

import java.util.List;

/** A design document broke one or more rules; carries every violation for the 400 problem. */
public class InvalidDesignException extends RuntimeException {

    private final transient List<Violation> violations;

    public InvalidDesignException(List<Violation> violations) {
        super("The design has " + violations.size() + " violation(s).");
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
