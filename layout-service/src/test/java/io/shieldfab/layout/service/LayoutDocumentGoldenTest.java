package io.shieldfab.layout.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.shieldfab.layout.Designs;
import io.shieldfab.layout.format.GdsWriter;
import io.shieldfab.layout.geometry.LayoutGenerator;
import io.shieldfab.layout.geometry.LayoutMetrics;
import io.shieldfab.layout.geometry.LayoutSpec;
import io.shieldfab.layout.geometry.PanelLayout;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden files pin the generator's output for the docs/design-document.md example: the layout document that
 * shielding-service and recipe-service read, and the hierarchical GDSII bytes. A change here is a change of
 * contract or geometry: review it, bump {@link LayoutService#GENERATOR_VERSION} when the geometry changes, and
 * copy the new file from {@code target/golden/} over the one in {@code src/test/resources/golden/}.
 */
class LayoutDocumentGoldenTest {

    static final Instant CREATED = Instant.parse("2026-11-24T01:02:03Z");
    static final String ID = "00000000-0000-0000-0000-000000000001";

    private final PanelLayout wifi = LayoutGenerator.generate(LayoutSpec.from(Designs.wifi()));

    static String golden(String name, String actual) throws Exception {
        Path out = Path.of("target", "golden", name);
        Files.createDirectories(out.getParent());
        Files.writeString(out, actual);
        try (InputStream in = LayoutDocumentGoldenTest.class.getResourceAsStream("/golden/" + name)) {
            assertThat(in).as("golden file src/test/resources/golden/" + name + " (new output in " + out + ")").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void layoutDocument() throws Exception {
        var doc = LayoutDocuments.of(ID, wifi, LayoutMetrics.of(wifi.spec()), CREATED, LayoutService.GENERATOR_VERSION,
                List.of(), LayoutService.BASE_PATH + "/" + ID);
        String json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc) + "\n";
        assertThat(json).isEqualTo(golden("wifi-fem-4x6.layout.json", json));
    }

    @Test
    void hierarchicalGdsBytes() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GdsWriter.write(wifi, false, CREATED, out);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(out.toByteArray())) + "\n";
        assertThat(sha).isEqualTo(golden("wifi-fem-4x6.gds.sha256", sha));
    }
}
