package org.telereg.platform.credit;

/** Which list a credit record belongs to. */
public enum CreditList {
    /** 不良名单: a missed annual report, an administrative penalty, violations found in inspections. */
    BAD_OPERATOR,
    /** 失信名单: a revoked licence, a penalty not performed, other serious cases; no new licences. */
    DISHONEST,
    /** 重点关注: a record the regulator keeps on a company without publishing it as a list. */
    WATCH;

    /** Whether the list is published on the public portal. */
    public boolean published() {
        return this != WATCH;
    }
}
