package org.telereg.platform.antifraud;

import java.math.BigDecimal;
import java.time.Instant;

/** A disposal case as lists, the number page and the API show it. */
public record FraudCaseView(
        long id,
        String number,
        String operatorCreditCode,
        String operatorName,
        String provinceCode,
        String carrier,
        BigDecimal score,
        String reasons,
        CaseStatus status,
        Instant detectedAt,
        Instant verificationDeadline,
        Instant updatedAt) {}
