package io.shieldfab.gateway.webhook;

import io.shieldfab.support.hashing.Sha256;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keeps webhook secrets encrypted at rest (docs/operations.md, "Webhook secrets"): AES-256-GCM (NIST SP 800-38D)
 * with a random 96-bit nonce per secret under {@code shieldfab.webhook.encryption-key}. The additional
 * authenticated data is the secret's id and owner, so a sealed value copied onto another row (another tenant's)
 * does not open. Each sealed value names its key by a fingerprint; keys listed in
 * {@code shieldfab.webhook.old-encryption-keys} still open what they sealed, which lets the key be rotated.
 */
public final class WebhookSecretCipher {

    /** An encrypted secret: the fingerprint of the key that sealed it and base64 of nonce, ciphertext and tag. */
    public record Sealed(String keyId, String value) {
    }

    /** A sealed value that no configured key opens, or that was altered. */
    public static final class Unreadable extends RuntimeException {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String currentId;
    private final Map<String, SecretKeySpec> keys;

    private WebhookSecretCipher(String currentId, Map<String, SecretKeySpec> keys) {
        this.currentId = currentId;
        this.keys = Map.copyOf(keys);
    }

    /**
     * The cipher for the configured keys, each the base64 of 32 random bytes; without a current key, none can be
     * sealed ({@link #enabled()} is false). A malformed key stops the gateway at start-up, without repeating it.
     */
    public static WebhookSecretCipher of(Optional<String> current, Optional<List<String>> old) {
        Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
        String currentId = null;
        if (current.isPresent() && !current.get().isBlank()) {
            SecretKeySpec key = key(current.get(), "shieldfab.webhook.encryption-key (SHIELDFAB_WEBHOOK_ENCRYPTION_KEY)");
            currentId = fingerprint(key);
            keys.put(currentId, key);
        }
        List<String> earlier = old.orElse(List.of()).stream().map(String::trim).filter(k -> !k.isEmpty()).toList();
        for (int i = 0; i < earlier.size(); i++) {
            SecretKeySpec key = key(earlier.get(i), "entry " + (i + 1) + " of shieldfab.webhook.old-encryption-keys "
                    + "(SHIELDFAB_WEBHOOK_OLD_ENCRYPTION_KEYS)");
            keys.putIfAbsent(fingerprint(key), key);
        }
        return new WebhookSecretCipher(currentId, keys);
    }

    private static SecretKeySpec key(String base64, String setting) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException notBase64) {
            bytes = new byte[0];
        }
        if (bytes.length != KEY_BYTES) {
            // never echo the value: it is a key
            throw new IllegalStateException(setting + " must be the base64 of " + KEY_BYTES + " random bytes, "
                    + "e.g. head -c 32 /dev/urandom | base64 (docs/operations.md, \"Webhook secrets\")");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    /** First 16 hex digits of the key's SHA-256: names the key in the database without revealing it. */
    private static String fingerprint(SecretKeySpec key) {
        return Sha256.hex(key.getEncoded()).substring(0, 16);
    }

    /** Whether secrets can be sealed: an encryption key is configured. */
    public boolean enabled() {
        return currentId != null;
    }

    /** The fingerprint of the current key, which seals new secrets; empty when none is configured. */
    public Optional<String> currentKeyId() {
        return Optional.ofNullable(currentId);
    }

    /** Whether a configured key, current or old, has this id. */
    public boolean knows(String keyId) {
        return keys.containsKey(keyId);
    }

    /** Encrypts a secret's key bytes for the row {@code id} of {@code owner}, under the current key. */
    public Sealed seal(byte[] secret, String id, String owner) {
        if (currentId == null) {
            throw new IllegalStateException("no webhook encryption key is configured");
        }
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(id, owner));
            byte[] sealed = cipher.doFinal(secret);
            return new Sealed(currentId, Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is required by every Java platform", e);
        }
    }

    /** The key bytes sealed for row {@code id} of {@code owner}; {@link Unreadable} when no key opens them. */
    public byte[] open(Sealed sealed, String id, String owner) {
        SecretKeySpec key = keys.get(sealed.keyId());
        if (key == null) {
            throw new Unreadable("webhook secret " + id + " was sealed with encryption key " + sealed.keyId()
                    + ", which is not configured (shieldfab.webhook.old-encryption-keys)");
        }
        try {
            byte[] all = Base64.getDecoder().decode(sealed.value());
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData(id, owner));
            return cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new Unreadable("webhook secret " + id + " does not open with its encryption key: it was altered");
        }
    }

    private static byte[] associatedData(String id, String owner) {
        return ("shieldfab webhook secret\n" + id + "\n" + owner).getBytes(StandardCharsets.UTF_8);
    }
}
