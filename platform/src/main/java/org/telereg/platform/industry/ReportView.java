package org.telereg.platform.industry;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * An operator's report on one period for one province, as lists and the API show it.
 *
 * @param periodCode {@code 2026-11} or {@code 2026-Q3}
 * @param late whether it was (last) submitted after the due day
 * @param channel how the last submission came: CONSOLE, UPLOAD or API; null before one
 */
public record ReportView(
        long id,
        String templateCode,
        String catalogueVersion,
        String operatorCreditCode,
        String operatorName,
        String provinceCode,
        String periodCode,
        LocalDate dueOn,
        ReportStatus status,
        LocalDate openedOn,
        Instant submittedAt,
        String submittedBy,
        String channel,
        boolean late,
        Instant decidedAt,
        String decidedBy,
        String returnReason) {

    /** Not submitted and past its due day on {@code today}. */
    public boolean missing(LocalDate today) {
        return status.fillable() && today.isAfter(dueOn);
    }

    /** Days left until the due day (negative once past), for the countdown beside a report to fill. */
    public long daysLeft(LocalDate today) {
        return ChronoUnit.DAYS.between(today, dueOn);
    }
}
