package org.telereg.platform.realname;

/** Where a store inspection stands. */
public enum InspectionStatus {
    /** Planned by the administration; the visit is still to come. */
    PLANNED,
    /** Visited; the result is recorded. */
    DONE
}
