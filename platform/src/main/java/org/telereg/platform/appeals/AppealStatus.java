package org.telereg.platform.appeals;

/** Where an appeal stands. */
public enum AppealStatus {
    /** Received; admissibility to be decided within 5 working days. */
    RECEIVED,
    /** Not yet for the administration: the user must first complain to the operator, or wait for its answer. */
    REFERRED_TO_OPERATOR,
    /** Not accepted, with the reasons. */
    REFUSED,
    /**
     * Accepted and served to the respondent operator, which responds by its deadline; the
     * administration answers within 30 days of complete materials.
     */
    ACCEPTED,
    /** The operator has responded; the administration mediates and closes. */
    RESPONDED,
    /** Closed with an outcome: settled, or not settled with advice on arbitration or court. */
    CLOSED
}
