package org.telereg.platform.notices;

import org.telereg.platform.access.OrganisationView;

/**
 * Carries a notice beyond the console: an e-mail or SMS gateway implements this and is declared as
 * a bean; {@link Notices} hands every new notice to every sender once its inbox entry is committed.
 * A sender that fails is logged and does not undo the notice. The built-in {@link
 * LoggingNoticeSender} only logs (the demo's; {@code telereg.notices.log-outbound=false} turns it off).
 */
public interface NoticeSender {

    /**
     * @param notice the notice as stored
     * @param recipient the organisation it is for (a gateway looks up its contacts)
     * @param text the notice's text in Chinese, ready to send
     */
    void send(NoticeView notice, OrganisationView recipient, String text);
}
