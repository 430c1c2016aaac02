package org.telereg.platform.appeals;

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

/** The company page's appeals panel: appeals against the operator in the last twelve months, by status. */
@Component
class AppealsPanel implements CompanyFacts {

    private final JdbcClient jdbc;
    private final AppealDesk desk;

    AppealsPanel(JdbcClient jdbc, AppealDesk desk) {
        this.jdbc = jdbc;
        this.desk = desk;
    }

    @Override
    public Optional<CompanyPanel> panel(DataScope scope, String creditCode) {
        Map<String, Object> params = new HashMap<>();
        params.put("code", creditCode);
        params.put("since", desk.today().minusYears(1).atStartOfDay().atOffset(java.time.ZoneOffset.ofHours(8)));
        List<CompanyPanel.Fact> facts = new ArrayList<>();
        jdbc.sql(
                        "select status, count(*) from appeals_appeal where respondent_credit_code = :code and received_at >= :since"
                                + " and " + scope.sqlCondition("province_code", "respondent_credit_code", params)
                                + " group by status order by status")
                .params(params)
                .query((rs, row) -> new CompanyPanel.Fact(
                        Long.toString(rs.getLong(2)),
                        null,
                        "appeals.status." + rs.getString(1),
                        AppealStatus.valueOf(rs.getString(1)) == AppealStatus.CLOSED ? "success" : "secondary",
                        "/console/appeals?status=" + rs.getString(1)))
                .list()
                .forEach(facts::add);
        return facts.isEmpty()
                ? Optional.empty()
                : Optional.of(new CompanyPanel(40, "appeals.panel.title", facts, "/console/appeals"));
    }
}
