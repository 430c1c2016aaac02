package org.telereg.platform.netsec;

/** How much protection a major event gets. */
public enum AssuranceLevel {
    /** 特级: national events; every unit reports daily and keeps 24-hour duty. */
    SPECIAL,
    /** 一级. */
    FIRST,
    /** 二级. */
    SECOND
}
