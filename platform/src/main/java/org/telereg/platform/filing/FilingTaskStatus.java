package org.telereg.platform.filing;

/** Where a supervision task stands: OPEN → ANSWERED → CLOSED, or OPEN → OVERDUE → ANSWERED. */
public enum FilingTaskStatus {
    /** 待处理: waiting for the provider's (or the administration's) answer. */
    OPEN,
    /** 已答复: answered; the officer confirms or reopens it. */
    ANSWERED,
    /** 已逾期: not answered by its deadline; may still be answered. */
    OVERDUE,
    /** 已办结: the officer confirmed the answer. */
    CLOSED;

    public boolean awaitsAnswer() {
        return this == OPEN || this == OVERDUE;
    }
}
