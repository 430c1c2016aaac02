package org.telereg.platform.filing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The X-TeleReg-Signature of a webhook delivery: {@code sha256=} and the hex HMAC-SHA-256, keyed with
 * the subscription's secret, of the X-TeleReg-Timestamp, a dot and the body. A receiver recomputes it
 * and compares in constant time, and refuses timestamps far from its clock so a captured delivery
 * cannot be replayed later.
 */
public final class WebhookSignature {

    private WebhookSignature() {}

    /** The header value for this timestamp (epoch seconds, as sent) and body. */
    public static String sign(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
