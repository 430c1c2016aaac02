package org.telereg.platform.filing;

import java.time.Instant;

/** One step of an application's timeline: who did what when. */
public record ApplicationStep(String action, String actor, Instant at, String note) {}
