package org.telereg.engine.numbering;

/** Why {@link PhoneNumbers#lookup(String)} could not accept a number; checked in this order. */
public enum PhoneProblem {
    /** Nothing was entered, or no digits. */
    EMPTY,
    /** A character other than digits, spaces, dashes, parentheses and one leading {@code +}. */
    BAD_CHARACTER,
    /**
     * Wrong number of digits: a mobile number needs 11, a fixed-line number its area code and 7 or 8 more.
     */
    BAD_LENGTH,
    /**
     * The number is not Chinese (another country code), or no table knows its mobile segment (such as 12x or
     * an unallocated 16x).
     */
    UNKNOWN_PREFIX,
    /** The fixed-line area code is not in use, or a local number was given without its area code. */
    UNKNOWN_AREA_CODE
}
