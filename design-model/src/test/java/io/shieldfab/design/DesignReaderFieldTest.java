package io.shieldfab.design;

import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.shieldfab.design.Fixtures.read;
import static io.shieldfab.design.Fixtures.wifi;
import static io.shieldfab.design.Fixtures.with;
import static io.shieldfab.design.Fixtures.without;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Field-by-field rules: each rule has a failing fixture (the Wi-Fi example with one field changed; exactly one
 * violation, at that field's JSON path) and a passing one (usually the boundary value).
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
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            name                              | `"x y"`         | 1 to 100 letters, digits
            name                              | `"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"` | 1 to 100 letters
            name                              | 42              | must be a string
            revision                          | `"123456789012345678901"` | 1 to 20 printable characters
            package.bodyLengthMm              | 0               | greater than 0 and at most 100 mm
            package.bodyLengthMm              | 100.5           | got 100.5 mm
            package.bodyLengthMm              | `"5.0"`         | must be a number (package body length along X, mm); got the string "5.0"
            package.bodyWidthMm               | -4              | greater than 0
            package.heightMm                  | 20.1            | at most 20 mm
            package.operatingFrequencyHz      | -2.45e9         | greater than 0 and at most 3e11 Hz
            package.operatingFrequencyHz      | 0               | greater than 0
            package.operatingFrequencyHz      | 3.1e11          | got 3.1e11 Hz
            package.operatingFrequencyHz      | 1e400           | must be a finite number
            package.harmonics                 | 0               | whole number from 1 to 50
            package.harmonics                 | 51              | whole number from 1 to 50
            package.harmonics                 | 2.5             | whole number from 1 to 50 (highest harmonic checked); got 2.5
            package.riseTimeS                 | 0               | greater than 0 and at most 1 s
            package.terminalSide              | `"SIDE"`        | allowed: BOTTOM, TOP
            panel.rows                        | 0               | whole number from 1 to 1000 (site rows along Y); got 0
            panel.rows                        | 1001            | got 1001
            panel.columns                     | 4.5             | whole number
            panel.columns                     | `"6"`           | got the string "6"
            panel.pitchXMm                    | 501             | at most 500 mm
            panel.pitchYMm                    | 0               | greater than 0
            panel.marginMm                    | -1              | at least 0 and at most 100 mm
            panel.sawKerfMm                   | 0               | greater than 0 and at most 5 mm
            shield.material                   | `"TITANIUM"`    | unknown shield material "TITANIUM"; allowed: COPPER, NICKEL, GOLD
            shield.material                   | `"nickel"`      | did you mean NICKEL?
            shield.thicknessUm                | 0.5             | at least 1 and at most 2000 µm
            shield.thicknessUm                | 2001            | got 2001 µm
            shield.wallClearanceMm            | 0               | greater than 0
            shield.hollowWalls                | `"yes"`         | must be true or false
            shield.relativePermeability       | 0.9             | at least 1
            shield.openings                   | `"SLOTS"`       | must be an object
            shield.openings.style             | `"HOLES"`       | allowed: SLOTS, PILLARS, NONE
            shield.openings.perWall           | 0               | at least 1 with style SLOTS; use style NONE
            shield.openings.perWall           | 101             | whole number from 0 to 100
            shield.openings.lengthMm          | 0               | greater than 0
            shield.openings.heightMm          | -0.2            | greater than 0
            mandrel.material                  | `"ALUMINIUM"`   | allowed: MOLYBDENUM, STEEL, STAINLESS_STEEL, BRASS, CHROMIUM
            mandrel.recessDepthMm             | 0               | greater than 0
            encapsulation.material            | `"PARYLENE"`    | allowed: EPOXY_MOLD_COMPOUND, LIQUID_EPOXY, SILICONE
            encapsulation.relativePermittivity| 0.5             | at least 1 and at most 100
            encapsulation.relativePermittivity| 101             | at most 100
            encapsulation.stage               | `"DURING"`      | allowed: BEFORE_SUPPORT_REMOVAL, AFTER_SUPPORT_REMOVAL
            encapsulation.allowancePercent    | 100.5           | at least 0 and at most 100 %
            bonding.material                  | `"SAC306"`      | did you mean SAC305?
            bonding.padSizeMm                 | 0               | greater than 0
            bonding.padThicknessUm            | 0               | at least 1
            requirements.minShieldingDb       | -1              | at least 0 and at most 200 dB
            requirements.minShieldingDb       | 201             | at most 200 dB
            requirements.apertureRule         | `"LAMBDA_OVER_10"` | allowed: LAMBDA, LAMBDA_OVER_2, LAMBDA_OVER_20, LAMBDA_OVER_50
            process.currentDensityAPerDm2     | 0               | greater than 0 and at most 100 A/dm²
            process.singulation               | `"WATERJET"`    | allowed: SAW, LASER
            """)
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
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            name                              | `"A-b_c.9"`
            name                              | `"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"`
            revision                          | `"rev 12 (2026-11-24)"`
            package.bodyLengthMm              | 5.5
            package.heightMm                  | 0.86
            package.operatingFrequencyHz      | 3e11
            package.operatingFrequencyHz      | 2450000000
            package.harmonics                 | 1
            package.harmonics                 | 50
            package.harmonics                 | 3.0
            package.riseTimeS                 | 1e-12
            package.terminalSide              | `"TOP"`
            panel.rows                        | 1
            panel.columns                     | 10
            panel.marginMm                    | 0
            panel.sawKerfMm                   | 0.05
            shield.material                   | `"GOLD"`
            shield.thicknessUm                | 1
            shield.relativePermeability       | 1
            shield.relativePermeability       | 600
            shield.hollowWalls                | false
            mandrel.material                  | `"CHROMIUM"`
            encapsulation.relativePermittivity| 1
            encapsulation.relativePermittivity| 100
            encapsulation.allowancePercent    | 0
            encapsulation.allowancePercent    | 100
            bonding.material                  | `"CONDUCTIVE_EPOXY"`
            requirements.minShieldingDb       | 0
            requirements.minShieldingDb       | 200
            requirements.apertureRule         | `"LAMBDA_OVER_50"`
            process.currentDensityAPerDm2     | 2.5
            process.singulation               | `"LASER"`
            """)
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
