package org.telereg.platform.interconnect;

import java.time.Instant;

/** One entry of a task's timeline: OPENED, EXPANDED, VERIFIED or OVERDUE, by whom, when. */
public record TaskStep(String action, String actor, Instant at, String note) {}
