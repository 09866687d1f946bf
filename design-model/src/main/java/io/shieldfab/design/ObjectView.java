package io.shieldfab.design;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.shieldfab.design.DesignLimits.Range;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;


/**
 * One JSON object of the document being read, with its JSON path. Every accessor records the field as known,
 * checks type and range, reports any problem to the shared violation list and returns {@code null} for a
 * missing-or-broken value, so the reader keeps going and reports every problem at once. {@link #finish()}
 * then reports the fields nobody asked for (typos), with a suggestion when one is close.
 */
final class ObjectView {

    /** A field name that can stand in a dotted JSON path as it is. */
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_$-]{1,100}");
    /** Longest part of an unknown field's name repeated in a violation's path. */
    private static final int NAME_IN_PATH_MAX = 60;

    private final ObjectNode node;
    private final String path;
    private final List<Violation> out;
    private final Set<String> known = new LinkedHashSet<>();
    /** Required fields reported missing, so that a misspelling of one of them is reported once, not twice. */
    private final Map<String, Violation> missing = new HashMap<>();

    private ObjectView(ObjectNode node, String path, List<Violation> out) {
        this.node = node;
        this.path = path;
        this.out = out;
    }

    static ObjectView root(ObjectNode node, List<Violation> out) {
        return new ObjectView(node, "", out);
    }

    String path(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    String path() {
        return path;
    }

    /** True when the object was given (false for an optional object left out). */
    boolean present() {
        return node != null;
    }

    boolean has(String field) {
        known.add(field);
        return node != null && node.has(field);
    }

    /** A nested object; for an absent optional one, an empty view so that defaults apply; null when broken. */
    ObjectView object(String field, boolean required, String what) {
        JsonNode value = value(field);
        if (value == null) {
            if (required) {
                missing(field, what);
                return null;
            }
            return new ObjectView(null, path(field), out);
        }
        if (!value.isObject()) {
            report(field, "must be an object (" + what + "); got " + describe(value));
            return null;
        }
        ObjectView child = new ObjectView((ObjectNode) value, path(field), out);
        child.annotation("$comment");
        return child;
    }

    String string(String field, boolean required, String what, Pattern pattern, String patternText) {
        JsonNode value = value(field);
        if (value == null) {
            if (required) {
                missing(field, what);
            }
            return null;
        }
        if (!value.isTextual()) {
            String quote = value.isNumber() || value.isBoolean() ? " (in YAML, quote it: \"" + value.asText() + "\")" : "";
            report(field, "must be a string (" + what + "); got " + describe(value) + quote);
            return null;
        }
        String text = value.textValue();
        if (!pattern.matcher(text).matches()) {
            report(field, "must be " + patternText + "; got \"" + abbreviate(text) + "\"");
            return null;
        }
        return text;
    }

    Double number(String field, boolean required, Double fallback, Range range, String what) {
        JsonNode value = value(field);
        if (value == null) {
            if (required) {
                missing(field, what + ", " + range.describe());
            }
            return fallback;
        }
        if (!value.isNumber()) {
            report(field, "must be a number (" + what + unitInParens(range) + "); got " + describe(value));
            return null;
        }
        double d = value.doubleValue();
        if (!Double.isFinite(d)) {
            report(field, "must be a finite number (" + what + unitInParens(range) + "); got " + value.asText());
            return null;
        }
        if (!range.contains(d)) {
            report(field, "must be " + range.describe() + " (" + what + "); got " + DesignLimits.number(d) + range.unitSuffix());
            return null;
        }
        return d;
    }

    Integer integer(String field, boolean required, Integer fallback, int min, int max, String what) {
        JsonNode value = value(field);
        if (value == null) {
            if (required) {
                missing(field, what + ", a whole number from " + min + " to " + max);
            }
            return fallback;
        }
        String expected = "a whole number from " + min + " to " + max + " (" + what + ")";
        if (!value.isNumber()) {
            report(field, "must be " + expected + "; got " + describe(value));
            return null;
        }
        double d = value.doubleValue();
        if (!Double.isFinite(d) || d != Math.rint(d)) {
            report(field, "must be " + expected + "; got " + value.asText());
            return null;
        }
        if (d < min || d > max) {
            report(field, "must be " + expected + "; got " + DesignLimits.number(d));
            return null;
        }
        return (int) d;
    }

    Boolean bool(String field, Boolean fallback, String what) {
        JsonNode value = value(field);
        if (value == null) {
            return fallback;
        }
        if (!value.isBoolean()) {
            report(field, "must be true or false (" + what + "); got " + describe(value));
            return null;
        }
        return value.booleanValue();
    }

    <E extends Enum<E>> E enumeration(String field, boolean required, E fallback, Class<E> type, String what) {
        JsonNode value = value(field);
        String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
        if (value == null) {
            if (required) {
                missing(field, what + ", one of " + allowed);
            }
            return fallback;
        }
        if (!value.isTextual()) {
            report(field, "must be one of " + allowed + " (" + what + "); got " + describe(value));
            return null;
        }
        String text = value.textValue();
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(text)) {
                return constant;
            }
        }
        List<String> names = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
        String hint = Suggest.closest(text, names).map(s -> "; did you mean " + s + "?").orElse("");
        report(field, "unknown " + what + " \"" + abbreviate(text) + "\"; allowed: " + allowed + hint);
        return null;
    }

    /** Marks an annotation field (e.g. {@code $comment}) as known; it must be a string and is otherwise ignored. */
    void annotation(String field) {
        JsonNode value = value(field);
        if (value != null && !value.isTextual()) {
            report(field, "must be a string (an annotation the reader ignores); got " + describe(value));
        }
    }

    /** Reports every field of this object that no accessor asked for. Call after reading all fields. */
    void finish() {
        if (node == null) {
            return;
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (known.contains(name)) {
                continue;
            }
            List<String> candidates = new ArrayList<>(known);
            candidates.removeIf(k -> k.startsWith("$"));
            Optional<String> suggestion = Suggest.closest(name, candidates);
            if (suggestion.isPresent() && missing.containsKey(suggestion.get())) {
                // one mistake, one violation: "thicknesUm" is reported, the missing "thicknessUm" is not
                out.remove(missing.remove(suggestion.get()));
                reportUnknown(name, "unknown field; did you mean " + suggestion.get() + "? (" + suggestion.get()
                        + " is required)");
                continue;
            }
            String hint = suggestion.map(s -> "did you mean " + s + "?")
                    .orElse("allowed here: " + String.join(", ", candidates));
            reportUnknown(name, "unknown field; " + hint);
        }
    }

    void report(String field, String message) {
        out.add(new Violation(path(field), message));
    }

    /**
     * Reports an unknown field by a path a client can read: a plain name as {@code panel.rowz}; any other
     * name (empty, blank, with dots, quotes or control characters) in bracket notation with JSON string escapes,
     * {@code panel[" "]}, and at most {@value #NAME_IN_PATH_MAX} characters of it, so that a hostile key is
     * neither mistaken for a nested path nor echoed at full length.
     */
    private void reportUnknown(String name, String message) {
        if (PLAIN_NAME.matcher(name).matches()) {
            report(name, message);
            return;
        }
        String shown = name.length() <= NAME_IN_PATH_MAX ? name : name.substring(0, NAME_IN_PATH_MAX - 3) + "...";
        String quoted = TextNode.valueOf(shown).toString();
        out.add(new Violation(path + "[" + quoted + "]", message));
    }

    private void missing(String field, String what) {
        Violation violation = new Violation(path(field), "is required (" + what + ")");
        out.add(violation);
        missing.put(field, violation);
    }

    /** The field's value, or null when absent. JSON null counts as absent: "no value given". */
    private JsonNode value(String field) {
        known.add(field);
        if (node == null) {
            return null;
        }
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value;
    }

    private static String unitInParens(Range range) {
        return range.unit().isEmpty() ? "" : ", " + range.unit();
    }

    static String describe(JsonNode value) {
        if (value.isTextual()) {
            return "the string \"" + abbreviate(value.textValue()) + "\"";
        }
        if (value.isBoolean()) {
            return "the boolean " + value.booleanValue();
        }
        if (value.isNumber()) {
            return "the number " + value.asText();
        }
        if (value.isArray()) {
            return "a list";
        }
        if (value.isObject()) {
            return "an object";
        }
        return value.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
