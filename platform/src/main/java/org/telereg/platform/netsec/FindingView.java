package org.telereg.platform.netsec;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** A finding of an assessment and its rectification. */
public record FindingView(
        long id,
        long assessmentId,
        int lineNo,
        FindingSeverity severity,
        String description,
        LocalDate rectifyBy,
        LocalDate rectifiedOn,
        String evidence,
        String rectifiedBy) {

    public boolean open() {
        return rectifiedOn == null;
    }

    /** Days left to rectify (0 on the deadline, negative once past). */
    public long daysLeft(LocalDate today) {
        return ChronoUnit.DAYS.between(today, rectifyBy);
    }

    public boolean overdue(LocalDate today) {
        return open() && today.isAfter(rectifyBy);
    }
}
