package io.shieldfab.gateway.portal;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import io.shieldfab.gateway.config.GatewayConfig;
import io.shieldfab.gateway.repository.PortalSessionRepository;
import io.shieldfab.gateway.security.ApiKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Issues and checks the portal's session cookie: {@code v1.<owner>.<issued>.<nonce>.<mac>}, where
 * {@code owner} is the hex SHA-256 of the API key (never the key), {@code issued} epoch seconds, and
 * {@code mac} HMAC-SHA256 over the rest with the configured secret. Stateless, so every gateway replica
 * with the same secret accepts it; checked on every request against the keys configured now, so a
 * removed key signs its sessions out. The CSRF token of a session is an HMAC of its nonce (the
 * "HMAC-based token" pattern of the OWASP CSRF Prevention Cheat Sheet): forms carry it back, and no
 * server-side store is needed.
 */
@ApplicationScoped
public class SessionTokens {

    private static final Logger LOG = Logger.getLogger(SessionTokens.class);

    /** Name of the session cookie. */
    public static final String COOKIE = "shieldfab_session";

    /** Shortest secret accepted: 32 characters, 256 bits of HMAC key from any base64 source. */
    static final int MIN_SECRET_LENGTH = 32;

    /** Values copied from documentation or examples that must never sign real sessions. */
    static final Set<String> PLACEHOLDERS = Set.of("changeme", "change-me", "secret", "default", "portal-secret",
            "please-change-me", "replace-me");

    private static final Pattern OWNER = Pattern.compile("[0-9a-f]{64}");
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] secret;
    private final boolean configured;
    private final Duration maxAge;
    private final ApiKeys keys;
    private final PortalSessionRepository revocations;

    public SessionTokens(GatewayConfig config, ApiKeys keys, PortalSessionRepository revocations) {
        this.revocations = revocations;
        this.keys = keys;
        this.maxAge = config.portal().sessionMaxAge();
        Optional<String> fromConfig = config.portal().sessionSecret().map(String::trim).filter(s -> !s.isEmpty());
        this.configured = fromConfig.isPresent();
        if (configured) {
            this.secret = fromConfig.get().getBytes(StandardCharsets.UTF_8);
        } else {
            byte[] random = new byte[32];
            RANDOM.nextBytes(random);
            this.secret = random;
        }
    }

    void checkOnStart(@Observes StartupEvent event, GatewayConfig config) {
        Optional<String> value = config.portal().sessionSecret().map(String::trim).filter(s -> !s.isEmpty());
        boolean prod = LaunchMode.current() == LaunchMode.NORMAL && ConfigUtils.getProfiles().contains("prod");
        Optional<String> weakness = value.flatMap(SessionTokens::weakness);
        if (weakness.isPresent()) {
            if (prod) {
                throw new IllegalStateException("Refusing to start in the prod profile: the portal session secret "
                        + "(SHIELDFAB_PORTAL_SECRET) is " + weakness.get() + ".");
            }
            LOG.warnf("The portal session secret is %s; fine for a test, never for a deployment.", weakness.get());
        }
        if (value.isEmpty()) {
            if (prod) {
                LOG.warn("SHIELDFAB_PORTAL_SECRET is not set: the web portal refuses sign-ins (the API is unaffected).");
            } else {
                LOG.info("SHIELDFAB_PORTAL_SECRET is not set: portal sessions are signed with a random key of this "
                        + "process and end when it stops.");
            }
        }
    }

    /** Why a configured secret must not sign sessions (too short, a placeholder, one character repeated), or empty. */
    static Optional<String> weakness(String secret) {
        if (secret.length() < MIN_SECRET_LENGTH) {
            return Optional.of("shorter than " + MIN_SECRET_LENGTH + " characters");
        }
        String lower = secret.toLowerCase(Locale.ROOT);
        if (PLACEHOLDERS.stream().anyMatch(lower::startsWith) || secret.chars().distinct().count() < 8) {
            return Optional.of("a placeholder, not a random value");
        }
        return Optional.empty();
    }

    /** False in the prod profile without a configured secret: sign-ins are refused there. */
    public boolean signInPossible() {
        return configured || !(LaunchMode.current() == LaunchMode.NORMAL && ConfigUtils.getProfiles().contains("prod"));
    }

    /** A new session token for the owner of an accepted key. */
    public String issue(String owner, Instant now) {
        byte[] nonce = new byte[18];
        RANDOM.nextBytes(nonce);
        String payload = "v1." + owner + "." + now.getEpochSecond() + "." + B64.encodeToString(nonce);
        return payload + "." + B64.encodeToString(hmac(payload));
    }

    /**
     * The session a cookie value stands for, when its signature holds, it is younger than the maximum age
     * and its key is still configured.
     */
    public Optional<PortalSession> read(String token, Instant now) {
        if (token == null || token.length() > 300) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 5 || !"v1".equals(parts[0]) || !OWNER.matcher(parts[1]).matches()) {
            return Optional.empty();
        }
        String payload = String.join(".", parts[0], parts[1], parts[2], parts[3]);
        byte[] presented;
        try {
            presented = Base64.getUrlDecoder().decode(parts[4]);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(hmac(payload), presented)) {
            return Optional.empty();
        }
        Instant issued;
        try {
            issued = Instant.ofEpochSecond(Long.parseLong(parts[2]));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        if (issued.isAfter(now.plusSeconds(60)) || issued.plus(maxAge).isBefore(now) || keys.byOwner(parts[1]).isEmpty()) {
            return Optional.empty();
        }
        if (revocations.isRevoked(parts[3])) {
            return Optional.empty();
        }
        return Optional.of(new PortalSession(parts[1], B64.encodeToString(hmac("csrf." + parts[3])), issued, parts[3]));
    }

    /** Ends a session before its cookie expires: every replica refuses it from now on. */
    public void revoke(PortalSession session, Instant now) {
        revocations.revoke(session.nonce(), session.issuedAt().plus(maxAge), now);
    }

    /** Constant-time check of a form's CSRF token against the session's. */
    public static boolean csrfMatches(PortalSession session, String presented) {
        return presented != null && MessageDigest.isEqual(session.csrfToken().getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.US_ASCII));
    }

    private byte[] hmac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }
}
