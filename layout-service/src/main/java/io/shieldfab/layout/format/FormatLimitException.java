package io.shieldfab.layout.format;

import io.shieldfab.design.RuleCode;
import io.shieldfab.support.problem.Problem;
import io.shieldfab.support.problem.ProblemException;

/**
 * A layout that a file format cannot carry (e.g. coordinates beyond the signed 32-bit range of GDSII even at
 * the coarsest database unit), or a flat file larger than the service's configured limit: a 422 problem naming the
 * rule.
 */
public class FormatLimitException extends ProblemException {

    private final String rule;

    /** With the rule's code, e.g. {@code LayoutRule.GDS_COORDINATE_RANGE}. */
    public FormatLimitException(RuleCode rule, String message) {
        super(Problem.rule(422, rule.code(), message));
        this.rule = rule.code();
    }

    /** A stable rule id, e.g. {@code GDS_COORDINATE_RANGE}. */
    public String rule() {
        return rule;
    }
}
