package org.telereg.platform.universal;

/** The places of a village whose signal the coverage definition asks about. */
public enum PlaceKind {
    COMMITTEE,
    SCHOOL,
    CLINIC,
    SETTLEMENT
}
