package org.telereg.platform.spam;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A report as the console, the API and the tracking page show it (the reporter's phone masked),
 * with what the screening engine made of its message ({@code normal}, {@code ad}, {@code fraud}) and
 * the category it suggests when that differs from the reporter's. A report against a 106 SMS port names
 * the port's holder, the company behind the messages.
 *
 * @param senderKey what reports are counted against: a 106 port as allocated (without the extension digits its
 *     senders append) when the register has it, else the reported party
 */
public record ReportView(
        long id,
        String trackingNumber,
        ReportCategory category,
        ReportChannel channel,
        String reportedParty,
        String senderKey,
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
        Instant answeredAt,
        String screeningVerdict,
        BigDecimal screeningScore,
        String screeningReasons,
        ReportCategory suggestedCategory,
        String portHolderCreditCode,
        String portHolderName) {

    /** Whether the operator's deadline has passed without an answer. */
    public boolean overdue(Instant now) {
        return status == ReportStatus.ROUTED && handlingDeadline != null && now.isAfter(handlingDeadline);
    }
}
