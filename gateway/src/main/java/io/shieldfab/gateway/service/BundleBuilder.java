package io.shieldfab.gateway.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.shieldfab.gateway.rest.dto.HandoffView;
import io.shieldfab.support.hashing.Sha256;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds the handoff bundle: a zip of the artefacts in a fixed order plus {@code manifest.json}
 * with the SHA-256 of each file. Deterministic: entries carry the handoff's creation time (as a
 * DOS local time in UTC, so the machine's time zone plays no part) and no other varying field.
 *
 * <p>Streams: the files come from disk ({@link #copy}, which the handoff worker fetches them with) and the zip goes
 * to an output stream, so memory holds one buffer, not the bundle, however large the files are
 * (docs/evidence.md, finding 5). The bytes are those a zip of the same files built in memory has.
 */
public final class BundleBuilder {

    /** File names in bundle order, as docs/api-guide.md lists them (manifest.json is appended last). */
    public static final String[] FILES = {"design.json", "layout.json", "layout.gds", "layout.dxf", "layout.svg",
            "shielding-report.json", "recipe.json", "traveler.html", "traveler.pdf"};

    /**
     * Files only some bundles have, after {@link #FILES} in this order: the full-wave verification's model and result,
     * when the handoff asked for one (docs/api-guide.md, "Submit a handoff"). A bundle without them is the bytes it always was.
     */
    public static final String[] OPTIONAL_FILES = {"fullwave-model.zip", "fullwave-verification.json"};

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final int BUFFER = 64 * 1024;

    /**
     * What the manifest says besides the files.
     *
     * @param openingWindow the shielding report's opening window; null when it has none (closed walls)
     */
    public record Header(String handoffId, String designName, String designRevision, Instant createdAt, String verdict,
                         Map<String, String> serviceVersions, HandoffView.OpeningWindow openingWindow) {
    }

    /**
     * One file of the bundle, on disk.
     *
     * @param path      where it is
     * @param sizeBytes its length
     * @param sha256    its SHA-256, lower-case hex
     */
    public record Entry(Path path, long sizeBytes, String sha256) {
    }

    /** The zip as written: its length and SHA-256 (the ETag of every download). */
    public record Written(long sizeBytes, String sha256) {
    }

    private BundleBuilder() {
    }

    /**
     * Copies {@code in} to {@code target}, taking its size and SHA-256 on the way, and stops as soon as more than
     * {@code maxBytes} have arrived. {@code space} is told of every chunk before it is written (the work space's
     * claim, which may refuse it by throwing).
     *
     * @throws BundleLimitException naming {@code name} when the content is longer than {@code maxBytes}
     */
    public static Entry copy(String name, InputStream in, Path target, long maxBytes, LongConsumer space)
            throws IOException {
        MessageDigest sha = Sha256.digest();
        long size = 0;
        byte[] buffer = new byte[BUFFER];
        try (OutputStream out = Files.newOutputStream(target)) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                size += n;
                if (size > maxBytes) {
                    throw BundleLimitException.file(name, maxBytes);
                }
                space.accept(n);
                sha.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
        }
        return new Entry(target, size, HexFormat.of().formatHex(sha.digest()));
    }

    /** Writes {@code content} to {@code target} as a bundle file (a document the gateway holds, e.g. design.json). */
    public static Entry write(byte[] content, Path target, LongConsumer space) throws IOException {
        space.accept(content.length);
        Files.write(target, content);
        return new Entry(target, content.length, Sha256.hex(content));
    }

    /** The files of a bundle in its order: every one of {@link #FILES}, then those of {@link #OPTIONAL_FILES} present. */
    public static List<String> names(Map<String, Entry> files) {
        List<String> names = new ArrayList<>(List.of(FILES));
        for (String name : OPTIONAL_FILES) {
            if (files.containsKey(name)) {
                names.add(name);
            }
        }
        return names;
    }

    /**
     * Writes the bundle to {@code out}: the {@link #FILES} in order, those of {@link #OPTIONAL_FILES} present, then
     * {@code manifest.json}; {@code space} is told of every chunk of the zip before it is written.
     *
     * @throws BundleLimitException when the zip grows past {@code maxBytes}; {@code out} then holds a partial zip
     */
    public static Written write(Header header, Map<String, Entry> files, OutputStream out, long maxBytes,
                                LongConsumer space) throws IOException {
        for (String name : FILES) {
            if (!files.containsKey(name)) {
                throw new IllegalArgumentException("bundle file missing: " + name);
            }
        }
        LocalDateTime time = LocalDateTime.ofInstant(header.createdAt(), ZoneOffset.UTC);
        Counted counted = new Counted(out, maxBytes, space);
        byte[] buffer = new byte[BUFFER];
        try (ZipOutputStream zip = new ZipOutputStream(counted)) {
            for (String name : names(files)) {
                zip.putNextEntry(entry(name, time));
                try (InputStream in = Files.newInputStream(files.get(name).path())) {
                    for (int n; (n = in.read(buffer)) >= 0; ) {
                        zip.write(buffer, 0, n);
                    }
                }
                zip.closeEntry();
            }
            zip.putNextEntry(entry("manifest.json", time));
            zip.write(manifest(header, files));
            zip.closeEntry();
        }
        return new Written(counted.size, HexFormat.of().formatHex(counted.sha.digest()));
    }

    private static ZipEntry entry(String name, LocalDateTime time) {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(time);
        return entry;
    }

    static byte[] manifest(Header header, Map<String, Entry> files) throws IOException {
        ObjectNode manifest = MAPPER.createObjectNode();
        manifest.put("handoffId", header.handoffId());
        manifest.put("designName", header.designName());
        manifest.put("designRevision", header.designRevision());
        manifest.put("createdAt", header.createdAt().toString());
        manifest.put("verdict", header.verdict());
        HandoffView.OpeningWindow window = header.openingWindow();
        if (window != null) {
            ObjectNode w = manifest.putObject("openingWindow");
            w.put("minMm", window.minMm()).put("maxMm", window.maxMm()).put("empty", window.empty());
            if (window.maxFrequencyHz() != null) {
                w.put("maxFrequencyHz", window.maxFrequencyHz());
            }
        }
        ObjectNode versions = manifest.putObject("serviceVersions");
        header.serviceVersions().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> versions.put(e.getKey(), e.getValue()));
        manifest.put("hashAlgorithm", "SHA-256");
        ArrayNode list = manifest.putArray("files");
        for (String name : names(files)) {
            Entry file = files.get(name);
            list.addObject().put("name", name).put("sizeBytes", file.sizeBytes()).put("sha256", file.sha256());
        }
        return MAPPER.writeValueAsBytes(manifest);
    }

    /** Counts and hashes what passes, and refuses to pass more than the limit. */
    private static final class Counted extends FilterOutputStream {
        final MessageDigest sha = Sha256.digest();
        final long maxBytes;
        final LongConsumer space;
        long size;

        Counted(OutputStream out, long maxBytes, LongConsumer space) {
            super(out);
            this.maxBytes = maxBytes;
            this.space = space;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            size += len;
            if (size > maxBytes) {
                throw BundleLimitException.bundle(maxBytes);
            }
            space.accept(len);
            sha.update(b, off, len);
            out.write(b, off, len);
        }
    }
}
