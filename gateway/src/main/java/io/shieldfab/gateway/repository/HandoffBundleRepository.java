package io.shieldfab.gateway.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.shieldfab.gateway.HandoffBundle;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.Session;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Instant;

@ApplicationScoped
public class HandoffBundleRepository implements PanacheRepositoryBase<HandoffBundle, String> {

    /** Whether the handoff's bundle is stored, without loading its content. */
    public boolean exists(String handoffId) {
        return count("handoffId", handoffId) > 0;
    }

    /**
     * Stores a bundle from a file, in the caller's transaction: the row goes in through Hibernate with an empty
     * content, then the content is streamed into it with JDBC {@code setBinaryStream}, so the bundle is never held in
     * the heap on its way to the database (the PostgreSQL driver sends the stream as it reads it).
     */
    public void store(String handoffId, Path zip, long sizeBytes, String sha256, Instant createdAt) {
        HandoffBundle bundle = new HandoffBundle();
        bundle.handoffId = handoffId;
        bundle.content = new byte[0];
        bundle.sizeBytes = sizeBytes;
        bundle.sha256 = sha256;
        bundle.createdAt = createdAt;
        persist(bundle);
        flush();
        // The managed copy has no content; nothing in this transaction may read it back.
        getEntityManager().detach(bundle);
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE handoff_bundle SET content = ? WHERE handoff_id = ?");
                 InputStream in = Files.newInputStream(zip)) {
                update.setBinaryStream(1, in, sizeBytes);
                update.setString(2, handoffId);
                update.executeUpdate();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
