package org.telereg.platform.antifraud;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
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

    /** The reasons the model gave, strongest first. */
    public List<Reason> reasonList() {
        return Reason.parse(reasons);
    }

    /**
     * One reason of a score: the feature's code (its label is {@code antifraud.feature.<code>}) and the
     * value that triggered it.
     */
    public record Reason(String code, String value) {

        /** Reasons as the engine writes them: {@code code=value} joined by {@code ;}. */
        static List<Reason> parse(String reasons) {
            if (reasons == null || reasons.isBlank()) {
                return List.of();
            }
            return Arrays.stream(reasons.split(";"))
                    .map(reason -> {
                        int equals = reason.indexOf('=');
                        return equals < 0
                                ? new Reason(reason, "")
                                : new Reason(reason.substring(0, equals), reason.substring(equals + 1));
                    })
                    .toList();
        }
    }

    /** The number as lists show it, e.g. {@code 138****8000}: the full number is read on the case page only. */
    public String maskedNumber() {
        return PhoneNumbers.mask(number);
    }
}
