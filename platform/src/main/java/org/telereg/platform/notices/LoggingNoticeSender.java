package org.telereg.platform.notices;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.telereg.platform.access.OrganisationView;

/** The outbound channel of the demo and of installations without a gateway: writes each notice to the log. */
@Component
@ConditionalOnProperty(name = "telereg.notices.log-outbound", havingValue = "true", matchIfMissing = true)
class LoggingNoticeSender implements NoticeSender {

    private static final Logger log = LoggerFactory.getLogger(LoggingNoticeSender.class);

    @Override
    public void send(NoticeView notice, OrganisationView recipient, String text) {
        log.info("notice {} to {} ({}): {}", notice.id(), recipient.name(), recipient.code(), text);
    }
}
