package org.telereg.platform.antifraud;

/** Where a suspected number stands in its disposal. */
public enum CaseStatus {
    /** Flagged by a scan; nobody has looked yet. */
    SUSPECTED,
    /** Confirmed by the regulator; on the blocklist; the operator must re-verify the holder in time. */
    CONFIRMED,
    /** The holder failed or missed the second real-person verification: the number is stopped. */
    SUSPENDED,
    /** The holder of a suspended number appealed. */
    APPEALED,
    /** The holder passed verification: off the blocklist. */
    CLEARED,
    /** The appeal succeeded: service restored, off the blocklist. */
    RESTORED,
    /** The regulator found the suspicion unfounded before confirming. */
    DISMISSED;

    /** Whether the number is on the blocklist operators apply. */
    public boolean blocked() {
        return this == CONFIRMED || this == SUSPENDED || this == APPEALED;
    }

    /** Whether the case is finished until the number is flagged again. */
    public boolean closed() {
        return this == CLEARED || this == RESTORED || this == DISMISSED;
    }
}
