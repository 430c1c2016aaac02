package org.telereg.platform.spam;

/** What the operator did about a report. */
public enum OperatorAnswer {
    PORT_SHUT,
    NUMBER_STOPPED,
    WARNED,
    NOT_ESTABLISHED
}
