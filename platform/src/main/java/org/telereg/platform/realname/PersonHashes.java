package org.telereg.platform.realname;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;
import org.telereg.platform.credit.PersonKeys;
import org.telereg.platform.shared.IdCardNumber;

/**
 * The keyed hashes real-name keeps instead of document numbers and names. A GB 11643-shaped number
 * gets the credit module's {@link PersonKeys}, so a person on a credit list and the same person's
 * cards share one key; other documents and names get this module's own key, which never leaves it.
 */
@Component
class PersonHashes {

    private final PersonKeys personKeys;
    private final SecretKeySpec secret;

    PersonHashes(PersonKeys personKeys, RealnameSettings settings) {
        this.personKeys = personKeys;
        this.secret = new SecretKeySpec(settings.nameKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** The key of a validated resident ID, residence permit or 2023 permanent-residence number. */
    String identity(IdCardNumber id) {
        return personKeys.of(id);
    }

    /** The key of another document: the type is part of it, so a passport and a permit never collide. */
    String identity(DocumentType type, String normalizedNumber) {
        return hmac("document:" + type.name() + ":" + normalizedNumber);
    }

    /** The key of a name, after Unicode normalisation and without surrounding or inner spaces. */
    String name(String name) {
        String normal = Normalizer.normalize(name, Normalizer.Form.NFKC).replaceAll("\\s+", "");
        return hmac("name:" + normal);
    }

    /** The key of a one-time code of 一证通查, bound to its request so a code is worth nothing elsewhere. */
    String code(String challengeId, String code) {
        return hmac("code:" + challengeId + ":" + code);
    }

    private String hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }
}
