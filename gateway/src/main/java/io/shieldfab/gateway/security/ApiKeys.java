package io.shieldfab.gateway.security;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.shieldfab.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Set;

/**
 * The accepted API keys: those configured, less those revoked by digest ({@code shieldfab.revoked-api-keys}).
 * Keys are held only as SHA-256 digests and compared with
 * {@link MessageDigest#isEqual}, which takes the same time whatever the input, so neither the
 * keys nor their prefixes leak through timing. Keys are never logged.
 */
@ApplicationScoped
public class ApiKeys {

    /** Placeholder values that must never guard a real deployment. */
    static final Set<String> KNOWN_DEFAULTS = Set.of("changeme", "change-me", "secret", "test-key", "dev-key", "default");

    /** Shortest key we accept: 16 characters is ~95 bits from the launcher's alphabet. */
    static final int MIN_KEY_LENGTH = 16;

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(ApiKeys.class);
    private static final java.util.regex.Pattern SHA256_HEX = java.util.regex.Pattern.compile("[0-9a-f]{64}");

    private final List<byte[]> digests;

    public ApiKeys(GatewayConfig config) {
        Set<String> revoked = revoked(config);
        this.digests = configured(config).stream().map(ApiKeys::sha256)
                .filter(digest -> !revoked.contains(java.util.HexFormat.of().formatHex(digest))).toList();
    }

    void checkOnStart(@Observes StartupEvent event, GatewayConfig config) {
        List<String> keys = configured(config);
        if (keys.isEmpty()) {
            throw new IllegalStateException("No API key configured: set SHIELDFAB_API_KEYS (comma-separated). "
                    + "bin/shieldfab up generates one for local use.");
        }
        List<String> revokedEntries = config.revokedApiKeys().orElse(List.of()).stream().map(String::trim)
                .filter(k -> !k.isEmpty()).toList();
        for (int i = 0; i < revokedEntries.size(); i++) {
            if (!SHA256_HEX.matcher(revokedEntries.get(i).toLowerCase(java.util.Locale.ROOT)).matches()) {
                // never echo the entry: an operator may have pasted the key itself
                throw new IllegalStateException("SHIELDFAB_REVOKED_API_KEYS entry " + (i + 1) + " is not a SHA-256 "
                        + "digest (64 hex digits); revoke a key by its digest: printf %s \"$KEY\" | sha256sum");
            }
        }
        long active = digests.size();
        if (active < keys.size()) {
            LOG.infof("%d of %d configured API key(s) are revoked (shieldfab.revoked-api-keys)", keys.size() - active,
                    keys.size());
        }
        if (LaunchMode.current() == LaunchMode.NORMAL && isProdProfile()) {
            config.webhook().secret().ifPresent(secret -> {
                if (secret.length() < 24 || KNOWN_DEFAULTS.contains(secret.toLowerCase())) {
                    throw new IllegalStateException("Refusing to start in the prod profile with a default or short "
                            + "webhook secret (SHIELDFAB_WEBHOOK_SECRET needs at least 24 characters).");
                }
            });
            for (String key : keys) {
                if (key.length() < MIN_KEY_LENGTH || KNOWN_DEFAULTS.contains(key.toLowerCase())) {
                    throw new IllegalStateException("Refusing to start in the prod profile with a default or short API key "
                            + "(each key needs at least " + MIN_KEY_LENGTH + " characters and must not be a placeholder).");
                }
            }
        }
    }

    /** The configured keys, trimmed, blanks dropped. */
    private static List<String> configured(GatewayConfig config) {
        return config.apiKeys().orElse(List.of()).stream().map(String::trim).filter(k -> !k.isEmpty()).toList();
    }

    /** The revoked digests, lower-case hex. */
    private static Set<String> revoked(GatewayConfig config) {
        return config.revokedApiKeys().orElse(List.of()).stream().map(String::trim).filter(k -> !k.isEmpty())
                .map(k -> k.toLowerCase(java.util.Locale.ROOT)).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    private static boolean isProdProfile() {
        return io.quarkus.runtime.configuration.ConfigUtils.getProfiles().contains("prod");
    }

    /** True when {@code presented} is one of the accepted keys. Runs in constant time per configured key. */
    public boolean accepts(String presented) {
        return owner(presented).isPresent();
    }

    /**
     * The hex SHA-256 of {@code presented} when it is an accepted key (the name rate buckets,
     * handoffs and idempotency records use for its owner), hashing it once.
     */
    public java.util.Optional<String> owner(String presented) {
        if (presented == null || presented.isEmpty()) {
            return java.util.Optional.empty();
        }
        byte[] candidate = sha256(presented);
        return matchesAny(candidate) ? java.util.Optional.of(java.util.HexFormat.of().formatHex(candidate)) : java.util.Optional.empty();
    }

    /**
     * True when {@code ownerHex} (as returned by {@link #owner}) still names a configured key: the portal
     * re-checks its signed session with this on every request, so removing a key signs its sessions out.
     */
    public boolean knowsOwner(String ownerHex) {
        byte[] candidate;
        try {
            candidate = java.util.HexFormat.of().parseHex(ownerHex == null ? "" : ownerHex);
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        return matchesAny(candidate);
    }

    /** Compares with every configured digest, whatever matches, so the time taken tells nothing. */
    private boolean matchesAny(byte[] candidate) {
        boolean match = false;
        for (byte[] digest : digests) {
            match |= MessageDigest.isEqual(digest, candidate);
        }
        return match;
    }

    /** Hex SHA-256 of a key: how handoffs, idempotency records and rate buckets name their owner. */
    public static String digestHex(String key) {
        return java.util.HexFormat.of().formatHex(sha256(key));
    }

    static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
