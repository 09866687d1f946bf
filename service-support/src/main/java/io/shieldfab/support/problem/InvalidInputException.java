package io.shieldfab.support.problem;

import io.shieldfab.design.Violation;

import java.util.List;

/** Input that fails validation: a {@code 400} problem listing every violation with the JSON path of its field. */
public class InvalidInputException extends ProblemException {

    public InvalidInputException(List<Violation> violations) {
        this("The request has " + violations.size() + " invalid field(s).", violations);
    }

    public InvalidInputException(String detail, List<Violation> violations) {
        super(Problem.validation(detail, violations));
    }

    public List<Violation> violations() {
        return problem().violations();
    }
}
