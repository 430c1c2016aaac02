package org.telereg.platform.interconnect;

/** How the two operators of a link settle for its capacity. */
public enum Regime {
    /** One pays the other a price per Gbps per month, at most the configured cap. */
    PAID,
    /** 对等免费: neither pays. */
    SETTLEMENT_FREE
}
