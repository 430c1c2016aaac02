package org.telereg.platform.spam;

/** Where a report stands. */
public enum ReportStatus {
    /** Routed to the responsible operator, awaiting its answer. */
    ROUTED,
    /** No operator could be determined (a site, an App, an unknown number): the administration handles it. */
    UNROUTED,
    /** The operator answered (or the administration, for a report no operator is responsible for). */
    ANSWERED,
    /** The same party and content were reported moments before; counted there. */
    DUPLICATE
}
