package org.telereg.platform.numbering;

import java.util.regex.Pattern;

/** The kinds of number resources a regulator allocates, each with the form its prefix takes. */
public enum AllocationKind {
    /** A mobile H-code segment: seven digits, e.g. {@code 1380013}. */
    MOBILE_SEGMENT("1[3-9][0-9]{5}"),
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

    /** Whether a prefix has this kind's form. */
    public boolean accepts(String prefix) {
        return this.prefix.matcher(prefix).matches();
    }
}
