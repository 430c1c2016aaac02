package org.telereg.engine.identity;

import java.time.LocalDate;

/**
 * The outcome of checking an identity number. Fields that could be read are filled even when the number is
 * invalid; the others are null (or false).
 *
 * @param input the text as entered
 * @param normalized the input trimmed with {@code x} upper-cased; a 15-digit number stays 15 digits (see
 *     {@link IdNumbers#upgrade15To18(String)}); null when empty
 * @param kind the kind of document, known once length and characters are right
 * @param birthDate the birth date, when it is a real date
 * @param male whether the sequence digit (the 17th, or the 15th of a legacy number) is odd
 * @param addressCode the six-digit address code; for a foreign permanent-residence ID the issuing province's
 *     code followed by {@code 0000}
 * @param problem the first problem found, or null when the number is valid
 */
public record IdNumberCheck(
        String input,
        String normalized,
        IdKind kind,
        LocalDate birthDate,
        boolean male,
        String addressCode,
        IdProblem problem) {

    /** Whether the number passed every check. */
    public boolean valid() {
        return problem == null;
    }
}
