package org.telereg.platform.credit;

import org.springframework.stereotype.Component;
import org.telereg.platform.shared.Hashes;
import org.telereg.platform.shared.IdCardNumber;

/**
 * The keyed hash (HMAC-SHA-256) by which the credit lists and the gate recognise a person: the same
 * ID number always gives the same key, and the key does not give back the number without the secret.
 * Modules that keep investors' and managers' ID numbers store this key and the masked number only.
 */
@Component
public class PersonKeys {

    private final Hashes.Keyed hash;

    PersonKeys(CreditSettings settings) {
        this.hash = Hashes.keyed(settings.personKey());
    }

    /** The key of a validated ID number. */
    public String of(IdCardNumber id) {
        return hash.of(id.value());
    }
}
