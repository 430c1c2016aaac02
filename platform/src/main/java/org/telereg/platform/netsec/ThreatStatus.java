package org.telereg.platform.netsec;

/** Whether operators should act on an indicator. */
public enum ThreatStatus {
    /** 生效: on the list. */
    ACTIVE,
    /** 已撤回: taken off the list by the ministry, with a reason. */
    WITHDRAWN,
    /** 已过期: its expiry date passed. */
    EXPIRED
}
