package org.telereg.platform.netsec;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * An assurance plan for a major event (重大活动网络安全保障方案).
 *
 * @param provinces the province codes the event covers
 * @param authorityCode {@code MIIT} or the province of the administration that made the plan
 */
public record AssurancePlanView(
        long id,
        String name,
        LocalDate startsOn,
        LocalDate endsOn,
        AssuranceLevel level,
        List<String> provinces,
        String authorityCode,
        List<AssuranceUnit> units) {

    public AssurancePlanView {
        provinces = List.copyOf(provinces);
        units = List.copyOf(units);
    }

    public AssuranceStatus status(LocalDate today) {
        return AssuranceStatus.on(today, startsOn, endsOn);
    }

    /** Every day of the event, first to last. */
    public List<LocalDate> days() {
        return startsOn.datesUntil(endsOn.plusDays(1)).toList();
    }

    public long length() {
        return ChronoUnit.DAYS.between(startsOn, endsOn) + 1;
    }

    public boolean involves(long organisationId) {
        return units.stream().anyMatch(u -> u.organisationId() == organisationId);
    }
}
