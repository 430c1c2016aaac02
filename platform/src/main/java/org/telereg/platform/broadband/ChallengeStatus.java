package org.telereg.platform.broadband;

/**
 * Where a challenge stands: {@code OPEN} → {@code CONCEDED} or {@code REBUTTED} (the operator) or
 * {@code OVERDUE} (the deadline passed unanswered, which counts as conceded); {@code REBUTTED} →
 * {@code UPHELD} or {@code DISMISSED} (the regulator).
 */
public enum ChallengeStatus {
    OPEN,
    CONCEDED,
    REBUTTED,
    UPHELD,
    DISMISSED,
    OVERDUE;

    /** Whether the operator's overstatement stands: conceded, overdue or upheld. */
    public boolean overstatementStands() {
        return this == CONCEDED || this == OVERDUE || this == UPHELD;
    }
}
