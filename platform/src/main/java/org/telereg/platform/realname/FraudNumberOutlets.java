package org.telereg.platform.realname;

import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.telereg.platform.antifraud.FraudNumberConfirmed;
import org.telereg.platform.shared.InvalidValueException;
import org.telereg.platform.shared.PhoneNumber;

/**
 * Traces each number the regulator confirms as fraud to the outlet that sold it (the
 * {@code sales_outlet} of the operator's latest snapshot line) and records it once, however often
 * the event is delivered; {@code realname_outlet_fraud} counts the recorded numbers per outlet.
 */
@Component
class FraudNumberOutlets {

    private final JdbcClient jdbc;

    FraudNumberOutlets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(FraudNumberConfirmed confirmed) {
        count(confirmed);
    }

    /** Counts the number at its outlet; returns whether it was counted now (false: unknown, or counted before). */
    @Transactional
    boolean count(FraudNumberConfirmed confirmed) {
        if (confirmed.operatorCreditCode() == null || confirmed.number() == null) {
            return false;
        }
        String number = national(confirmed.number());
        record Sold(String outlet, String province) {}
        Optional<Sold> sold = jdbc.sql("""
                select sales_outlet, province_code from realname_subscriber
                where operator_credit_code = :operator and phone_number = :number""")
                .param("operator", confirmed.operatorCreditCode())
                .param("number", number)
                .query((rs, n) -> new Sold(rs.getString("sales_outlet"), rs.getString("province_code")))
                .optional();
        if (sold.isEmpty() || sold.get().outlet() == null || sold.get().outlet().isBlank()) {
            return false;
        }
        int added = jdbc.sql("""
                insert into realname_fraud_number (operator_credit_code, phone_number, sales_outlet, province_code,
                    case_id, confirmed_at)
                values (:operator, :number, :outlet, :province, :caseId, :at)
                on conflict do nothing""")
                .param("operator", confirmed.operatorCreditCode())
                .param("number", number)
                .param("outlet", sold.get().outlet())
                .param("province", sold.get().province())
                .param("caseId", confirmed.caseId())
                .param("at", confirmed.at().atOffset(ZoneOffset.UTC))
                .update();
        return added == 1;
    }

    private static String national(String number) {
        try {
            return PhoneNumber.of(number).national();
        } catch (InvalidValueException e) {
            return number.strip();
        }
    }
}
