package org.telereg.platform.broadband;

/**
 * The regulator upheld a challenge against the operator's rebuttal: its declaration overstated what
 * was measured (for the credit module's records).
 */
public record SpeedChallengeUpheld(
        long challengeId, String operatorCreditCode, String provinceCode, ChallengeKind kind, String subject) {}
