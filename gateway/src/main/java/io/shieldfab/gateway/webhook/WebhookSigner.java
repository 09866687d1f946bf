package io.shieldfab.gateway.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * Signs webhook payloads as the Standard Webhooks specification does
 * (https://www.standardwebhooks.com, "Verifying webhooks"): the signed content is
 * {@code msgId + "." + timestamp + "." + body}, the MAC is HMAC-SHA256 keyed with the secret
 * (the base64 part of a {@code whsec_} secret, else the secret's UTF-8 bytes), and the header
 * value is {@code v1,<base64 MAC>}.
 */
public final class WebhookSigner {

    private final byte[] key;

    public WebhookSigner(String secret) {
        this.key = keyBytes(secret);
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
