package io.shieldfab.shielding.service;

import io.shieldfab.design.Violation;

import java.util.List;

/** Input that cannot be evaluated; becomes a 400 problem listing every violation with its JSON path. */
public class InvalidInputException extends RuntimeException {

    private final transient List<Violation> violations;

    public InvalidInputException(List<Violation> violations) {
        super(violations.size() + " invalid field(s)");
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
