package io.shieldfab.recipe.process;

/**
 * A typed phase parameter (ISA-88 formula value): a number with its unit and optional limits, an integer
 * count, or a text setting.
 *
 * @param name  parameter name, camelCase
 * @param type  {@code NUMBER}, {@code INTEGER} or {@code TEXT}
 * @param value the value: a {@link Double}, a {@link Long} or a {@link String}
 * @param unit  unit symbol for numbers ({@code s}, {@code A}, {@code °C}, {@code mm³} …), {@code null} for text
 * @param min   lowest allowed value, or {@code null}
 * @param max   highest allowed value, or {@code null}
 */
public record Parameter(String name, Type type, Object value, String unit, Double min, Double max) {

    public enum Type { NUMBER, INTEGER, TEXT }

    public static Parameter number(String name, double value, String unit) {
        return new Parameter(name, Type.NUMBER, Units.significant(value), unit, null, null);
    }

    public static Parameter bounded(String name, double value, String unit, double min, double max) {
        return new Parameter(name, Type.NUMBER, Units.significant(value), unit, Units.significant(min),
                Units.significant(max));
    }

    public static Parameter integer(String name, long value, String unit) {
        return new Parameter(name, Type.INTEGER, value, unit, null, null);
    }

    public static Parameter text(String name, String value) {
        return new Parameter(name, Type.TEXT, value, null, null, null);
    }

    /** The value as a number (for NUMBER and INTEGER parameters). */
    public double numeric() {
        return ((Number) value).doubleValue();
    }
}
