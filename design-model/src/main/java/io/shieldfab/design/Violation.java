package io.shieldfab.design;

/**
 * One violated rule of an input document.
 *
 * @param field   JSON path of the offending input, e.g. {@code panel.rows} or {@code shield.openings.lengthMm}
 * @param message what is wrong, in words a designer understands
 */
public record Violation(String field, String message) {
}
