package org.telereg.platform.realname;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A sales outlet suggested for inspection, with the evidence of its score.
 *
 * @param operatorCreditCode the operator that owns the outlet
 * @param operatorName its name
 * @param outletName the outlet as the operator's snapshots name it
 * @param provinceCode the home province of the outlet's numbers' blocks
 * @param fraudNumbers numbers sold there and later confirmed as fraud
 * @param fraudExamples some of those numbers, masked, latest first
 * @param overCapNumbers held numbers sold there to identities over the per-operator cap
 * @param overCapIdentities how many such identities
 * @param score the weighted score
 * @param lastInspected the last visit, or today when a visit is planned; null when never inspected
 * @param recentlyInspected whether that falls within the configured months, which moves the outlet down
 */
public record OutletRisk(
        String operatorCreditCode,
        String operatorName,
        String outletName,
        String provinceCode,
        long fraudNumbers,
        List<String> fraudExamples,
        long overCapNumbers,
        long overCapIdentities,
        BigDecimal score,
        LocalDate lastInspected,
        boolean recentlyInspected) {}
