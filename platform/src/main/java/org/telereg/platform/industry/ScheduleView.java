package org.telereg.platform.industry;

import java.time.LocalDate;

/**
 * A template assigned to an operator for one province.
 *
 * @param deadlineDay reports are due on this day of the month after the period
 * @param startsOn the first period reported is the one containing this day
 */
public record ScheduleView(
        long id,
        String templateCode,
        Frequency frequency,
        String operatorCreditCode,
        String operatorName,
        String provinceCode,
        int deadlineDay,
        LocalDate startsOn,
        boolean active) {}
