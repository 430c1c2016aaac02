package org.telereg.platform.realname;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.telereg.engine.numbering.PhoneNumbers;
import org.telereg.platform.access.DataScope;

/**
 * Risk-targeted store inspections (风险网点): ranks sales outlets by the numbers sold there that the
 * regulator later confirmed as fraud and by the numbers sold there to identities over the card cap,
 * each weighted ({@code telereg.realname.risk.*}). Outlets inspected recently, or with a visit
 * planned, go below the others.
 */
@Service
public class RiskOutlets {

    private static final int EXAMPLES = 5;

    private final JdbcClient jdbc;
    private final StoreInspections inspections;
    private final Operators operators;
    private final RealnameSettings realname;
    private final OutletRiskSettings settings;

    RiskOutlets(
            JdbcClient jdbc,
            StoreInspections inspections,
            Operators operators,
            RealnameSettings realname,
            OutletRiskSettings settings) {
        this.jdbc = jdbc;
        this.inspections = inspections;
        this.operators = operators;
        this.realname = realname;
        this.settings = settings;
    }

    /** The weight of a fraud-confirmed number. */
    public BigDecimal fraudWeight() {
        return settings.fraudWeight();
    }

    /** The weight of a number held by an identity over the cap. */
    public BigDecimal overCapWeight() {
        return settings.overCapWeight();
    }

    /** How many months an inspection keeps an outlet down the list. */
    public int inspectedMonths() {
        return settings.inspectedMonths();
    }

    /** How many outlets the console lists ({@code telereg.realname.risk.shown}). */
    public int shown() {
        return settings.shown();
    }

    /** How many fraud-confirmed numbers have been traced to the outlet. */
    @Transactional(readOnly = true)
    public long fraudNumbers(String operatorCreditCode, String outlet) {
        return jdbc.sql("""
                select coalesce(max(fraud_numbers), 0) from realname_outlet_fraud
                where operator_credit_code = :operator and sales_outlet = :outlet""")
                .param("operator", operatorCreditCode)
                .param("outlet", outlet)
                .query(Long.class)
                .single();
    }

    /**
     * The outlets in the reader's scope worth inspecting, highest score first, recently inspected
     * ones last; at most {@code limit}.
     */
    @Transactional(readOnly = true)
    public List<OutletRisk> suggestions(DataScope scope, int limit) {
        Map<String, Object> params = new HashMap<>();
        String where = scope.sqlCondition("province_code", "operator_credit_code", params);
        record Counts(String operator, String outlet, String province, long fraud, long overCap, long identities) {}
        Map<String, Counts> byOutlet = new LinkedHashMap<>();
        jdbc.sql("select operator_credit_code, sales_outlet, province_code, fraud_numbers from realname_outlet_fraud"
                        + " where " + where)
                .params(params)
                .query((rs, n) -> byOutlet.put(
                        StoreInspections.outletKey(rs.getString(1), rs.getString(2)),
                        new Counts(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), 0, 0)))
                .list();
        Map<String, Object> overCapParams = new HashMap<>();
        String scoped = scope.sqlCondition("s.province_code", "s.operator_credit_code", overCapParams);
        overCapParams.put("cap", realname.cardsPerOperator());
        jdbc.sql("""
                with over_cap as (
                    select operator_credit_code, identity_key from realname_subscriber
                    where status <> 'CANCELLED'
                    group by operator_credit_code, identity_key having count(*) > :cap)
                select s.operator_credit_code, s.sales_outlet, max(s.province_code) as province,
                       count(*) as numbers, count(distinct s.identity_key) as identities
                from realname_subscriber s
                join over_cap o on o.operator_credit_code = s.operator_credit_code and o.identity_key = s.identity_key
                where s.status <> 'CANCELLED' and s.sales_outlet is not null and %s
                group by s.operator_credit_code, s.sales_outlet""".formatted(scoped))
                .params(overCapParams)
                .query((rs, n) -> byOutlet.merge(
                        StoreInspections.outletKey(rs.getString(1), rs.getString(2)),
                        new Counts(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getString("province"),
                                0,
                                rs.getLong("numbers"),
                                rs.getLong("identities")),
                        (fraud, over) -> new Counts(
                                fraud.operator(),
                                fraud.outlet(),
                                fraud.province() == null ? over.province() : fraud.province(),
                                fraud.fraud(),
                                over.overCap(),
                                over.identities())))
                .list();
        if (byOutlet.isEmpty()) {
            return List.of();
        }
        Map<String, String> names = new HashMap<>();
        operators.all().forEach(o -> names.put(o.creditCode(), o.name()));
        Map<String, LocalDate> inspected = inspections.lastInspections();
        LocalDate recent = inspections.today().minusMonths(settings.inspectedMonths());
        List<OutletRisk> risks = new ArrayList<>();
        for (Map.Entry<String, Counts> entry : byOutlet.entrySet()) {
            Counts c = entry.getValue();
            LocalDate last = inspected.get(entry.getKey());
            risks.add(new OutletRisk(
                    c.operator(),
                    names.getOrDefault(c.operator(), c.operator()),
                    c.outlet(),
                    c.province(),
                    c.fraud(),
                    List.of(),
                    c.overCap(),
                    c.identities(),
                    settings.fraudWeight()
                            .multiply(BigDecimal.valueOf(c.fraud()))
                            .add(settings.overCapWeight().multiply(BigDecimal.valueOf(c.overCap()))),
                    last,
                    last != null && last.isAfter(recent)));
        }
        return risks.stream()
                .sorted(Comparator.comparing(OutletRisk::recentlyInspected)
                        .thenComparing(OutletRisk::score, Comparator.reverseOrder())
                        .thenComparing(OutletRisk::operatorName)
                        .thenComparing(OutletRisk::outletName))
                .limit(limit)
                .map(this::withExamples)
                .toList();
    }

    private OutletRisk withExamples(OutletRisk risk) {
        if (risk.fraudNumbers() == 0) {
            return risk;
        }
        List<String> examples = jdbc.sql("""
                select phone_number from realname_fraud_number
                where operator_credit_code = :operator and sales_outlet = :outlet
                order by confirmed_at desc, phone_number limit :limit""")
                .param("operator", risk.operatorCreditCode())
                .param("outlet", risk.outletName())
                .param("limit", EXAMPLES)
                .query((rs, n) -> PhoneNumbers.mask(rs.getString(1)))
                .list();
        return new OutletRisk(
                risk.operatorCreditCode(),
                risk.operatorName(),
                risk.outletName(),
                risk.provinceCode(),
                risk.fraudNumbers(),
                examples,
                risk.overCapNumbers(),
                risk.overCapIdentities(),
                risk.score(),
                risk.lastInspected(),
                risk.recentlyInspected());
    }
}
