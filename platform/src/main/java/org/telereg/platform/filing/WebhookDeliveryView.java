package org.telereg.platform.filing;

import java.time.Instant;

/**
 * One delivery of a change to a subscription, for its delivery log.
 *
 * @param id the delivery's id, sent as X-TeleReg-Delivery
 * @param webhookId the subscription
 * @param changeId the change's feed id
 * @param change what happened
 * @param subjectNumber the subject's filing number
 * @param status PENDING, DELIVERED or FAILED
 * @param attempts how many times it was sent
 * @param nextAttemptAt when a pending delivery is sent next
 * @param lastAttemptAt when it was last sent
 * @param lastStatus the receiver's HTTP status of the last attempt; null when unreachable
 * @param lastError why the last attempt failed
 * @param deliveredAt when the receiver accepted it
 */
public record WebhookDeliveryView(
        long id,
        long webhookId,
        long changeId,
        FilingChanged.Change change,
        String subjectNumber,
        String status,
        int attempts,
        Instant nextAttemptAt,
        Instant lastAttemptAt,
        Integer lastStatus,
        String lastError,
        Instant deliveredAt) {}
