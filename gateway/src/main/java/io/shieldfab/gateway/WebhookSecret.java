package io.shieldfab.gateway;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A secret that signs the webhooks of one API key's handoffs (docs/api-guide.md, "Webhook secrets"). Stored
 * encrypted ({@code WebhookSecretCipher}); the secret itself is shown once, in the answer that creates it.
 */
@Entity
@Table(name = "webhook_secret")
public class WebhookSecret {

    @Id
    public String id;

    /** SHA-256 (hex) of the API key it belongs to, as {@link Handoff#ownerKeyHash}. */
    @Column(name = "owner_key_hash", nullable = false)
    public String ownerKeyHash;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Null while it is the key's current secret; set by a rotation to the end of its overlap, then it is deleted. */
    @Column(name = "expires_at")
    public Instant expiresAt;

    /** Fingerprint of the encryption key that sealed it. */
    @Column(name = "key_id", nullable = false)
    public String keyId;

    /** Base64 of nonce, ciphertext and tag (AES-256-GCM). */
    @Column(name = "sealed_secret", nullable = false)
    public String sealedSecret;

    /** Still signs at {@code now}. */
    public boolean live(Instant now) {
        return expiresAt == null || expiresAt.isAfter(now);
    }
}
