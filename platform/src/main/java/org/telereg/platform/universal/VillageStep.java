package org.telereg.platform.universal;

import java.time.Instant;
import java.time.LocalDate;

/** One entry of a village's timeline: what was done, the status and progress it left, by whom, when. */
public record VillageStep(
        String action, BuildStatus status, int percent, LocalDate happenedOn, String actor, Instant at, String note) {}
