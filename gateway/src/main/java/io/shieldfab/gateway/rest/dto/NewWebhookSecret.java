package io.shieldfab.gateway.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * The answer that creates a webhook secret: the only one that ever carries {@code secret}.
 *
 * @param secret  {@code whsec_} and the base64 of 32 random bytes (Standard Webhooks); the HMAC key is the decoded
 *                bytes
 * @param rotated the key's earlier secrets, which keep signing beside this one until their {@code expiresAt}
 */
public record NewWebhookSecret(String id,
                               @Schema(description = "Shown once; store it where the receiver verifies signatures")
                               String secret,
                               Instant createdAt, Instant expiresAt,
                               @Schema(enumeration = {"ACTIVE"}) String state,
                               List<WebhookSecretView> rotated) {
}
