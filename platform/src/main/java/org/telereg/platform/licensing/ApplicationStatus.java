package org.telereg.platform.licensing;

/** Where an application stands. */
public enum ApplicationStatus {
    /** Received; the administration checks it is complete. */
    SUBMITTED,
    /** The one correction notice was sent; waiting for the applicant. */
    CORRECTION_REQUESTED,
    /** Accepted (受理): the decision deadline runs. */
    ACCEPTED,
    GRANTED,
    REFUSED,
    WITHDRAWN;

    public boolean open() {
        return this == SUBMITTED || this == CORRECTION_REQUESTED || this == ACCEPTED;
    }
}
