package org.telereg.platform.netsec;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * One grading version of a unit with its expert review, filing and decision.
 *
 * @param filedLate whether it was filed after its filing deadline
 * @param decisionNote the administration's reasons for returning it (or its note on approval)
 */
public record GradingView(
        long id,
        long unitId,
        int version,
        int grade,
        String impactObjects,
        String impactDegree,
        LocalDate reviewedOn,
        String experts,
        String reviewConclusion,
        LocalDate filingDueOn,
        GradingStatus status,
        LocalDate filedOn,
        boolean filedLate,
        LocalDate decidedOn,
        String decidedBy,
        String decisionNote,
        Instant createdAt,
        String createdBy) {

    /** Days left to file (0 on the deadline, negative once past). */
    public long filingDaysLeft(LocalDate today) {
        return ChronoUnit.DAYS.between(today, filingDueOn);
    }
}
