package io.shieldfab.design.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.shieldfab.design.DesignReader;
import io.shieldfab.design.fuzz.HostileValue.FieldKind;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Bad design documents made from the example designs (examples/designs, read at run time, so edits to the
 * examples change the inputs and never break this class): every field replaced by every {@link HostileValue},
 * random combinations of edits (replace, delete, unknown and misspelt fields, duplicate keys), text damage
 * (truncation, flipped bytes, inserted punctuation), and a fixed list of classic attacks (deep nesting, YAML
 * alias bombs, oversized documents, random bytes).
 */
public final class DesignMutations {

    /** The examples folder seen from any module folder (surefire's working directory). */
    public static final Path EXAMPLES = Path.of("..", "examples", "designs");
    /** The design document's JSON Schema: where the list of known field paths comes from. */
    public static final Path SCHEMA = Path.of("..", "docs", "schema", "design.schema.json");

    private static final String PLACEHOLDER = "HOSTILE_PLACEHOLDER_";
    private static final int HEAVY_CHARS = 10_000;
    private static final int HEAVY_FIELDS_PER_EXAMPLE = 3;
    /** Characters that mean something to a JSON or YAML parser, inserted by {@link #damage}. */
    private static final String NOISE = "{}[]:,\"'\\&*!%@#|>-?\t\n";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();

    /**
     * One document to feed a reader or an endpoint.
     *
     * @param description how it was made (for failure messages)
     * @param body        the bytes
     * @param contentType the Content-Type to send, or null for none
     * @param field       for a single-field replacement: the JSON path of the field, else null
     * @param fieldKind   the kind of that field, else null
     * @param value       the hostile value put there, else null
     */
    public record Sample(String description, byte[] body, String contentType, String field, FieldKind fieldKind,
                         HostileValue value) {

        /** True when the field's reader must refuse the value with a violation naming {@link #field}. */
        public boolean mustBeRefusedAtField() {
            return field != null && value.refusedWhere(fieldKind);
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            String text = text();
            return description + " [" + contentType + ", " + body.length + " bytes: "
                    + (text.length() > 160 ? text.substring(0, 160) + "…" : text) + "]";
        }
    }

    private final Map<String, ObjectNode> examples;
    private final Set<String> knownPaths;
    private final List<HostileValue> hostile = HostileValue.catalogue();

    private DesignMutations(Map<String, ObjectNode> examples, Set<String> knownPaths) {
        this.examples = examples;
        this.knownPaths = knownPaths;
    }

