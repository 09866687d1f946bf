package io.shieldfab.gateway.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shieldfab.design.DesignFormat;
import io.shieldfab.design.DesignJson;
import io.shieldfab.design.DesignReader;
import io.shieldfab.design.ReadResult;
import io.shieldfab.design.OpeningsSpec;
import io.shieldfab.design.ShieldSpec;
import io.shieldfab.design.Violation;
import io.shieldfab.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * "Start from an example": the example designs of {@code examples/designs} (packed into the jar by
 * the build under {@code portal/examples}) and the form that edits their main parameters. The form
 * posts each parameter under its JSON path, so a violation the design reader reports names the
 * input it belongs to.
 */
@ApplicationScoped
public class ExampleDesigns {

    /** How an input is read. */
    public enum Kind { TEXT, NUMBER, INTEGER, CHOICE }

    /**
     * One input of the form.
     *
     * @param path    JSON path in the design, also the input's name
     * @param label   what the input is, for people
     * @param unit    unit shown after the input (the input's own unit, see {@code scale})
     * @param scale   design value = input × scale (GHz input for a Hz field: 1e9)
     * @param choices allowed values of a CHOICE
     * @param hint    what a sensible value looks like
     */
    public record Field(String group, String path, String label, String unit, Kind kind, double scale, List<String> choices,
                        String hint) {

        public String id() {
            return "in-" + path.replaceAll("[^A-Za-z0-9]+", "-");
        }

        public String errorId() {
            return id() + "-error";
        }

        public String hintId() {
            return id() + "-hint";
        }

        public boolean choice() {
            return kind == Kind.CHOICE;
        }

        public boolean numeric() {
            return kind == Kind.NUMBER || kind == Kind.INTEGER;
        }

        public String inputMode() {
            return kind == Kind.INTEGER ? "numeric" : "decimal";
        }
    }

    /** An input with its current value and the violations that name it. */
    public record Input(Field field, String value, List<String> errors) {

        public boolean invalid() {
            return !errors.isEmpty();
        }

        public String describedBy() {
            return ((field.hint().isEmpty() ? "" : field.hintId() + " ") + (invalid() ? field.errorId() : "")).trim();
        }
    }

    /** Inputs of one fieldset. */
    public record Group(String legend, List<Input> inputs) {
    }

    /** An example design offered in the picker. */
    public record Example(String file, String label) {
    }

    /**
     * The filled-in form.
     *
     * @param other violations that name no input of the form (they are listed above it)
     */
    public record Form(String example, List<Example> examples, List<Group> groups, List<Violation> other, int errorCount) {
    }

    /** The outcome of a posted form: the design to hand off, or the form again with its errors. */
    public record Edited(Optional<byte[]> designJson, Form form) {
    }

    static final List<Field> FIELDS = List.of(
            new Field("Design and requirement", "name", "Design name", "", Kind.TEXT, 1, List.of(), "Letters, digits, '.', '_' or '-'"),
            new Field("Package", "package.bodyLengthMm", "Body length", "mm", Kind.NUMBER, 1, List.of(), ""),
            new Field("Package", "package.bodyWidthMm", "Body width", "mm", Kind.NUMBER, 1, List.of(), ""),
            new Field("Package", "package.heightMm", "Height", "mm", Kind.NUMBER, 1, List.of(), ""),
            new Field("Package", "package.operatingFrequencyHz", "Operating frequency", "GHz", Kind.NUMBER, 1e9, List.of(), ""),
            new Field("Package", "package.harmonics", "Harmonics checked", "", Kind.INTEGER, 1, List.of(),
                    "The fundamental and its multiples up to this one; blank: the FCC 15.33 range of the package's radiator kind"),
            new Field("Panel", "panel.rows", "Rows", "", Kind.INTEGER, 1, List.of(), ""),
            new Field("Panel", "panel.columns", "Columns", "", Kind.INTEGER, 1, List.of(), ""),
            new Field("Panel", "panel.pitchXMm", "Pitch X", "mm", Kind.NUMBER, 1, List.of(), ""),
            new Field("Panel", "panel.pitchYMm", "Pitch Y", "mm", Kind.NUMBER, 1, List.of(), ""),
            new Field("Shield", "shield.material", "Shield metal", "", Kind.CHOICE, 1, names(ShieldSpec.ShieldMaterial.values()), ""),
            new Field("Shield", "shield.thicknessUm", "Plating thickness", "µm", Kind.NUMBER, 1, List.of(), ""),
            new Field("Shield", "shield.openings.style", "Openings", "", Kind.CHOICE, 1, names(OpeningsSpec.OpeningStyle.values()), ""),
            new Field("Shield", "shield.openings.perWall", "Openings per wall", "", Kind.INTEGER, 1, List.of(), ""),
            new Field("Shield", "shield.openings.lengthMm", "Opening length", "mm", Kind.NUMBER, 1, List.of(),
                    "The largest dimension of one opening"),
            new Field("Shield", "shield.openings.heightMm", "Opening height", "mm", Kind.NUMBER, 1, List.of(), ""),
            new Field("Design and requirement", "requirements.minShieldingDb", "Minimum shielding", "dB", Kind.NUMBER, 1, List.of(),
                    "Required at the fundamental and every harmonic checked"));

