package org.telereg.platform.antifraud;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.insight.NumberFacts;
import org.telereg.platform.insight.NumberPanel;

/**
 * The number page's fraud panel: the number's disposal case, if any the scope covers — status, score
 * and detection date — with a link to the case's own number page (calls by day, shared handsets).
 */
@Component
class NumberCasePanel implements NumberFacts {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;

    NumberCasePanel(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The columns the panel shows. */
    private record Case(long id, String status, BigDecimal score, String detectedOn, String operatorName) {}

    @Override
    public Optional<NumberPanel> panel(DataScope scope, String number) {
        Map<String, Object> params = new HashMap<>();
        params.put("number", number);
        Optional<Case> found = jdbc.sql(
                        "select id, status, score, detected_at, operator_name from antifraud_case where number = :number and "
                                + scope.sqlCondition("province_code", "operator_credit_code", params))
                .params(params)
                .query((rs, n) -> new Case(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getBigDecimal(3),
                        rs.getTimestamp(4)
                                .toInstant()
                                .atZone(CHINA)
                                .toLocalDate()
                                .toString(),
                        rs.getString(5)))
                .optional();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Case fraudCase = found.get();
        String link = "/console/antifraud/" + fraudCase.id();
        CaseStatus status = CaseStatus.valueOf(fraudCase.status());
        List<NumberPanel.Fact> facts = new ArrayList<>();
        facts.add(new NumberPanel.Fact(
                "antifraud.field.status",
                null,
                "antifraud.status." + status.name(),
                switch (status) {
                    case SUSPENDED, CONFIRMED -> "danger";
                    case SUSPECTED, APPEALED -> "warning";
                    default -> "success";
                },
                link));
        facts.add(
                new NumberPanel.Fact("antifraud.field.score", fraudCase.score().toPlainString(), null, null, link));
        facts.add(new NumberPanel.Fact("antifraud.field.detected", fraudCase.detectedOn(), null, null, null));
        if (fraudCase.operatorName() != null) {
            facts.add(new NumberPanel.Fact("antifraud.field.operator", fraudCase.operatorName(), null, null, null));
        }
        return Optional.of(new NumberPanel(40, "antifraud.numberPanel.title", facts, link));
    }
}
