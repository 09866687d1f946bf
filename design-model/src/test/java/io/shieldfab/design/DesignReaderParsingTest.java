package io.shieldfab.design;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Collections;

import static io.shieldfab.design.Fixtures.EXAMPLES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Text in, violations out: malformed input, hostile input, formats and content types. */
class DesignReaderParsingTest {

    private final DesignReader reader = DesignReader.create();

    @Test
    void malformedJsonIsOneViolationAtTheRootWithLineAndColumn() {
        ReadResult result = reader.read("{\n  \"name\": \"x\",\n  \"panel\": {,}\n}", DesignFormat.JSON);

        assertThat(result.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("$");
            assertThat(v.message()).startsWith("not valid JSON at line 3, column 13: Unexpected character (','");
        });
    }

    @Test
    void malformedYamlIsOneViolationAtTheRootWithLineAndColumn() {
        ReadResult result = reader.read("name: x\npanel: [1, 2\nshield: {}\n", DesignFormat.YAML);

        assertThat(result.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("$");
            assertThat(v.message()).startsWith("not valid YAML at line 3, column 7: expected ',' or ']'")
                    .contains("while parsing a flow sequence")
                    .doesNotContain("Exception").doesNotContain("org.yaml");
        });
    }

    @Test
    void aYamlAliasBombFailsFastWithAViolation() {
        // "billion laughs": 9 levels of 9 aliases each would expand to 9^9 = 387,420,489 strings
        StringBuilder bomb = new StringBuilder("a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (int level = 1; level <= 9; level++) {
            String previous = "*a" + (level - 1);
            bomb.append("a").append(level).append(": &a").append(level).append(" [")
                    .append(String.join(",", Collections.nCopies(9, previous))).append("]\n");
        }

        ReadResult result = assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> reader.read(bomb.toString(), DesignFormat.YAML));

        assertThat(result.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("$");
            assertThat(v.message()).contains("line 2").contains("YAML aliases (*a0) are not allowed");
        });
    }

    @Test
    void deepNestingIsRefused() {
        String deep = "{\"a\":".repeat(60) + "1" + "}".repeat(60);

        ReadResult result = reader.read(deep, DesignFormat.JSON);

        assertThat(result.violations()).containsExactly(new Violation("$", "the document is nested deeper than 50 levels"));
    }

    @Test
    void aDocumentOverOneMebibyteIsRefusedBeforeParsing() {
        String huge = "{\"name\": \"" + "x".repeat(DesignReader.MAX_DOCUMENT_CHARS) + "\"}";

        ReadResult result = reader.read(huge, DesignFormat.JSON);

        assertThat(result.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("$");
            assertThat(v.message()).contains("too large").contains("at most 1048576");
        });
    }

    @Test
    void duplicateKeysAreMalformed() {
        ReadResult json = reader.read("{\"name\": \"a\", \"name\": \"b\"}", DesignFormat.JSON);
        ReadResult yaml = reader.read("name: a\nname: b\n", DesignFormat.YAML);

        assertThat(json.violations()).singleElement().satisfies(v -> assertThat(v.message()).contains("Duplicate field 'name'"));
        assertThat(yaml.violations()).singleElement().satisfies(v -> assertThat(v.message()).contains("Duplicate field 'name'"));
    }

    @Test
    void nanAndInfinityInJsonTextReachTheFieldCheck() {
        String text = "{\"name\":\"n\",\"package\":{\"bodyLengthMm\":NaN,\"bodyWidthMm\":1e999,\"heightMm\":0.9,"
                + "\"operatingFrequencyHz\":-Infinity}}";

        ReadResult result = reader.read(text, DesignFormat.JSON);

        assertThat(result.violations()).extracting(Violation::field).startsWith("package.bodyLengthMm",
                "package.bodyWidthMm", "package.operatingFrequencyHz");
        assertThat(result.violations().subList(0, 3))
                .allSatisfy(v -> assertThat(v.message()).contains("must be a finite number"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   \n", "null", "~"})
    void anEmptyDocumentIsOneViolation(String text) {
        ReadResult result = reader.read(text, text.equals("~") ? DesignFormat.YAML : DesignFormat.JSON);

        assertThat(result.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("$");
            assertThat(v.message()).startsWith("the document is empty");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"name\": \"a", "{\"name\": 01}", "{\"name\": \"\\q\"}", "{\"a\" 1}", "{]",
            "{\"name\": tru}", "{\"name\": \"a\u0001\"}", "\"unterminated"})
    void malformedJsonNamesNoCode(String text) {
        assertPlainRootViolation(reader.read(text, DesignFormat.JSON));
    }

    @ParameterizedTest
    @ValueSource(strings = {"name: [a", "name: 'a", "a:\n\t- b", "name: a\n  bad indent: b\n x", "{a: 1", "key: @x",
            "a: !!binary zz", "name: &x a\nrevision: *x"})
    void malformedYamlNamesNoCode(String text) {
        assertPlainRootViolation(reader.read(text, DesignFormat.YAML));
    }

    @Test
    void anOverlongNumberIsRefusedPlainly() {
        ReadResult result = reader.read("{\"name\": " + "9".repeat(1500) + "}", DesignFormat.JSON);

        assertPlainRootViolation(result);
        assertThat(result.violations().get(0).message()).contains("number").contains("1000 digits");
    }

    @Test
    void aMismatchedBracketSaysWhatWasExpected() {
        assertThat(reader.read("{]", DesignFormat.JSON).violations()).containsExactly(new Violation("$",
                "not valid JSON at line 1, column 2: Unexpected close marker ']': expected '}'"));
    }

    private static void assertPlainRootViolation(ReadResult result) {
        assertThat(result.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("$");
            assertThat(v.message()).doesNotContain("`").doesNotContain("com.").doesNotContain("java.")
                    .doesNotContain("org.").doesNotContain("Exception").doesNotContain("\n");
        });
    }

    @Test
    void aListIsNotADesign() {
        ReadResult result = reader.read("[1, 2]", DesignFormat.JSON);

        assertThat(result.violations()).containsExactly(new Violation("$",
                "the document must be an object with name, package, panel, shield and mandrel; got a list"));
    }

    @Test
    void trailingContentAfterTheDocumentIsMalformedAndNamesNoCode() {
        ReadResult json = reader.read("{\"name\": \"a\"} {\"name\": \"b\"}", DesignFormat.JSON);
        ReadResult yaml = reader.read("name: a\n---\nname: b\n", DesignFormat.YAML);

        assertThat(json.violations()).containsExactly(new Violation("$", "not valid JSON at line 1, column 15:"
                + " more content after the end of the document (a second JSON value); send one design per request"));
        assertThat(yaml.violations()).containsExactly(new Violation("$", "not valid YAML at line 3, column 1:"
                + " more content after the end of the document (a second YAML document); send one design per request"));
    }

    @Test
    void bytesAreSniffedWhenTheContentTypeSaysNothing() throws Exception {
        byte[] yaml = Files.readAllBytes(EXAMPLES.resolve("mmwave-28g.yaml"));
        byte[] json = Files.readAllBytes(EXAMPLES.resolve("wifi-fem-2g4.json"));
        byte[] bom = concat(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, json);

        assertThat(reader.read(yaml, null).valid()).isTrue();
        assertThat(reader.read(yaml, "application/octet-stream").valid()).isTrue();
        assertThat(reader.read(yaml, "application/x-yaml; charset=utf-8").valid()).isTrue();
        assertThat(reader.read(json, "text/plain").valid()).isTrue();
        assertThat(reader.read(bom, "application/json").valid()).isTrue();
        // YAML sent as JSON is malformed JSON, not silently re-read
        assertThat(reader.read(yaml, "application/json").violations()).singleElement()
                .satisfies(v -> assertThat(v.message()).startsWith("not valid JSON at line"));
        assertThat(reader.read(json, "text/csv").violations()).containsExactly(new Violation("$",
                "unsupported content type 'text/csv'; use application/json or application/yaml"));
        assertThat(reader.read("name: x".getBytes(StandardCharsets.UTF_8), null).violations())
                .extracting(Violation::field).contains("package", "panel", "shield", "mandrel");
    }

    @ParameterizedTest
    @CsvSource({
            "application/json, JSON", "application/json; charset=UTF-8, JSON", "APPLICATION/JSON, JSON",
            "text/json, JSON", "application/vnd.shieldfab.design+json, JSON", "application/yaml, YAML",
            "application/x-yaml, YAML", "text/yaml, YAML", "text/x-yaml, YAML",
            "application/vnd.shieldfab.design+yaml; charset=utf-8, YAML"})
    void formatFromContentType(String contentType, DesignFormat expected) {
        assertThat(DesignFormat.fromContentType(contentType)).isEqualTo(expected);
    }

    @Test
    void unsupportedContentTypesAreRefused() {
        assertThatThrownBy(() -> DesignFormat.fromContentType("text/csv"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'text/csv'");
        assertThatThrownBy(() -> DesignFormat.fromContentType(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DesignFormat.fromContentType(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sniffing() {
        assertThat(DesignFormat.sniff("\uFEFF  {\"name\": 1}")).isEqualTo(DesignFormat.JSON);
        assertThat(DesignFormat.sniff("\n[1]")).isEqualTo(DesignFormat.JSON);
        assertThat(DesignFormat.sniff("# comment\nname: x")).isEqualTo(DesignFormat.YAML);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
