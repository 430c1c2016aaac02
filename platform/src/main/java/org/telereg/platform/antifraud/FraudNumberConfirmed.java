package org.telereg.platform.antifraud;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The regulator confirmed a fraud number: other modules react (credit records for the operator,
 * the 12381 warning list, real-name inspection).
 */
public record FraudNumberConfirmed(
        long caseId, String number, String operatorCreditCode, String provinceCode, BigDecimal score, Instant at) {}
