package io.shieldfab.gateway.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.shieldfab.support.problem.Problem;
import io.shieldfab.design.Violation;
import io.shieldfab.gateway.WebhookSecret;
import io.shieldfab.gateway.config.GatewayConfig;
import io.shieldfab.gateway.repository.WebhookSecretRepository;
import io.shieldfab.gateway.rest.dto.NewWebhookSecret;
import io.shieldfab.gateway.rest.dto.WebhookSecretList;
import io.shieldfab.gateway.rest.dto.WebhookSecretView;
import io.shieldfab.gateway.webhook.WebhookSecretCipher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The webhook secrets of each API key (docs/api-guide.md, "Webhook secrets"): made here from SecureRandom, shown
 * once, kept encrypted ({@link WebhookSecretCipher}), rotated with an overlap during which the old and the new
 * secret both sign, revoked at once. A handoff's webhook is signed with every secret of its owner that still
 * signs, so nothing one tenant holds verifies another tenant's webhooks.
 */
@ApplicationScoped
public class WebhookSecretService {

    /** Raw key bytes of a secret: within the 24 to 64 bytes the Standard Webhooks specification asks for. */
    static final int SECRET_BYTES = 32;

    /**
     * Secrets one API key may have signing at once (the current one and rotated ones in their overlap): each adds a
     * signature to every webhook, so rotations in a loop must not grow the header without bound.
     */
    static final int MAX_SIGNING = 5;

    static final String STANDARD_WEBHOOKS_PREFIX = "whsec_";

