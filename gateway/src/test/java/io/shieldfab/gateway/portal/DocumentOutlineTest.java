package io.shieldfab.gateway.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.shieldfab.design.DesignReader;
import io.shieldfab.design.ReadResult;
import io.shieldfab.design.Violation;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentOutlineTest {

    @Test
    void everyViolationOfTheInvalidExampleSitsOnTheRowOfItsField() throws IOException {
        byte[] bytes = Files.readAllBytes(PortalBrowserTest.EXAMPLES.resolve("invalid-several-mistakes.json"));
        ReadResult result = DesignReader.create().read(bytes, "application/json");
        DocumentOutline outline = DocumentOutline.of(new ObjectMapper().readTree(bytes), result.violations());

        assertThat(outline.errorCount()).isEqualTo(7);
        assertThat(outline.general()).isEmpty();
        PortalBrowserTest.EXPECTED.forEach((field, message) -> {
            DocumentOutline.Row row = outline.rows().stream().filter(r -> r.path().equals(field)).findFirst().orElseThrow();
            assertThat(row.errors()).as(field).anyMatch(e -> e.startsWith(message) || e.contains(message));
            assertThat(row.missing()).isFalse();
        });
        assertThat(outline.rows().stream().filter(DocumentOutline.Row::invalid).count()).isEqualTo(7);
        assertThat(outline.listed()).extracting(DocumentOutline.Listed::anchor).doesNotContainNull();
    }

    @Test
    void aMissingFieldGetsARowAmongItsSiblingsAndASyntaxErrorStaysGeneral() throws IOException {
        JsonNode doc = new ObjectMapper().readTree("{\"name\":\"a\",\"shield\":{\"openings\":{\"style\":\"SLOTS\"}},\"mandrel\":{}}");
        DocumentOutline outline = DocumentOutline.of(doc, List.of(
                new Violation("shield.openings.lengthMm", "is required"),
                new Violation("package", "is required"),
                new Violation("$", "not JSON at line 1")));
        List<String> paths = outline.rows().stream().map(DocumentOutline.Row::path).toList();
        assertThat(paths).containsExactly("name", "shield", "shield.openings", "shield.openings.style", "shield.openings.lengthMm",
                "mandrel", "package");
        assertThat(outline.rows().get(4).missing()).isTrue();
        assertThat(outline.rows().get(4).anchor()).isEqualTo("field-shield-openings-lengthMm");
        assertThat(outline.general()).extracting(Violation::field).containsExactly("$");
        assertThat(outline.errorCount()).isEqualTo(3);
    }
}
