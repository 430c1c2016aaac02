package org.telereg.platform.filing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The SMS sender of the demo and the tests: writes each message to the log and keeps the last message
 * per number (at most a thousand numbers), so the demo's sponsor and the tests can read their code. A
 * deployment's own sender, marked {@code @Primary}, takes its place.
 */
@Component
public class LoggingSmsSender implements SmsSender {

    private static final Logger log = LoggerFactory.getLogger(LoggingSmsSender.class);
    private static final int KEPT = 1000;

    private final Map<String, String> last = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > KEPT;
        }
    };

    @Override
    public synchronized void send(String mobile, String text) {
        log.info("SMS to {}: {}", mobile, text);
        last.put(mobile, text);
    }

    /** The last message sent to the number, if any. */
    public synchronized Optional<String> lastMessage(String mobile) {
        return Optional.ofNullable(last.get(mobile));
    }
}
