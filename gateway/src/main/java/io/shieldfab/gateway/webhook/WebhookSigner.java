package io.shieldfab.gateway.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Signs webhook payloads as the Standard Webhooks specification does
 * (https://www.standardwebhooks.com, "Verifying webhooks"): the signed content is
 * {@code msgId + "." + timestamp + "." + body}, the MAC is HMAC-SHA256 keyed with the secret
 * (the base64 part of a {@code whsec_} secret, else the secret's UTF-8 bytes), and the header
 * value is {@code v1,<base64 MAC>}. Several secrets (a rotation's overlap) give several signatures in one header,
 * separated by spaces, as the specification allows: a receiver accepts the message when any of them verifies.
 */
public final class WebhookSigner {

    private final byte[] key;

    public WebhookSigner(String secret) {
        this.key = keyBytes(secret);
    }

    /** A signer for a secret's raw key bytes (the base64-decoded part of {@code whsec_...}). */
    public WebhookSigner(byte[] key) {
        this.key = key.clone();
    }

    /** The {@code webhook-signature} header value for several keys: their signatures, space-separated, in order. */
    public static String signatures(List<byte[]> keys, String messageId, long timestampSeconds, String body) {
        return keys.stream().map(k -> new WebhookSigner(k).signature(messageId, timestampSeconds, body))
                .collect(Collectors.joining(" "));
    }

    static byte[] keyBytes(String secret) {
        if (secret.startsWith("whsec_")) {
            return Base64.getDecoder().decode(secret.substring("whsec_".length()));
        }
        return secret.getBytes(StandardCharsets.UTF_8);
    }

    /** The {@code webhook-signature} header value. */
    public String signature(String messageId, long timestampSeconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal((messageId + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }
}
