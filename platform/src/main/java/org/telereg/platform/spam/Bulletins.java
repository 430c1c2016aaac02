package org.telereg.platform.spam;

import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.telereg.engine.sms.KeywordGroup;
import org.telereg.engine.sms.SmsScreener;

/** Computes the monthly report bulletin, nationally: it is published, so it has no data scope. */
@Service
public class Bulletins {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final int TOP_PARTIES = 10;
    private static final int TOP_KEYWORDS = 10;

    private final JdbcClient jdbc;
    private final Map<String, KeywordGroup> keywordGroups;

    Bulletins(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.keywordGroups = SmsScreener.standard().model().keywords().groups().stream()
                .collect(Collectors.toMap(KeywordGroup::id, g -> g, (a, b) -> a));
    }

    @Transactional(readOnly = true)
    public MonthlyBulletin of(YearMonth month) {
        OffsetDateTime from = month.atDay(1).atStartOfDay(CHINA).toOffsetDateTime();
        OffsetDateTime to = month.plusMonths(1).atDay(1).atStartOfDay(CHINA).toOffsetDateTime();
        Map<ReportCategory, Long> byCategory = new EnumMap<>(ReportCategory.class);
        Map<ReportChannel, Long> byChannel = new EnumMap<>(ReportChannel.class);
        long[] duplicates = {0};
        Map<String, long[]> operators = new LinkedHashMap<>();
        Map<String, Double> hours = new LinkedHashMap<>();
        jdbc.sql("select category, channel, status, operator_name, received_at, handling_deadline, answered_at"
                        + " from spam_report where received_at >= :from and received_at < :to")
                .param("from", from)
                .param("to", to)
                .query((ResultSet rs) -> {
                    if (ReportStatus.valueOf(rs.getString("status")) == ReportStatus.DUPLICATE) {
                        duplicates[0]++;
                        return;
                    }
                    byCategory.merge(ReportCategory.valueOf(rs.getString("category")), 1L, Long::sum);
                    byChannel.merge(ReportChannel.valueOf(rs.getString("channel")), 1L, Long::sum);
                    String operator = rs.getString("operator_name");
                    if (operator == null) {
                        return;
                    }
                    long[] counts = operators.computeIfAbsent(operator, k -> new long[3]);
                    counts[0]++;
                    OffsetDateTime answered = rs.getObject("answered_at", OffsetDateTime.class);
                    if (answered != null) {
                        counts[1]++;
                        Instant received = rs.getObject("received_at", OffsetDateTime.class)
                                .toInstant();
                        OffsetDateTime deadline = rs.getObject("handling_deadline", OffsetDateTime.class);
                        if (deadline == null || !answered.isAfter(deadline)) {
                            counts[2]++;
                        }
                        hours.merge(
                                operator,
                                Duration.between(received, answered.toInstant()).toMinutes() / 60.0,
                                Double::sum);
                    }
                });
        List<MonthlyBulletin.OperatorHandling> handling = new ArrayList<>();
        operators.forEach((name, counts) -> handling.add(new MonthlyBulletin.OperatorHandling(
                name, counts[0], counts[1], counts[2], counts[1] == 0 ? 0 : hours.get(name) / counts[1])));
        handling.sort((a, b) -> Long.compare(b.routed(), a.routed()));
        List<MonthlyBulletin.ReportedParty> top = jdbc.sql("select sender_key, count(*) as reports from spam_report"
                        + " where received_at >= :from and received_at < :to and status <> 'DUPLICATE'"
                        + " and category in"
                        + " ('SPAM_SMS', 'FRAUD_SMS', 'CRANK_CALL', 'FRAUD_CALL')"
                        + " group by sender_key order by reports desc, sender_key limit :top")
                .param("from", from)
                .param("to", to)
                .param("top", TOP_PARTIES)
                .query((rs, n) -> new MonthlyBulletin.ReportedParty(rs.getString(1), rs.getLong(2)))
                .list();
        List<MonthlyBulletin.ReportedKeyword> keywords = jdbc.sql("""
                        select k.group_id, count(*) as reports from spam_report_keyword k
                        join spam_report r on r.id = k.report_id
                        where r.received_at >= :from and r.received_at < :to and r.status <> 'DUPLICATE'
                        group by k.group_id order by reports desc, k.group_id limit :top""")
                .param("from", from)
                .param("to", to)
                .param("top", TOP_KEYWORDS)
                .query((rs, n) -> keyword(rs.getString(1), rs.getLong(2)))
                .list();
        long total = byCategory.values().stream().mapToLong(Long::longValue).sum();
        return new MonthlyBulletin(month, total, duplicates[0], byCategory, byChannel, handling, top, keywords);
    }

    /** A group a report matched; a group since dropped from the keyword list is shown by its id. */
    private MonthlyBulletin.ReportedKeyword keyword(String groupId, long reports) {
        KeywordGroup group = keywordGroups.get(groupId);
        if (group == null) {
            return new MonthlyBulletin.ReportedKeyword(groupId, groupId, null, reports);
        }
        String terms = group.terms().stream().map(term -> term.get(0)).collect(Collectors.joining(" + "));
        return new MonthlyBulletin.ReportedKeyword(
                groupId, terms, group.category().label(), reports);
    }
}
