package org.telereg.platform.notices.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.telereg.platform.access.CurrentActor;
import org.telereg.platform.notices.Notices;

/** The unread count the bell in the console header shows, on every console page. */
@ControllerAdvice(annotations = Controller.class)
class NoticesModel {

    private final Notices notices;

    NoticesModel(Notices notices) {
        this.notices = notices;
    }

    @ModelAttribute("unreadNotices")
    Long unreadNotices() {
        return CurrentActor.get().map(notices::unread).orElse(null);
    }
}
