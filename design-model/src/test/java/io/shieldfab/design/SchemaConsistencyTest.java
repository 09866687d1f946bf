package io.shieldfab.design;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Set;

import static io.shieldfab.design.Fixtures.SCHEMA;
import static io.shieldfab.design.Fixtures.wifi;
import static io.shieldfab.design.Fixtures.with;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/schema/design.schema.json and {@link DesignReader} agree field by field: every value the reader rejects
 * the schema rejects at the same path, every value the reader accepts the schema accepts (same cases as
 * {@link DesignReaderFieldTest}).
 */
class SchemaConsistencyTest {

    private static JsonSchema schema;

    @BeforeAll
    static void loadSchema() throws IOException {
        JsonNode schemaTree = DesignJson.mapper().readTree(Files.readString(SCHEMA));
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaTree);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvFileSource(resources = "/field-cases/bad-values.csv", delimiter = '|', quoteCharacter = '`')
    void theSchemaRejectsWhatTheReaderRejects(String path, String json, String ignoredMessage) {
        Set<ValidationMessage> errors = schema.validate(with(wifi(), path, json));

        assertThat(errors).extracting(m -> m.getInstanceLocation().toString()).contains("$." + path);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvFileSource(resources = "/field-cases/good-values.csv", delimiter = '|', quoteCharacter = '`')
    void theSchemaAcceptsWhatTheReaderAccepts(String path, String json) {
        assertThat(schema.validate(with(wifi(), path, json))).isEmpty();
    }

    @Test
    void solidWallsNeedNoSizesButNoPerWallEither() {
        assertThat(schema.validate(with(wifi(), "shield.openings", "{\"style\": \"NONE\"}"))).isEmpty();
        assertThat(schema.validate(with(wifi(), "shield.openings", "{\"style\": \"NONE\", \"perWall\": 2}")))
                .extracting(m -> m.getInstanceLocation().toString()).contains("$.shield.openings.perWall");
    }

    @Test
    void aRingRefusesPadsPerSide() {
        assertThat(schema.validate(with(wifi(), "bonding.pattern", "\"RING\""))).isEmpty();
        assertThat(schema.validate(with(with(wifi(), "bonding.pattern", "\"RING\""), "bonding.padsPerSide", "1")))
                .extracting(m -> m.getInstanceLocation().toString()).contains("$.bonding.padsPerSide");
        assertThat(schema.validate(with(with(wifi(), "bonding.pattern", "\"PADS\""), "bonding.padsPerSide", "3")))
                .isEmpty();
    }

    @Test
    void optionalSectionsMayBeLeftOut() {
        JsonNode minimal = Fixtures.without(Fixtures.without(Fixtures.without(Fixtures.without(wifi(),
                "encapsulation"), "bonding"), "requirements"), "process");

        assertThat(schema.validate(minimal)).isEmpty();
        assertThat(DesignReader.create().read(minimal).valid()).isTrue();
    }
}
