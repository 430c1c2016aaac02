package org.telereg.platform.netsec;

/**
 * A daily report as the form gives it.
 *
 * @param outcome {@code NORMAL} or {@code EVENTS}
 * @param events required when {@code EVENTS}
 * @param measures required when {@code EVENTS}
 */
public record NewAssuranceReport(String reportDate, String outcome, String events, String measures) {}
