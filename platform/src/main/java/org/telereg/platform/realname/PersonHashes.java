package org.telereg.platform.realname;

import java.text.Normalizer;
import org.springframework.stereotype.Component;
import org.telereg.platform.credit.PersonKeys;
import org.telereg.platform.shared.Hashes;
import org.telereg.platform.shared.IdCardNumber;

/**
 * The keyed hashes real-name keeps instead of document numbers and names. A GB 11643-shaped number
 * gets the credit module's {@link PersonKeys}, so a person on a credit list and the same person's
 * cards share one key; other documents and names get this module's own key, which never leaves it.
 */
@Component
class PersonHashes {

    private final PersonKeys personKeys;
    private final Hashes.Keyed hash;

    PersonHashes(PersonKeys personKeys, RealnameSettings settings) {
        this.personKeys = personKeys;
        this.hash = Hashes.keyed(settings.nameKey());
    }

    /** The key of a validated resident ID, residence permit or 2023 permanent-residence number. */
    String identity(IdCardNumber id) {
        return personKeys.of(id);
    }

    /** The key of another document: the type is part of it, so a passport and a permit never collide. */
    String identity(DocumentType type, String normalizedNumber) {
        return hash.of("document:" + type.name() + ":" + normalizedNumber);
    }

    /** The key of a name, after Unicode normalisation and without surrounding or inner spaces. */
    String name(String name) {
        String normal = Normalizer.normalize(name, Normalizer.Form.NFKC).replaceAll("\\s+", "");
        return hash.of("name:" + normal);
    }

    /** The key of a one-time code of 一证通查, bound to its request so a code is worth nothing elsewhere. */
    String code(String challengeId, String code) {
        return hash.of("code:" + challengeId + ":" + code);
    }
}
