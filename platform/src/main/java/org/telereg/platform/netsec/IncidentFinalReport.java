package org.telereg.platform.netsec;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The final report (总结报告) of an incident: its causes and the rectifications ordered. */
public record IncidentFinalReport(
        String causes, List<Rectification> rectifications, String submittedBy, Instant submittedAt) {

    /** A rectification (整改措施) with its deadline. */
    public record Rectification(String measure, LocalDate dueOn) {}
}
