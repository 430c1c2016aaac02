package org.telereg.engine.identity;

/** Why an identity number was rejected by {@link IdNumbers#check(String)}; checks run in this order. */
public enum IdProblem {
    /** Nothing was entered (null, empty or only whitespace). */
    EMPTY,
    /** Neither 15 nor 18 characters after trimming. */
    BAD_LENGTH,
    /**
     * A character other than a digit, or (in an 18-character number) other than a digit or {@code X} in the
     * last position.
     */
    BAD_CHARACTER,
    /**
     * The address code is unknown: for a resident ID not a GB/T 2260 code of 1980 to today; for a foreign
     * permanent-residence ID not the code of a province with a communications administration.
     */
    BAD_ADDRESS_CODE,
    /** The birth date is not a calendar date (such as 30 February or 29 February 1900) or is before 1900. */
    BAD_BIRTH_DATE,
    /** The birth date is after today. */
    FUTURE_BIRTH_DATE,
    /**
     * The address code was abolished before the birth month, so no office could have issued this number: an
     * ID number carries the code in force when it was first issued, which is after birth.
     */
    ADDRESS_CODE_ABOLISHED_BEFORE_BIRTH,
    /** The last character does not match the GB 11643 check character of the first 17. */
    BAD_CHECK_CHARACTER
}
