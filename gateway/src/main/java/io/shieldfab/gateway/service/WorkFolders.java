package io.shieldfab.gateway.service;

import io.quarkus.runtime.StartupEvent;
import io.shieldfab.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The folders the handoff worker fetches a bundle's files into and builds its zip in, one per handoff and attempt,
 * under {@code shieldfab.handoff.temp-dir} (default {@code shieldfab-handoff} in {@code java.io.tmpdir}). The worker
 * deletes its folder when the attempt ends, however it ends; a folder left by a gateway that was killed is deleted
 * at the next start once it is older than {@link #ABANDONED_AFTER} (docs/operations.md).
 */
@ApplicationScoped
public class WorkFolders {

    private static final Logger LOG = Logger.getLogger(WorkFolders.class);
    /** Prefix of every work folder; nothing else under the base folder is touched. */
    static final String PREFIX = "handoff-";
    /**
     * Far longer than a bundle takes to build (seconds, even for the largest DXF the limits allow), so a folder
     * another gateway on the same machine is still using is never taken for a leftover.
     */
    static final Duration ABANDONED_AFTER = Duration.ofHours(1);

    private final Path base;

    public WorkFolders(GatewayConfig config) {
        this.base = config.handoff().tempDir().map(Path::of)
                .orElse(Path.of(System.getProperty("java.io.tmpdir"), "shieldfab-handoff"));
    }

    /** A new, empty folder for one attempt at a handoff. */
    public Path create(String handoffId) throws IOException {
        Files.createDirectories(base);
        return Files.createTempDirectory(base, PREFIX + handoffId + "-");
    }

    /** Deletes a work folder and everything in it; a folder already gone is fine. */
    public void delete(Path folder) {
        if (folder == null || !Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.warnf("Could not delete the work folder %s: %s", folder, e.getMessage());
        }
    }

    void sweep(@Observes StartupEvent event) {
        if (!Files.isDirectory(base)) {
            return;
        }
        Instant before = Instant.now().minus(ABANDONED_AFTER);
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(base, PREFIX + "*")) {
            for (Path folder : folders) {
                if (Files.getLastModifiedTime(folder).toInstant().isBefore(before)) {
                    LOG.infof("Deleting the work folder %s left by an earlier run", folder);
                    delete(folder);
                }
            }
        } catch (IOException e) {
            LOG.warnf("Could not look for old work folders in %s: %s", base, e.getMessage());
        }
    }

    /** The folder work folders are made in. */
    public Path base() {
        return base;
    }
}
