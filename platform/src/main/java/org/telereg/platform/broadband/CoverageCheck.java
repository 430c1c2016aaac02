package org.telereg.platform.broadband;

import java.math.BigDecimal;

/**
 * One declared coverage (operator, county, FTTH or 5G) set beside the operator's tests there.
 *
 * @param tests the operator's mobile tests in the county (5G) or fixed tests with a download (FTTH)
 * @param share the share of them on 5G, or the share slower than the FTTH floor; null without tests
 * @param counts whether there are enough tests ({@code coverageMinTests}) for the check to count
 * @param mismatch whether it counts and the share is below the 5G threshold or above the slow share
 */
public record CoverageCheck(
        String operatorCreditCode,
        String operatorName,
        String countyCode,
        String provinceCode,
        CoverageTechnology technology,
        long tests,
        BigDecimal share,
        boolean counts,
        boolean mismatch) {

    public ChallengeKind kind() {
        return technology == CoverageTechnology.FTTH ? ChallengeKind.COVERAGE_FTTH : ChallengeKind.COVERAGE_5G;
    }
}
