package org.telereg.engine.numbering;

/**
 * Normalises Chinese telephone numbers as people write them and finds their carrier and home region.
 *
 * <p>Mobile numbers: the carrier is the longest matching prefix in libphonenumber's carrier data (2.6), else
 * the c. 2015 segment table, else TeleReg's supplement of later MIIT allocations (192 中国广电); the home region
 * is libphonenumber's geocoder (3.23), else the 2015 table. Fixed lines: the region of the area code from the
 * geocoder. All tables ship inside the engine jar.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class PhoneNumbers {

    private static final Carrier[] CARRIERS = Carrier.values();

    private final NumberTables tables;

    private PhoneNumbers(NumberTables tables) {
        this.tables = tables;
    }

    /** The tables shipped in the engine jar, loaded on first use (about a second). */
    public static PhoneNumbers standard() {
        return Standard.INSTANCE;
    }

    private static final class Standard {
        // The JVM initialises this holder on first access, exactly once, and safely publishes the result.
        static final PhoneNumbers INSTANCE = new PhoneNumbers(NumberTables.load());
    }

    /**
     * Looks up a number written with or without spaces, dashes and parentheses, and with or without the
     * country code as {@code +86}, {@code 0086} or {@code 86}: {@code 138 1234 5678}, {@code +86 138-1234-5678},
     * {@code (010) 1234 5678}, {@code +86 755 1234 5678}. Never throws.
     *
     * <p>Allocates only the result and, when the input is not already the bare national number, the national
     * number's string.
     */
    public PhoneLookup lookup(String raw) {
        if (raw == null) {
            return failed(null, null, null, PhoneProblem.EMPTY);
        }
        int digitCount = 0;
        boolean plus = false;
        boolean bare = true;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= '0' && c <= '9') {
                digitCount++;
            } else if (c == '+' && digitCount == 0 && !plus) {
                plus = true;
                bare = false;
            } else if (c == ' ' || c == '-' || c == '(' || c == ')' || c == '\t' || c == '\u00a0') {
                bare = false;
            } else {
                return failed(raw, null, null, PhoneProblem.BAD_CHARACTER);
            }
        }
        if (digitCount == 0) {
            return failed(raw, null, null, PhoneProblem.EMPTY);
        }

        int skip = 0;
        if (plus || startsWithDigits(raw, "00")) {
            skip = plus ? 2 : 4;
            if (!startsWithDigits(raw, plus ? "86" : "0086")) {
                return failed(raw, null, null, PhoneProblem.UNKNOWN_PREFIX);
            }
        } else if (startsWithDigits(raw, "86") && digitCount - 2 >= 9) {
            // A national number starts with 0 or 1, so a leading 86 can only be the country code.
            skip = 2;
        }
        int nationalDigits = digitCount - skip;
        char first = nationalDigits > 0 ? digitAt(raw, skip) : '0';
        char second = nationalDigits > 1 ? digitAt(raw, skip + 1) : '0';
        // After a country code the fixed-line trunk 0 is dropped (+86 10 …, +86 755 …); 1 followed by 0 is
        // Beijing's area code, any other 1x a mobile number.
        boolean addTrunkZero = skip > 0 && first != '0' && !(first == '1' && second != '0');
        // Calling a mobile from another city's fixed line once needed a 0 in front (013812345678).
        if (skip == 0 && nationalDigits == 12 && first == '0' && second == '1' && digitAt(raw, 2) >= '3') {
            skip = 1;
            nationalDigits = 11;
        }
        String national = national(raw, bare, skip, nationalDigits, addTrunkZero);
        if (national.isEmpty()) {
            return failed(raw, null, null, PhoneProblem.EMPTY);
        }
        return switch (national.charAt(0)) {
            case '1' -> mobile(raw, national);
            case '0' -> fixedLine(raw, national);
            default -> failed(raw, national, null, PhoneProblem.UNKNOWN_AREA_CODE);
        };
    }

    /** The block holder of every 7-digit prefix as {@link NumberTables#carrierByPrefix}; not to be modified. */
    byte[] carrierByPrefix() {
        return tables.carrierByPrefix;
    }

    private PhoneLookup mobile(String raw, String national) {
        if (national.length() != 11) {
            return failed(raw, national, NumberKind.MOBILE, PhoneProblem.BAD_LENGTH);
        }
        int index = digits(national, 0, 7) - NumberTables.FIRST_MOBILE_PREFIX;
        int carrier = tables.carrierByPrefix[index];
        int region = tables.regionByPrefix[index];
        if (carrier == 0 && region == 0) {
            return failed(raw, national, NumberKind.MOBILE, PhoneProblem.UNKNOWN_PREFIX);
        }
        return new PhoneLookup(
                raw,
                national,
                NumberKind.MOBILE,
                carrier == 0 ? Carrier.UNKNOWN : CARRIERS[carrier - 1],
                region == 0 ? null : tables.regionProvinceCodes[region - 1],
                region == 0 ? null : tables.regions[region - 1],
                null);
    }

    private PhoneLookup fixedLine(String raw, String national) {
        int areaDigits = areaCodeLength(national) - 1;
        int subscriberDigits = national.length() - 1 - areaDigits;
        if (national.length() < 2 || subscriberDigits < 7 || subscriberDigits > 8) {
            return failed(raw, national, NumberKind.FIXED_LINE, PhoneProblem.BAD_LENGTH);
        }
        int region = national.charAt(1) == '0' ? 0 : tables.regionByAreaCode[digits(national, 1, 1 + areaDigits)];
        if (region == 0) {
            return failed(raw, national, NumberKind.FIXED_LINE, PhoneProblem.UNKNOWN_AREA_CODE);
        }
        return new PhoneLookup(
                raw,
                national,
                NumberKind.FIXED_LINE,
                Carrier.UNKNOWN,
                tables.regionProvinceCodes[region - 1],
                tables.regions[region - 1],
                null);
    }

    /**
     * Masks a national number for display: a mobile keeps its first 3 and last 4 digits ({@code 138****5678}),
     * a fixed line its area code and last 4 digits ({@code 0755****5678}, {@code 010****5678}). Anything else
     * keeps only its last 4 characters; null gives an empty string.
     */
    public static String mask(String national) {
        if (national == null) {
            return "";
        }
        String number = national.strip();
        int keepFront = number.startsWith("1") ? 3 : number.startsWith("0") ? areaCodeLength(number) : 0;
        if (number.length() < keepFront + 4) {
            return "*".repeat(number.length());
        }
        return number.substring(0, keepFront)
                + "*".repeat(number.length() - keepFront - 4)
                + number.substring(number.length() - 4);
    }

    /** Length of the area code with its trunk 0: 3 for 010 and 02x, 4 for the rest. */
    private static int areaCodeLength(String national) {
        char second = national.length() > 1 ? national.charAt(1) : '0';
        return second == '1' || second == '2' ? 3 : 4;
    }

    private static String national(String raw, boolean bare, int skip, int nationalDigits, boolean addTrunkZero) {
        if (bare) {
            return skip == 0 ? raw : raw.substring(skip);
        }
        char[] digits = new char[nationalDigits + (addTrunkZero ? 1 : 0)];
        int n = 0;
        if (addTrunkZero) {
            digits[n++] = '0';
        }
        int seen = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= '0' && c <= '9' && seen++ >= skip) {
                digits[n++] = c;
            }
        }
        return new String(digits);
    }

    /** Whether the digits of {@code raw}, ignoring everything else, start with {@code prefix}. */
    private static boolean startsWithDigits(String raw, String prefix) {
        int matched = 0;
        for (int i = 0; i < raw.length() && matched < prefix.length(); i++) {
            char c = raw.charAt(i);
            if (c >= '0' && c <= '9') {
                if (c != prefix.charAt(matched)) {
                    return false;
                }
                matched++;
            }
        }
        return matched == prefix.length();
    }

    /** The {@code n}-th digit of {@code raw}, counting digits only. */
    private static char digitAt(String raw, int n) {
        int seen = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= '0' && c <= '9' && seen++ == n) {
                return c;
            }
        }
        return '0';
    }

    private static int digits(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            value = value * 10 + (s.charAt(i) - '0');
        }
        return value;
    }

    private static PhoneLookup failed(String raw, String national, NumberKind kind, PhoneProblem problem) {
        return new PhoneLookup(raw, national, kind, Carrier.UNKNOWN, null, null, problem);
    }
}
