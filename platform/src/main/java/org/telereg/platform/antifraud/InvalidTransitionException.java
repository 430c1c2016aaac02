package org.telereg.platform.antifraud;

import java.util.Set;

/** An action the case's current status does not allow, e.g. suspending a number that was cleared. */
public class InvalidTransitionException extends IllegalStateException {

    private final CaseStatus status;

    public InvalidTransitionException(Long caseId, CaseStatus status, Set<CaseStatus> allowedFrom) {
        super("case " + caseId + " is " + status + "; the action needs " + allowedFrom);
        this.status = status;
    }

    public CaseStatus status() {
        return status;
    }
}
