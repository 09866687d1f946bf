package io.shieldfab.gateway.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.shieldfab.gateway.WebhookSecret;
import io.shieldfab.gateway.repository.WebhookSecretRepository;
import io.shieldfab.gateway.webhook.WebhookSecretCipher;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rotating the encryption key of webhook secrets (docs/operations.md, "Webhook secrets"): with the old key in
 * {@code old-encryption-keys}, the start-up step re-encrypts what it sealed with the current key, and a secret
 * sealed with a key that is no longer configured is left out of signatures instead of breaking them.
 */
@QuarkusTest
@TestProfile(WebhookKeyRotationTest.OldKey.class)
class WebhookKeyRotationTest {

    static final String OLD_KEY = Base64.getEncoder().encodeToString(
            "an-earlier-webhook-encryption-k!".getBytes(StandardCharsets.US_ASCII));
    static final String GONE_KEY = Base64.getEncoder().encodeToString(
            "a-key-nobody-configured-anymore!".getBytes(StandardCharsets.US_ASCII));

    /** The test profile's current key, plus an earlier one still read. */
    public static class OldKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("shieldfab.webhook.old-encryption-keys", OLD_KEY);
        }
    }

    @Inject
    WebhookSecretService service;

    @Inject
    WebhookSecretRepository secrets;

    @Test
    void secretsSealedWithTheOldKeyAreReEncryptedAndStillSign() {
        String owner = "a".repeat(64);
        byte[] key = "thirty-two bytes of webhook key!".getBytes(StandardCharsets.US_ASCII);
        String fromOldKey = store(owner, key, OLD_KEY);
        String fromGoneKey = store(owner, "another secret of thirty-two by!".getBytes(StandardCharsets.US_ASCII), GONE_KEY);
        String oldKeyId = QuarkusTransaction.requiringNew().call(() -> secrets.findById(fromOldKey).keyId);

        service.checkOnStart(null);

        WebhookSecret resealed = QuarkusTransaction.requiringNew().call(() -> secrets.findById(fromOldKey));
        assertThat(resealed.keyId).isNotEqualTo(oldKeyId);
        assertThat(WebhookSecretCipher.of(Optional.of(OLD_KEY), Optional.empty()).knows(resealed.keyId)).isFalse();
        // the one under a key nobody configured stays as it was and is left out; the other signs
        assertThat(QuarkusTransaction.requiringNew().call(() -> secrets.findById(fromGoneKey))).isNotNull();
        List<byte[]> signing = service.signingKeys(owner);
        assertThat(signing).hasSize(1);
        assertThat(signing.get(0)).isEqualTo(key);
    }

    /** A secret row of {@code owner} sealed with {@code base64Key}, as an earlier gateway would have stored it. */
    private String store(String owner, byte[] key, String base64Key) {
        WebhookSecret secret = new WebhookSecret();
        secret.id = UUID.randomUUID().toString();
        secret.ownerKeyHash = owner;
        secret.createdAt = Clock.now();
        WebhookSecretCipher.Sealed sealed = WebhookSecretCipher.of(Optional.of(base64Key), Optional.empty())
                .seal(key, secret.id, owner);
        secret.keyId = sealed.keyId();
        secret.sealedSecret = sealed.value();
        QuarkusTransaction.requiringNew().run(() -> secrets.persist(secret));
        return secret.id;
    }
}
