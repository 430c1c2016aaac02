package org.telereg.platform.credit;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.telereg.platform.appeals.AppealRateExceeded;

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
}
