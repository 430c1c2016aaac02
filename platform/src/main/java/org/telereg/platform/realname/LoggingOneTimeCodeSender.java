package org.telereg.platform.realname;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.telereg.platform.shared.PhoneNumber;

/**
 * The demo's "SMS gateway": writes the masked phone and the code to the log. It also remembers the
 * last few codes in memory, never in the database, so tests in this package can read them.
 */
@Component
class LoggingOneTimeCodeSender implements OneTimeCodeSender {

    private static final Logger log = LoggerFactory.getLogger(LoggingOneTimeCodeSender.class);
    private static final int REMEMBERED = 32;

    private final Map<String, String> lastCodes = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REMEMBERED;
        }
    };

    @Override
    public void send(PhoneNumber phone, String code) {
        log.info("一证通查 code for {}: {}", phone.masked(), code);
        synchronized (lastCodes) {
            lastCodes.remove(phone.national());
            lastCodes.put(phone.national(), code);
        }
    }

    /** The last code sent to the number, if it is among the last few sent. */
    Optional<String> lastCodeTo(String nationalNumber) {
        synchronized (lastCodes) {
            return Optional.ofNullable(lastCodes.get(nationalNumber));
        }
    }
}
