package org.telereg.platform.spam;

import java.util.Arrays;
import java.util.List;

/** Where a report stands. */
public enum ReportStatus {
    /** Routed to the responsible operator, awaiting its answer. */
    ROUTED,
    /** No operator could be determined (a site, an App, an unknown number): the administration handles it. */
    UNROUTED,
    /** The operator answered (or the administration, for a report no operator is responsible for). */
    ANSWERED,
    /** The same party and content were reported moments before; counted there. */
    DUPLICATE;

    /**
     * The answers a report in this status may get: none once answered or folded; referral to another authority
     * only for a report no operator is responsible for.
     */
    public List<OperatorAnswer> answers() {
        return switch (this) {
            case ROUTED ->
                Arrays.stream(OperatorAnswer.values())
                        .filter(a -> a != OperatorAnswer.REFERRED)
                        .toList();
            case UNROUTED -> List.of(OperatorAnswer.values());
            case ANSWERED, DUPLICATE -> List.of();
        };
    }
}
