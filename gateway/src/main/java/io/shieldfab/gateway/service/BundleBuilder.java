package io.shieldfab.gateway.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds the handoff bundle: a zip of the artefacts in a fixed order plus {@code manifest.json}
 * with the SHA-256 of each file. Deterministic: entries carry the handoff's creation time (as a
 * DOS local time in UTC, so the machine's time zone plays no part) and no other varying field.
 */
public final class BundleBuilder {

    /** File names in bundle order, as API.md lists them (manifest.json is appended last). */
    public static final String[] FILES = {"design.json", "layout.json", "layout.gds", "layout.dxf", "layout.svg",
            "shielding-report.json", "recipe.json", "traveler.html", "traveler.pdf"};

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** What the manifest says besides the files. */
    public record Header(String handoffId, String designName, String designRevision, Instant createdAt, String verdict,
                         Map<String, String> serviceVersions) {
    }

    private BundleBuilder() {
    }

    public static byte[] build(Header header, Map<String, byte[]> files) {
        for (String name : FILES) {
            if (!files.containsKey(name)) {
                throw new IllegalArgumentException("bundle file missing: " + name);
            }
        }
        Map<String, byte[]> ordered = new LinkedHashMap<>();
        for (String name : FILES) {
            ordered.put(name, files.get(name));
        }
        ordered.put("manifest.json", manifest(header, ordered));
        LocalDateTime time = LocalDateTime.ofInstant(header.createdAt(), ZoneOffset.UTC);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> file : ordered.entrySet()) {
                ZipEntry entry = new ZipEntry(file.getKey());
                entry.setTimeLocal(time);
                zip.putNextEntry(entry);
                zip.write(file.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] manifest(Header header, Map<String, byte[]> files) {
        ObjectNode manifest = MAPPER.createObjectNode();
        manifest.put("handoffId", header.handoffId());
        manifest.put("designName", header.designName());
        manifest.put("designRevision", header.designRevision());
        manifest.put("createdAt", header.createdAt().toString());
        manifest.put("verdict", header.verdict());
        ObjectNode versions = manifest.putObject("serviceVersions");
        header.serviceVersions().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> versions.put(e.getKey(), e.getValue()));
        manifest.put("hashAlgorithm", "SHA-256");
        ArrayNode list = manifest.putArray("files");
        files.forEach((name, bytes) -> list.addObject()
                .put("name", name)
                .put("sizeBytes", bytes.length)
                .put("sha256", HexFormat.of().formatHex(Hashing.digest().digest(bytes))));
        try {
            return MAPPER.writeValueAsBytes(manifest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
