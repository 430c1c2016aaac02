package org.telereg.platform.filing;

/** How a closed task was closed. */
public enum FilingTaskResolution {
    /** 确认办结: the supervising officer accepted the answer. */
    CONFIRMED,
    /** 核查已消除: a later check no longer made the finding. */
    RESOLVED_BY_CHECK
}
