package org.telereg.platform.licensing;

/** Where a holder's annual report stands; a report never filed is "missing" and has no row. */
public enum AnnualReportStatus {
    /** Filed in the reporting window (1 January – 31 March). */
    SUBMITTED,
    /** Changed in the correction window (April). */
    CORRECTED,
    /** Filed after the system closed (1 May); the holder is on the bad-operator list until confirmed. */
    LATE,
    /** The administration confirmed it. */
    CONFIRMED
}
