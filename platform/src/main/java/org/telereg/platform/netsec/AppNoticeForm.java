package org.telereg.platform.netsec;

import java.util.List;

/**
 * A notice to publish; dates {@code yyyy-MM-dd}.
 *
 * @param appIds the tested Apps (with findings) the notice lists
 */
public record AppNoticeForm(
        String noticeNumber, String title, String publishedOn, String deadline, List<Long> appIds) {}
