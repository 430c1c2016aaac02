package org.telereg.platform.filing;

/**
 * Where a filed service stands in the register. A service whose access provider withdrew access
 * lapses at once (the site may no longer be reached through a filed access); the administration
 * cancels it, or a new access filing brings it back.
 */
public enum ServiceStatus {
    /** 已备案: filed and reachable through its access provider. */
    ACTIVE,
    /** 接入已撤销: the access provider withdrew access; the filing has lapsed. */
    LAPSED,
    /** 已注销: cancelled by the sponsor or the administration. */
    CANCELLED
}
