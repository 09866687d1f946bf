package io.shieldfab.design.fuzz;

import java.util.ArrayList;
import java.util.List;

/**
 * A hostile value to put where a design field was, as raw document text in each format (so that tokens a
 * tree cannot hold, such as JSON {@code NaN} or YAML {@code .inf}, reach the parser as written).
 *
 * @param name  what it is, for failure messages
 * @param json  raw JSON text, or null when the value only exists in YAML
 * @param yaml  raw YAML flow text with the same meaning, or null when it only exists in JSON
 * @param kind  what a reader sees; decides which fields must refuse it (see {@link #refusedWhere})
 */
public record HostileValue(String name, String json, String yaml, Kind kind) {

    /** What the parsed value is, as far as the design reader's field checks are concerned. */
    public enum Kind {
        /** A finite number inside no design range (negative, or beyond every maximum). */
        NUMBER_OUT_OF_EVERY_RANGE,
        /** NaN, ±Infinity, or a literal that overflows a double to infinity. */
        NUMBER_NOT_FINITE,
        /** A finite number that some field may accept (0, 1, 0.5 ...). */
        NUMBER_MAYBE,
        STRING,
        BOOLEAN,
        LIST,
        OBJECT,
        /** JSON null / YAML ~: "not given", so the field's default or "is required" applies. */
        NULL,
        /** Anything the parser itself may refuse (over-long numbers, YAML tags, aliases). */
        PARSER_DECIDES
    }

    /** The kind of field a hostile value replaces, from the example it was taken from. */
    public enum FieldKind { NUMBER, TEXT, BOOLEAN, OBJECT, ANNOTATION }

    /** Whether a field of this kind must refuse this value with a violation naming the field's path. */
    public boolean refusedWhere(FieldKind field) {
        return switch (field) {
            case NUMBER -> kind == Kind.NUMBER_OUT_OF_EVERY_RANGE || kind == Kind.NUMBER_NOT_FINITE
                    || kind == Kind.STRING || kind == Kind.BOOLEAN || kind == Kind.LIST || kind == Kind.OBJECT;
            case TEXT, ANNOTATION -> kind == Kind.NUMBER_OUT_OF_EVERY_RANGE || kind == Kind.NUMBER_NOT_FINITE
                    || kind == Kind.NUMBER_MAYBE || kind == Kind.BOOLEAN || kind == Kind.LIST || kind == Kind.OBJECT;
            case BOOLEAN -> kind != Kind.BOOLEAN && kind != Kind.NULL && kind != Kind.PARSER_DECIDES;
            case OBJECT -> kind != Kind.OBJECT && kind != Kind.NULL && kind != Kind.PARSER_DECIDES;
        };
    }

    /** Raw text in the format, or null when this value has no spelling there. */
    public String in(boolean yamlFormat) {
        return yamlFormat ? yaml : json;
    }

