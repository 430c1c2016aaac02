package org.telereg.platform.appeals;

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
import org.telereg.platform.shared.PersonNames;

/**
 * The number page's appeals panel: appeals the scope covers whose complainant gave this number —
 * counts by status and the latest, with the complainant's name masked. Opening an appeal is a full
 * read, audited by the appeal's own page.
 */
@Component
class NumberAppealsPanel implements NumberFacts {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;

    NumberAppealsPanel(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The latest appeal's columns the panel shows. */
    private record Latest(long id, String trackingNumber, String complainantName, String subject, String receivedOn) {}

    @Override
    public Optional<NumberPanel> panel(DataScope scope, String number) {
        Map<String, Object> params = new HashMap<>();
        params.put("phone", number);
        String where = " where complainant_phone = :phone and "
                + scope.sqlCondition("province_code", "respondent_credit_code", params);
        Optional<Latest> latest = jdbc.sql(
                        "select id, tracking_number, complainant_name, subject, received_at from appeals_appeal" + where
                                + " order by received_at desc, id desc limit 1")
                .params(params)
                .query((rs, n) -> new Latest(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getTimestamp(5)
                                .toInstant()
                                .atZone(CHINA)
                                .toLocalDate()
                                .toString()))
                .optional();
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        Latest appeal = latest.get();
        List<NumberPanel.Fact> facts = new ArrayList<>();
        facts.add(new NumberPanel.Fact(
                "appeals.panel.latest",
                appeal.trackingNumber() + " · " + PersonNames.mask(appeal.complainantName()) + " · "
                        + appeal.receivedOn(),
                "appeals.subject." + appeal.subject(),
                "secondary",
                "/console/appeals/" + appeal.id()));
        jdbc.sql("select status, count(*) from appeals_appeal" + where + " group by status order by status")
                .params(params)
                .query((rs, n) -> new NumberPanel.Fact(
                        "appeals.panel.byStatus",
                        Long.toString(rs.getLong(2)),
                        "appeals.status." + rs.getString(1),
                        AppealStatus.valueOf(rs.getString(1)) == AppealStatus.CLOSED ? "success" : "secondary",
                        "/console/appeals?status=" + rs.getString(1)))
                .list()
                .forEach(facts::add);
        return Optional.of(new NumberPanel(60, "appeals.numberPanel.title", facts, "/console/appeals"));
    }
}
