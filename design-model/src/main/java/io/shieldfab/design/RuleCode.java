package io.shieldfab.design;

/**
 * A rule a {@link Violation} names: design-model's {@link DesignRule}, layout-service's and recipe-service's rule
 * enums implement it, so every service reports violations in the same record. The code is what the JSON carries in
 * a violation's {@code rule} member.
 */
public interface RuleCode {

    /** The enum constant's name, e.g. {@code RECESS_WITHIN_PITCH}. */
    String name();

    /** What a violation's {@code rule} member says: the constant's name unless the rule says otherwise. */
    default String code() {
        return name();
    }
}