    /** The catalogue: boundary and huge numbers, non-finite numbers, wrong types, long and odd strings. */
    public static List<HostileValue> catalogue() {
        List<HostileValue> all = new ArrayList<>();
        // numbers at and beyond every boundary
        both(all, "zero", "0", Kind.NUMBER_MAYBE);
        both(all, "negative zero", "-0.0", Kind.NUMBER_MAYBE);
        both(all, "one", "1", Kind.NUMBER_MAYBE);
        both(all, "half", "0.5", Kind.NUMBER_MAYBE);
        both(all, "smallest double", "4.9e-324", Kind.NUMBER_MAYBE);
        both(all, "below double range", "1e-400", Kind.NUMBER_MAYBE);
        both(all, "minus one", "-1", Kind.NUMBER_OUT_OF_EVERY_RANGE);
        both(all, "1e308", "1e308", Kind.NUMBER_OUT_OF_EVERY_RANGE);
        both(all, "-1e308", "-1e308", Kind.NUMBER_OUT_OF_EVERY_RANGE);
        both(all, "int max + 1", "2147483648", Kind.NUMBER_MAYBE);
        both(all, "int min - 1", "-2147483649", Kind.NUMBER_OUT_OF_EVERY_RANGE);
        both(all, "long max + 1", "9223372036854775808", Kind.NUMBER_OUT_OF_EVERY_RANGE);
        both(all, "400-digit integer", "9".repeat(400), Kind.NUMBER_OUT_OF_EVERY_RANGE);
        both(all, "overflows to infinity", "1e309", Kind.NUMBER_NOT_FINITE);
        both(all, "huge exponent", "1e999999999", Kind.NUMBER_NOT_FINITE);
        both(all, "5000-digit integer", "7".repeat(5000), Kind.PARSER_DECIDES);
        both(all, "1.0000000000000001 (rounds to 1)", "1.0000000000000001", Kind.NUMBER_MAYBE);
        // NaN and infinities: JSON tokens, YAML 1.1 floats, and as strings
        all.add(new HostileValue("NaN", "NaN", ".nan", Kind.NUMBER_NOT_FINITE));
        all.add(new HostileValue("Infinity", "Infinity", ".inf", Kind.NUMBER_NOT_FINITE));
        all.add(new HostileValue("-Infinity", "-Infinity", "-.inf", Kind.NUMBER_NOT_FINITE));
        all.add(new HostileValue("+Infinity", "+Infinity", "+.inf", Kind.NUMBER_NOT_FINITE));
        all.add(new HostileValue("\"NaN\" string", "\"NaN\"", "\"NaN\"", Kind.STRING));
        all.add(new HostileValue("\"Infinity\" string", "\"Infinity\"", "\"Infinity\"", Kind.STRING));
        all.add(new HostileValue("\"1e308\" string", "\"1e308\"", "\"1e308\"", Kind.STRING));
        all.add(new HostileValue("number in a string", "\"5.0\"", "\"5.0\"", Kind.STRING));
        // YAML-only spellings
        all.add(new HostileValue("YAML .NaN", null, ".NaN", Kind.NUMBER_NOT_FINITE));
        all.add(new HostileValue("YAML hex", null, "0x7fffffff", Kind.PARSER_DECIDES));
        all.add(new HostileValue("YAML octal", null, "0o17", Kind.PARSER_DECIDES));
        all.add(new HostileValue("YAML underscores", null, "1_000", Kind.PARSER_DECIDES));
        all.add(new HostileValue("YAML null ~", null, "~", Kind.NULL));
        all.add(new HostileValue("YAML yes", null, "yes", Kind.PARSER_DECIDES));
        all.add(new HostileValue("YAML timestamp", null, "2026-11-26T10:00:00Z", Kind.PARSER_DECIDES));
        all.add(new HostileValue("YAML binary tag", null, "!!binary aGVsbG8=", Kind.PARSER_DECIDES));
        all.add(new HostileValue("YAML java tag", null, "!!java.net.URL [\"http://169.254.169.254/\"]",
                Kind.PARSER_DECIDES));
        all.add(new HostileValue("YAML custom tag", null, "!shieldfab {a: 1}", Kind.PARSER_DECIDES));
        all.add(new HostileValue("YAML undefined alias", null, "*nowhere", Kind.PARSER_DECIDES));
        all.add(new HostileValue("YAML anchored value", null, "&here 5", Kind.PARSER_DECIDES));
        // other types
        both(all, "true", "true", Kind.BOOLEAN);
        both(all, "false", "false", Kind.BOOLEAN);
        all.add(new HostileValue("null", "null", "null", Kind.NULL));
        both(all, "empty list", "[]", Kind.LIST);
        both(all, "list of numbers", "[1, 2, 3]", Kind.LIST);
        both(all, "empty object", "{}", Kind.OBJECT);
        all.add(new HostileValue("object with a number", "{\"value\": 5}", "{value: 5}", Kind.OBJECT));
        all.add(new HostileValue("list 45 deep", "[".repeat(45) + "]".repeat(45), "[".repeat(45) + "]".repeat(45),
                Kind.LIST));
        both(all, "list 10000 deep", "[".repeat(10_000) + "]".repeat(10_000), Kind.PARSER_DECIDES);
        all.add(new HostileValue("object 10000 deep", "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000),
                "{a: ".repeat(10_000) + "1" + "}".repeat(10_000), Kind.PARSER_DECIDES));
        // strings: empty, blank, long, control and bidi characters, markup, traversal
        all.add(new HostileValue("empty string", "\"\"", "\"\"", Kind.STRING));
        all.add(new HostileValue("blank string", "\"   \"", "\"   \"", Kind.STRING));
        all.add(new HostileValue("string of 1e6 characters", "\"" + "x".repeat(1_000_000) + "\"",
                "\"" + "x".repeat(1_000_000) + "\"", Kind.PARSER_DECIDES));
        all.add(new HostileValue("string of 1000 characters", "\"" + "é".repeat(1000) + "\"",
                "\"" + "é".repeat(1000) + "\"", Kind.STRING));
        all.add(new HostileValue("NUL and control characters", "\"a\\u0000b\\u0007c\\u001b[31m\"",
                "\"a\\0b\\ac\\e[31m\"", Kind.STRING));
        all.add(new HostileValue("right-to-left override", "\"wifi\\u202Efem\"", "\"wifi\\u202Efem\"", Kind.STRING));
        all.add(new HostileValue("emoji and CJK", "\"屏蔽🛡️\"", "\"屏蔽🛡️\"", Kind.STRING));
        all.add(new HostileValue("lone surrogate", "\"\\ud800\"", "\"\\ud800\"", Kind.PARSER_DECIDES));
        all.add(new HostileValue("markup", "\"<script>alert(1)</script>\"", "\"<script>alert(1)</script>\"",
                Kind.STRING));
        all.add(new HostileValue("path traversal", "\"../../../../etc/passwd\"", "\"../../../../etc/passwd\"",
                Kind.STRING));
        all.add(new HostileValue("enum in lower case", "\"nickel\"", "\"nickel\"", Kind.STRING));
        all.add(new HostileValue("enum with spaces", "\" NICKEL \"", "\" NICKEL \"", Kind.STRING));
        return List.copyOf(all);
    }

    private static void both(List<HostileValue> all, String name, String text, Kind kind) {
        all.add(new HostileValue(name, text, text, kind));
    }
}
