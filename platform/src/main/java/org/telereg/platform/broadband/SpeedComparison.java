package org.telereg.platform.broadband;

import java.math.BigDecimal;

/**
 * One operator's declared mean download for a province and month beside the mean of its measured tests.
 *
 * @param period the month, {@code 2026-03}
 * @param declaredMbps the figure the operator's report gives
 * @param reportId the report it comes from
 * @param accepted whether the administration has accepted that report
 * @param measuredMbps the mean download of the operator's tests of that class, or null without tests
 * @param tests how many tests the mean is of
 * @param counts whether there are enough tests ({@code minTests}) for the comparison to count
 * @param gapPercent how far the declaration exceeds the measurement, {@code (declared − measured) /
 *     measured × 100}, rounded to two places; null without tests
 * @param mismatch whether it counts and the declaration exceeds the measurement by more than the margin
 */
public record SpeedComparison(
        String operatorCreditCode,
        String operatorName,
        String provinceCode,
        String provinceName,
        String period,
        AccessClass access,
        BigDecimal declaredMbps,
        long reportId,
        boolean accepted,
        BigDecimal measuredMbps,
        long tests,
        boolean counts,
        BigDecimal gapPercent,
        boolean mismatch) {

    public ChallengeKind kind() {
        return access == AccessClass.FIXED ? ChallengeKind.FIXED_SPEED : ChallengeKind.MOBILE_SPEED;
    }
}
