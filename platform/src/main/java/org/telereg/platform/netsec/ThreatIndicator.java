package org.telereg.platform.netsec;

import java.time.LocalDate;

/**
 * A threat indicator as the list keeps it.
 *
 * @param indicator the normalised domain, address, block, URL or lower-case hex hash
 * @param confidence how sure the source is, 0–100
 * @param expiresOn the last day it is on the list, or null until withdrawn
 * @param withdrawReason why it was withdrawn, or null
 */
public record ThreatIndicator(
        long id,
        ThreatKind kind,
        String indicator,
        String source,
        int confidence,
        ThreatCategory category,
        LocalDate firstSeen,
        LocalDate lastSeen,
        LocalDate expiresOn,
        ThreatStatus status,
        String withdrawReason) {

    public boolean active() {
        return status == ThreatStatus.ACTIVE;
    }
}
