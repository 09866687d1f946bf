package io.shieldfab.gateway.portal;

import java.time.Instant;

/**
 * A signed-in portal user, as read back from the session cookie.
 *
 * @param owner     hex SHA-256 of the API key that signed in (how handoffs name their owner); never the key
 * @param csrfToken the per-session token every form of the session carries back
 * @param issuedAt  when the user signed in
 * @param nonce     the session's random id, what sign-out revokes
 */
public record PortalSession(String owner, String csrfToken, Instant issuedAt, String nonce) {

    /** The first characters of the owner digest: enough for a person to tell two keys apart. */
    public String keyLabel() {
        return owner.substring(0, 8);
    }
}
