package org.telereg.platform.netsec;

/** How an access provider answers a task. */
public enum ThreatTaskAnswer {
    /** 已关停: the site's access was cut or the content removed. */
    TAKEN_DOWN,
    /** 误报: the site is not what the indicator says, with the reason. */
    FALSE_POSITIVE
}
