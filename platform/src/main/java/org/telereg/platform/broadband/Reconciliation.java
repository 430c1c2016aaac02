package org.telereg.platform.broadband;

import java.time.YearMonth;

/**
 * What one reconciliation run found.
 *
 * @param comparisons declared speeds compared (with enough tests to count)
 * @param speedMismatches of them, declarations above the margin
 * @param coverageChecks declared FTTH and 5G counties checked (with enough tests to count)
 * @param coverageMismatches of them, mismatches
 * @param opened challenges opened now (a mismatch already challenged opens none)
 */
public record Reconciliation(
        YearMonth from,
        YearMonth to,
        int comparisons,
        int speedMismatches,
        int coverageChecks,
        int coverageMismatches,
        int opened) {}
