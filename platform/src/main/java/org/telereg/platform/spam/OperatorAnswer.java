package org.telereg.platform.spam;

/** What the operator (or, for a report no operator answers for, the administration) did about a report. */
public enum OperatorAnswer {
    PORT_SHUT,
    NUMBER_STOPPED,
    WARNED,
    NOT_ESTABLISHED,
    /**
     * Handed to the authority competent for it (a site's filing administration, the public security organs):
     * only the administration answers so, and only a report no operator is responsible for.
     */
    REFERRED
}
