package org.telereg.platform.notices;

import java.time.Instant;
import java.util.List;

/**
 * A notice in an organisation's inbox.
 *
 * @param messageKey the message-bundle key of its text, e.g. {@code industry.notice.reminder}
 * @param arguments the text's arguments, as strings
 * @param link where in the console the notice leads (a path such as {@code /console/industry/reports/7}),
 *     or null
 * @param readAt when someone of the organisation marked it read, null while unread
 */
public record NoticeView(
        long id,
        long organisationId,
        String organisationName,
        String messageKey,
        List<String> arguments,
        String link,
        Instant createdAt,
        Instant readAt,
        String readBy) {

    public boolean unread() {
        return readAt == null;
    }
}
