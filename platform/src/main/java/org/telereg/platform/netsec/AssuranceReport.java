package org.telereg.platform.netsec;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A unit's daily report for one day of an event.
 *
 * @param normal whether the day passed without security events
 * @param events what happened, when not normal
 * @param measures what the unit did about it, when not normal
 */
public record AssuranceReport(
        long id,
        long organisationId,
        String organisationName,
        LocalDate reportDate,
        boolean normal,
        String events,
        String measures,
        String submittedBy,
        Instant submittedAt) {}
