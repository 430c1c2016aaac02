package org.telereg.platform.netsec;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A task opened because a filed site is on the threat list.
 *
 * @param matched the filed domain or address the indicator matched
 * @param provinceCode the province of the administration that filed the site
 */
public record ThreatTaskView(
        long id,
        long indicatorId,
        ThreatKind indicatorKind,
        String indicator,
        ThreatCategory category,
        long serviceId,
        String serviceNumber,
        String siteName,
        String matched,
        String provinceCode,
        String providerCreditCode,
        String providerName,
        ThreatTaskStatus status,
        LocalDate openedOn,
        LocalDate dueOn,
        ThreatTaskAnswer answer,
        String answerNote,
        String answeredBy,
        Instant answeredAt,
        String closedBy,
        Instant closedAt) {

    /** Days until the deadline; negative once it has passed. */
    public long daysLeft(LocalDate today) {
        return ChronoUnit.DAYS.between(today, dueOn);
    }

    /** Whether the provider has not answered and the deadline has passed. */
    public boolean overdue(LocalDate today) {
        return status == ThreatTaskStatus.OPEN && today.isAfter(dueOn);
    }
}
