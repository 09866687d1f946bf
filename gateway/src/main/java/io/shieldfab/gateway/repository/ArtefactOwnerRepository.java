package io.shieldfab.gateway.repository;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * Who owns each layout, evaluation and recipe (docs/architecture.md, "Ownership"): rows of {@code artefact_owner}
 * for what was made through the forwarded API, the handoff row for what a handoff made. Plain JDBC: the forwarding
 * route asks from a worker thread outside any transaction, once per request.
 */
@ApplicationScoped
public class ArtefactOwnerRepository {

    /** The artefacts the gateway tracks, with the handoff column that names one made by a handoff. */
    public enum Kind {
        LAYOUT("layout_id"), EVALUATION("report_id"), RECIPE("recipe_id");

        private final String handoffColumn;

        Kind(String handoffColumn) {
            this.handoffColumn = handoffColumn;
        }
    }

    private final AgroalDataSource dataSource;

    public ArtefactOwnerRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** True when {@code owner} made the artefact, itself or through one of its handoffs. */
    public boolean owns(Kind kind, String id, String owner) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT 1 FROM artefact_owner WHERE kind = ? AND artefact_id = ? AND owner_key_hash = ?")) {
                s.setString(1, kind.name());
                s.setString(2, id);
                s.setString(3, owner);
                try (ResultSet r = s.executeQuery()) {
                    if (r.next()) {
                        return true;
                    }
                }
            }
            // the column name comes from the enum, never from the request
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT 1 FROM handoff WHERE " + kind.handoffColumn + " = ? AND owner_key_hash = ?")) {
                s.setString(1, id);
                s.setString(2, owner);
                try (ResultSet r = s.executeQuery()) {
                    return r.next();
                }
            }
        }
    }

    /**
     * Records that {@code owner} made the artefact. Ids are random UUIDs minted by the services, so a second row for
     * the same id only comes from a replayed answer of the same owner's request; it is kept as it is.
     */
    public void record(Kind kind, String id, String owner) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO artefact_owner (kind, artefact_id, owner_key_hash, created_at) VALUES (?, ?, ?, ?)")) {
                s.setString(1, kind.name());
                s.setString(2, id);
                s.setString(3, owner);
                s.setTimestamp(4, Timestamp.from(Instant.now()));
                s.executeUpdate();
            } catch (SQLException duplicate) {
                if (!ownedAlready(c, kind, id)) {
                    throw duplicate;
                }
            }
        }
    }

    private static boolean ownedAlready(Connection c, Kind kind, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM artefact_owner WHERE kind = ? AND artefact_id = ?")) {
            s.setString(1, kind.name());
            s.setString(2, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }
}
