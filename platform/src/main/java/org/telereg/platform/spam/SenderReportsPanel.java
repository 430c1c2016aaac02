package org.telereg.platform.spam;

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
 * The number page's reports panel: reports the scope covers that name the number as the sender or
 * caller — how many, and the latest with its category and status. Reporters are not shown.
 */
@Component
class SenderReportsPanel implements NumberFacts {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;

    SenderReportsPanel(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The latest report's columns the panel shows. */
    private record Latest(long id, String trackingNumber, String category, String status, String receivedOn) {}

    @Override
    public Optional<NumberPanel> panel(DataScope scope, String number) {
        Map<String, Object> params = new HashMap<>();
        params.put("party", number);
        String where = " where reported_party = :party and "
                + scope.sqlCondition("province_code", "operator_credit_code", params);
        long count = jdbc.sql("select count(*) from spam_report" + where + " and status <> 'DUPLICATE'")
                .params(params)
                .query(Long.class)
                .single();
        Optional<Latest> latest = jdbc.sql("select id, tracking_number, category, status, received_at from spam_report"
                        + where + " order by received_at desc, id desc limit 1")
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
        Latest report = latest.get();
        String link = "/console/spam/" + report.id();
        List<NumberPanel.Fact> facts = new ArrayList<>();
        facts.add(new NumberPanel.Fact("spam.panel.count", Long.toString(count), null, null, null));
        facts.add(new NumberPanel.Fact(
                "spam.panel.latest",
                report.trackingNumber() + " · " + report.receivedOn(),
                "spam.category." + report.category(),
                report.category().startsWith("FRAUD") ? "danger" : "secondary",
                link));
        facts.add(new NumberPanel.Fact(
                "spam.field.status",
                null,
                "spam.status." + report.status(),
                report.status().equals("ANSWERED") ? "success" : "secondary",
                link));
        return Optional.of(new NumberPanel(50, "spam.panel.title", facts, "/console/spam"));
    }
}
