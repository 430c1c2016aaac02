package org.telereg.platform.spam;

import java.math.BigDecimal;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

@Table("spam_report")
record Report(
        @Id Long id,
        String trackingNumber,
        ReportCategory category,
        ReportChannel channel,
        String reportedParty,
        String senderKey,
        String content,
        String fingerprint,
        String reporterPhoneHash,
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
        Instant updatedAt,
        String screeningVerdict,
        BigDecimal screeningScore,
        String screeningReasons,
        ReportCategory suggestedCategory,
        String portHolderCreditCode,
        String portHolderName,
        @Version Integer version) {

    /** Answered: a routed report by its operator or the administration, an unrouted one by the administration. */
    Report answered(OperatorAnswer operatorAnswer, String note, Instant now) {
        if (status.answers().isEmpty()) {
            throw new IllegalStateException("report " + trackingNumber + " is " + status + ", not awaiting an answer");
        }
        return new Report(
                id,
                trackingNumber,
                category,
                channel,
                reportedParty,
                senderKey,
                content,
                fingerprint,
                reporterPhoneHash,
                reporterPhoneMasked,
                carrier,
                provinceCode,
                operatorCreditCode,
                operatorName,
                ReportStatus.ANSWERED,
                duplicateOf,
                receivedAt,
                handlingDeadline,
                operatorAnswer,
                note,
                now,
                now,
                screeningVerdict,
                screeningScore,
                screeningReasons,
                suggestedCategory,
                portHolderCreditCode,
                portHolderName,
                version);
    }

    ReportView view() {
        return new ReportView(
                id,
                trackingNumber,
                category,
                channel,
                reportedParty,
                senderKey,
                content,
                reporterPhoneMasked,
                carrier,
                provinceCode,
                operatorCreditCode,
                operatorName,
                status,
                duplicateOf,
                receivedAt,
                handlingDeadline,
                answer,
                answerNote,
                answeredAt,
                screeningVerdict,
                screeningScore,
                screeningReasons,
                suggestedCategory,
                portHolderCreditCode,
                portHolderName);
    }
}
