package org.telereg.platform.notices.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.telereg.platform.access.Actor;
import org.telereg.platform.notices.NoticeView;
import org.telereg.platform.notices.Notices;

/** The organisation's notices: read them, follow their links, mark them read. */
@Controller
@RequestMapping("/console/notices")
class NoticesConsoleController {

    private final Notices notices;

    NoticesConsoleController(Notices notices) {
        this.notices = notices;
    }

    /** A notice as the page lists it: its text in the reader's language and when it came (Beijing time). */
    record Row(NoticeView notice, String text, String at) {}

    private static final DateTimeFormatter AT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    @GetMapping
    String list(Actor actor, @RequestParam(defaultValue = "false") boolean unread, Locale locale, Model model) {
        model.addAttribute(
                "notices",
                notices.inbox(actor, unread, 200).stream()
                        .map(n -> new Row(n, notices.text(n, locale), AT.format(n.createdAt())))
                        .toList());
        model.addAttribute("unreadOnly", unread);
        return "notices/notices";
    }

    /** Marks the notice read and goes where it leads (back to the list when it leads nowhere). */
    @PostMapping("/{id}/open")
    String open(Actor actor, @PathVariable long id) {
        NoticeView notice = read(actor, id);
        return "redirect:" + (notice.link() == null ? "/console/notices" : notice.link());
    }

    @PostMapping("/{id}/read")
    String markRead(Actor actor, @PathVariable long id, RedirectAttributes redirect) {
        read(actor, id);
        redirect.addFlashAttribute("message", "notices.done.read");
        return "redirect:/console/notices";
    }

    @PostMapping("/read-all")
    String markAllRead(Actor actor, RedirectAttributes redirect) {
        notices.markAllRead(actor);
        redirect.addFlashAttribute("message", "notices.done.allRead");
        return "redirect:/console/notices";
    }

    private NoticeView read(Actor actor, long id) {
        try {
            return notices.markRead(actor, id);
        } catch (NoSuchElementException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
