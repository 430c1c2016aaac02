package org.telereg.platform.industry;

/** Where an operator's report stands: draft → submitted → accepted, or returned with a reason and submitted again. */
public enum ReportStatus {
    DRAFT,
    SUBMITTED,
    ACCEPTED,
    RETURNED;

    /** Whether the operator may still change and submit it. */
    public boolean fillable() {
        return this == DRAFT || this == RETURNED;
    }
}
