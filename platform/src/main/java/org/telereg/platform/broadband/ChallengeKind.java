package org.telereg.platform.broadband;

/** What a challenge says the operator overstated. */
public enum ChallengeKind {
    /** The declared fixed-broadband mean download of a province and month exceeds the measured mean. */
    FIXED_SPEED,
    /** The declared mobile mean download of a province and month exceeds the measured mean. */
    MOBILE_SPEED,
    /** A county declared 5G-covered where few of the operator's mobile tests ran on 5G. */
    COVERAGE_5G,
    /** A county declared FTTH-covered where most of the operator's fixed tests were slower than the floor. */
    COVERAGE_FTTH
}
