package org.telereg.platform.licensing;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.telereg.platform.antifraud.FraudNumberConfirmed;
import org.telereg.platform.credit.CreditEvent;
import org.telereg.platform.credit.CreditList;

/**
 * A mobile reseller (MVNO) answers for the numbers it resells: the first number of a month the
 * regulator confirms as fraud at a holder of a resale licence gives the holder a watch record for
 * that month (one per month, however many numbers follow).
 */
@Component
class ResaleFraudRecords {

    static final String RESALE = "MVNO";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final LicenceRegistry licences;
    private final ApplicationEventPublisher events;

    ResaleFraudRecords(LicenceRegistry licences, ApplicationEventPublisher events) {
        this.licences = licences;
        this.events = events;
    }

    @ApplicationModuleListener
    void on(FraudNumberConfirmed confirmed) {
        if (confirmed.operatorCreditCode() == null) {
            return;
        }
        LocalDate day = LocalDate.ofInstant(confirmed.at(), CHINA);
        Optional<LicenceView> resale = licences.ofHolder(confirmed.operatorCreditCode()).stream()
                .filter(licence -> licence.inForce(day))
                .filter(licence ->
                        licence.kinds().stream().anyMatch(kind -> kind.code().equals(RESALE)))
                .findFirst();
        if (resale.isEmpty()) {
            return;
        }
        YearMonth month = YearMonth.from(day);
        events.publishEvent(CreditEvent.listing(
                CreditList.WATCH,
                confirmed.operatorCreditCode(),
                resale.get().holderName(),
                resale.get().number(),
                "RESALE_FRAUD_NUMBER",
                "转售号码被确认为涉诈号码（" + month + "，首个为 " + masked(confirmed.number()) + "）",
                new CreditEvent.Source("antifraud", "FraudNumbers", confirmed.operatorCreditCode() + "/" + month),
                day,
                "MIIT",
                LicensingDesk.MINISTRY_NAME));
    }

    private static String masked(String number) {
        return number.length() == 11 ? number.substring(0, 3) + "****" + number.substring(7) : "****";
    }
}
