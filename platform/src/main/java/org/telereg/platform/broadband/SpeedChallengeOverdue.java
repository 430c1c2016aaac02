package org.telereg.platform.broadband;

/**
 * The operator let a challenge's deadline pass without conceding or rebutting, which counts as
 * conceding (for the credit module's records).
 */
public record SpeedChallengeOverdue(
        long challengeId, String operatorCreditCode, String provinceCode, ChallengeKind kind, String subject) {}
