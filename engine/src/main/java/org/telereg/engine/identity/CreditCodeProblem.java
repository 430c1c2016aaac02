package org.telereg.engine.identity;

/** Why a unified social credit code was rejected by {@link CreditCodes#problemOf(String)}; checked in this order. */
public enum CreditCodeProblem {
    /** Nothing was entered (null, empty or only whitespace). */
    EMPTY,
    /** Not 18 characters after trimming. */
    BAD_LENGTH,
    /** A character outside {@code 0-9 A-H J-N P-R T U W-Y} (no I, O, S, V, Z). */
    BAD_CHARACTER,
    /**
     * Characters 3 to 8 are not a division code: six digits starting with a GB/T 2260 province code, or {@code
     * 100000} for registration at national level.
     */
    BAD_DIVISION_CODE,
    /** The last character does not match the GB 32100 check character of the first 17. */
    BAD_CHECK_CHARACTER
}
