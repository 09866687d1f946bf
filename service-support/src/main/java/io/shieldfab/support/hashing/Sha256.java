package io.shieldfab.support.hashing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 for the whole suite: content hashes, request fingerprints, key digests, all as lower-case hex. */
public final class Sha256 {

    private Sha256() {
    }

    /** A fresh SHA-256 digest, for input fed in parts. */
    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    public static byte[] bytes(byte[] data) {
        return digest().digest(data);
    }

    /** SHA-256 of a string's UTF-8 bytes. */
    public static byte[] bytes(String text) {
        return bytes(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Lower-case hex of the SHA-256 of these bytes. */
    public static String hex(byte[] data) {
        return HexFormat.of().formatHex(bytes(data));
    }

    /** Lower-case hex of the SHA-256 of a string's UTF-8 bytes. */
    public static String hex(String text) {
        return hex(text.getBytes(StandardCharsets.UTF_8));
    }
}
