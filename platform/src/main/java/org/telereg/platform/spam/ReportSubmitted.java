package org.telereg.platform.spam;

import java.time.Instant;

/** A report was accepted (not a duplicate): reputation and anti-fraud modules may listen. */
public record ReportSubmitted(
        long reportId, ReportCategory category, String reportedParty, String operatorCreditCode, Instant at) {}
