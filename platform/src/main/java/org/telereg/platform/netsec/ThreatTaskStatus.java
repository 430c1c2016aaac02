package org.telereg.platform.netsec;

/** Where a task opened by a match against the filings stands. */
public enum ThreatTaskStatus {
    /** 待处置: the access provider must answer by the deadline. */
    OPEN,
    /** 待确认: the provider answered; the administration confirms or returns it. */
    ANSWERED,
    /** 已办结: the administration confirmed the answer. */
    CLOSED
}
