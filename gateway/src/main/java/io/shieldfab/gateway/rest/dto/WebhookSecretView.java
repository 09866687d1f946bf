package io.shieldfab.gateway.rest.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/**
 * A webhook secret as listed: never the secret itself.
 *
 * @param state     ACTIVE for the key's current secret, EXPIRING for one rotated out that still signs until
 *                  {@code expiresAt}
 * @param expiresAt when an EXPIRING secret stops signing and is deleted; null while ACTIVE
 */
@Schema(name = "WebhookSecret")
public record WebhookSecretView(String id, Instant createdAt, Instant expiresAt,
                                @Schema(enumeration = {"ACTIVE", "EXPIRING"}) String state) {
}
