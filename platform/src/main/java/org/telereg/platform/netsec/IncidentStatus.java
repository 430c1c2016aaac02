package org.telereg.platform.netsec;

/** Where an incident stands. */
public enum IncidentStatus {
    /** Recorded below every threshold: no response runs, the time line stays open. */
    REPORTED,
    /** Graded: the response of its level runs. */
    RESPONDING,
    /** Closed after its final report. */
    CLOSED
}
