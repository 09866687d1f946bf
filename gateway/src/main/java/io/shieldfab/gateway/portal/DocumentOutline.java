package io.shieldfab.gateway.portal;

import com.fasterxml.jackson.databind.JsonNode;
import io.shieldfab.design.Violation;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * An uploaded design document as rows of fields in document order, each with the violations that
 * name it, so the page can show every error beside its field. A violation naming a field the
 * document lacks (a required field left out) gets a row of its own, placed with its siblings.
 *
 * @param rows      the fields of the document
 * @param general   violations of the document as a whole (it does not parse, field {@code $})
 */
public record DocumentOutline(List<Row> rows, List<Violation> general) {

    /**
     * One field of the document.
     *
     * @param path    JSON path, as violations name it ({@code shield.openings.lengthMm})
     * @param anchor  id of the row in the page ({@code field-shield-openings-lengthMm})
     * @param depth   nesting depth, for indentation
     * @param name    the last segment of the path
     * @param value   the value as written (JSON), empty for an object
     * @param missing the document lacks this field
     * @param errors  messages of the violations that name this field
     */
    public record Row(String path, String anchor, int depth, String name, String value, boolean missing, List<String> errors) {

        public boolean invalid() {
            return !errors.isEmpty();
        }

        public String errorId() {
            return anchor + "-error";
        }
    }

    /** A violation as listed in the summary, with the anchor of its row (null when it has none). */
    public record Listed(String field, String message, String anchor) {
    }

    public static DocumentOutline of(JsonNode document, List<Violation> violations) {
        List<MutableRow> rows = new ArrayList<>();
        if (document != null && document.isObject()) {
            walk(document, "", 0, rows);
        }
        List<Violation> general = new ArrayList<>();
        for (Violation v : violations) {
            String field = v.field() == null ? "" : v.field();
            if (field.isEmpty() || field.equals("$")) {
                general.add(v);
                continue;
            }
            MutableRow row = rows.stream().filter(r -> r.path.equals(field)).findFirst().orElse(null);
            if (row == null) {
                row = new MutableRow(field, depthOf(field), lastSegment(field), "", true);
                rows.add(insertionIndex(rows, field), row);
            }
            row.errors.add(v.message());
        }
        return new DocumentOutline(rows.stream().map(MutableRow::freeze).toList(), List.copyOf(general));
    }

    /** Every violation, in the order given, with where it is shown. */
    public List<Listed> listed() {
        List<Listed> out = new ArrayList<>();
        for (Row row : rows) {
            for (String message : row.errors()) {
                out.add(new Listed(row.path(), message, row.anchor()));
            }
        }
        general.forEach(v -> out.add(new Listed(v.field(), v.message(), null)));
        return out;
    }

    public int errorCount() {
        return rows.stream().mapToInt(r -> r.errors().size()).sum() + general.size();
    }

    /** The page id of the row of a field: letters, digits, '-' and '_' only. */
    public static String anchor(String path) {
        return "field-" + path.replaceAll("[^A-Za-z0-9_]+", "-");
    }

    private static void walk(JsonNode node, String prefix, int depth, List<MutableRow> rows) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
                add(field.getValue(), path, field.getKey(), depth, rows);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                add(node.get(i), prefix + "[" + i + "]", "[" + i + "]", depth, rows);
            }
        }
    }

    private static void add(JsonNode value, String path, String name, int depth, List<MutableRow> rows) {
        boolean container = value.isContainerNode();
        rows.add(new MutableRow(path, depth, name, container ? "" : value.toString(), false));
        if (container) {
            walk(value, path, depth + 1, rows);
        }
    }

    /** After the last row inside the field's nearest present parent; at the end when no parent is present. */
    private static int insertionIndex(List<MutableRow> rows, String field) {
        String parent = field;
        while (parent.contains(".")) {
            parent = parent.substring(0, parent.lastIndexOf('.'));
            String p = parent;
            int at = -1;
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).path.equals(p) || rows.get(i).path.startsWith(p + ".") || rows.get(i).path.startsWith(p + "[")) {
                    at = i;
                }
            }
            if (at >= 0) {
                return at + 1;
            }
        }
        return rows.size();
    }

    private static int depthOf(String path) {
        return (int) path.chars().filter(c -> c == '.').count();
    }

    private static String lastSegment(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    private static final class MutableRow {
        final String path;
        final int depth;
        final String name;
        final String value;
        final boolean missing;
        final List<String> errors = new ArrayList<>();

        MutableRow(String path, int depth, String name, String value, boolean missing) {
            this.path = path;
            this.depth = depth;
            this.name = name;
            this.value = value;
            this.missing = missing;
        }

        Row freeze() {
            return new Row(path, anchor(path), depth, name, value, missing, List.copyOf(errors));
        }
    }
}
