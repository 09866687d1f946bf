package io.shieldfab.layout.service;

import io.shieldfab.design.Violation;
import io.shieldfab.support.problem.InvalidInputException;

import java.util.List;

/** A design document that cannot be laid out; carries every violation at once. A 400 problem. */
public class InvalidDesignException extends InvalidInputException {

    public InvalidDesignException(List<Violation> violations) {
        super("The design has " + violations.size() + " invalid field(s).", violations);
    }
}
