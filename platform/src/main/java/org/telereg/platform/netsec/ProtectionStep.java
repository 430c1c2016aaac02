package org.telereg.platform.netsec;

import java.time.Instant;

/** One entry of a unit's time line: who did what to it, its gradings or its assessments, and when. */
public record ProtectionStep(String action, String actor, Instant at, String note) {}
