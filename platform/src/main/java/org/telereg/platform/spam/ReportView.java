package org.telereg.platform.spam;

import java.time.Instant;

/** A report as the console, the API and the tracking page show it (the reporter's phone masked). */
public record ReportView(
        long id,
        String trackingNumber,
        ReportCategory category,
        ReportChannel channel,
        String reportedParty,
        String content,
        String reporterPhoneMasked,
        String carrier,
        String provinceCode,
        String operatorCreditCode,
        String operatorName,
        ReportStatus status,
        Long duplicateOf,
        Instant receivedAt,
        Instant handlingDeadline,
        OperatorAnswer answer,
        String answerNote,
        Instant answeredAt) {

    /** Whether the operator's deadline has passed without an answer. */
    public boolean overdue(Instant now) {
        return status == ReportStatus.ROUTED && handlingDeadline != null && now.isAfter(handlingDeadline);
    }
}
