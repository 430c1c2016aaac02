package org.telereg.platform.netsec;

/** A shift of the duty roster. */
public enum DutyShift {
    /** 白班 08:00–20:00. */
    DAY,
    /** 夜班 20:00–08:00. */
    NIGHT,
    /** 全天. */
    ALL_DAY
}
