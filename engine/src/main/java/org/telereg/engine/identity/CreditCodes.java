package org.telereg.engine.identity;

import java.util.Arrays;
import java.util.Locale;
import org.telereg.engine.region.Divisions;

/**
 * Checks unified social credit codes (统一社会信用代码, GB 32100-2015): 18 characters, the registration
 * authority and entity type, a six-digit division code, the nine-character organisation code and a check
 * character.
 */
public final class CreditCodes {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    // Entities registered by a national-level authority carry this division code instead of a province's.
    private static final String NATIONAL_DIVISION_CODE = "100000";

    // Value of 'A'..'Z' in ALPHABET or -1: one array read per character instead of an indexOf scan.
    private static final int[] LETTER_VALUES = new int['Z' - 'A' + 1];

    static {
        Arrays.fill(LETTER_VALUES, -1);
        for (int value = 10; value < ALPHABET.length(); value++) {
            LETTER_VALUES[ALPHABET.charAt(value) - 'A'] = value;
        }
    }

    private CreditCodes() {}

    /** The input trimmed and upper-cased; an empty string for null. */
    public static String normalize(String raw) {
        return raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT);
    }

    /**
     * The first problem with a code after {@link #normalize normalising} it, or null when it is valid. Never
     * throws.
     */
    public static CreditCodeProblem problemOf(String raw) {
        String code = normalize(raw);
        if (code.isEmpty()) {
            return CreditCodeProblem.EMPTY;
        }
        if (code.length() != 18) {
            return CreditCodeProblem.BAD_LENGTH;
        }
        for (int i = 0; i < 18; i++) {
            if (valueOf(code.charAt(i)) < 0) {
                return CreditCodeProblem.BAD_CHARACTER;
            }
        }
        if (!isDivisionCode(code.substring(2, 8))) {
            return CreditCodeProblem.BAD_DIVISION_CODE;
        }
        if (code.charAt(17) != checkCharacter(code.subSequence(0, 17))) {
            return CreditCodeProblem.BAD_CHECK_CHARACTER;
        }
        return null;
    }

    /**
     * The GB 32100 check character of the first 17 characters: with each character's value in {@code
     * 0123456789ABCDEFGHJKLMNPQRTUWXY} and weights {@code 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28}, the
     * check value is 31 − (Σ value·weight mod 31), where 31 becomes 0.
     *
     * @throws IllegalArgumentException unless {@code first17} is 17 characters of that alphabet (upper case)
     */
    public static char checkCharacter(CharSequence first17) {
        if (first17 == null || first17.length() != 17) {
            throw new IllegalArgumentException("Expected 17 characters but got: " + first17);
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = valueOf(first17.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException(
                        "Not a credit-code character at position " + (i + 1) + ": " + first17);
            }
            sum += value * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }

    private static boolean isDivisionCode(String division) {
        for (int i = 0; i < 6; i++) {
            char c = division.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return division.equals(NATIONAL_DIVISION_CODE)
                || Divisions.standard().province(division.substring(0, 2)).isPresent();
    }

    private static int valueOf(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'Z') {
            return LETTER_VALUES[c - 'A'];
        }
        return -1;
    }
}
