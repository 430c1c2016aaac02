package org.telereg.platform.antifraud;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.telereg.engine.numbering.NumberKind;
import org.telereg.engine.numbering.PhoneLookup;
import org.telereg.engine.numbering.PhoneNumbers;
import org.telereg.platform.spam.SenderFlagged;

/** Numbers citizens report again and again become suspects, scored by how many reports name fraud. */
@Component
class ReportedSenders {

    private final FraudDisposal disposal;

    ReportedSenders(FraudDisposal disposal) {
        this.disposal = disposal;
    }

    @ApplicationModuleListener
    void on(SenderFlagged flagged) {
        PhoneLookup lookup = PhoneNumbers.standard().lookup(flagged.party());
        // Only subscriber numbers can be disposed of here; 106 ports belong to SMS service providers.
        if (!lookup.valid() || lookup.kind() != NumberKind.MOBILE) {
            return;
        }
        // Half for being reported repeatedly, the other half in proportion to the fraud reports.
        BigDecimal score = BigDecimal.valueOf(0.5 + 0.5 * flagged.fraudReports() / flagged.reports())
                .setScale(3, RoundingMode.HALF_UP);
        disposal.registerSuspect(new NewSuspect(
                lookup.national(),
                flagged.operatorCreditCode(),
                flagged.operatorName(),
                score,
                "reports_12321=" + flagged.reports() + ";fraud_reports_12321=" + flagged.fraudReports()));
    }
}
