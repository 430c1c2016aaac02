package org.telereg.platform.antifraud;

import java.math.BigDecimal;
import java.util.List;
import org.telereg.engine.numbering.PhoneNumbers;

/**
 * A number one scan flagged, with the case it opened or joined.
 *
 * @param caseId the number's disposal case
 * @param status that case's status now
 */
public record ScanResult(String number, BigDecimal score, String reasons, Long caseId, CaseStatus status) {

    public List<FraudCaseView.Reason> reasonList() {
        return FraudCaseView.Reason.parse(reasons);
    }

    public String maskedNumber() {
        return PhoneNumbers.mask(number);
    }
}
