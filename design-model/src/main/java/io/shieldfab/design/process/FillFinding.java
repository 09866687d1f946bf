package io.shieldfab.design.process;

/**
 * One result of a fill check, as data. Rules that are true or false (the venting rules) report measured 0 (false)
 * against limit 1 (true) with an empty unit.
 *
 * @param rule     the check
 * @param severity ERROR fails the fill; WARNING and INFO do not
 * @param field    design JSON path to change, e.g. {@code encapsulation.fillerTopCutUm}, {@code shield.openings.heightMm}
 * @param measured the value the check measured, in {@code unit}
 * @param limit    the value it must stay within, in {@code unit}
 * @param unit     unit of {@code measured} and {@code limit}
 * @param message  what is wrong and the fixes, with numbers
 */
public record FillFinding(FillRule rule, Severity severity, String field, double measured, double limit, String unit,
                          String message) {

    public enum Severity { ERROR, WARNING, INFO }
}