    private final GatewayConfig config;
    private final ObjectMapper mapper;
    private final DesignReader reader = DesignReader.create();

    public ExampleDesigns(GatewayConfig config, ObjectMapper mapper) {
        this.config = config;
        this.mapper = mapper;
    }

    public List<Example> examples() {
        List<Example> out = new ArrayList<>();
        for (String file : config.portal().examples()) {
            canonical(file).ifPresent(tree -> out.add(new Example(file,
                    tree.path("name").asText(file) + " rev " + tree.path("revision").asText("-") + " (" + file + ")")));
        }
        return out;
    }

    /** The form filled with an example's values (the first example when {@code file} is not one). */
    public Form form(String file) {
        String chosen = chosen(file);
        JsonNode design = canonical(chosen).orElseGet(mapper::createObjectNode);
        Map<String, String> values = new LinkedHashMap<>();
        for (Field field : FIELDS) {
            values.put(field.path(), display(field, at(design, field.path())));
        }
        return form(chosen, values, List.of());
    }

    /**
     * Applies the posted values to the example and checks the result with the design reader. A blank
     * input removes the field, so the reader's default (or its "required" message) applies.
     */
    public Edited edit(String file, Map<String, String> posted) {
        String chosen = chosen(file);
        ObjectNode design = (ObjectNode) canonical(chosen).orElseGet(mapper::createObjectNode).deepCopy();
        List<Violation> violations = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        for (Field field : FIELDS) {
            String raw = posted.getOrDefault(field.path(), "").trim();
            values.put(field.path(), raw);
            apply(design, field, raw).ifPresent(message -> violations.add(new Violation(field.path(), message)));
        }
        if (violations.isEmpty()) {
            ReadResult result = reader.read(design);
            if (result.valid()) {
                return new Edited(Optional.of(DesignJson.write(result.design()).getBytes(StandardCharsets.UTF_8)),
                        form(chosen, values, List.of()));
            }
            violations.addAll(result.violations());
        }
        return new Edited(Optional.empty(), form(chosen, values, violations));
    }

    private Form form(String chosen, Map<String, String> values, List<Violation> violations) {
        Map<String, List<Input>> groups = new LinkedHashMap<>();
        for (Field field : FIELDS) {
            List<String> errors = violations.stream().filter(v -> v.field().equals(field.path())).map(Violation::message).toList();
            groups.computeIfAbsent(field.group(), g -> new ArrayList<>()).add(new Input(field, values.get(field.path()), errors));
        }
        List<Violation> other = violations.stream().filter(v -> FIELDS.stream().noneMatch(f -> f.path().equals(v.field()))).toList();
        return new Form(chosen, examples(), groups.entrySet().stream().map(e -> new Group(e.getKey(), e.getValue())).toList(),
                other, violations.size());
    }

    /** Sets one field from its input; the message when the input is not a number where one is needed. */
    static Optional<String> apply(ObjectNode design, Field field, String raw) {
        String[] segments = field.path().split("\\.");
        ObjectNode parent = design;
        for (int i = 0; i < segments.length - 1; i++) {
            JsonNode child = parent.get(segments[i]);
            parent = child instanceof ObjectNode object ? object : parent.putObject(segments[i]);
        }
        String name = segments[segments.length - 1];
        if (raw.isEmpty()) {
            parent.remove(name);
            return Optional.empty();
        }
        switch (field.kind()) {
            case TEXT, CHOICE -> parent.put(name, raw);
            case NUMBER, INTEGER -> {
                BigDecimal number;
                try {
                    number = new BigDecimal(raw.replace(',', '.')).multiply(BigDecimal.valueOf(field.scale()));
                } catch (NumberFormatException e) {
                    return Optional.of("must be a number" + (field.unit().isEmpty() ? "" : " in " + field.unit()));
                }
                if (field.kind() == Kind.INTEGER && number.stripTrailingZeros().scale() <= 0) {
                    parent.put(name, number.longValueExact());
                } else {
                    parent.put(name, number.doubleValue());
                }
            }
            default -> throw new IllegalStateException("unknown kind " + field.kind());
        }
        return Optional.empty();
    }

    private String chosen(String file) {
        List<String> offered = config.portal().examples();
        return file != null && offered.contains(file) ? file : offered.get(0);
    }

    /** The example with every default applied (so the form shows what the services would use). */
    Optional<JsonNode> canonical(String file) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream("portal/examples/" + file)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] bytes = in.readAllBytes();
            DesignFormat format = file.endsWith(".yaml") || file.endsWith(".yml") ? DesignFormat.YAML : DesignFormat.JSON;
            ReadResult result = reader.read(bytes, format.mediaType);
            return result.valid() ? Optional.of(DesignJson.toTree(result.design())) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read example " + file, e);
        }
    }

    private static JsonNode at(JsonNode design, String path) {
        JsonNode node = design;
        for (String segment : path.split("\\.")) {
            node = node.path(segment);
        }
        return node;
    }

    static String display(Field field, JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return "";
        }
        if (value.isNumber()) {
            return BigDecimal.valueOf(value.asDouble()).divide(BigDecimal.valueOf(field.scale())).stripTrailingZeros().toPlainString();
        }
        return value.asText();
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
