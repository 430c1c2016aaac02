package org.telereg.platform.numbering;

import java.util.regex.Pattern;

/** The kinds of number resources a regulator allocates, each with the form its prefix takes. */
public enum AllocationKind {
    /**
     * A mobile segment: an H-code of seven digits such as {@code 1380013}, or a shorter network prefix held
     * whole, such as {@code 138}.
     */
    MOBILE_SEGMENT("1[3-9][0-9]{1,5}"),
    /**
     * A 106 SMS access code: {@code 106} and 2 to 18 more digits; senders append extension digits, so a
     * port covers every longer number that starts with it.
     */
    SMS_PORT("106[0-9]{2,18}"),
    /** A short code of 3 to 6 digits, e.g. {@code 95588} or {@code 12321}. */
    SHORT_CODE("[0-9]{3,6}");

    private final Pattern prefix;

    AllocationKind(String prefix) {
        this.prefix = Pattern.compile(prefix);
    }

    /** Digits a mobile number has: a 7-digit segment holds the 10^4 numbers of its last four digits. */
    private static final int MOBILE_NUMBER_LENGTH = 11;

    /**
     * Extension digits counted under an SMS port: senders append sub-port digits to their port, and
     * utilisation counts the 10^4 four-digit extensions, the usual length operators hand out.
     */
    private static final int PORT_EXTENSION_DIGITS = 4;

    /** Whether a prefix has this kind's form. */
    public boolean accepts(String prefix) {
        return this.prefix.matcher(prefix).matches();
    }

    /**
     * How many numbers a block of this kind with this prefix holds: {@code 10^(11 − length)} for a
     * mobile segment, the 10^4 four-digit extensions of an SMS port, one for a short code.
     */
    public long capacity(String prefix) {
        return switch (this) {
            case MOBILE_SEGMENT -> pow10(MOBILE_NUMBER_LENGTH - prefix.length());
            case SMS_PORT -> pow10(PORT_EXTENSION_DIGITS);
            case SHORT_CODE -> 1;
        };
    }

    private static long pow10(int exponent) {
        long value = 1;
        for (int i = 0; i < exponent; i++) {
            value *= 10;
        }
        return value;
    }
}
