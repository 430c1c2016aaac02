package org.telereg.platform.credit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;
import org.telereg.platform.shared.IdCardNumber;

/**
 * The keyed hash (HMAC-SHA-256) by which the credit lists and the gate recognise a person: the same
 * ID number always gives the same key, and the key does not give back the number without the secret.
 * Modules that keep investors' and managers' ID numbers store this key and the masked number only.
 */
@Component
public class PersonKeys {

    private final SecretKeySpec secret;

    PersonKeys(CreditSettings settings) {
        this.secret = new SecretKeySpec(settings.personKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** The key of a validated ID number. */
    public String of(IdCardNumber id) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            return HexFormat.of().formatHex(mac.doFinal(id.value().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }
}
