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
 * Portal sessions ended by sign-out before their cookie expires (table {@code portal_session_revoked}), shared by
 * every replica: the cookie is signed and stateless, so without this list a signed-out cookie kept working until
 * its maximum age (docs/portal.md, "Sessions").
 */
@ApplicationScoped
public class PortalSessionRepository {

    private final AgroalDataSource dataSource;

    public PortalSessionRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public boolean isRevoked(String sessionNonce) {
        try (Connection c = dataSource.getConnection()) {
            return isRevoked(c, sessionNonce);
        } catch (SQLException e) {
            throw new IllegalStateException("Portal sessions cannot be checked: " + e.getMessage(), e);
        }
    }

    /** Ends a session; rows of sessions that have expired anyway are dropped on the way. */
    public void revoke(String sessionNonce, Instant cookieExpiresAt, Instant now) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM portal_session_revoked WHERE expires_at < ?")) {
                s.setTimestamp(1, Timestamp.from(now));
                s.executeUpdate();
            }
            if (isRevoked(c, sessionNonce)) {
                return;
            }
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO portal_session_revoked (session_nonce, expires_at) VALUES (?, ?)")) {
                s.setString(1, sessionNonce);
                s.setTimestamp(2, Timestamp.from(cookieExpiresAt));
                s.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The session could not be ended: " + e.getMessage(), e);
        }
    }

    private static boolean isRevoked(Connection c, String sessionNonce) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM portal_session_revoked WHERE session_nonce = ?")) {
            s.setString(1, sessionNonce);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        }
    }
}
