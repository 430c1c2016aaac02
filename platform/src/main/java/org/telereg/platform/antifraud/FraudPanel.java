package org.telereg.platform.antifraud;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.entity.CompanyFacts;
import org.telereg.platform.entity.CompanyPanel;

/** The company page's fraud panel: the operator's suspected and confirmed numbers by status. */
@Component
class FraudPanel implements CompanyFacts {

    private final JdbcClient jdbc;

    FraudPanel(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<CompanyPanel> panel(DataScope scope, String creditCode) {
        Map<String, Object> params = new HashMap<>();
        params.put("code", creditCode);
        List<CompanyPanel.Fact> facts = new ArrayList<>();
        jdbc.sql("select status, count(*) from antifraud_case where operator_credit_code = :code and "
                        + scope.sqlCondition("province_code", "operator_credit_code", params)
                        + " group by status order by status")
                .params(params)
                .query((rs, row) -> new CompanyPanel.Fact(
                        Long.toString(rs.getLong(2)),
                        null,
                        "antifraud.status." + rs.getString(1),
                        CaseStatus.valueOf(rs.getString(1)) == CaseStatus.SUSPENDED ? "danger" : "secondary",
                        "/console/antifraud?status=" + rs.getString(1)))
                .list()
                .forEach(facts::add);
        // Only operators have fraud numbers; other companies get no panel.
        return facts.isEmpty()
                ? Optional.empty()
                : Optional.of(new CompanyPanel(30, "antifraud.panel.title", facts, "/console/antifraud"));
    }
}
