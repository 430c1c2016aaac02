package org.telereg.engine.identity;

/** The kind of identity document a number belongs to, told apart by its shape. */
public enum IdKind {
    /** Second-generation resident identity card, 18 characters (GB 11643-1999). */
    RESIDENT_18,
    /** First-generation resident identity card, 15 digits: two-digit birth year, no check character. */
    RESIDENT_15,
    /**
     * Residence permit for Hong Kong, Macao or Taiwan residents: address code {@code 810000}, {@code 820000} or
     * {@code 830000}, otherwise shaped like a resident ID number.
     */
    HK_MACAO_TAIWAN_RESIDENCE_PERMIT,
    /**
     * Foreign permanent-residence ID card of the 2023 edition: {@code 9}, issuing province code, three-digit
     * nationality code, birth date, sequence and the GB 11643 check character.
     */
    FOREIGN_PERMANENT_RESIDENCE_2023
}
