package org.telereg.platform.antifraud;

import java.math.BigDecimal;
import java.time.Instant;
import org.telereg.engine.numbering.PhoneNumbers;

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
        Instant updatedAt) {

    /** The number as lists show it, e.g. {@code 138****8000}: the full number is read on the case page only. */
    public String maskedNumber() {
        return PhoneNumbers.mask(number);
    }
}
