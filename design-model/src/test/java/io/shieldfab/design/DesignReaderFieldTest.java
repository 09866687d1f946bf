package io.shieldfab.design;

import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;

import static io.shieldfab.design.Fixtures.read;
import static io.shieldfab.design.Fixtures.wifi;
import static io.shieldfab.design.Fixtures.with;
import static io.shieldfab.design.Fixtures.without;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Field-by-field rules: each rule has a failing fixture (the Wi-Fi example with one field changed; exactly one
 * violation, at that field's JSON path) and a passing one (usually the boundary value). The cases are in
 * src/test/resources/field-cases, shared with {@link SchemaConsistencyTest}.
 */
class DesignReaderFieldTest {

    @Test
    void theWifiExampleIsValidWithoutWarnings() {
        ReadResult result = read(wifi());
        assertThat(result.violations()).isEmpty();
        assertThat(result.warnings()).isEmpty();
        assertThat(result.valid()).isTrue();
    }

    @ParameterizedTest(name = "{0} = {1} -> {2}")
    @CsvFileSource(resources = "/field-cases/bad-values.csv", delimiter = '|', quoteCharacter = '`')
    void aBadValueIsOneViolationAtItsPath(String path, String json, String messagePart) {
        ReadResult result = read(with(wifi(), path, json));

        assertThat(result.valid()).isFalse();
        assertThat(result.design()).isNull();
        assertThat(result.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo(path);
            assertThat(v.message()).contains(messagePart);
        });
    }

    @ParameterizedTest(name = "{0} = {1} is accepted")
    @CsvFileSource(resources = "/field-cases/good-values.csv", delimiter = '|', quoteCharacter = '`')
    void aGoodValueIsAccepted(String path, String json) {
        ReadResult result = read(with(wifi(), path, json));

        assertThat(result.violations()).isEmpty();
        assertThat(result.valid()).isTrue();
    }

    @Test
    void nanIsNotANumberADesignerMeant() {
        ReadResult result = read(with(wifi(), "panel.pitchYMm", DoubleNode.valueOf(Double.NaN)));

        assertThat(result.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("panel.pitchYMm");
            assertThat(v.message()).contains("must be a finite number").contains("NaN");
        });
    }

    @ParameterizedTest
    @CsvSource({"name", "package", "package.bodyLengthMm", "package.operatingFrequencyHz", "panel.rows",
            "panel.pitchYMm", "shield.material", "shield.thicknessUm", "shield.wallClearanceMm", "shield.openings",
            "shield.openings.style", "shield.openings.perWall", "shield.openings.lengthMm", "mandrel",
            "mandrel.recessDepthMm"})
    void aRequiredFieldLeftOutIsReportedAtItsPath(String path) {
        ReadResult result = read(without(wifi(), path));

        assertThat(result.violations()).extracting(Violation::field).containsExactly(path);
        assertThat(result.violations().get(0).message()).startsWith("is required (");
    }

    @Test
    void aMisspeltRequiredFieldIsOneViolationWithASuggestion() {
        ObjectNode typo = with(without(wifi(), "shield.thicknessUm"), "shield.thicknesUm", "25");

        ReadResult result = read(typo);

        assertThat(result.violations()).containsExactly(new Violation("shield.thicknesUm",
                "unknown field; did you mean thicknessUm? (thicknessUm is required)"));
    }

    @Test
    void aMisspeltOptionalFieldSuggestsTheRightName() {
        ReadResult result = read(with(wifi(), "package.harmonic", "7"));

        assertThat(result.violations()).containsExactly(
                new Violation("package.harmonic", "unknown field; did you mean harmonics?"));
    }

    @Test
    void anUnknownFieldFarFromAnyNameListsTheAllowedOnes() {
        ReadResult result = read(with(wifi(), "panel.colour", "\"red\""));

        assertThat(result.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("panel.colour");
            assertThat(v.message()).isEqualTo("unknown field; allowed here: rows, columns, pitchXMm, pitchYMm,"
                    + " marginMm, sawKerfMm");
        });
    }

    @Test
    void openingsStyleNoneNeedsNoSizesAndRefusesOpenings() {
        ObjectNode none = with(wifi(), "shield.openings", "{\"style\": \"NONE\"}");
        ReadResult ok = read(none);
        assertThat(ok.violations()).isEmpty();
        assertThat(ok.design().shield().openings()).isEqualTo(new OpeningsSpec(OpeningsSpec.OpeningStyle.NONE, 0, 0, 0));

        ReadResult bad = read(with(none, "shield.openings.perWall", "2"));
        assertThat(bad.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("shield.openings.perWall");
            assertThat(v.message()).contains("must be 0 or left out with style NONE");
        });
    }

    @Test
    void aRingHasNoPadsPerSide() {
        ObjectNode ring = with(wifi(), "bonding.pattern", "\"RING\"");
        ReadResult ok = read(ring);
        assertThat(ok.violations()).isEmpty();
        assertThat(ok.design().bonding().pattern()).isEqualTo(BondingSpec.BondingPattern.RING);
        assertThat(ok.design().bonding().padsPerSide()).isNull();

        ReadResult bad = read(with(ring, "bonding.padsPerSide", "2"));
        assertThat(bad.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("bonding.padsPerSide");
            assertThat(v.message()).isEqualTo("must be left out with pattern RING (one closed ring, no square pads);"
                    + " got 2; use pattern PADS for pads along each land");
        });
        // PADS (the Wi-Fi example ships a ring): three pads a side
        assertThat(read(with(with(wifi(), "bonding.pattern", "\"PADS\""), "bonding.padsPerSide", "3")).design()
                .bonding().padsPerSide()).isEqualTo(3);
    }

    @Test
    void nullMeansNotGivenSoTheDefaultApplies() {
        ReadResult result = read(with(wifi(), "panel.marginMm", "null"));

        assertThat(result.violations()).isEmpty();
        assertThat(result.design().panel().marginMm()).isEqualTo(3.0);
    }

    @Test
    void commentsAreAllowedInEveryObjectAndMustBeText() {
        assertThat(read(with(wifi(), "panel.$comment", "\"ganged 4 x 6\"")).violations()).isEmpty();
        assertThat(read(with(wifi(), "panel.$comment", "7")).violations())
                .extracting(Violation::field).containsExactly("panel.$comment");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        ObjectNode tree = with(wifi(), "panel.rows", "0");
        tree = with(tree, "shield.material", "\"TIN\"");
        tree = with(tree, "package.operatingFrequencyHz", "-1");
        tree = with(tree, "encapsulation.stage", "\"LATER\"");

        assertThat(read(tree).violations()).extracting(Violation::field).containsExactly(
                "package.operatingFrequencyHz", "panel.rows", "shield.material", "encapsulation.stage");
    }
}