    private static final Logger LOG = Logger.getLogger(WebhookSecretService.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final WebhookSecretRepository secrets;
    private final GatewayConfig.Webhook config;
    private final WebhookSecretCipher cipher;

    public WebhookSecretService(WebhookSecretRepository secrets, GatewayConfig config) {
        this.secrets = secrets;
        this.config = config.webhook();
        this.cipher = WebhookSecretCipher.of(this.config.encryptionKey(), this.config.oldEncryptionKeys());
    }

    /**
     * At start-up: refuse the retired global secret, check the encryption keys (constructing this bean does), and
     * re-encrypt secrets still sealed with an old key, so that the old key can be removed afterwards.
     */
    @SuppressWarnings("deprecation")
    void checkOnStart(@Observes StartupEvent event) {
        refuseGlobalSecret(config.secret());
        if (!cipher.enabled()) {
            LOG.info("No webhook encryption key (SHIELDFAB_WEBHOOK_ENCRYPTION_KEY): API keys cannot create webhook "
                    + "secrets, so handoffs with a callbackUrl are refused");
            return;
        }
        try {
            int resealed = QuarkusTransaction.requiringNew().call(this::resealWithCurrentKey);
            if (resealed > 0) {
                LOG.infof("Re-encrypted %d webhook secret(s) with the current encryption key", resealed);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Could not re-encrypt webhook secrets with the current key (tried again at the next start): %s",
                    e.getMessage());
        }
    }

    /**
     * The one secret all tenants once shared lets any receiver forge webhooks to every other receiver: a gateway
     * that silently ignored it would leave operators and receivers trusting it, so it stops start-up instead.
     */
    static void refuseGlobalSecret(Optional<String> globalSecret) {
        if (globalSecret.isPresent() && !globalSecret.get().isBlank()) {
            throw new IllegalStateException("SHIELDFAB_WEBHOOK_SECRET (shieldfab.webhook.secret) is no longer used: "
                    + "every API key now signs its webhooks with its own secrets (POST /api/v1/webhook-secrets). Remove "
                    + "the setting, set SHIELDFAB_WEBHOOK_ENCRYPTION_KEY, and have each client create its secret "
                    + "(docs/operations.md, \"Webhook secrets\").");
        }
    }

    private int resealWithCurrentKey() {
        int resealed = 0;
        for (WebhookSecret secret : secrets.sealedWithOtherThan(cipher.currentKeyId().orElseThrow())) {
            if (!cipher.knows(secret.keyId)) {
                LOG.warnf("Webhook secret %s was sealed with encryption key %s, which is not configured: it cannot "
                        + "sign until that key is in shieldfab.webhook.old-encryption-keys", secret.id, secret.keyId);
                continue;
            }
            byte[] key = cipher.open(new WebhookSecretCipher.Sealed(secret.keyId, secret.sealedSecret), secret.id,
                    secret.ownerKeyHash);
            seal(secret, key);
            resealed++;
        }
        return resealed;
    }

    /**
     * Creates the key's new current secret. Its earlier secrets keep signing for {@code overlap} (ISO 8601, e.g.
     * {@code PT24H}; default and bound in configuration), or until they would have ended anyway, then are gone.
     */
    @Transactional
    public NewWebhookSecret create(String owner, String overlap) {
        if (!cipher.enabled()) {
            throw new HandoffProblem(new Problem("/problems/webhook-secrets-unavailable", "Webhook secrets unavailable",
                    503, "This gateway cannot store webhook secrets: its operator has not set "
                    + "SHIELDFAB_WEBHOOK_ENCRYPTION_KEY (docs/operations.md, \"Webhook secrets\").", null, null, null));
        }
        Duration window = overlap(overlap);
        Instant now = Clock.now();
        Instant end = now.plus(window);
        List<WebhookSecretView> rotated = new ArrayList<>();
        for (WebhookSecret earlier : secrets.live(owner, now)) {
            if (earlier.expiresAt == null || earlier.expiresAt.isAfter(end)) {
                earlier.expiresAt = end;
            }
            if (earlier.live(now)) {
                rotated.add(view(earlier));
            } else {
                secrets.delete(earlier);
            }
        }
        if (rotated.size() + 1 > MAX_SIGNING) {
            // thrown inside the transaction: the expiries set above are rolled back with it
            throw new HandoffProblem(new Problem("/problems/too-many-webhook-secrets", "Too many webhook secrets", 409,
                    "This API key has " + rotated.size() + " webhook secrets that still sign; at most " + MAX_SIGNING
                            + " may. Revoke one (DELETE /api/v1/webhook-secrets/{id}) or rotate with overlap=PT0S, "
                            + "which ends the others at once.", null, null, null));
        }
        byte[] key = new byte[SECRET_BYTES];
        RANDOM.nextBytes(key);
        WebhookSecret secret = new WebhookSecret();
        secret.id = UUID.randomUUID().toString();
        secret.ownerKeyHash = owner;
        secret.createdAt = now;
        seal(secret, key);
        secrets.persist(secret);
        return new NewWebhookSecret(secret.id, STANDARD_WEBHOOKS_PREFIX + Base64.getEncoder().encodeToString(key), now,
                null, "ACTIVE", rotated);
    }

    private void seal(WebhookSecret secret, byte[] key) {
        WebhookSecretCipher.Sealed sealed = cipher.seal(key, secret.id, secret.ownerKeyHash);
        secret.keyId = sealed.keyId();
        secret.sealedSecret = sealed.value();
    }

    /** The overlap a client asked for, or the default; a 400 violation on {@code overlap} when out of bounds. */
    Duration overlap(String text) {
        if (text == null || text.isBlank()) {
            return config.rotationOverlap();
        }
        Duration overlap;
        try {
            overlap = Duration.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw invalidOverlap("must be an ISO 8601 duration such as PT24H or P2D");
        }
        if (overlap.isNegative()) {
            throw invalidOverlap("must not be negative");
        }
        if (overlap.compareTo(config.maxRotationOverlap()) > 0) {
            throw invalidOverlap("may be at most " + config.maxRotationOverlap());
        }
        return overlap;
    }

    private static InvalidDesignException invalidOverlap(String message) {
        return new InvalidDesignException(List.of(new Violation("overlap", message)));
    }

    /** The key's secrets that still sign, newest first, without the secrets themselves. */
    @Transactional
    public WebhookSecretList list(String owner) {
        return new WebhookSecretList(secrets.live(owner, Clock.now()).stream().map(WebhookSecretService::view).toList());
    }

    /** One of the key's secrets; empty for another key's, an expired one, or none. */
    @Transactional
    public Optional<WebhookSecretView> get(String owner, String id) {
        return find(owner, id).map(WebhookSecretService::view);
    }

    /** Deletes one of the key's secrets at once: no webhook is signed with it from now on. False when not found. */
    @Transactional
    public boolean revoke(String owner, String id) {
        Optional<WebhookSecret> secret = find(owner, id);
        secret.ifPresent(secrets::delete);
        return secret.isPresent();
    }

    private Optional<WebhookSecret> find(String owner, String id) {
        if (!isUuid(id)) {
            return Optional.empty();
        }
        String canonical = id.toLowerCase(Locale.ROOT);
        return secrets.live(owner, Clock.now()).stream().filter(s -> s.id.equals(canonical)).findFirst();
    }

    private static boolean isUuid(String id) {
        return id != null && id.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    }

    /** Whether the key has a secret that signs: a handoff with a callbackUrl needs one. */
    @Transactional
    public boolean hasSecret(String owner) {
        return !secrets.live(owner, Clock.now()).isEmpty();
    }

    /**
     * The key bytes a webhook of {@code owner} is signed with now, newest first; empty when the key has none. A
     * secret that does not open (its encryption key was removed) is left out and logged.
     */
    @Transactional
    public List<byte[]> signingKeys(String owner) {
        List<byte[]> keys = new ArrayList<>();
        for (WebhookSecret secret : secrets.live(owner, Clock.now())) {
            try {
                keys.add(cipher.open(new WebhookSecretCipher.Sealed(secret.keyId, secret.sealedSecret), secret.id,
                        secret.ownerKeyHash));
            } catch (WebhookSecretCipher.Unreadable e) {
                LOG.warnf("Webhook secret left out of a signature: %s", e.getMessage());
            }
        }
        return keys;
    }

    /** 404 for a webhook secret id; the id is echoed only in a safe, short form. */
    public static HandoffProblem notFound(String id) {
        String clean = id.replaceAll("[^A-Za-z0-9-]", "?");
        String shown = clean.length() > 40 ? clean.substring(0, 40) + "…" : clean;
        return new HandoffProblem(Problem.of(404, "Not Found", "No webhook secret with id " + shown + " for this API key."));
    }

    /** 409 for a handoff with a callbackUrl from an API key without a webhook secret. */
    public static HandoffProblem secretRequired() {
        return new HandoffProblem(new Problem("/problems/webhook-secret-required", "Webhook secret required", 409,
                "A callbackUrl needs a webhook secret to sign its webhooks, and this API key has none: create one with "
                        + "POST /api/v1/webhook-secrets, then submit again (docs/api-guide.md, \"Webhook secrets\").",
                null, List.of(new Violation("callbackUrl", "needs a webhook secret of this API key; create one first "
                + "with POST /api/v1/webhook-secrets")), null));
    }

    private static WebhookSecretView view(WebhookSecret secret) {
        return new WebhookSecretView(secret.id, secret.createdAt, secret.expiresAt,
                secret.expiresAt == null ? "ACTIVE" : "EXPIRING");
    }
}
