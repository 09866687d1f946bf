package io.shieldfab.design;

import java.util.List;

/**
 * The outcome of reading a design document.
 *
 * @param design     the design with every default applied; {@code null} when there is at least one violation
 * @param violations every error, each with the JSON path of the offending field (empty when valid)
 * @param warnings   things a designer should look at that do not stop the design (e.g. claim 8 recess depth)
 */
public record ReadResult(Design design, List<Violation> violations, List<Violation> warnings) {

    public ReadResult {
        violations = List.copyOf(violations);
        warnings = List.copyOf(warnings);
        if (design == null && violations.isEmpty()) {
            throw new IllegalArgumentException("an invalid result needs at least one violation");
        }
        if (design != null && !violations.isEmpty()) {
            throw new IllegalArgumentException("a result with violations carries no design");
        }
    }

    /** True when the document had no violations (warnings allowed) and {@link #design()} is set. */
    public boolean valid() {
        return design != null;
    }

    static ReadResult invalid(String field, String message) {
        return new ReadResult(null, List.of(new Violation(field, message)), List.of());
    }
}
