package org.telereg.platform.netsec;

import java.time.LocalDate;
import java.util.List;

/**
 * An App listed on a notice, with the company's answer, the re-checks and the takedown order.
 *
 * @param answerVersion the version the company says is fixed, or {@code null}
 * @param takedown the latest takedown order, or {@code null}
 */
public record AppNoticeItemView(
        long id,
        long noticeId,
        String noticeNumber,
        LocalDate deadline,
        AppCheckView app,
        AppNoticeItemStatus status,
        String answer,
        String answerVersion,
        LocalDate answeredOn,
        String answeredBy,
        List<AppNoticeRecheck> rechecks,
        TakedownView takedown) {

    public AppNoticeItemView {
        rechecks = List.copyOf(rechecks);
    }
}
