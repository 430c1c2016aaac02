package org.telereg.platform.appeals;

import java.math.BigDecimal;

/**
 * An operator's accepted appeals per million users in a quarter passed the configured threshold: a
 * credit record for the operator.
 */
public record AppealRateExceeded(
        String operatorCreditCode,
        String operatorName,
        String quarter,
        BigDecimal perMillionUsers,
        BigDecimal threshold) {}
