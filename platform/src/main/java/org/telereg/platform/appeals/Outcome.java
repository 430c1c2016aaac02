package org.telereg.platform.appeals;

/** How an accepted appeal ended. */
public enum Outcome {
    /** The parties agreed in mediation (or the operator's response satisfied the user). */
    SETTLED,
    /** Mediation failed: the user is advised of arbitration or a court. */
    NOT_SETTLED
}
