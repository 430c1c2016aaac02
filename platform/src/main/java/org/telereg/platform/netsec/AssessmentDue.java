package org.telereg.platform.netsec;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * When a graded unit's next assessment of one kind falls due.
 *
 * @param grade the unit's approved grade
 * @param years the years between assessments for that grade
 * @param baseOn the day counted from: the last accepted assessment of the kind, else the approval
 * @param fromAssessment whether {@code baseOn} is an accepted assessment (not the approval)
 */
public record AssessmentDue(
        long unitId,
        String unitName,
        String creditCode,
        String companyName,
        String provinceCode,
        int grade,
        int years,
        AssessmentKind kind,
        LocalDate baseOn,
        boolean fromAssessment,
        LocalDate dueOn) {

    /** Days left (0 on the due day, negative once past). */
    public long daysLeft(LocalDate today) {
        return ChronoUnit.DAYS.between(today, dueOn);
    }

    public boolean overdue(LocalDate today) {
        return today.isAfter(dueOn);
    }
}
