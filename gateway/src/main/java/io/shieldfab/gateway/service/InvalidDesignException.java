package io.shieldfab.gateway.service;

import io.shieldfab.design.Violation;
import io.shieldfab.support.problem.InvalidInputException;

import java.util.List;

/** A design or request the gateway refuses; a 400 in the gateway's wording (docs/api-guide.md §9). */
public class InvalidDesignException extends InvalidInputException {

    public InvalidDesignException(List<Violation> violations) {
        super("The request has " + violations.size() + " invalid field(s); see violations.", violations);
    }
}
