package org.telereg.platform.netsec;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An assessment report on a unit.
 *
 * @param openFindings findings not yet rectified
 * @param overdueFindings of those, the ones past their rectification deadline
 */
public record AssessmentView(
        long id,
        long unitId,
        String unitName,
        String creditCode,
        String companyName,
        String provinceCode,
        AssessmentKind kind,
        String assessor,
        LocalDate assessedOn,
        String conclusion,
        AssessmentStatus status,
        Instant submittedAt,
        String submittedBy,
        LocalDate decidedOn,
        String decidedBy,
        String decisionNote,
        int findings,
        int openFindings,
        int overdueFindings) {}
