package org.telereg.platform.realname;

/** Where a second real-person verification stands; the operator moves it, regulators watch it. */
public enum VerificationStatus {
    /** Raised; the holder must verify in person before the deadline. */
    PENDING,
    /** The holder verified in person; the cards stay in service. */
    VERIFIED,
    /** Not verified: the operator suspended the over-cap cards. */
    SUSPENDED,
    /** The holder appealed the suspension and the cards were restored. */
    APPEALED;

    /** Whether an operator may move a task in this state to {@code next}. */
    boolean mayBecome(VerificationStatus next) {
        return switch (this) {
            case PENDING -> next == VERIFIED || next == SUSPENDED;
            case SUSPENDED -> next == APPEALED;
            case VERIFIED, APPEALED -> false;
        };
    }
}
