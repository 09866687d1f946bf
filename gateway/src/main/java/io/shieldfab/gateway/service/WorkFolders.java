package io.shieldfab.gateway.service;

import io.quarkus.runtime.StartupEvent;
import io.shieldfab.design.OutputEstimate;
import io.shieldfab.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The folders the handoff worker fetches a bundle's files into and builds its zip in, one per handoff attempt,
 * under {@code shieldfab.handoff.temp-dir} (default {@code shieldfab-handoff} in {@code java.io.tmpdir}), and the
 * disk they may hold together on this replica, {@code shieldfab.handoff.max-work-size} (docs/operations.md,
 * "Output limits and handoff bundles"). Every byte is claimed before it is written: a handoff that finds the space
 * taken by others waits and retries ({@link WorkSpaceFullException}), one that alone needs more than all of it fails.
 * A folder is deleted, and its space given back, when its attempt ends, however it ends; a folder left by a gateway
 * that was killed is deleted at the next start once it is older than {@link #ABANDONED_AFTER}.
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
    private final long budget;
    private final AtomicLong used = new AtomicLong();

    @Inject
    public WorkFolders(GatewayConfig config) {
        this(config.handoff().tempDir().map(Path::of)
                .orElse(Path.of(System.getProperty("java.io.tmpdir"), "shieldfab-handoff")),
                config.handoff().maxWorkSize().asLongValue());
    }

    WorkFolders(Path base, long budget) {
        this.base = base;
        this.budget = budget;
    }

    /** One attempt's folder and the space its files hold; {@link #close()} deletes it and gives the space back. */
    public final class Folder implements AutoCloseable {
        private final Path path;
        private final AtomicLong held = new AtomicLong();

        private Folder(Path path) {
            this.path = path;
        }

        public Path resolve(String name) {
            return path.resolve(name);
        }

        /**
         * Claims space for {@code bytes} more bytes in this folder.
         *
         * @throws WorkSpaceFullException when other handoffs hold the space (transient)
         * @throws BundleLimitException   when this handoff alone would need more than the whole work space
         */
        public void claim(long bytes) {
            for (long now = used.get(); ; now = used.get()) {
                if (now + bytes <= budget) {
                    if (used.compareAndSet(now, now + bytes)) {
                        held.addAndGet(bytes);
                        return;
                    }
                } else if (now == held.get()) {
                    throw BundleLimitException.workSpace(budget);
                } else {
                    throw new WorkSpaceFullException("the gateway's work space for bundles ("
                            + OutputEstimate.bytes(budget) + ", shieldfab.handoff.max-work-size) is in use by other"
                            + " handoffs; this one waits and retries");
                }
            }
        }

        /** The space this folder holds, bytes. */
        public long held() {
            return held.get();
        }

        @Override
        public void close() {
            delete(path);
            used.addAndGet(-held.getAndSet(0));
        }
    }

    /** A new, empty folder for one attempt at a handoff. */
    public Folder create(String handoffId) throws IOException {
        Files.createDirectories(base);
        return new Folder(Files.createTempDirectory(base, PREFIX + handoffId + "-"));
    }

    /** Bytes the open folders hold together. */
    public long used() {
        return used.get();
    }

    /** Deletes a folder and everything in it; a folder already gone is fine. */
    static void delete(Path folder) {
        if (!Files.exists(folder)) {
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
