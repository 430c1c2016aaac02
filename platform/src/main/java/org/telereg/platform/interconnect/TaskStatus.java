package org.telereg.platform.interconnect;

/** Where a capacity-expansion task stands. */
public enum TaskStatus {
    /** Opened by a serious fault; the operators have until the due date. */
    OPEN,
    /** An operator recorded the new capacity; the ministry has to verify it. */
    EXPANDED,
    /** The ministry confirmed the expansion; the task is closed. */
    VERIFIED,
    /** Still not expanded after the due date; the operators may still record the expansion. */
    OVERDUE;

    /** Whether an operator may still record the expansion. */
    public boolean awaitsExpansion() {
        return this == OPEN || this == OVERDUE;
    }
}
