package io.shieldfab.gateway.service;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The retired global webhook secret stops start-up (docs/operations.md, "Webhook secrets"), without repeating it.
 * One secret for every tenant's webhooks would let each tenant forge the others' signatures.
 */
class GlobalWebhookSecretTest {

    @Test
    void aGlobalSecretStopsStartUp() {
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        assertThatThrownBy(() -> WebhookSecretService.refuseGlobalSecret(Optional.of(secret)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SHIELDFAB_WEBHOOK_SECRET")
                .hasMessageContaining("POST /api/v1/webhook-secrets")
                .hasMessageNotContaining(secret);
    }

    @Test
    void unsetOrBlankIsFine() {
        assertThatCode(() -> WebhookSecretService.refuseGlobalSecret(Optional.empty())).doesNotThrowAnyException();
        assertThatCode(() -> WebhookSecretService.refuseGlobalSecret(Optional.of(" "))).doesNotThrowAnyException();
    }
}
