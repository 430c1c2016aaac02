package org.telereg.platform.universal;

import java.util.Set;

/**
 * Where a village's network stands: planned, under construction, built, then accepted by the
 * provincial administration or failed and tested again.
 */
public enum BuildStatus {
    PLANNED,
    UNDER_CONSTRUCTION,
    BUILT,
    ACCEPTED,
    FAILED_ACCEPTANCE;

    /** The statuses an operator's progress report may move a village to from this one. */
    public Set<BuildStatus> reportableNext() {
        return switch (this) {
            case PLANNED -> Set.of(UNDER_CONSTRUCTION, BUILT);
            case UNDER_CONSTRUCTION -> Set.of(UNDER_CONSTRUCTION, BUILT);
            case FAILED_ACCEPTANCE -> Set.of(UNDER_CONSTRUCTION, BUILT);
            case BUILT, ACCEPTED -> Set.of();
        };
    }

    /** Whether the administration may record an acceptance decision now. */
    public boolean awaitsAcceptance() {
        return this == BUILT || this == FAILED_ACCEPTANCE;
    }

    /** Whether the network still has to be (re)built, so a passed completion date makes it late. */
    public boolean unfinished() {
        return this == PLANNED || this == UNDER_CONSTRUCTION || this == FAILED_ACCEPTANCE;
    }
}
