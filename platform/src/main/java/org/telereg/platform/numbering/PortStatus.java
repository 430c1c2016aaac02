package org.telereg.platform.numbering;

/** Where a port order stands. */
public enum PortStatus {
    /** Accepted; takes effect at its whole hour. */
    SCHEDULED,
    /** In effect: the recipient carries the number. */
    COMPLETED,
    /** Withdrawn by the recipient or a regulator before it took effect. */
    CANCELLED,
    /** Refused by the donor before it took effect, with a reason. */
    REFUSED
}
