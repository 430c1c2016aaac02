package org.telereg.platform.netsec;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The steps of an emergency response (应急响应) and the levels that require each. The notifications
 * and the duty are done by the platform when the response starts; the others are ticked by officers.
 */
public enum ResponseStep {
    /** The ministry's emergency office is notified (inbox notice). */
    NOTIFY_MINISTRY(EnumSet.allOf(IncidentLevel.class), true),
    /** Every affected province's administration is notified (inbox notice). */
    NOTIFY_ADMINISTRATIONS(EnumSet.allOf(IncidentLevel.class), true),
    /** 24-hour duty starts (a duty record with its start and who started it). */
    DUTY_24H(EnumSet.of(IncidentLevel.I, IncidentLevel.II), true),
    /** The emergency command is convened (应急指挥部 / 会商). */
    COMMAND_CONVENED(EnumSet.of(IncidentLevel.I, IncidentLevel.II), false),
    /** Progress reported every hour. */
    PROGRESS_HOURLY(EnumSet.of(IncidentLevel.I), false),
    /** Progress reported every day. */
    PROGRESS_DAILY(EnumSet.of(IncidentLevel.II), false),
    /** The affected networks and services are contained and restored. */
    CONTAINMENT(EnumSet.allOf(IncidentLevel.class), false),
    /** Logs and evidence preserved for the investigation. */
    EVIDENCE_PRESERVED(EnumSet.allOf(IncidentLevel.class), false),
    /** Information released to the public through the designated channel. */
    PUBLIC_INFORMATION(EnumSet.of(IncidentLevel.I, IncidentLevel.II), false);

    private final Set<IncidentLevel> levels;
    private final boolean automatic;

    ResponseStep(Set<IncidentLevel> levels, boolean automatic) {
        this.levels = levels;
        this.automatic = automatic;
    }

    /** Whether the response of this level requires the step. */
    public boolean requiredAt(IncidentLevel level) {
        return levels.contains(level);
    }

    /** Whether the platform does the step itself when the response starts. */
    public boolean automatic() {
        return automatic;
    }

    /** The checklist of a response level, in order. */
    public static List<ResponseStep> checklist(IncidentLevel level) {
        return EnumSet.allOf(ResponseStep.class).stream()
                .filter(s -> s.requiredAt(level))
                .toList();
    }
}
