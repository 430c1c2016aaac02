package org.telereg.platform.spam;

/**
 * A report as a citizen or a system sends it; every field a string, checked all at once.
 *
 * @param category one of {@link ReportCategory}
 * @param reportedParty the sender number, caller, 106 port, URL or App name
 * @param content the message text or a description
 * @param reporterPhone the reporter's own number, optional (lets the reporter follow the report)
 */
public record NewReport(String category, String reportedParty, String content, String reporterPhone) {}
