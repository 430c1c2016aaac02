package org.telereg.platform.netsec;

/** How serious an assessment finding is. */
public enum FindingSeverity {
    HIGH,
    MEDIUM,
    LOW
}
