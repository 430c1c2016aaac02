package org.telereg.platform.netsec;

/** What kind of incident was reported; the kind decides which thresholds grade it. */
public enum IncidentType {
    /** Network or service outage (网络中断): graded by how many provinces and cities it reaches. */
    OUTAGE,
    /** DNS failure (域名解析故障): graded by users affected. */
    DNS_FAILURE,
    /** Personal-data leak (数据泄露): graded by users whose data leaked. */
    DATA_LEAK,
    /** Malware outbreak (恶意程序爆发): graded by users affected. */
    MALWARE,
    /** Network attack (网络攻击): graded by users affected. */
    ATTACK,
    /** Anything else: graded by users affected. */
    OTHER
}
