package org.telereg.platform.appeals;

import java.time.Instant;

/**
 * The respondent operator responded to an accepted appeal.
 *
 * @param inTime whether it responded by its deadline
 */
public record AppealResponded(
        String trackingNumber, String operatorCreditCode, String provinceCode, boolean inTime, Instant at) {}
