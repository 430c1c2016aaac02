package org.telereg.platform.netsec;

import java.time.Instant;

/**
 * One step of a task's time line.
 *
 * @param action {@code opened}, {@code answered}, {@code returned} or {@code closed}
 */
public record ThreatTaskStep(String action, String actor, String note, Instant at) {}
