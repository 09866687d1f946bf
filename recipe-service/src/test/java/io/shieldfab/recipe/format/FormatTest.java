package io.shieldfab.recipe.format;

import io.shieldfab.design.Design;
import io.shieldfab.design.ShieldSpec;
import io.shieldfab.recipe.process.Fixtures;
import io.shieldfab.recipe.process.Procedure;
import io.shieldfab.recipe.process.RecipeCompiler;
import io.shieldfab.support.hashing.Sha256;
import io.shieldfab.support.json.CanonicalJson;
import org.junit.jupiter.api.Test;
import org.xml.sax.SAXException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FormatTest {

    private static Procedure wifi() {
        return RecipeCompiler.compile(Fixtures.wifi(), Fixtures.wifiLayout(), List.of());
    }

    @Test
    void contentHashIsStableAcrossCompilesAndAStoreReadRoundTrip() throws Exception {
        String first = CanonicalJson.sha256(wifi());
        String second = CanonicalJson.sha256(wifi());
        assertThat(first).matches("[0-9a-f]{64}").isEqualTo(second);
        Procedure reread = CanonicalJson.mapper().readValue(CanonicalJson.write(wifi()), Procedure.class);
        assertThat(CanonicalJson.sha256(reread)).isEqualTo(first);
    }

    /**
     * Golden file: the canonical procedure of the Wi-Fi panel with the fixture layout of RecipeCompilerTest
     * (2500 mm² plated, 156.48 mm³ encapsulant, the 12 cuts). A change to the recipe or to the canonical form shows up here;
     * regenerate with -Dgolden.update=true after checking the diff.
     */
    @Test
    void canonicalProcedureMatchesTheGoldenFile() throws Exception {
        Path golden = Path.of("src/test/resources/golden/wifi-fem-4x6.procedure.json");
        String json = CanonicalJson.write(wifi());
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(golden, json + "\n");
        }
        assertThat(json).isEqualTo(Files.readString(golden).strip());
        assertThat(CanonicalJson.sha256(wifi())).isEqualTo(Sha256.hex(json));
    }

    @Test
    void contentHashChangesWithTheContent() {
        Design d = Fixtures.wifi();
        ShieldSpec s = d.shield();
        Design thicker = new Design(d.name(), d.revision(), d.packageSpec(), d.panel(),
                new ShieldSpec(s.material(), 26, s.wallClearanceMm(), s.openings(), s.hollowWalls(), null),
                d.mandrel(), d.encapsulation(), d.bonding(), d.requirements(), d.process());
        assertThat(CanonicalJson.sha256(RecipeCompiler.compile(thicker, Fixtures.wifiLayout(), List.of())))
                .isNotEqualTo(CanonicalJson.sha256(wifi()));
    }

    @Test
    void canonicalFormSortsKeysAndHasNoWhitespaceOrIdentity() {
        String json = CanonicalJson.write(wifi());
        assertThat(json.indexOf("\"designName\"")).isLessThan(json.indexOf("\"designRevision\""));
        assertThat(json.indexOf("\"designRevision\"")).isLessThan(json.indexOf("\"steps\""));
        assertThat(json).doesNotContain("\n").doesNotContain("\"id\"").doesNotContain("createdAt")
                .doesNotContain("layout-1");
        // SHA-256 of a known string (FIPS 180-4 example "abc")
        assertThat(Sha256.hex("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void mesExportValidatesAgainstItsSchema() throws Exception {
        RecipeDocument doc = new RecipeDocument("r-1", 1, "DRAFT", CanonicalJson.sha256(wifi()), "layout-1",
                Instant.parse("2026-11-24T01:00:00Z"), "api", null, null, null, null, wifi());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MesXmlWriter.write(doc, out);
        var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(FormatTest.class.getResource("/mes/shieldfab-recipe-1.xsd"));
        schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(out.toByteArray())));
        String xml = out.toString(StandardCharsets.UTF_8);
        assertThat(xml).contains("<UnitProcedure seq=\"2\" name=\"ELECTROFORMING\" claims=\"claims 3, 6\">")
                .contains("<Parameter name=\"durationS\" type=\"NUMBER\" unit=\"s\">3774.16</Parameter>")
                .contains("<totalCutLengthMm>450.0</totalCutLengthMm>");
    }

    @Test
    void aTamperedExportFailsTheSchema() {
        String bad = "<MasterRecipe xmlns=\"" + MesXmlWriter.NAMESPACE + "\" id=\"x\" version=\"1\" status=\"SHIPPED\""
                + " contentHash=\"abc\"/>";
        assertThatThrownBy(() -> SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(FormatTest.class.getResource("/mes/shieldfab-recipe-1.xsd")).newValidator()
                .validate(new StreamSource(new ByteArrayInputStream(bad.getBytes(StandardCharsets.UTF_8)))))
                .isInstanceOf(SAXException.class);
    }

    @Test
    void travelerNumbersAreReadable() {
        assertThat(TravelerView.number(3774.1617)).isEqualTo("3774.1617");
        assertThat(TravelerView.number(3774.16176)).isEqualTo("3774.1618");
        assertThat(TravelerView.number(245.0)).isEqualTo("245");
        assertThat(TravelerView.number(0.5)).isEqualTo("0.5");
        TravelerView v = TravelerView.of(new RecipeDocument("r-1", 2, "RELEASED", "h", null,
                Instant.parse("2026-11-24T01:00:00Z"), "api", Instant.parse("2026-11-24T02:00:00Z"), "qa",
                Instant.parse("2026-11-24T03:00:00Z"), "fab", wifi()));
        assertThat(v.title()).isEqualTo("wifi-fem-4x6 rev A - recipe v2");
        assertThat(v.released()).isEqualTo("fab, 2026-11-24 03:00 UTC");
        assertThat(v.units().get(1).operations().get(1).steps().get(0).number()).isEqualTo("2.2");
        // the fill summary: 6 sites per gate in 0.173947 s of 0.5 · 30 = 15 s (RecipeCompilerTest), the filler's
        // 3 · 25 µm = 0.075 mm over the flow's limit
        assertThat(v.summary()).contains(new TravelerView.Row("Encapsulant fill", "PASS (TRANSFER_MOLD, 6 site(s)"
                + " per gate in 0.1739 s of 15 s allowed; smallest opening at least 0.075 mm)"));
    }
}
