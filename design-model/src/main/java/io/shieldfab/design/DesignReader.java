package io.shieldfab.design;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a design document (JSON or YAML) into a validated {@link Design} with every default applied, or into
 * the full list of violations, each with the JSON path of the field (e.g. {@code panel.rows}) and a message a
 * package designer can act on. Never throws on bad input: malformed text is one violation at field {@code $}
 * with line and column. Immutable and thread-safe; share one instance.
 *
 * <p>Limits against hostile input: at most {@value #MAX_DOCUMENT_CHARS} characters, nesting depth
 * {@value #MAX_NESTING_DEPTH}; YAML aliases ({@code *name}) are refused (a design has no use for them, and
 * refusing them defeats "billion laughs" alias bombs), anchors and aliases are additionally capped by SnakeYAML's
 * loader options.
 */
public final class DesignReader {

    /** Largest document accepted, in characters (1 MiB). */
    public static final int MAX_DOCUMENT_CHARS = 1 << 20;
    /** Deepest nesting of objects and lists accepted; a design needs 3. */
    public static final int MAX_NESTING_DEPTH = 50;
    /** Upper bound SnakeYAML enforces on aliases to collections (we refuse all aliases before that). */
    static final int MAX_YAML_ALIASES = 20;

    private static final DesignReader INSTANCE = new DesignReader();

    private final ObjectMapper jsonMapper;
    private final ObjectMapper yamlMapper;
    private final YAMLFactory yamlFactory;
    /** The output limits this reader checks, or null (fields and cross-field rules only). */
    private final OutputLimits outputLimits;

    private DesignReader(DesignReader parsers, OutputLimits outputLimits) {
        this.jsonMapper = parsers.jsonMapper;
        this.yamlMapper = parsers.yamlMapper;
        this.yamlFactory = parsers.yamlFactory;
        this.outputLimits = outputLimits;
    }

    private DesignReader() {
        outputLimits = null;
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxDocumentLength(MAX_DOCUMENT_CHARS)
                .maxStringLength(MAX_DOCUMENT_CHARS)
                .build();
        JsonFactory jsonFactory = JsonFactory.builder()
                .streamReadConstraints(constraints)
                // NaN/Infinity reach the field checks and get a message naming the field
                .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        jsonMapper = JsonMapper.builder(jsonFactory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();

        LoaderOptions loaderOptions = new LoaderOptions();
        loaderOptions.setMaxAliasesForCollections(MAX_YAML_ALIASES);
        loaderOptions.setNestingDepthLimit(MAX_NESTING_DEPTH);
        loaderOptions.setCodePointLimit(MAX_DOCUMENT_CHARS);
        loaderOptions.setAllowDuplicateKeys(false);
        yamlFactory = YAMLFactory.builder()
                .loaderOptions(loaderOptions)
                .streamReadConstraints(constraints)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        yamlMapper = new ObjectMapper(yamlFactory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /**
     * The shared reader: every field and the cross-field rules, not the output size. For the services that read
     * designs to lay them out or hand them off; shielding and recipe work from a layout's metrics, whose cost does
     * not grow with the panel.
     */
    public static DesignReader create() {
        return INSTANCE;
    }

    /**
     * A reader that also refuses designs whose layout files would exceed {@code limits} (docs/design-document.md,
     * "Output size"): what the gateway (validation, handoffs) and layout-service use, so a design is refused the
     * same way wherever it enters. Create one per configuration and share it.
     */
    public static DesignReader create(OutputLimits limits) {
        if (limits == null) {
            throw new IllegalArgumentException("limits are required; create() reads without them");
        }
        return new DesignReader(INSTANCE, limits);
    }

    /** The output limits this reader checks, if any. */
    public Optional<OutputLimits> outputLimits() {
        return Optional.ofNullable(outputLimits);
    }

    /** Validates an already parsed document (e.g. the {@code design} member of a request body). */
    public ReadResult read(JsonNode tree) {
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            return ReadResult.invalid("$", "the document is empty; expected an object with name, package, panel,"
                    + " shield and mandrel");
        }
        if (!tree.isObject()) {
            return ReadResult.invalid("$", "the document must be an object with name, package, panel, shield and"
                    + " mandrel; got " + ObjectView.describe(tree));
        }
        return new DesignWalker(outputLimits).walk((ObjectNode) tree);
    }

    /** Parses and validates a document in the given format. */
    public ReadResult read(String content, DesignFormat format) {
        if (content == null || content.isBlank()) {
            return read((JsonNode) null);
        }
        if (content.length() > MAX_DOCUMENT_CHARS) {
            return tooLarge(content.length());
        }
        try {
            JsonNode tree = format == DesignFormat.YAML ? parseYaml(content) : jsonMapper.readTree(content);
            return read(tree);
        } catch (StreamConstraintsException e) {
            return ReadResult.invalid("$", limitMessage(e));
        } catch (JsonProcessingException e) {
            return ReadResult.invalid("$", malformed(format, e));
        } catch (IOException | RuntimeException e) {
            // SnakeYAML reports some limits (code points, nesting) as unchecked exceptions
            return ReadResult.invalid("$", "not valid " + format + ": " + firstLine(e.getMessage()));
        }
    }

    /**
     * Parses and validates an uploaded document. The format comes from the {@code Content-Type}; when that is
     * null or generic ({@code text/plain}, {@code application/octet-stream}, <code>*&#47;*</code>) it is sniffed:
     * JSON when the content starts with <code>{</code>, YAML otherwise. An unsupported content type is one
     * violation at {@code $}. Bytes are UTF-8 (a byte-order mark is skipped).
     */
    public ReadResult read(byte[] content, String contentType) {
        if (content == null || content.length == 0) {
            return read((JsonNode) null);
        }
        if (content.length > 4L * MAX_DOCUMENT_CHARS) {
            return tooLarge(content.length);
        }
        String text = new String(content, StandardCharsets.UTF_8);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        DesignFormat format;
        if (DesignFormat.isGeneric(contentType)) {
            format = DesignFormat.sniff(text);
        } else {
            try {
                format = DesignFormat.fromContentType(contentType);
            } catch (IllegalArgumentException e) {
                return ReadResult.invalid("$", e.getMessage());
            }
        }
        return read(text, format);
    }

    private JsonNode parseYaml(String content) throws IOException {
        try (YAMLParser parser = yamlFactory.createParser(content)) {
            return yamlMapper.readTree(new AliasRefusingParser(parser));
        }
    }

    /**
     * Fails at the first YAML alias, with its position: aliases are never needed in a design document. Also
     * gives YAML 1.1's special floats ({@code .nan}, {@code .inf}, {@code -.inf}, YAML 1.1 spec §10.2.1.4)
     * their double value: Jackson's YAML parser tags them as floats but cannot parse their text, which would
     * turn a NaN in a field into a parse error at {@code $}; as doubles they reach the field checks and get a
     * message naming the field, like JSON's {@code NaN}.
     */
    private static final class AliasRefusingParser extends JsonParserDelegate {
        private static final Pattern SPECIAL_FLOAT =
                Pattern.compile("[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");
        private final YAMLParser yaml;

        AliasRefusingParser(YAMLParser yaml) {
            super(yaml);
            this.yaml = yaml;
        }

        @Override
        public JsonToken nextToken() throws IOException {
            JsonToken token = super.nextToken();
            check();
            return token;
        }

        @Override
        public String nextFieldName() throws IOException {
            String name = super.nextFieldName();
            check();
            return name;
        }

        @Override
        public JsonToken nextValue() throws IOException {
            JsonToken token = super.nextValue();
            check();
            return token;
        }

        /** NaN or ±infinity when the current token is a YAML special float, else null. */
        private Double special() throws IOException {
            if (currentToken() != JsonToken.VALUE_NUMBER_FLOAT) {
                return null;
            }
            String text = yaml.getText();
            if (text == null || !SPECIAL_FLOAT.matcher(text).matches()) {
                return null;
            }
            if (text.toLowerCase(Locale.ROOT).contains("nan")) {
                return Double.NaN;
            }
            return text.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }

        @Override
        public NumberType getNumberType() throws IOException {
            return special() != null ? NumberType.DOUBLE : super.getNumberType();
        }

        @Override
        public NumberTypeFP getNumberTypeFP() throws IOException {
            return special() != null ? NumberTypeFP.DOUBLE64 : super.getNumberTypeFP();
        }

        @Override
        public Number getNumberValue() throws IOException {
            Double value = special();
            return value != null ? value : super.getNumberValue();
        }

        @Override
        public double getDoubleValue() throws IOException {
            Double value = special();
            return value != null ? value : super.getDoubleValue();
        }

        @Override
        public boolean isNaN() throws IOException {
            Double value = special();
            return value != null ? !Double.isFinite(value) : super.isNaN();
        }

        private void check() throws IOException {
            if (yaml.isCurrentAlias()) {
                throw new JsonParseException(yaml, "YAML aliases (*" + yaml.getText()
                        + ") are not allowed in a design document; write the value out");
            }
        }
    }

    private static ReadResult tooLarge(long size) {
        return ReadResult.invalid("$", "the document is too large (" + size + " characters); at most "
                + MAX_DOCUMENT_CHARS + " are accepted");
    }

    private static String limitMessage(StreamConstraintsException e) {
        String message = String.valueOf(e.getOriginalMessage()).toLowerCase(Locale.ROOT);
        if (message.contains("nesting")) {
            return "the document is nested deeper than " + MAX_NESTING_DEPTH + " levels";
        }
        if (message.contains("number")) {
            return "a number has more than " + StreamReadConstraints.DEFAULT_MAX_NUM_LEN + " digits";
        }
        return "the document exceeds the size limits (at most " + MAX_DOCUMENT_CHARS + " characters)";
    }

    private static String malformed(DesignFormat format, JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
            // SnakeYAML: "expected ',' or ']', but got <scalar>" at the problem mark, "while parsing …" as context
            Mark mark = yaml.getProblemMark();
            String context = yaml.getContext() == null ? "" : " (" + yaml.getContext() + ")";
            return "not valid YAML at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ": "
                    + firstLine(yaml.getProblem()) + context;
        }
        JsonLocation location = e.getLocation();
        String where = location == null || location.getLineNr() < 1 ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        String problem = e instanceof MismatchedInputException
                ? "more content after the end of the document (a second " + (format == DesignFormat.YAML
                        ? "YAML document" : "JSON value") + "); send one design per request"
                : firstLine(e.getOriginalMessage());
        return "not valid " + format + where + ": " + problem;
    }

    /** The first line of a parser message, or a neutral text when it would name code (class, feature, package). */
    private static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "unreadable content";
        }
        String line = message.strip().lines().findFirst().orElse("");
        // Jackson appends where an enclosing value started: "(for Object starting at [Source: …; line: 1, …])"
        line = line.replaceAll("\\s*\\(for \\w+ starting at \\[Source:.*$", "")
                .replaceAll("\\s*(at )?\\[Source:.*$", "");
        if (line.contains("`") || line.contains("com.fasterxml") || line.contains("org.yaml") || line.contains("java.")) {
            return "unreadable content";
        }
        return line.length() <= 200 ? line : line.substring(0, 197) + "...";
    }
}
