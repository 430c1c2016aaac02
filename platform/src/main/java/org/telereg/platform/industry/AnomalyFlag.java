package org.telereg.platform.industry;

import java.math.BigDecimal;

/**
 * A value that looks unusual: not a reason to refuse the report, a question for the reviewer.
 *
 * @param basis what it was compared with
 * @param amount the reported value
 * @param baseline the median of what it was compared with
 * @param deviationPercent how far the value lies from the baseline, in percent of the baseline
 * @param compared how many values the baseline was taken over
 */
public record AnomalyFlag(
        String metricCode,
        Basis basis,
        BigDecimal amount,
        BigDecimal baseline,
        BigDecimal deviationPercent,
        int compared) {

    /** The operator's own recent periods, or other operators in the same province and period. */
    public enum Basis {
        HISTORY,
        PEERS
    }
}
