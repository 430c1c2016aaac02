package org.telereg.platform.shared;

import java.time.LocalDate;
import org.telereg.engine.identity.IdKind;
import org.telereg.engine.identity.IdNumberCheck;
import org.telereg.engine.identity.IdNumbers;

/**
 * A resident ID number (GB 11643), a legacy 15-digit one, a residence permit of a Hong Kong,
 * Macao or Taiwan resident, or a 2023 foreign permanent-residence ID. {@link #toString()} is
 * masked, so the full number never reaches a log by accident.
 */
public record IdCardNumber(String value, IdKind kind, LocalDate birthDate, boolean male) {

    public static IdCardNumber of(String text) {
        IdNumberCheck check = IdNumbers.check(text);
        if (!check.valid()) {
            throw new InvalidValueException(
                    "invalid.idCard." + check.problem().name(), "invalid ID number: " + check.problem());
        }
        return new IdCardNumber(check.normalized(), check.kind(), check.birthDate(), check.male());
    }

    /** The form shown in lists and exports, e.g. {@code 110105********002X}. */
    public String masked() {
        return IdNumbers.mask(value);
    }

    @Override
    public String toString() {
        return masked();
    }
}
