package org.telereg.platform.netsec;

import java.time.LocalDate;

/**
 * A public notice (通报) as lists show it.
 *
 * @param noticeNumber the notice's document number
 * @param deadline the last day to fix the Apps listed
 * @param apps the Apps listed
 * @param open the Apps listed and not yet found fixed
 */
public record AppNoticeView(
        long id,
        String noticeNumber,
        String title,
        LocalDate publishedOn,
        LocalDate deadline,
        String publishedBy,
        long apps,
        long open) {

    /** Days until the deadline (negative once it has passed). */
    public long daysLeft(LocalDate today) {
        return java.time.temporal.ChronoUnit.DAYS.between(today, deadline);
    }
}
