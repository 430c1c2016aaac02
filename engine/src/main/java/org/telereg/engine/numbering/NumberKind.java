package org.telereg.engine.numbering;

/** Whether a national number is a mobile or a fixed-line number. */
public enum NumberKind {
    /** Eleven digits starting with 13 to 19. */
    MOBILE,
    /** Trunk prefix 0, a two- or three-digit area code and a 7- or 8-digit subscriber number. */
    FIXED_LINE
}
