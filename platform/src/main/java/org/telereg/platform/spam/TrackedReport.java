package org.telereg.platform.spam;

import java.time.Instant;

/**
 * What the portal shows a reporter for a tracking number, and no more: not the message, the numbers or the
 * screening. A report folded into an earlier one of the same message shows that report's progress and answer,
 * which answer this reporter too.
 *
 * @param folded whether the status and answer are those of the earlier report this one was folded into
 */
public record TrackedReport(
        String trackingNumber,
        ReportCategory category,
        ReportStatus status,
        Instant receivedAt,
        OperatorAnswer answer,
        Instant answeredAt,
        boolean folded) {}
