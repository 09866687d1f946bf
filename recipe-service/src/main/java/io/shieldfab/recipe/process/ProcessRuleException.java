package io.shieldfab.recipe.process;

/** A design or recipe that breaks a {@link ProcessRule}; the REST layer turns it into a {@code 422} problem. */
public class ProcessRuleException extends RuntimeException {

    private final ProcessRule rule;

    public ProcessRuleException(ProcessRule rule, String detail) {
        super(detail + " Rule " + rule.code() + ".");
        this.rule = rule;
    }

    public ProcessRule rule() {
        return rule;
    }
}
