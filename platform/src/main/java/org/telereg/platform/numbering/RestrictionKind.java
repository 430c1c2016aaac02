package org.telereg.platform.numbering;

/** The donor's facts that stop a port until the donor clears them. */
public enum RestrictionKind {
    /** 欠费: bills not settled. */
    ARREARS,
    /** 合约期内: a contract (a handset subsidy, a discounted plan) still in term and not released. */
    CONTRACT
}
