package org.telereg.platform.netsec;

import java.time.Instant;

/** A 24-hour duty (24小时值守): started by a level I/II response or a red/orange warning. */
public record ResponseDuty(
        long id,
        Long incidentId,
        Long warningId,
        Instant startedAt,
        String startedBy,
        Instant endedAt,
        String endedBy) {

    public boolean running() {
        return endedAt == null;
    }
}
