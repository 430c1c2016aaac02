package org.telereg.platform.netsec;

/** Whether a warning is in force. */
public enum WarningStatus {
    ACTIVE,
    LIFTED
}
