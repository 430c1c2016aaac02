package org.telereg.platform.netsec;

import java.time.Instant;

/**
 * One line of an incident's time line.
 *
 * @param kind REPORT, UPDATE, DECISION, LEVEL, CHECK, DUTY, TASK, TASK_DONE, ATTACHMENT, FINAL_REPORT or
 *     CLOSED
 */
public record IncidentEntry(long id, String kind, String body, String actor, String actorOrganisation, Instant at) {}
