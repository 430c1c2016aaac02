package org.telereg.platform.shared;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The hashes the platform keeps instead of content: SHA-256 of files, imports and fingerprints, and
 * keyed hashes (HMAC-SHA-256) of personal data that only needs matching, whose values do not give
 * the data back without the secret. Both as 64 lower-case hex digits.
 */
public final class Hashes {

    private Hashes() {}

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The SHA-256 of the text's UTF-8 bytes. */
    public static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Keyed hashes under one secret. */
    public static Keyed keyed(String secret) {
        return new Keyed(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    }

    /** HMAC-SHA-256 under a secret: the same text always gives the same value. */
    public static final class Keyed {

        private final SecretKeySpec secret;

        private Keyed(SecretKeySpec secret) {
            this.secret = secret;
        }

        /** The keyed hash of the text's UTF-8 bytes. */
        public String of(String text) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(secret);
                return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("every Java runtime has HmacSHA256", e);
            }
        }
    }
}
