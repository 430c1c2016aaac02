package org.telereg.platform.spam;

/** How a report arrived. */
public enum ReportChannel {
    WEB,
    API,
    SMS,
    EMAIL
}
