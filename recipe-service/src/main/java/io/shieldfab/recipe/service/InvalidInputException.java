package io.shieldfab.recipe.service;

import io.shieldfab.design.Violation;

import java.util.List;

/** Input that fails validation; every violation carries the JSON path of the offending field. */
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
