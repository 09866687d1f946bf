package io.shieldfab.design;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.shieldfab.design.geometry.DepressionGeometry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static io.shieldfab.design.Fixtures.EXAMPLES;
import static io.shieldfab.design.Fixtures.SCHEMA;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every file in examples/designs against docs/schema/design.schema.json and against {@link DesignReader}: the
 * valid ones pass both with no violations; invalid-*.json fails both, the reader with exactly one violation per
 * mistake listed in examples/designs/README.md.
 */
class ExamplesTest {

    private static JsonSchema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        JsonNode schemaTree = DesignJson.mapper().readTree(Files.readString(SCHEMA));
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaTree);
    }

    static Stream<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            return files.filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".yaml"))
                    .sorted().toList().stream();
        }
    }

    static Stream<Path> validExamples() throws IOException {
        return examples().filter(p -> !p.getFileName().toString().startsWith("invalid-"));
    }

    @Test
    void thereAreTheFiveExamples() throws IOException {
        assertThat(examples().map(p -> p.getFileName().toString())).containsExactly(
                "invalid-several-mistakes.json", "mcu-pillars.json", "mmwave-28g-coarse-filler.yaml",
                "mmwave-28g.yaml", "wifi-fem-2g4.json");
    }

    @ParameterizedTest
    @MethodSource("validExamples")
    void aValidExamplePassesTheSchemaAndTheReader(Path file) throws IOException {
        assertThat(schema.validate(tree(file))).as("schema errors in %s", file).isEmpty();

        ReadResult result = read(file);
        assertThat(result.violations()).as("reader violations in %s", file).isEmpty();
        assertThat(result.warnings()).as("reader warnings in %s", file).isEmpty();
        assertThat(result.valid()).isTrue();
    }

    @Test
    void theInvalidExampleFailsTheSchema() throws IOException {
        Set<ValidationMessage> errors = schema.validate(tree(EXAMPLES.resolve("invalid-several-mistakes.json")));

        // the schema sees the field-level mistakes; the two geometric ones are beyond a JSON Schema
        assertThat(errors).extracting(m -> m.getInstanceLocation().toString()).contains(
                "$.name", "$.package.operatingFrequencyHz", "$.panel.rows", "$.mandrel.material",
                "$.shield.openings");
    }

    @Test
    void theInvalidExampleHasOneReaderViolationPerMistake() throws IOException {
        ReadResult result = read(EXAMPLES.resolve("invalid-several-mistakes.json"));

        assertThat(result.valid()).isFalse();
        assertThat(result.violations()).extracting(Violation::field).containsExactly(
                "name",
                "package.operatingFrequencyHz",
                "panel.rows",
                "shield.openings.heigthMm",
                "mandrel.material",
                "panel.pitchXMm",
                "shield.openings.lengthMm");
    }

    @Test
    void theExamplesReadmeListsEveryFileAndEveryExpectedViolation() throws IOException {
        String readme = Files.readString(EXAMPLES.resolve("README.md"));
        List<String> fields = read(EXAMPLES.resolve("invalid-several-mistakes.json")).violations().stream()
                .map(Violation::field).toList();

        assertThat(readme).contains(examples().map(p -> p.getFileName().toString()).toList());
        assertThat(readme).contains(fields.stream().map(f -> "`" + f + "`").toList());
    }

    @Test
    void theYamlExampleMeansTheSameAsItsJsonRendering() throws IOException {
        Design fromYaml = read(EXAMPLES.resolve("mmwave-28g.yaml")).design();

        Design fromJson = DesignReader.create().read(DesignJson.write(fromYaml), DesignFormat.JSON).design();

        assertThat(fromJson).isEqualTo(fromYaml);
        assertThat(fromYaml.packageSpec().operatingFrequencyHz()).isEqualTo(28.0e9);
        assertThat(fromYaml.shield().openings().maxDimensionMm()).isEqualTo(0.15);
    }

    /*
     * Seam gaps of the examples by hand: one pad a side, centred on the site's axes in the middle of the land, so
     * each of the four gaps is (E pad x + N pad y) from the site centre less the pad p. Land middle = (recess/2 +
     * pitch/2 − kerf/2)/2 from the centre.
     * Wi-Fi: recess 5.65 × 4.65, pitch 7 × 6, kerf 0.2: x (2.825 + 3.4)/2 = 3.1125, y (2.325 + 2.9)/2 = 2.6125;
     *   3.1125 + 2.6125 − 0.3 = 5.425 mm.
     * mmwave-28g: 4.5 + 2 × 0.2 + 2 × 0.015 = 4.93 both ways, pitch 6, kerf 0.15: (2.465 + 2.925)/2 = 2.695;
     *   2 × 2.695 − 0.2 = 5.19 mm.
     * mcu-pillars: 7 + 2 × 0.4 + 2 × 0.03 = 7.86 both ways, pitch 9, kerf 0.25: land (1.14 − 0.25)/2 = 0.445 ≥ 0.4,
     *   so the pads are drawn; (3.93 + 4.375)/2 = 4.1525; 2 × 4.1525 − 0.4 = 7.905 mm.
     * The Wi-Fi and the MCU ship a bonding RING (a closed seam, no gaps); the figures above are the seams four pads
     * would leave, the reason their comments give for the ring ("5.4 mm", "7.9 mm"). The 28 GHz example ships pads.
     */
    @ParameterizedTest
    @CsvSource({"wifi-fem-2g4.json, 5425000, true", "mmwave-28g.yaml, 5190000, false",
            "mcu-pillars.json, 7905000, true"})
    void theExamplesHaveFourEqualSeamGapsWithOnePadASide(String file, long gapNm, boolean ring) throws IOException {
        DepressionGeometry g = DepressionGeometry.from(read(EXAMPLES.resolve(file)).design());

        assertThat(g.withPadsPerSide(1).seamGapsNm()).containsExactly(gapNm, gapNm, gapNm, gapNm);
        if (ring) {
            assertThat(g.seamGapsNm()).isEmpty();
        } else {
            assertThat(g.seamGapsNm()).containsExactly(gapNm, gapNm, gapNm, gapNm);
        }
    }

    private static ReadResult read(Path file) throws IOException {
        return DesignReader.create().read(Files.readAllBytes(file), null);
    }

    private static JsonNode tree(Path file) throws IOException {
        String text = Files.readString(file);
        return file.toString().endsWith(".yaml") ? new YAMLMapper().readTree(text) : DesignJson.mapper().readTree(text);
    }
}
