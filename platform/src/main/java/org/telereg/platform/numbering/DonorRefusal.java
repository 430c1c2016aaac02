package org.telereg.platform.numbering;

/**
 * The reasons a donor gives for refusing an accepted order; they are evidence for supervision, since
 * the rules allow a donor to refuse only on facts the eligibility check could not know.
 */
public enum DonorRefusal {
    ARREARS,
    CONTRACT,
    IDENTITY_MISMATCH,
    NOT_NORMAL,
    OTHER
}
