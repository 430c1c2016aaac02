package org.telereg.platform.filing;

/**
 * How a task is answered. A provider removed the site or address from its network, or it is now filed
 * (give the filing number as evidence), or it disputes the finding; an administration cancels a stale
 * filing, has it re-filed, or disputes the finding.
 */
public enum FilingTaskAnswer {
    REMOVED,
    FILED,
    CANCELLED,
    REFILED,
    DISPUTED;

    /** Whether an assignee of this kind may give the answer. */
    public boolean allowedFor(HostingFindingKind.Assignee assignee) {
        return this == DISPUTED
                || (assignee == HostingFindingKind.Assignee.PROVIDER
                        ? this == REMOVED || this == FILED
                        : this == CANCELLED || this == REFILED);
    }
}
