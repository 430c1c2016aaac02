package org.telereg.platform.netsec;

/** Where an assessment report stands. */
public enum AssessmentStatus {
    /** Uploaded by the operator; the administration accepts or returns it. */
    SUBMITTED,
    /** Accepted: the next assessment of its kind falls due counted from its date. */
    ACCEPTED,
    /** Returned with reasons; it counts for nothing and the operator uploads a new report. */
    RETURNED
}
