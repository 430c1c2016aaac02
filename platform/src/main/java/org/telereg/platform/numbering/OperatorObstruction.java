package org.telereg.platform.numbering;

import java.util.Map;

/**
 * One operator's line of the obstruction index (携号转网阻碍指数), as donor, over a period.
 *
 * @param orders port orders away from the operator submitted in the period
 * @param refusals those the operator refused, by reason
 * @param cancelled those cancelled before their hour
 * @param medianDelayHours median hours from authorisation code to effect of the completed ones; 0 when none
 * @param averageDelayHours the average of the same
 * @param appeals admitted appeals about portability against the operator received in the period
 * @param index the score, 0 (no sign of obstruction) to 100; see docs/numbering.md for the formula
 */
public record OperatorObstruction(
        String creditCode,
        String name,
        long orders,
        Map<DonorRefusal, Long> refusals,
        long cancelled,
        double medianDelayHours,
        double averageDelayHours,
        long appeals,
        double index) {

    public OperatorObstruction {
        refusals = Map.copyOf(refusals);
    }

    /** All refusals, whatever the reason. */
    public long refused() {
        return refusals.values().stream().mapToLong(Long::longValue).sum();
    }
}
