package org.telereg.platform.realname;

import java.time.Instant;

/**
 * A second real-person verification task as lists and the API show it (masked only).
 *
 * @param id the task's id
 * @param operatorCreditCode the operator that must verify
 * @param operatorName its name
 * @param identityMasked the masked document number
 * @param documentType the document type
 * @param cards how many numbers the identity held at the operator when the task was raised
 * @param status where the task stands
 * @param raisedAt when the import found the identity over the cap
 * @param dueAt the deadline for the in-person verification
 * @param overdue whether the task is still pending after its deadline
 * @param decidedAt when the last outcome was recorded
 * @param decidedBy who recorded it
 * @param note the operator's note on the outcome
 */
public record VerificationView(
        long id,
        String operatorCreditCode,
        String operatorName,
        String identityMasked,
        DocumentType documentType,
        int cards,
        VerificationStatus status,
        Instant raisedAt,
        Instant dueAt,
        boolean overdue,
        Instant decidedAt,
        String decidedBy,
        String note) {}
