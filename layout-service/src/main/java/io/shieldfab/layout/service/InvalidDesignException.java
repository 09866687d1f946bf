package io.shieldfab.layout.service;

import io.shieldfab.design.Violation;

import java.util.List;

/** A design document that cannot be laid out; carries every violation at once. Mapped to 400. */
public class InvalidDesignException extends RuntimeException {

    private final transient List<Violation> violations;

    public InvalidDesignException(List<Violation> violations) {
        super("The design has " + violations.size() + " invalid field(s).");
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
