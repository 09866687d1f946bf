package io.shieldfab.gateway.service;

import io.shieldfab.support.hashing.Sha256;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The streaming bundle builder: the same bytes for the same files (the manifest hashes and the ETag rely on it), and
 * its two limits. Plain JUnit. The bytes are pinned so that a change to the builder cannot silently change the
 * bundles (and so the manifest hashes and ETags) clients already hold.
 */
class BundleBuilderTest {

    static final BundleBuilder.Header HEADER = new BundleBuilder.Header("7d1f0c7e-2c11-4e7e-9a53-0c2f1d9e8b41",
            "wifi-fem-4x6", "A", Instant.parse("2026-11-26T10:15:30Z"), "PASS",
            Map.of("gateway", "1.0.0", "layout-service", "1.0.0"), null);

    /** Nine files of 2000 numbered lines each (about 40 KB, several reads of the 64 KiB buffer in all). */
    static Map<String, BundleBuilder.Entry> files(Path folder) throws IOException {
        Map<String, BundleBuilder.Entry> files = new LinkedHashMap<>();
        for (String name : BundleBuilder.FILES) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < 2000; i++) {
                text.append(name).append(' ').append(i).append('\n');
            }
            files.put(name, BundleBuilder.write(text.toString().getBytes(StandardCharsets.UTF_8), folder.resolve(name),
                    bytes -> { }));
        }
        return files;
    }

    @Test
    void theSameFilesGiveTheBytesOfABundleBuiltInMemory(@TempDir Path folder) throws IOException {
        // Length and SHA-256 of the zip that the in-memory builder (files as byte arrays, one ZipOutputStream
        // over a ByteArrayOutputStream) made of these files: streaming from disk must not change a bundle's bytes,
        // so bundles of the same design keep their hashes. Fails if the order, the entry times, the manifest or the
        // compression change.
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        BundleBuilder.Written written = BundleBuilder.write(HEADER, files(folder), zip, Long.MAX_VALUE, bytes -> { });

        assertThat(written.sizeBytes()).isEqualTo(44_939).isEqualTo(zip.size());
        assertThat(written.sha256()).isEqualTo("a553110879c2866e34a475a41b6680d24b9dbf2f82c141b5e096e224ce1ea1f5")
                .isEqualTo(Sha256.hex(zip.toByteArray()));
    }

    @Test
    void aZipOverTheBundleLimitStopsThere(@TempDir Path folder) throws IOException {
        // the bundle above is 44 939 bytes: 40 000 is too little, and no more than that reaches the output
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        assertThatThrownBy(() -> BundleBuilder.write(HEADER, files(folder), zip, 40_000, bytes -> { }))
                .isInstanceOfSatisfying(BundleLimitException.class, e -> {
                    assertThat(e.rule()).isEqualTo("BUNDLE_SIZE_LIMIT");
                    assertThat(e.getMessage()).contains("39.1 KiB").contains("shieldfab.handoff.max-bundle-size");
                });
        assertThat(zip.size()).isLessThanOrEqualTo(40_000);
    }

    @Test
    void aFileOverTheFileLimitIsNotReadToItsEnd(@TempDir Path folder) throws IOException {
        // 1 MiB + 1 byte against a 1 MiB limit: refused after the first read past the limit
        byte[] content = new byte[(1 << 20) + 1];
        assertThatThrownBy(() -> BundleBuilder.copy("layout.dxf", new ByteArrayInputStream(content),
                folder.resolve("layout.dxf"), 1 << 20, bytes -> { }))
                .isInstanceOfSatisfying(BundleLimitException.class, e -> {
                    assertThat(e.rule()).isEqualTo("BUNDLE_FILE_LIMIT");
                    assertThat(e.getMessage()).startsWith("layout.dxf is larger than 1 MiB")
                            .contains("shieldfab.handoff.max-bundle-file-size");
                });
        assertThat(Files.size(folder.resolve("layout.dxf"))).isLessThanOrEqualTo(1 << 20);

        // exactly at the limit passes, with its size and hash
        byte[] exact = new byte[1 << 20];
        BundleBuilder.Entry entry = BundleBuilder.copy("layout.dxf", new ByteArrayInputStream(exact),
                folder.resolve("exact.dxf"), 1 << 20, bytes -> { });
        assertThat(entry.sizeBytes()).isEqualTo(1 << 20);
        assertThat(entry.sha256()).isEqualTo(Sha256.hex(exact));
    }
}
