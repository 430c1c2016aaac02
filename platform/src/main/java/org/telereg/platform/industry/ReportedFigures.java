package org.telereg.platform.industry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.telereg.platform.access.DataScope;

/**
 * What operators have reported, for the modules that set it beside other evidence (measured speeds,
 * tariffs, the "speed up, fee down" dashboard): one value of one metric, for one operator, province
 * and period, from reports that were submitted or accepted. Drafts and returned reports are not
 * figures anyone has vouched for, so they are left out.
 */
@Service
public class ReportedFigures {

    /**
     * One reported value.
     *
     * @param periodCode {@code 2026-11} for a month, {@code 2026-Q3} for a quarter
     * @param periodStarts the first day of the period
     * @param accepted whether the administration has accepted the report (else it awaits review)
     */
    public record Figure(
            long reportId,
            String operatorCreditCode,
            String operatorName,
            String provinceCode,
            String periodCode,
            LocalDate periodStarts,
            String metricCode,
            BigDecimal amount,
            boolean accepted) {}

    private final JdbcClient jdbc;

    ReportedFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The reported values of the given metrics whose period starts within {@code [from, to]}, within
     * the reader's scope, ordered by period, province, operator and metric.
     *
     * @param provinceCode one province, or null for every province the scope covers
     * @param operatorCreditCode one operator, or null for all
     */
    @Transactional(readOnly = true)
    public List<Figure> figures(
            DataScope scope,
            Set<String> metricCodes,
            LocalDate from,
            LocalDate to,
            String provinceCode,
            String operatorCreditCode) {
        if (metricCodes.isEmpty()) {
            return List.of();
        }
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(" where ")
                .append(scope.sqlCondition("r.province_code", "r.operator_credit_code", params))
                .append(" and r.status in ('SUBMITTED', 'ACCEPTED')")
                .append(" and r.period_starts between :from and :to")
                .append(" and v.metric_code in (:metrics)");
        params.put("from", from);
        params.put("to", to);
        params.put("metrics", metricCodes);
        if (provinceCode != null) {
            where.append(" and r.province_code = :province");
            params.put("province", provinceCode);
        }
        if (operatorCreditCode != null) {
            where.append(" and r.operator_credit_code = :operator");
            params.put("operator", operatorCreditCode);
        }
        return jdbc.sql("select r.id, r.operator_credit_code, r.operator_name, r.province_code, r.period_code,"
                        + " r.period_starts, r.status, v.metric_code, v.amount"
                        + " from industry_report r join industry_report_value v on v.report_id = r.id"
                        + where
                        + " order by r.period_starts, r.province_code, r.operator_name, v.metric_code")
                .params(params)
                .query((rs, row) -> new Figure(
                        rs.getLong("id"),
                        rs.getString("operator_credit_code"),
                        rs.getString("operator_name"),
                        rs.getString("province_code"),
                        rs.getString("period_code"),
                        rs.getObject("period_starts", LocalDate.class),
                        rs.getString("metric_code"),
                        rs.getBigDecimal("amount").stripTrailingZeros(),
                        "ACCEPTED".equals(rs.getString("status"))))
                .list();
    }
}
