package org.telereg.platform.appeals;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.telereg.platform.access.DataScope;

/**
 * Appeal counts for modules that set them beside other figures (the "speed up, fee down" dashboard):
 * appeals the administrations accepted — the ones the published statistics count — by respondent
 * operator, province, subject and the month (Beijing time) they were received.
 */
@Service
public class AppealCounts {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /**
     * Accepted appeals against one operator in one province, about one subject, received in one month.
     *
     * @param operatorName the respondent's name as the appeal records it
     */
    public record Count(
            String operatorCreditCode,
            String operatorName,
            String provinceCode,
            AppealSubject subject,
            YearMonth month,
            long appeals) {}

    private final JdbcClient jdbc;

    AppealCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The counts of appeals with a respondent operator, about the given subjects, received in the
     * months {@code first} to {@code last}, within the reader's scope (province and respondent).
     */
    @Transactional(readOnly = true)
    public List<Count> counts(DataScope scope, Set<AppealSubject> subjects, YearMonth first, YearMonth last) {
        if (subjects.isEmpty() || last.isBefore(first)) {
            return List.of();
        }
        Map<String, Object> params = new HashMap<>();
        String condition = scope.sqlCondition("province_code", "respondent_credit_code", params);
        params.put("from", first.atDay(1).atStartOfDay(CHINA).toOffsetDateTime());
        params.put("to", last.plusMonths(1).atDay(1).atStartOfDay(CHINA).toOffsetDateTime());
        params.put("subjects", subjects.stream().map(Enum::name).toList());
        record Key(String operator, String province, AppealSubject subject, YearMonth month) {}
        Map<Key, long[]> counts = new LinkedHashMap<>();
        Map<String, String> names = new HashMap<>();
        jdbc.sql("select respondent_credit_code, respondent_name, province_code, subject, received_at"
                        + " from appeals_appeal where " + condition
                        + " and status in ('ACCEPTED', 'RESPONDED', 'CLOSED') and respondent_credit_code is not null"
                        + " and subject in (:subjects) and received_at >= :from and received_at < :to"
                        + " order by received_at")
                .params(params)
                .query(rs -> {
                    String operator = rs.getString("respondent_credit_code");
                    names.putIfAbsent(operator, rs.getString("respondent_name"));
                    YearMonth month = YearMonth.from(
                            rs.getObject("received_at", OffsetDateTime.class).atZoneSameInstant(CHINA));
                    Key key = new Key(
                            operator,
                            rs.getString("province_code"),
                            AppealSubject.valueOf(rs.getString("subject")),
                            month);
                    counts.computeIfAbsent(key, k -> new long[1])[0]++;
                });
        List<Count> result = new ArrayList<>();
        counts.forEach((key, n) -> result.add(new Count(
                key.operator(), names.get(key.operator()), key.province(), key.subject(), key.month(), n[0])));
        return result;
    }
}
