package io.shieldfab.layout.format;

import io.shieldfab.design.RuleCode;

/**
 * A layout that a file format cannot carry (e.g. coordinates beyond the signed 32-bit range of GDSII even at
 * the coarsest database unit), or a flat file larger than the service's configured limit. Mapped to 422.
 */
public class FormatLimitException extends RuntimeException {

    private final String rule;

    public FormatLimitException(String rule, String message) {
        super(message);
        this.rule = rule;
    }

    /** With the rule's code, e.g. {@code LayoutRule.GDS_COORDINATE_RANGE}. */
    public FormatLimitException(RuleCode rule, String message) {
        this(rule.code(), message);
    }

    /** A stable rule id, e.g. {@code GDS_COORDINATE_RANGE}. */
    public String rule() {
        return rule;
    }
}
