package io.shieldfab.gateway.webhook;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Webhook secrets at rest (docs/operations.md, "Webhook secrets"): sealed with AES-256-GCM, bound to their row and
 * owner, readable with an old key during a key rotation, and malformed keys are refused without being echoed.
 */
class WebhookSecretCipherTest {

    static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    static final String OLD_KEY = Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII));
    static final byte[] SECRET = "thirty-two bytes of webhook key!".getBytes(StandardCharsets.US_ASCII);

    @Test
    void aSealedSecretOpensForItsRowOnly() {
        WebhookSecretCipher cipher = WebhookSecretCipher.of(Optional.of(KEY), Optional.empty());
        WebhookSecretCipher.Sealed sealed = cipher.seal(SECRET, "id-1", "owner-a");

        assertThat(Base64.getDecoder().decode(sealed.value())).hasSize(12 + SECRET.length + 16);
        assertThat(new String(Base64.getDecoder().decode(sealed.value()), StandardCharsets.ISO_8859_1))
                .doesNotContain("webhook key");
        assertThat(cipher.open(sealed, "id-1", "owner-a")).isEqualTo(SECRET);
        // copied onto another tenant's row, or another id: does not open
        assertThatThrownBy(() -> cipher.open(sealed, "id-1", "owner-b")).isInstanceOf(WebhookSecretCipher.Unreadable.class);
        assertThatThrownBy(() -> cipher.open(sealed, "id-2", "owner-a")).isInstanceOf(WebhookSecretCipher.Unreadable.class);
        // a fresh nonce each time
        assertThat(cipher.seal(SECRET, "id-1", "owner-a").value()).isNotEqualTo(sealed.value());
    }

    @Test
    void anOldKeyStillOpensWhatItSealed() {
        WebhookSecretCipher before = WebhookSecretCipher.of(Optional.of(OLD_KEY), Optional.empty());
        WebhookSecretCipher.Sealed sealed = before.seal(SECRET, "id", "owner");

        WebhookSecretCipher rotated = WebhookSecretCipher.of(Optional.of(KEY), Optional.of(List.of(OLD_KEY)));
        assertThat(rotated.currentKeyId()).isPresent().get().isNotEqualTo(sealed.keyId());
        assertThat(rotated.knows(sealed.keyId())).isTrue();
        assertThat(rotated.open(sealed, "id", "owner")).isEqualTo(SECRET);

        WebhookSecretCipher forgotten = WebhookSecretCipher.of(Optional.of(KEY), Optional.empty());
        assertThatThrownBy(() -> forgotten.open(sealed, "id", "owner")).isInstanceOf(WebhookSecretCipher.Unreadable.class)
                .hasMessageContaining("old-encryption-keys");
    }

    @Test
    void withoutAKeyNothingIsSealed() {
        WebhookSecretCipher none = WebhookSecretCipher.of(Optional.empty(), Optional.empty());
        assertThat(none.enabled()).isFalse();
        assertThatThrownBy(() -> none.seal(SECRET, "id", "owner")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void malformedKeysAreRefusedWithoutRepeatingThem() {
        String shortKey = Base64.getEncoder().encodeToString("too-short-key-material".getBytes(StandardCharsets.US_ASCII));
        for (String bad : List.of("not base64 !!", shortKey, "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")) {
            assertThatThrownBy(() -> WebhookSecretCipher.of(Optional.of(bad), Optional.empty()))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("SHIELDFAB_WEBHOOK_ENCRYPTION_KEY")
                    .hasMessageNotContaining(bad);
            assertThatThrownBy(() -> WebhookSecretCipher.of(Optional.of(KEY), Optional.of(List.of(bad))))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("entry 1 of")
                    .hasMessageNotContaining(bad);
        }
    }
}
