package org.telereg.platform.notices.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.telereg.platform.access.Actor;
import org.telereg.platform.notices.NoticeView;
import org.telereg.platform.notices.Notices;

/** The caller's organisation's notices, for operators' systems. */
@RestController
@RequestMapping("/api/v1/notices")
@Tag(name = "站内通知 notices", description = "Notices to the caller's organisation (report reminders and others)")
class NoticesApiController {

    private final Notices notices;

    NoticesApiController(Notices notices) {
        this.notices = notices;
    }

    /** A notice with its text in the caller's language. */
    record Notice(
            long id,
            String text,
            String messageKey,
            List<String> arguments,
            String link,
            Instant createdAt,
            boolean read,
            Instant readAt) {

        static Notice of(NoticeView notice, String text) {
            return new Notice(
                    notice.id(),
                    text,
                    notice.messageKey(),
                    notice.arguments(),
                    notice.link(),
                    notice.createdAt(),
                    !notice.unread(),
                    notice.readAt());
        }
    }

    @GetMapping
    @Operation(summary = "The organisation's notices, newest first (unread=true: only those no one has read)")
    List<Notice> list(
            Actor actor,
            @RequestParam(defaultValue = "false") boolean unread,
            @RequestParam(defaultValue = "100") int limit,
            Locale locale) {
        return notices.inbox(actor, unread, limit).stream()
                .map(n -> Notice.of(n, notices.text(n, locale)))
                .toList();
    }

    @PostMapping("/{id}/read")
    @Operation(summary = "Mark one of the organisation's notices read")
    Notice markRead(Actor actor, @PathVariable long id, Locale locale) {
        NoticeView notice = notices.markRead(actor, id);
        return Notice.of(notice, notices.text(notice, locale));
    }
}
