package io.shieldfab.gateway.portal;

import io.shieldfab.gateway.config.GatewayConfig;
import io.shieldfab.gateway.service.Clock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;

import java.net.URI;
import java.util.Optional;

/**
 * Who is signed in to the portal, and whether a form post may act for them. Every page resolves
 * the session here; a missing, forged, expired or revoked session raises {@link SignInRequired}.
 */
@ApplicationScoped
public class PortalAuth {

    private final SessionTokens tokens;
    private final GatewayConfig config;

    public PortalAuth(SessionTokens tokens, GatewayConfig config) {
        this.tokens = tokens;
        this.config = config;
    }

    public Optional<PortalSession> current(String cookie) {
        return tokens.read(cookie, Clock.now());
    }

    /** The signed-in session, or {@link SignInRequired} (a redirect to the sign-in page). */
    public PortalSession require(String cookie) {
        return current(cookie).orElseThrow(() -> new SignInRequired(cookie != null));
    }

    /**
     * The session of a form post: signed in, from one of our own pages (Fetch Metadata and Origin,
     * ahead of the SameSite=Strict cookie), and carrying the session's CSRF token.
     */
    public PortalSession requireForm(String cookie, String csrf, HttpHeaders headers) {
        requireSameOrigin(headers);
        PortalSession session = require(cookie);
        if (!SessionTokens.csrfMatches(session, csrf)) {
            throw new PortalRefusal(403, "This form has expired",
                    "The form was not sent from a page of this session (its security token does not match). "
                            + "Go back, reload the page and send it again.");
        }
        return session;
    }

    /**
     * Refuses posts that a browser marks as coming from another site: {@code Sec-Fetch-Site} (Fetch
     * Metadata, sent by current browsers) or, for older ones, an {@code Origin} whose host differs.
     */
    public void requireSameOrigin(HttpHeaders headers) {
        String site = headers.getHeaderString("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            throw crossSite();
        }
        String origin = headers.getHeaderString("Origin");
        String host = headers.getHeaderString("Host");
        if (origin != null && !origin.equals("null") && host != null) {
            try {
                URI uri = URI.create(origin);
                String originHost = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
                if (originHost == null || !originHost.equalsIgnoreCase(host)) {
                    throw crossSite();
                }
            } catch (IllegalArgumentException malformed) {
                throw crossSite();
            }
        }
    }

    private static PortalRefusal crossSite() {
        return new PortalRefusal(403, "Refused", "This form was sent from another site; the portal only accepts its own forms.");
    }

    /** The {@code Set-Cookie} value that signs {@code owner} in for this browser session (no Max-Age). */
    public String signInCookie(String owner) {
        return SessionTokens.COOKIE + "=" + tokens.issue(owner, Clock.now()) + attributes();
    }

    /** The {@code Set-Cookie} value that removes the session cookie. */
    public String signOutCookie() {
        return SessionTokens.COOKIE + "=; Max-Age=0" + attributes();
    }

    private String attributes() {
        return "; Path=/; HttpOnly; SameSite=Strict" + (config.portal().secureCookie() ? "; Secure" : "");
    }
}
