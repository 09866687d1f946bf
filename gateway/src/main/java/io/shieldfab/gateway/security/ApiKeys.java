package io.shieldfab.gateway.security;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import io.shieldfab.gateway.config.GatewayConfig;
import io.shieldfab.support.hashing.Sha256;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The accepted API keys with their names and scopes (docs/operations.md, "Keys, scopes and names"):
 * {@code shieldfab.api-keys} entries may submit designs and read their own artefacts,
 * {@code shieldfab.approver-keys} entries may approve and release recipes; an entry is {@code secret} or
 * {@code name=secret}, and keys revoked by digest ({@code shieldfab.revoked-api-keys}) are left out.
 * Keys are held only as SHA-256 digests and compared with {@link MessageDigest#isEqual}, against every
 * configured digest whatever matches, so neither the keys nor their prefixes leak through timing. Keys are never
 * logged.
 */
@ApplicationScoped
public class ApiKeys {

    /** Placeholder values that must never guard a real deployment. */
    static final Set<String> KNOWN_DEFAULTS = Set.of("changeme", "change-me", "secret", "test-key", "dev-key", "default");

    /** Shortest key we accept: 16 characters is ~95 bits from the launcher's alphabet. */
    static final int MIN_KEY_LENGTH = 16;

    /** A key's name: what {@code approvedBy} records, safe in logs and headers. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@+-]{1,64}");

    private static final Logger LOG = Logger.getLogger(ApiKeys.class);
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    /** One configured key. */
    record Entry(byte[] digest, Caller caller) {
    }

    /** One entry of a key list as written: {@code name} is null for an unnamed key. */
    record Configured(String name, String secret) {

        /**
         * Reads {@code secret} or {@code name=secret}. A key may itself contain '=' (Base64 padding): the text before
         * the first '=' is a name only when it looks like one and a secret other than padding follows.
         */
        static Configured parse(String entry) {
            int eq = entry.indexOf('=');
            if (eq > 0) {
                String name = entry.substring(0, eq);
                String secret = entry.substring(eq + 1);
                if (NAME.matcher(name).matches() && !secret.isEmpty() && !secret.chars().allMatch(c -> c == '=')) {
                    return new Configured(name, secret);
                }
            }
            return new Configured(null, entry);
        }
    }

    private final List<Entry> entries;

    public ApiKeys(GatewayConfig config) {
        this.entries = entries(config);
    }

    void checkOnStart(@Observes StartupEvent event, GatewayConfig config) {
        List<Configured> submitters = list(config.apiKeys());
        List<Configured> approvers = list(config.approverKeys());
        if (submitters.isEmpty() && approvers.isEmpty()) {
            throw new IllegalStateException("No API key configured: set SHIELDFAB_API_KEYS (comma-separated). "
                    + "bin/shieldfab up generates one for local use.");
        }
        List<String> revokedEntries = config.revokedApiKeys().orElse(List.of()).stream().map(String::trim)
                .filter(k -> !k.isEmpty()).toList();
        for (int i = 0; i < revokedEntries.size(); i++) {
            if (!SHA256_HEX.matcher(revokedEntries.get(i).toLowerCase(Locale.ROOT)).matches()) {
                // never echo the entry: an operator may have pasted the key itself
                throw new IllegalStateException("SHIELDFAB_REVOKED_API_KEYS entry " + (i + 1) + " is not a SHA-256 "
                        + "digest (64 hex digits); revoke a key by its digest: printf %s \"$KEY\" | sha256sum");
            }
        }
        long configured = entries(config, false).size();
        if (entries.size() < configured) {
            LOG.infof("%d of %d configured API key(s) are revoked (shieldfab.revoked-api-keys)", configured - entries.size(),
                    configured);
        }
        if (LaunchMode.current() == LaunchMode.NORMAL && isProdProfile()) {
            List<Configured> all = new ArrayList<>(submitters);
            all.addAll(approvers);
            for (Configured key : all) {
                String secret = key.secret();
                if (secret.length() < MIN_KEY_LENGTH || KNOWN_DEFAULTS.contains(secret.toLowerCase(Locale.ROOT))) {
                    throw new IllegalStateException("Refusing to start in the prod profile with a default or short API key "
                            + "(each key needs at least " + MIN_KEY_LENGTH + " characters and must not be a placeholder).");
                }
            }
        }
    }

    /** The accepted keys: both lists merged per key (a key in both has both scopes), revoked digests left out. */
    private static List<Entry> entries(GatewayConfig config) {
        return entries(config, true);
    }

    private static List<Entry> entries(GatewayConfig config, boolean dropRevoked) {
        Set<String> revoked = dropRevoked ? revoked(config) : Set.of();
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, EnumSet<Caller.Scope>> scopes = new LinkedHashMap<>();
        add(list(config.apiKeys()), EnumSet.of(Caller.Scope.SUBMIT), names, scopes);
        add(list(config.approverKeys()), EnumSet.of(Caller.Scope.APPROVE), names, scopes);
        Map<String, String> owners = new LinkedHashMap<>();
        List<Entry> result = new ArrayList<>();
        for (Map.Entry<String, EnumSet<Caller.Scope>> key : scopes.entrySet()) {
            String owner = key.getKey();
            if (revoked.contains(owner)) {
                continue;
            }
            String name = names.get(owner) != null ? names.get(owner) : Caller.unnamed(owner);
            String other = owners.putIfAbsent(name, owner);
            if (other != null) {
                throw new IllegalStateException("Two different API keys are named '" + name + "': each name must "
                        + "belong to one key, since approvals record it (docs/operations.md)");
            }
            result.add(new Entry(HexFormat.of().parseHex(owner), new Caller(owner, name, key.getValue())));
        }
        return List.copyOf(result);
    }

    private static void add(List<Configured> keys, EnumSet<Caller.Scope> granted, Map<String, String> names,
                            Map<String, EnumSet<Caller.Scope>> scopes) {
        for (Configured key : keys) {
            String owner = digestHex(key.secret());
            scopes.computeIfAbsent(owner, o -> EnumSet.noneOf(Caller.Scope.class)).addAll(granted);
            if (key.name() != null) {
                String earlier = names.putIfAbsent(owner, key.name());
                if (earlier != null && !earlier.equals(key.name())) {
                    throw new IllegalStateException("One API key is configured under two names ('" + earlier + "' and '"
                            + key.name() + "'): give it one name in both lists");
                }
            }
        }
    }

    /** A key list, trimmed, blanks dropped. */
    private static List<Configured> list(Optional<List<String>> entries) {
        return entries.orElse(List.of()).stream().map(String::trim).filter(k -> !k.isEmpty()).map(Configured::parse)
                .toList();
    }

    /** The revoked digests, lower-case hex. */
    private static Set<String> revoked(GatewayConfig config) {
        return config.revokedApiKeys().orElse(List.of()).stream().map(String::trim).filter(k -> !k.isEmpty())
                .map(k -> k.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    private static boolean isProdProfile() {
        return ConfigUtils.getProfiles().contains("prod");
    }

    /** The caller a presented key authenticates, hashing it once; empty for a missing, unknown or revoked key. */
    public Optional<Caller> authenticate(String presented) {
        if (presented == null || presented.isEmpty()) {
            return Optional.empty();
        }
        return match(Sha256.bytes(presented));
    }

    /**
     * The caller whose owner digest this is, if its key is still accepted: the portal re-checks its signed session
     * with this on every request, so removing or revoking a key signs its sessions out.
     */
    public Optional<Caller> byOwner(String ownerHex) {
        byte[] candidate;
        try {
            candidate = HexFormat.of().parseHex(ownerHex == null ? "" : ownerHex);
        } catch (IllegalArgumentException notHex) {
            return Optional.empty();
        }
        return match(candidate);
    }

    /** Compares with every configured digest, whatever matches, so the time taken tells nothing. */
    private Optional<Caller> match(byte[] candidate) {
        Caller found = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.digest(), candidate)) {
                found = entry.caller();
            }
        }
        return Optional.ofNullable(found);
    }

    /** Hex SHA-256 of a key: how handoffs, idempotency records and rate buckets name their owner. */
    public static String digestHex(String key) {
        return Sha256.hex(key);
    }
}
