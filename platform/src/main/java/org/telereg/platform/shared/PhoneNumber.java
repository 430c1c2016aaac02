package org.telereg.platform.shared;

import org.telereg.engine.numbering.Carrier;
import org.telereg.engine.numbering.NumberKind;
import org.telereg.engine.numbering.PhoneLookup;
import org.telereg.engine.numbering.PhoneNumbers;

/**
 * A Chinese mobile or fixed-line number in national form, with the carrier of its number block
 * and its home region. {@link #toString()} is masked.
 */
public record PhoneNumber(String national, NumberKind kind, Carrier carrier, String provinceCode, String region) {

    /** Accepts spaces, dashes, parentheses and the prefixes +86, 0086 and 86. */
    public static PhoneNumber of(String text) {
        PhoneLookup lookup = PhoneNumbers.standard().lookup(text);
        if (!lookup.valid()) {
            throw new InvalidValueException(
                    "invalid.phone." + lookup.problem().name(), "invalid phone number: " + lookup.problem());
        }
        return new PhoneNumber(
                lookup.national(), lookup.kind(), lookup.carrier(), lookup.provinceCode(), lookup.region());
    }

    public String masked() {
        return PhoneNumbers.mask(national);
    }

    @Override
    public String toString() {
        return masked();
    }
}
