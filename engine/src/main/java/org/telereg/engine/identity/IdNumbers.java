package org.telereg.engine.identity;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Locale;
import org.telereg.engine.region.Divisions;
import org.telereg.engine.region.Province;

/**
 * Checks identity numbers shaped by GB 11643: resident ID numbers (18 characters, and the legacy 15-digit
 * form), residence permits for Hong Kong, Macao and Taiwan residents, and the 2023 foreign permanent-residence
 * ID.
 */
public final class IdNumbers {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";
    private static final int EARLIEST_BIRTH_YEAR = 1900;
    // Birth dates are calendar dates in China, so "today" is today in Beijing time wherever the server runs.
    private static final Clock CHINA_CLOCK = Clock.system(ZoneId.of("Asia/Shanghai"));

    private IdNumbers() {}

    /** Checks a number against today's date in China; never throws. */
    public static IdNumberCheck check(String raw) {
        return check(raw, CHINA_CLOCK);
    }

    /**
     * Checks a number against the date of {@code clock} (used only to reject future birth dates); never
     * throws. Checks run in the order of {@link IdProblem} and the first problem found is reported.
     */
    public static IdNumberCheck check(String raw, Clock clock) {
        if (raw == null || raw.isBlank()) {
            return new IdNumberCheck(raw, null, null, null, false, null, IdProblem.EMPTY);
        }
        String id = raw.strip().toUpperCase(Locale.ROOT);
        if (id.length() == 18) {
            return check18(raw, id, clock);
        }
        if (id.length() == 15) {
            return check15(raw, id, clock);
        }
        return new IdNumberCheck(raw, id, null, null, false, null, IdProblem.BAD_LENGTH);
    }

    private static IdNumberCheck check18(String raw, String id, Clock clock) {
        if (!allDigits(id, 0, 17) || !isDigitOrX(id.charAt(17))) {
            return new IdNumberCheck(raw, id, null, null, false, null, IdProblem.BAD_CHARACTER);
        }
        IdKind kind = kindOf18(id);
        boolean male = isOdd(id.charAt(16));
        String addressCode =
                kind == IdKind.FOREIGN_PERMANENT_RESIDENCE_2023 ? id.substring(1, 3) + "0000" : id.substring(0, 6);
        LocalDate birthDate = dateOf(number(id, 6, 10), number(id, 10, 12), number(id, 12, 14));
        IdProblem problem = addressProblem(kind, id, addressCode);
        if (problem == null) {
            problem = birthProblem(kind, addressCode, birthDate, clock);
        }
        if (problem == null && id.charAt(17) != checkCharacter(id.subSequence(0, 17))) {
            problem = IdProblem.BAD_CHECK_CHARACTER;
        }
        return new IdNumberCheck(raw, id, kind, birthDate, male, addressCode, problem);
    }

    private static IdNumberCheck check15(String raw, String id, Clock clock) {
        if (!allDigits(id, 0, 15)) {
            return new IdNumberCheck(raw, id, null, null, false, null, IdProblem.BAD_CHARACTER);
        }
        String addressCode = id.substring(0, 6);
        LocalDate birthDate = dateOf(1900 + number(id, 6, 8), number(id, 8, 10), number(id, 10, 12));
        IdProblem problem = addressProblem(IdKind.RESIDENT_15, id, addressCode);
        if (problem == null) {
            problem = birthProblem(IdKind.RESIDENT_15, addressCode, birthDate, clock);
        }
        return new IdNumberCheck(raw, id, IdKind.RESIDENT_15, birthDate, isOdd(id.charAt(14)), addressCode, problem);
    }

    private static IdKind kindOf18(String id) {
        if (id.charAt(0) == '9') {
            return IdKind.FOREIGN_PERMANENT_RESIDENCE_2023;
        }
        if (id.startsWith("810000") || id.startsWith("820000") || id.startsWith("830000")) {
            return IdKind.HK_MACAO_TAIWAN_RESIDENCE_PERMIT;
        }
        return IdKind.RESIDENT_18;
    }

