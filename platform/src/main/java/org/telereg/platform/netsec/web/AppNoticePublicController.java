package org.telereg.platform.netsec.web;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.netsec.AppNoticeView;
import org.telereg.platform.netsec.AppNotices;

/** The published App notices on the portal: each lists the Apps, their companies and problems. */
@Controller
class AppNoticePublicController {

    private final AppNotices notices;

    AppNoticePublicController(AppNotices notices) {
        this.notices = notices;
    }

    @GetMapping("/public/app-notices")
    String list(Model model) {
        model.addAttribute("notices", notices.published());
        return "netsec/apps/public-notices";
    }

    @GetMapping("/public/app-notices/{id}")
    String notice(@PathVariable long id, Model model) {
        AppNoticeView notice =
                notices.publishedNotice(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("notice", notice);
        model.addAttribute("items", notices.items(DataScope.all(), id));
        return "netsec/apps/public-notice";
    }
}
