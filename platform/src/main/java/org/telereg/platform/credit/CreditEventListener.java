package org.telereg.platform.credit;

import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.telereg.platform.appeals.AppealRateExceeded;
import org.telereg.platform.spam.SenderFlagged;

/** Records what other modules publish about companies' credit. */
@Component
class CreditEventListener {

    private final CreditRegistry registry;

    CreditEventListener(CreditRegistry registry) {
        this.registry = registry;
    }

    @ApplicationModuleListener
    void on(CreditEvent event) {
        registry.apply(event);
    }

    /**
     * An operator whose accepted appeals per million users passed the threshold in a quarter gets a
     * watch record: once per operator and quarter.
     */
    @ApplicationModuleListener
    void on(AppealRateExceeded exceeded) {
        registry.apply(CreditEvent.listing(
                CreditList.WATCH,
                exceeded.operatorCreditCode(),
                exceeded.operatorName(),
                null,
                "APPEAL_RATE_EXCEEDED",
                "申诉率 " + exceeded.perMillionUsers().toPlainString() + " 件/百万用户，超过 "
                        + exceeded.threshold().toPlainString() + "（" + exceeded.quarter() + "）",
                new CreditEvent.Source(
                        "appeals", "AppealRate", exceeded.quarter() + "/" + exceeded.operatorCreditCode()),
                registry.today(),
                "MIIT",
                "工业和信息化部"));
    }

    /**
     * A 106 SMS port that citizens reported again and again within the reputation window: the company
     * the port is allocated to, whose messages they were, gets a watch record, once per port and day
     * of flagging. Reported subscriber numbers name no company; the anti-fraud module takes those.
     */
    @ApplicationModuleListener
    void on(SenderFlagged flagged) {
        if (flagged.holderCreditCode() == null) {
            return;
        }
        LocalDate day = LocalDate.ofInstant(flagged.at(), ZoneId.of("Asia/Shanghai"));
        registry.apply(CreditEvent.listing(
                CreditList.WATCH,
                flagged.holderCreditCode(),
                flagged.holderName(),
                null,
                "SPAM_PORT_REPORTED",
                "短信端口 " + flagged.party() + " 被 12321 举报 " + flagged.reports() + " 次（其中诈骗 " + flagged.fraudReports()
                        + " 次）",
                new CreditEvent.Source("spam", "SenderFlagged", flagged.party() + "/" + day),
                day,
                "MIIT",
                "工业和信息化部"));
    }
}