    private static IdProblem addressProblem(IdKind kind, String id, String addressCode) {
        return switch (kind) {
            case HK_MACAO_TAIWAN_RESIDENCE_PERMIT -> null;
            case FOREIGN_PERMANENT_RESIDENCE_2023 ->
                Divisions.standard()
                                .province(id.substring(1, 3))
                                .filter(Province::hasAdministration)
                                .isPresent()
                        ? null
                        : IdProblem.BAD_ADDRESS_CODE;
            case RESIDENT_18, RESIDENT_15 ->
                Divisions.standard().isKnownAddressCode(addressCode) ? null : IdProblem.BAD_ADDRESS_CODE;
        };
    }

    private static IdProblem birthProblem(IdKind kind, String addressCode, LocalDate birthDate, Clock clock) {
        if (birthDate == null) {
            return IdProblem.BAD_BIRTH_DATE;
        }
        if (birthDate.isAfter(LocalDate.now(clock))) {
            return IdProblem.FUTURE_BIRTH_DATE;
        }
        boolean carriesCountyCode = kind == IdKind.RESIDENT_18 || kind == IdKind.RESIDENT_15;
        if (carriesCountyCode
                && !Divisions.standard().addressCodeInUseOnOrAfter(addressCode, YearMonth.from(birthDate))) {
            return IdProblem.ADDRESS_CODE_ABOLISHED_BEFORE_BIRTH;
        }
        return null;
    }

    /** The date, or null when it is not a calendar date or is before 1900. */
    private static LocalDate dateOf(int year, int month, int day) {
        if (year < EARLIEST_BIRTH_YEAR || month < 1 || month > 12 || day < 1) {
            return null;
        }
        if (day > YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        return LocalDate.of(year, month, day);
    }

    /**
     * The GB 11643 check character of the first 17 digits: Σ digit·weight with weights {@code 7 9 10 5 8 4 2 1
     * 6 3 7 9 10 5 8 4 2}, modulo 11, mapped {@code 0..10} to {@code 1 0 X 9 8 7 6 5 4 3 2}.
     *
     * @throws IllegalArgumentException unless {@code first17} is exactly 17 ASCII digits
     */
    public static char checkCharacter(CharSequence first17) {
        if (first17 == null || first17.length() != 17 || !allDigits(first17, 0, 17)) {
            throw new IllegalArgumentException("Expected 17 digits but got: " + first17);
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    /**
     * Converts a legacy 15-digit resident ID number to its 18-character form: the birth year gains {@code 19}
     * and the check character is appended ({@code 110105491231002} → {@code 11010519491231002X}).
     *
     * @throws IllegalArgumentException unless the input is 15 digits (surrounding whitespace ignored)
     */
    public static String upgrade15To18(String fifteenDigits) {
        String id = fifteenDigits == null ? "" : fifteenDigits.strip();
        if (id.length() != 15 || !allDigits(id, 0, 15)) {
            throw new IllegalArgumentException("Expected a 15-digit ID number but got: " + fifteenDigits);
        }
        String first17 = id.substring(0, 6) + "19" + id.substring(6);
        return first17 + checkCharacter(first17);
    }

    /**
     * Masks an identity number for display, keeping the first 6 and last 4 characters ({@code
     * 110105********002X}). Input shorter than 11 characters is masked entirely; null gives an empty string.
     */
    public static String mask(String idNumber) {
        if (idNumber == null) {
            return "";
        }
        String id = idNumber.strip();
        if (id.length() < 11) {
            return "*".repeat(id.length());
        }
        return id.substring(0, 6) + "*".repeat(id.length() - 10) + id.substring(id.length() - 4);
    }

    private static boolean allDigits(CharSequence s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigitOrX(char c) {
        return (c >= '0' && c <= '9') || c == 'X';
    }

    private static boolean isOdd(char digit) {
        return (digit - '0') % 2 == 1;
    }

    private static int number(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (s.charAt(i) - '0');
        }
        return value;
    }
}
