package org.telereg.platform.broadband;

import java.time.Instant;

/** One entry of a challenge's time line: {@code OPENED}, {@code CONCEDED}, {@code REBUTTED}, {@code UPHELD}, {@code DISMISSED}, {@code OVERDUE}. */
public record ChallengeStep(String step, String actedBy, Instant actedAt, String note) {}