    /** Loads every example design (JSON and YAML, valid and invalid) and the schema's field paths. */
    public static DesignMutations load() {
        Map<String, ObjectNode> examples = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".json")) {
                    examples.put(name, (ObjectNode) JSON.readTree(Files.readString(file)));
                } else if (name.endsWith(".yaml") || name.endsWith(".yml")) {
                    examples.put(name, (ObjectNode) YAML.readTree(Files.readString(file)));
                }
            }
            Set<String> known = new LinkedHashSet<>();
            JsonNode schema = JSON.readTree(Files.readString(SCHEMA));
            schemaPaths(schema, schema, "", known);
            if (examples.isEmpty() || known.isEmpty()) {
                throw new IllegalStateException("no example designs under " + EXAMPLES.toAbsolutePath());
            }
            return new DesignMutations(examples, known);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void schemaPaths(JsonNode root, JsonNode node, String prefix, Set<String> out) {
        JsonNode resolved = node;
        if (node.has("$ref")) {
            String ref = node.get("$ref").asText();
            resolved = root.at(ref.substring(1));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = resolved.path("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
            out.add(path);
            schemaPaths(root, field.getValue(), path, out);
        }
    }

    public Set<String> knownPaths() {
        return knownPaths;
    }

    /** The first example that is meant to be valid (examples/designs/README.md: invalid ones say so in their name). */
    public ObjectNode firstValid() {
        return examples.entrySet().stream().filter(e -> !e.getKey().startsWith("invalid-"))
                .map(Map.Entry::getValue).findFirst().orElseThrow().deepCopy();
    }

    public Map<String, ObjectNode> examples() {
        return examples;
    }

    /**
     * Whether a violation's field is one a designer can find: {@code $} (the whole document), a field of the
     * design document, or an unknown field inside the document or one of its known objects (a plain name
     * {@code panel.rowz} or, for any other name, bracket notation {@code panel[" "]}).
     */
    public boolean relevantField(String field) {
        if (field.equals("$") || knownPaths.contains(field)) {
            return true;
        }
        int bracket = field.endsWith("\"]") ? field.indexOf("[\"") : -1; // parents are plain names
        String parent = bracket >= 0 ? field.substring(0, bracket)
                : field.contains(".") ? field.substring(0, field.lastIndexOf('.')) : "";
        return parent.isEmpty() || knownPaths.contains(parent);
    }

    /**
     * Every field of every example replaced by every hostile value, in JSON and in YAML; the heavy values
     * (over {@value #HEAVY_CHARS} characters: 1e6-character strings, 10 000-deep nesting) go into
     * {@value #HEAVY_FIELDS_PER_EXAMPLE} randomly chosen fields per example, which keeps a run to seconds.
     */
    public List<Sample> everyFieldTimesEveryValue(SplittableRandom random) {
        List<Sample> out = new ArrayList<>();
        for (Map.Entry<String, ObjectNode> example : examples.entrySet()) {
            Map<String, FieldKind> fields = fields(example.getValue());
            List<String> paths = new ArrayList<>(fields.keySet());
            Set<String> heavyFields = new LinkedHashSet<>();
            while (heavyFields.size() < Math.min(HEAVY_FIELDS_PER_EXAMPLE, paths.size())) {
                heavyFields.add(paths.get(random.nextInt(paths.size())));
            }
            for (Map.Entry<String, FieldKind> field : fields.entrySet()) {
                for (HostileValue value : hostile) {
                    for (boolean yaml : new boolean[]{false, true}) {
                        String raw = value.in(yaml);
                        if (raw == null || raw.length() > HEAVY_CHARS && !heavyFields.contains(field.getKey())) {
                            continue;
                        }
                        ObjectNode tree = set(example.getValue().deepCopy(), field.getKey(), TextNode.valueOf(PLACEHOLDER + 0));
                        String text = substitute(write(tree, yaml), yaml, List.of(raw));
                        out.add(new Sample(example.getKey() + ": " + field.getKey() + " = " + value.name()
                                + (yaml ? " (YAML)" : " (JSON)"), bytes(text), mediaType(yaml),
                                field.getKey(), field.getValue(), value));
                    }
                }
            }
        }
        return out;
    }

    /** {@code count} documents, each with 1 to 6 random edits; one in four also has its text damaged. */
    public List<Sample> randomEdits(SplittableRandom random, int count) {
        List<String> names = new ArrayList<>(examples.keySet());
        List<String> known = new ArrayList<>(knownPaths);
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String example = names.get(random.nextInt(names.size()));
            ObjectNode tree = examples.get(example).deepCopy();
            boolean yaml = random.nextBoolean();
            List<String> raws = new ArrayList<>();
            List<String> edits = new ArrayList<>();
            int n = 1 + random.nextInt(6);
            for (int e = 0; e < n; e++) {
                List<String> paths = new ArrayList<>(fields(tree).keySet());
                String path = paths.isEmpty() ? known.get(random.nextInt(known.size())) : paths.get(random.nextInt(paths.size()));
                switch (random.nextInt(6)) {
                    case 0, 1 -> {
                        HostileValue value = hostile.get(random.nextInt(hostile.size()));
                        String raw = value.in(yaml);
                        if (raw != null && raw.length() < 50_000) {
                            set(tree, path, TextNode.valueOf(PLACEHOLDER + raws.size()));
                            raws.add(raw);
                            edits.add(path + "=" + value.name());
                        }
                    }
                    case 2 -> {
                        remove(tree, path);
                        edits.add("-" + path);
                    }
                    case 3 -> {
                        String unknown = unknownName(random, path);
                        set(tree, parent(path).isEmpty() ? unknown : parent(path) + "." + unknown,
                                TextNode.valueOf("x"));
                        edits.add("+" + unknown);
                    }
                    case 4 -> {
                        String misspelt = misspell(random, leaf(path));
                        JsonNode value = get(tree, path);
                        remove(tree, path);
                        if (value != null) {
                            set(tree, parent(path).isEmpty() ? misspelt : parent(path) + "." + misspelt, value);
                        }
                        edits.add(path + "->" + misspelt);
                    }
                    default -> {
                        // a known path from the schema, possibly one the example leaves out
                        String target = known.get(random.nextInt(known.size()));
                        HostileValue value = hostile.get(random.nextInt(hostile.size()));
                        String raw = value.in(yaml);
                        if (raw != null && raw.length() < 50_000 && !target.contains("$")) {
                            set(tree, target, TextNode.valueOf(PLACEHOLDER + raws.size()));
                            raws.add(raw);
                            edits.add(target + "=" + value.name());
                        }
                    }
                }
            }
            String text = substitute(write(tree, yaml), yaml, raws);
            if (random.nextInt(8) == 0) {
                text = duplicateKey(text, yaml);
                edits.add("duplicate key");
            }
            byte[] body = bytes(text);
            if (random.nextInt(4) == 0) {
                body = damage(random, body);
                edits.add("damaged text");
            }
            out.add(new Sample(example + ": " + String.join(", ", edits), body, randomType(random, yaml), null, null, null));
        }
        return out;
    }

    /** Fixed attacks every run tries: nesting, alias bombs, size limits, odd encodings, odd documents. */
    public List<Sample> classicAttacks(SplittableRandom random) {
        ObjectNode valid = firstValid();
        String wifiJson = write(valid, false);
        // the YAML body without its "---" start marker, so text put before it stays in the same document
        String wifiYaml = write(valid, true).replaceFirst("^---\\s*", "");
        List<Sample> out = new ArrayList<>();
        // deep nesting, 10 000 levels, both formats, as the document and inside a field
        out.add(raw("JSON list 10000 deep", "[".repeat(10_000) + "]".repeat(10_000), "application/json"));
        out.add(raw("JSON object 10000 deep", "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000), "application/json"));
        out.add(raw("YAML flow list 10000 deep", "[".repeat(10_000) + "]".repeat(10_000), "application/yaml"));
        out.add(raw("YAML flow map 10000 deep", "{a: ".repeat(10_000) + "1" + "}".repeat(10_000), "application/yaml"));
        StringBuilder block = new StringBuilder();
        for (int level = 0; level < 700; level++) {
            block.append(" ".repeat(level)).append("a:\n");
        }
        block.append(" ".repeat(700)).append("1\n");
        out.add(raw("YAML block map 700 deep", block.toString(), "application/yaml"));
        out.add(raw("YAML block list 10000 deep", "- ".repeat(10_000) + "1\n", "application/yaml"));
        // "billion laughs": 9 levels of 10 aliases each = 10^9 strings if expanded
        StringBuilder laughs = new StringBuilder("lol0: &l0 \"lol\"\n");
        for (int level = 1; level <= 9; level++) {
            laughs.append("lol").append(level).append(": &l").append(level).append(" [");
            for (int k = 0; k < 10; k++) {
                laughs.append(k == 0 ? "" : ", ").append("*l").append(level - 1);
            }
            laughs.append("]\n");
        }
        out.add(raw("YAML billion laughs", laughs.toString(), "application/yaml"));
        out.add(raw("YAML billion laughs before a design", laughs + wifiYaml,
                "application/yaml"));
        out.add(raw("YAML billion laughs sniffed from text/plain", laughs.toString(), "text/plain"));
        out.add(raw("YAML merge key", "base: &b {rows: 4}\n" + wifiYaml.replaceFirst("(?m)^panel:", "panel:\n  <<: *b"),
                "application/yaml"));
        out.add(raw("YAML 10000 anchors, no alias", "list: [" + String.join(", ",
                IntStream.range(0, 10_000).mapToObj(k -> "&a" + k + " 1").toList()) + "]",
                "application/yaml"));
        out.add(raw("YAML two documents", wifiYaml + "\n---\n" + wifiYaml, "application/yaml"));
        out.add(raw("YAML with a java type tag", "!!javax.script.ScriptEngineManager [!!java.net.URLClassLoader "
                + "[[!!java.net.URL [\"http://127.0.0.1/\"]]]]", "application/yaml"));
        out.add(raw("YAML tab indentation", wifiYaml.replace("  ", "\t"), "application/yaml"));
        // size limits
        String padded = wifiJson.substring(0, wifiJson.length() - 1) + ", \"$comment\": \"";
        int room = DesignReader.MAX_DOCUMENT_CHARS - padded.length() - 2;
        out.add(raw("JSON of exactly the size limit", padded + "c".repeat(room) + "\"}", "application/json"));
        out.add(raw("JSON one character over the size limit", padded + "c".repeat(room + 1) + "\"}", "application/json"));
        out.add(raw("5 MB of spaces", " ".repeat(5 * 1024 * 1024), "application/json"));
        out.add(raw("20000 unknown fields", wifiJson.substring(0, wifiJson.length() - 1) + ","
                + String.join(",", IntStream.range(0, 20_000).mapToObj(k -> "\"f" + k + "\":" + k).toList())
                + "}", "application/json"));
        out.add(raw("unknown field with a 100000-character name", wifiJson.substring(0, wifiJson.length() - 1)
                + ",\"" + "k".repeat(100_000) + "\":1}", "application/json"));
        out.add(raw("number of 100000 digits", wifiJson.replaceFirst("\"rows\":\\s*\\d+", "\"rows\":" + "9".repeat(100_000)),
                "application/json"));
        // duplicates and trailers
        out.add(raw("JSON duplicate key", duplicateKey(wifiJson, false), "application/json"));
        out.add(raw("YAML duplicate key", duplicateKey(wifiYaml, true), "application/yaml"));
        out.add(raw("JSON followed by a second value", wifiJson + " {}", "application/json"));
        out.add(raw("JSON followed by garbage", wifiJson + " garbage", "application/json"));
        out.add(raw("JSON with comments", "/* c */" + wifiJson, "application/json"));
        out.add(raw("JSON with single quotes", wifiJson.replace('"', '\''), "application/json"));
        out.add(raw("JSON with trailing commas", wifiJson.replace("}", ",}"), "application/json"));
        // odd top-level documents
        for (String top : List.of("", " ", "\n\n", "null", "[]", "0", "-1e308", "NaN", "\"text\"", "true", "[{}]",
                "{}", "{\"name\": null}", "~", "---", "...", "- a", "&a b", "*a", "? complex key\n: value")) {
            out.add(raw("top-level " + JSON.valueToTree(top), top, "application/json"));
            out.add(raw("top-level YAML " + JSON.valueToTree(top), top, "application/yaml"));
        }
        // encodings
        byte[] utf8 = bytes(wifiJson);
        out.add(new Sample("UTF-8 byte-order mark", concat(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8),
                "application/json", null, null, null));
        out.add(new Sample("UTF-16 big-endian", wifiJson.getBytes(StandardCharsets.UTF_16), "application/json",
                null, null, null));
        byte[] invalid = utf8.clone();
        invalid[Math.max(0, wifiJson.indexOf("\"name\"") + 9)] = (byte) 0xC3;
        out.add(new Sample("invalid UTF-8 in a string", invalid, "application/json", null, null, null));
        out.add(new Sample("NUL bytes", concat(utf8, new byte[64]), "application/json", null, null, null));
        // content types
        for (String type : new String[]{null, "*/*", "text/plain", "application/octet-stream", "application/xml",
                "text/html; charset=utf-8", "application/json; charset=iso-8859-1", "application/vnd.shieldfab+json",
                "application/x-yaml", "multipart/form-data; boundary=x", ";", "application/json;;;", "💥/💥"}) {
            out.add(new Sample("Content-Type " + type, utf8, type, null, null, null));
        }
        // random bytes
        for (int i = 0; i < 40; i++) {
            byte[] noise = new byte[1 + random.nextInt(4096)];
            for (int b = 0; b < noise.length; b++) {
                noise[b] = (byte) random.nextInt(256);
            }
            out.add(new Sample("random bytes #" + i, noise, randomType(random, random.nextBoolean()), null, null, null));
        }
        // truncations at every 1/40th of each example, both formats
        for (Map.Entry<String, ObjectNode> example : examples.entrySet()) {
            for (boolean yaml : new boolean[]{false, true}) {
                String text = write(example.getValue(), yaml);
                for (int k = 1; k < 40; k++) {
                    out.add(raw(example.getKey() + " truncated at " + k + "/40" + (yaml ? " (YAML)" : ""),
                            text.substring(0, text.length() * k / 40), mediaType(yaml)));
                }
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- helpers

    /** Every field path of a document with its kind (objects included, so a whole object can be replaced). */
    public static Map<String, FieldKind> fields(ObjectNode tree) {
        Map<String, FieldKind> out = new LinkedHashMap<>();
        collect(tree, "", out);
        return out;
    }

    private static void collect(ObjectNode node, String prefix, Map<String, FieldKind> out) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
            JsonNode value = field.getValue();
            if (field.getKey().isEmpty() || field.getKey().contains(".")) {
                continue; // not addressable by a dotted path, so never the target of a tree edit
            }
            if (field.getKey().startsWith("$")) {
                out.put(path, FieldKind.ANNOTATION);
            } else if (value instanceof ObjectNode object) {
                out.put(path, FieldKind.OBJECT);
                collect(object, path, out);
            } else if (value.isNumber()) {
                out.put(path, FieldKind.NUMBER);
            } else if (value.isBoolean()) {
                out.put(path, FieldKind.BOOLEAN);
            } else if (value.isTextual()) {
                out.put(path, FieldKind.TEXT);
            }
        }
    }

    /** Puts {@code value} at the dotted path of {@code tree} (in place; objects on the way are created). */
    public static ObjectNode set(ObjectNode tree, String path, JsonNode value) {
        String[] parts = path.split("\\.");
        ObjectNode parent = tree;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode next = parent.get(parts[i]);
            parent = next instanceof ObjectNode object ? object : parent.putObject(parts[i]);
        }
        parent.set(parts[parts.length - 1], value);
        return tree;
    }

    private static JsonNode get(ObjectNode tree, String path) {
        JsonNode node = tree;
        for (String part : path.split("\\.")) {
            node = node == null ? null : node.get(part);
        }
        return node;
    }

    private static void remove(ObjectNode tree, String path) {
        JsonNode parent = parent(path).isEmpty() ? tree : get(tree, parent(path));
        if (parent instanceof ObjectNode object) {
            object.remove(leaf(path));
        }
    }

    private static String parent(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(0, dot);
    }

    private static String leaf(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    private static String unknownName(SplittableRandom random, String near) {
        String[] odd = {"__proto__", "constructor", "$ref", "@type", "class", "", " ", "x".repeat(300),
                "a/b", "名前", "%2e%2e/etc", "\u0000", "NaN"};
        return random.nextBoolean() ? odd[random.nextInt(odd.length)] : leaf(near) + "Extra" + random.nextInt(100);
    }

    private static String misspell(SplittableRandom random, String name) {
        if (name.length() < 2) {
            return name + "x";
        }
        int at = random.nextInt(name.length() - 1);
        return switch (random.nextInt(3)) {
            case 0 -> name.substring(0, at) + name.substring(at + 1);
            case 1 -> name.substring(0, at) + name.charAt(at + 1) + name.charAt(at) + name.substring(at + 2);
            default -> name.toLowerCase(Locale.ROOT) + (at % 2 == 0 ? "" : "_");
        };
    }

    /** Writes the tree and puts each raw hostile text where its placeholder is. */
    private static String substitute(String text, boolean yaml, List<String> raws) {
        String out = text;
        for (int i = raws.size() - 1; i >= 0; i--) {
            String placeholder = PLACEHOLDER + i;
            String raw = raws.get(i);
            out = out.replace("\"" + placeholder + "\"", raw).replace("'" + placeholder + "'", raw)
                    .replace(placeholder, raw);
        }
        return out;
    }

    /** The first top-level key written twice (JSON: after the opening brace; YAML: as an extra line). */
    static String duplicateKey(String text, boolean yaml) {
        if (yaml) {
            return text.replaceFirst("(?m)^name: ", "name: \"duplicate\"\nname: ");
        }
        int brace = text.indexOf('{');
        return brace < 0 ? text : text.substring(0, brace + 1) + "\"name\":\"duplicate\"," + text.substring(brace + 1);
    }

    private static byte[] damage(SplittableRandom random, byte[] body) {
        byte[] out = body.clone();
        if (out.length == 0) {
            return out;
        }
        int at = random.nextInt(out.length);
        return switch (random.nextInt(5)) {
            case 0 -> Arrays.copyOf(out, at);
            case 1 -> {
                out[at] ^= (byte) (1 << random.nextInt(8));
                yield out;
            }
            case 2 -> {
                int pick = random.nextInt(NOISE.length());
                String noise = NOISE.substring(pick, pick + 1);
                yield concat(concat(Arrays.copyOf(out, at), bytes(noise)),
                        Arrays.copyOfRange(out, at, out.length));
            }
            case 3 -> concat(Arrays.copyOf(out, at), Arrays.copyOfRange(out, Math.min(out.length,
                    at + 1 + random.nextInt(16)), out.length));
            default -> {
                int to = Math.min(out.length, at + random.nextInt(200));
                yield concat(Arrays.copyOf(out, to), Arrays.copyOfRange(out, at, out.length));
            }
        };
    }

    private static String randomType(SplittableRandom random, boolean yaml) {
        return switch (random.nextInt(10)) {
            case 0 -> null;
            case 1 -> "text/plain";
            case 2 -> "application/octet-stream";
            default -> mediaType(yaml);
        };
    }

    private static String mediaType(boolean yaml) {
        return yaml ? "application/yaml" : "application/json";
    }

    public static String write(JsonNode tree, boolean yaml) {
        try {
            return yaml ? YAML.writeValueAsString(tree) : JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Sample raw(String description, String text, String contentType) {
        return new Sample(description, bytes(text), contentType, null, null, null);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
