package org.telereg.platform.netsec;

/** What happened to an indicator, as the distribution feed tells operators. */
public enum ThreatChangeKind {
    /** Listed, or listed again after a withdrawal or expiry: start acting on it. */
    ADDED,
    /** Its confidence, category, source, dates or expiry changed: still active. */
    UPDATED,
    /** Withdrawn: stop acting on it. */
    WITHDRAWN,
    /** Expired: stop acting on it. */
    EXPIRED;

    /** Whether operators keep acting on the indicator after this change. */
    public boolean active() {
        return this == ADDED || this == UPDATED;
    }
}
