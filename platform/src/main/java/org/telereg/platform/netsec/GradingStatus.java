package org.telereg.platform.netsec;

/** Where a grading version stands. */
public enum GradingStatus {
    /** Graded and reviewed by experts; the operator has until the filing deadline to file it. */
    DRAFT,
    /** Filed with the administration, which approves or returns it. */
    FILED,
    /** Approved: the unit's grade is this version's. */
    APPROVED,
    /** Returned with reasons; the operator grades again in a new version. */
    RETURNED;

    /** Whether the version is still the operator's or the administration's to act on. */
    public boolean open() {
        return this == DRAFT || this == FILED;
    }
}
