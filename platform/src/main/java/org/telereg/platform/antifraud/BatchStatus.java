package org.telereg.platform.antifraud;

/** Where an uploaded call-record batch stands. */
public enum BatchStatus {
    QUEUED,
    SCANNING,
    SCANNED,
    /** The file is not call records in the expected schema; nothing was scored. */
    REJECTED,
    /** The scan broke off (the file vanished, the disk failed); it can be uploaded again. */
    FAILED
}
