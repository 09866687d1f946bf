package io.shieldfab.design;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One violated rule of an input document, as data: which rule, at which JSON path, the measured value against the
 * limit in a unit, and the message rendered from them for a designer. {@code field} and {@code message} are the wire
 * contract (docs/api-guide.md); {@code rule}, {@code measured}, {@code limit} and {@code unit} are additions, left
 * out of the JSON when null (a field-level violation has a message only).
 *
 * @param field    JSON path of the offending input, e.g. {@code panel.rows} or {@code shield.openings.lengthMm}
 * @param message  what is wrong, in words a designer understands
 * @param rule     the code of the rule broken ({@link RuleCode#code()}), or null for a field-level violation
 * @param measured the value the rule measured, in {@code unit}, or null
 * @param limit    the value it must stay within, in {@code unit}, or null
 * @param unit     unit of {@code measured} and {@code limit}, e.g. {@code mm}, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Violation(String field, String message, String rule, Double measured, Double limit, String unit) {

    /** A violation without rule data: a field that is missing, malformed or out of its range. */
    public Violation(String field, String message) {
        this(field, message, null, null, null, null);
    }

    /**
     * A rule's violation; {@code template} is the message with {@code {measured}}, {@code {limit}} and
     * {@code {unit}} standing for the data, so the numbers in the message are the numbers in the record.
     */
    public static Violation of(RuleCode rule, String field, double measured, double limit, String unit,
                               String template) {
        String message = template.replace("{measured}", DesignLimits.number(measured))
                .replace("{limit}", DesignLimits.number(limit))
                .replace("{unit}", unit);
        return new Violation(field, message, rule.code(), measured, limit, unit);
    }

    /** A rule's violation without a single measured value (e.g. an order of steps). */
    public static Violation of(RuleCode rule, String field, String message) {
        return new Violation(field, message, rule.code(), null, null, null);
    }

    /** The same violation for a document nested under {@code prefix} (e.g. {@code design} in an envelope). */
    public Violation under(String prefix) {
        return new Violation(prefix + "." + field, message, rule, measured, limit, unit);
    }
}
