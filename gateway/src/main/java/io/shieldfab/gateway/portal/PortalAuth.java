package io.shieldfab.gateway.portal;

import io.shieldfab.gateway.config.GatewayConfig;
import io.shieldfab.gateway.security.RateLimiter;
import io.shieldfab.gateway.security.RateLimits;
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
    private final RateLimits limits;

    public PortalAuth(SessionTokens tokens, GatewayConfig config, RateLimits limits) {
        this.tokens = tokens;
        this.config = config;
        this.limits = limits;
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
     * ahead of the SameSite=Strict cookie), carrying the session's CSRF token, and within its key's rate limit
     * (the same bucket as the key's API requests: the portal is no way around it).
     */
    public PortalSession requireForm(String cookie, String csrf, HttpHeaders headers) {
        requireSameOrigin(headers);
        PortalSession session = require(cookie);
        if (!SessionTokens.csrfMatches(session, csrf)) {
            throw new PortalRefusal(403, "This form has expired",
                    "The form was not sent from a page of this session (its security token does not match). "
                            + "Go back, reload the page and send it again.");
        }
        RateLimiter.Decision decision = limits.perKey().take(session.owner());
        if (!decision.allowed()) {
            limits.refused(RateLimits.Limit.PER_KEY);
            throw new PortalRefusal(429, "Too many requests", "Your API key may make " + decision.limit()
                    + " requests a minute, portal and API together. Wait " + decision.retryAfterSeconds()
                    + " s and send the form again.", decision.retryAfterSeconds());
        }
        return session;
    }

    /**
     * Throttles sign-in attempts from one client address: every attempt takes from the sign-in bucket, and while
     * the address has used up its failed authentications (wrong keys, here or at the API) it may not try at all.
     */
    public void throttleSignIn(String clientAddress) {
        RateLimiter.Decision failures = limits.failedAuthPerAddress().peek(clientAddress);
        RateLimiter.Decision attempts = failures.allowed() ? limits.signInsPerAddress().take(clientAddress) : failures;
        if (!attempts.allowed()) {
            limits.refused(RateLimits.Limit.SIGN_IN);
            throw new PortalRefusal(429, "Too many sign-in attempts", "Too many sign-in attempts came from your address. "
                    + "Wait " + attempts.retryAfterSeconds() + " s and try again.", attempts.retryAfterSeconds());
        }
    }

    /** Counts a refused sign-in against the client address, like a wrong key at the API. */
    public void signInFailed(String clientAddress) {
        limits.failedAuthPerAddress().take(clientAddress);
    }

    /** Ends a session on every replica (sign-out). */
    public void revoke(PortalSession session) {
        tokens.revoke(session, Clock.now());
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
