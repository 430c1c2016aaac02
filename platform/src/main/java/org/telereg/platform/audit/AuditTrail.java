package org.telereg.platform.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** How every module records a change of state: call it in the transaction that makes the change. */
@Service
public class AuditTrail {

    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final Clock clock;

    AuditTrail(ApplicationEventPublisher events, JsonMapper json, Clock clock) {
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Records that the current actor changed a record.
     *
     * @param before the record before the change (any object Jackson writes), null when created
     * @param after the record after the change, null when deleted
     */
    @Transactional
    public void record(String module, String entityType, String entityId, String action, Object before, Object after) {
        // Micros: what both H2 and PostgreSQL keep of a timestamp, so the hash verifies after a read.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        events.publishEvent(new StateChanged(
                now, currentActor(), module, entityType, entityId, action, toJson(before), toJson(after)));
    }

    private String toJson(Object state) {
        return state == null ? null : json.writeValueAsString(state);
    }

    private static String currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            return "system";
        }
        if (authentication instanceof AnonymousAuthenticationToken) {
            return "public";
        }
        return authentication.getName();
    }
}
