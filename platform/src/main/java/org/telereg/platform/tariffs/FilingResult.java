package org.telereg.platform.tariffs;

/**
 * What filing a plan did.
 *
 * @param plan the plan's current version after the filing
 */
public record FilingResult(Outcome outcome, PlanView plan) {

    public enum Outcome {
        /** A new plan code: its first version. */
        CREATED,
        /** A new version of an existing plan. */
        CHANGED,
        /** The same offer as the current version: nothing was written. */
        UNCHANGED
    }
}
