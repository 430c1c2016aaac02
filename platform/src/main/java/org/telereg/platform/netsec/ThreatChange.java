package org.telereg.platform.netsec;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One change of the distribution feed, with the indicator as it was at that change.
 *
 * @param cursor the change's place in the feed: poll on after it
 * @param indicatorId the indicator's id
 */
public record ThreatChange(
        long cursor,
        ThreatChangeKind change,
        long indicatorId,
        ThreatKind kind,
        String indicator,
        ThreatCategory category,
        int confidence,
        String source,
        LocalDate expiresOn,
        Instant changedAt) {}
