package io.shieldfab.gateway.portal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The files of a stored handoff bundle, unzipped in memory: the portal's downloads of single files and the
 * layout drawing it inlines. Served from the bundle rather than asked of the services again, so what a person
 * gets is byte for byte what the fab downloads, and any gateway replica can answer without the services being
 * up. The page's facts are not read from here but from what the handoff stored when it finished
 * (docs/architecture.md, "Handoff pipeline").
 */
public final class BundleFiles {

    /** What each bundle file is, in bundle order (BundleBuilder.FILES, the OPTIONAL_FILES, the manifest). */
    static final Map<String, String> DESCRIPTIONS = descriptions();

    /** A bundle is a few MB at most; refuse to inflate anything much larger (a corrupt or hostile zip). */
    static final long MAX_INFLATED_BYTES = 64L * 1024 * 1024;

    private final Map<String, byte[]> files;

    private BundleFiles(Map<String, byte[]> files) {
        this.files = files;
    }

    /** Only the named files (a 500-site panel's DXF alone is megabytes; a page needs none of it). */
    public static BundleFiles unzip(byte[] zip, Set<String> wanted) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                if (entry.isDirectory() || !DESCRIPTIONS.containsKey(entry.getName()) || !wanted.contains(entry.getName())) {
                    continue;
                }
                byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_INFLATED_BYTES - total + 1));
                total += content.length;
                if (total > MAX_INFLATED_BYTES) {
                    throw new IllegalStateException("bundle inflates to more than " + MAX_INFLATED_BYTES + " bytes");
                }
                files.put(entry.getName(), content);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("stored bundle is not a readable zip", e);
        }
        return new BundleFiles(files);
    }

    public Optional<byte[]> file(String name) {
        return Optional.ofNullable(files.get(name));
    }

    /** Media type of a bundle file, by its extension. */
    static String mediaType(String name) {
        String ext = name.substring(name.lastIndexOf('.') + 1);
        return switch (ext) {
            case "json" -> "application/json";
            case "svg" -> "image/svg+xml";
            case "dxf" -> "image/vnd.dxf";
            case "html" -> "text/html; charset=UTF-8";
            case "pdf" -> "application/pdf";
            case "zip" -> "application/zip";
            default -> "application/octet-stream";
        };
    }

    private static Map<String, String> descriptions() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("design.json", "The design with every default applied, as the services received it");
        d.put("layout.json", "Layout geometry and metrics");
        d.put("layout.gds", "GDSII layout (mask and mandrel tooling)");
        d.put("layout.dxf", "DXF layout for CAD/CAM");
        d.put("layout.svg", "Layout preview (SVG)");
        d.put("shielding-report.json", "Shielding report: verdict, SE per harmonic, findings");
        d.put("recipe.json", "Process recipe (ISA-88 procedure)");
        d.put("traveler.html", "Traveler for the shop floor (HTML)");
        d.put("traveler.pdf", "Traveler for the shop floor (PDF)");
        d.put("fullwave-model.zip", "openEMS model of one site, with and without the can, and how to run it");
        d.put("fullwave-verification.json", "Full-wave verification run: SE per checked frequency beside the analytic, or why it failed");
        d.put("manifest.json", "Manifest: SHA-256 and size of every file");
        return Collections.unmodifiableMap(d);
    }
}
