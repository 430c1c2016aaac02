package org.telereg.platform.netsec;

import java.time.LocalDate;

/**
 * One line of a duty roster as lists show it: the person's name and phone masked.
 *
 * @param personName masked (张*), unless revealed
 * @param personPhone masked (138****5678), unless revealed
 */
public record DutyEntry(
        long id,
        long organisationId,
        String organisationName,
        LocalDate dutyDate,
        DutyShift shift,
        String personName,
        String personPhone) {}
