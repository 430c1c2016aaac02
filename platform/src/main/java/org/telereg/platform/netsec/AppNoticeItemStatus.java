package org.telereg.platform.netsec;

/** Where an App listed on a notice stands. */
public enum AppNoticeItemStatus {
    /** Listed; the company has not answered. */
    LISTED,
    /** The company answered that it is fixed, naming the new version. */
    ANSWERED,
    /** A re-check after the deadline found it fixed (or, after a takedown, fixed at last). */
    FIXED,
    /** A re-check found it not fixed; a takedown order went to the stores. */
    TAKEN_DOWN;

    /** Whether the company may still answer. */
    public boolean awaitsAnswer() {
        return this == LISTED;
    }

    /** Whether a re-check may be recorded (after the deadline). */
    public boolean awaitsRecheck() {
        return this != FIXED;
    }
}
