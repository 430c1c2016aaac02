package org.telereg.platform.filing;

import java.time.Instant;

/** One step of a task's timeline: who did what, when, with what note. */
public record FilingTaskStep(String action, String actor, Instant at, String note) {}
