package io.shieldfab.recipe.service;

import io.shieldfab.support.problem.Problem;
import io.shieldfab.support.problem.ProblemException;

/** A request that conflicts with the recipe's current state (e.g. an illegal lifecycle transition): a 409 problem. */
public class ConflictException extends ProblemException {

    public ConflictException(String detail) {
        super(Problem.of(409, "Conflict", detail));
    }
}
