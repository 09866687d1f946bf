package io.shieldfab.layout.service;

import io.shieldfab.support.problem.Problem;
import io.shieldfab.support.problem.ProblemException;

/** No layout with the requested id: a 404 problem. */
public class LayoutNotFoundException extends ProblemException {

    public LayoutNotFoundException(String id) {
        super(Problem.of(404, "Not Found", "No layout with id " + id + "."));
    }
}
