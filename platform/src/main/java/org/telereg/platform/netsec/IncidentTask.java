package org.telereg.platform.netsec;

import java.time.Instant;
import java.time.LocalDate;

/** A task of the command: what to do, which organisation, by when, and whether it was done. */
public record IncidentTask(
        long id,
        long incidentId,
        String title,
        String assigneeCode,
        String assigneeName,
        String assigneeCreditCode,
        LocalDate dueOn,
        String createdBy,
        Instant createdAt,
        String doneBy,
        Instant doneAt,
        String doneNote) {

    public boolean done() {
        return doneAt != null;
    }

    /** Not done and past its deadline. */
    public boolean overdue(LocalDate today) {
        return !done() && today.isAfter(dueOn);
    }
}
