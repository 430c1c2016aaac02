package org.telereg.platform.netsec;

import java.time.Instant;

/** One step of an incident's response checklist: when the response asked for it, who did it and when. */
public record ResponseCheck(
        long id,
        ResponseStep step,
        IncidentLevel response,
        Instant startedAt,
        String doneBy,
        Instant doneAt,
        String note) {

    public boolean done() {
        return doneAt != null;
    }
}
