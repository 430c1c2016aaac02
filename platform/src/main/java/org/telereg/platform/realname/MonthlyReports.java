package org.telereg.platform.realname;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.audit.AuditTrail;
import org.telereg.platform.shared.FieldProblems;
import org.telereg.platform.shared.ProvinceCode;

/**
 * Monthly real-name statistics (实名制月报): each operator reports once a month for each province its
 * licences cover — users, real-name registered users, new users by channel, outlets and the identities
 * over the card cap it handled. A resubmission replaces the report (the audit log keeps both); the
 * regulator reads registration rates and their trend, the reports missing for last month, and where
 * the reported over-cap handling differs from the platform's own verification queue.
 */
@Service
public class MonthlyReports {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("[+-]?\\d+");
    // A trillion users, or a billion outlets or identities, can only be a typing error; the limits
    // also keep every count inside a long (and the small ones inside an int).
    private static final int MOST_DIGITS_USERS = 12;
    private static final int MOST_DIGITS_SMALL = 9;

    private final JdbcClient jdbc;
    private final AuditTrail auditTrail;
    private final Operators operators;
    private final Clock clock;

    MonthlyReports(JdbcClient jdbc, AuditTrail auditTrail, Operators operators, Clock clock) {
        this.jdbc = jdbc;
        this.auditTrail = auditTrail;
        this.operators = operators;
        this.clock = clock;
    }

    /** A month's registration rates of one operator over the provinces in view. */
    public record OperatorTrend(String operatorCreditCode, String operatorName, List<BigDecimal> rates) {

        /** The change of the last month's rate over the month before, in percentage points; null without both. */
        public BigDecimal change() {
            if (rates.size() < 2) {
                return null;
            }
            BigDecimal last = rates.get(rates.size() - 1);
            BigDecimal before = rates.get(rates.size() - 2);
            return last == null || before == null ? null : last.subtract(before);
        }
    }

    /** Registration rates by operator for consecutive months, oldest first. */
    public record RegistrationTrend(List<String> months, List<OperatorTrend> operators) {}

    /** A report an operator owes and has not submitted. */
    public record MissingReport(String operatorCreditCode, String operatorName, String provinceCode) {}

    /** Whether the actor submits monthly reports: an operator, for itself. */
    public static boolean canSubmit(Actor actor) {
        return SnapshotImport.canSubmit(actor);
    }

    /** The current month in Beijing. */
    public YearMonth currentMonth() {
        return YearMonth.now(clock.withZone(CHINA));
    }

    /** The provinces the operator reports on: the coverage of its licences in force. */
    public Set<String> provincesOf(String operatorCreditCode) {
        return operators.provincesOf(operatorCreditCode);
    }

    /**
     * Submits the actor's operator's report for a province and month, or replaces the one it
     * submitted before.
     *
     * @throws AccessDeniedException unless the actor is an operator
     * @throws org.telereg.platform.shared.RejectedInputException naming each refused field
     */
    @Transactional
    public MonthlyReportView submit(Actor actor, MonthlyReportInput input) {
        if (!canSubmit(actor)) {
            throw new AccessDeniedException("only an operator submits its monthly real-name report");
        }
        String operator = actor.scope().creditCode();
        FieldProblems problems = new FieldProblems();
        ProvinceCode province = problems.parse("province", input.province(), ProvinceCode::of);
        if (province != null && !operators.provincesOf(operator).contains(province.code())) {
            problems.reject(
                    "province",
                    "realname.report.provinceOutsideLicence",
                    "is not covered by the operator's licences in force",
                    province.name());
        }
        YearMonth month = month(problems, input.reportMonth());
        Long total = count(problems, "totalUsers", input.totalUsers(), MOST_DIGITS_USERS);
        Long registered = count(problems, "registeredUsers", input.registeredUsers(), MOST_DIGITS_USERS);
        Long newUsers = count(problems, "newUsers", input.newUsers(), MOST_DIGITS_USERS);
        Long own = count(problems, "newOwnOutlets", input.newOwnOutlets(), MOST_DIGITS_USERS);
        Long agents = count(problems, "newAgents", input.newAgents(), MOST_DIGITS_USERS);
        Long online = count(problems, "newOnline", input.newOnline(), MOST_DIGITS_USERS);
        Long other = count(problems, "newOther", input.newOther(), MOST_DIGITS_USERS);
        Long outlets = count(problems, "outlets", input.outlets(), MOST_DIGITS_SMALL);
        Long verified = count(problems, "overCapVerified", input.overCapVerified(), MOST_DIGITS_SMALL);
        Long suspended = count(problems, "overCapSuspended", input.overCapSuspended(), MOST_DIGITS_SMALL);
        if (total != null && registered != null && registered > total) {
            problems.reject(
                    "registeredUsers",
                    "realname.report.registeredOverTotal",
                    "is more than the total users",
                    registered,
                    total);
        }
        if (newUsers != null && own != null && agents != null && online != null && other != null) {
            long channels = own + agents + online + other;
            if (channels != newUsers) {
                problems.reject(
                        "newUsers",
                        "realname.report.channelsSum",
                        "differs from the sum of the channels",
                        newUsers,
                        channels);
            }
        }
        problems.throwIfAny();

        Optional<MonthlyReportView> before = find(DataScope.enterprise(operator), operator, province.code(), month);
        Instant now = clock.instant();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("total", total);
        figures.put("registered", registered);
        figures.put("newUsers", newUsers);
        figures.put("own", own);
        figures.put("agents", agents);
        figures.put("online", online);
        figures.put("other", other);
        figures.put("outlets", outlets.intValue());
        figures.put("verified", verified.intValue());
        figures.put("suspended", suspended.intValue());
        figures.put("by", actor.username());
        figures.put("at", now.atOffset(ZoneOffset.UTC));
        if (before.isPresent()) {
            figures.put("id", before.get().id());
            jdbc.sql("""
                    update realname_monthly_report set total_users = :total, registered_users = :registered,
                        new_users = :newUsers, new_own_outlets = :own, new_agents = :agents, new_online = :online,
                        new_other = :other, outlets = :outlets, over_cap_verified = :verified,
                        over_cap_suspended = :suspended, revision = revision + 1, submitted_by = :by, submitted_at = :at
                    where id = :id""").params(figures).update();
        } else {
            figures.put("operator", operator);
            figures.put("operatorName", actor.organisationName());
            figures.put("province", province.code());
            figures.put("reportMonth", month.toString());
            jdbc.sql("""
                    insert into realname_monthly_report (operator_credit_code, operator_name, province_code,
                        report_month, total_users, registered_users, new_users, new_own_outlets, new_agents,
                        new_online, new_other, outlets, over_cap_verified, over_cap_suspended, revision,
                        submitted_by, submitted_at)
                    values (:operator, :operatorName, :province, :reportMonth, :total, :registered, :newUsers, :own,
                        :agents, :online, :other, :outlets, :verified, :suspended, 1, :by, :at)""").params(figures).update();
        }
        MonthlyReportView after = find(DataScope.enterprise(operator), operator, province.code(), month)
                .orElseThrow();
        String entityId = operator + "/" + province.code() + "/" + month;
        if (before.isPresent()) {
            auditTrail.record(
                    "realname", "MonthlyReport", entityId, "resubmitted", figuresOf(before.get()), figuresOf(after));
        } else {
            auditTrail.record("realname", "MonthlyReport", entityId, "submitted", null, figuresOf(after));
        }
        return after;
    }

    /** One report, when the reader's scope covers it. */
    @Transactional(readOnly = true)
    public Optional<MonthlyReportView> find(DataScope scope, long id) {
        Map<String, Object> params = new HashMap<>();
        String where = scope.sqlCondition("province_code", "operator_credit_code", params);
        params.put("id", id);
        return jdbc.sql("select * from realname_monthly_report where id = :id and " + where)
                .params(params)
                .query((rs, n) -> view(rs))
                .optional();
    }

    /** The report of an operator for a province and month, when there is one in the reader's scope. */
    @Transactional(readOnly = true)
    public Optional<MonthlyReportView> find(DataScope scope, String operator, String province, YearMonth month) {
        Map<String, Object> params = new HashMap<>();
        String where = scope.sqlCondition("province_code", "operator_credit_code", params);
        params.put("operator", operator);
        params.put("province", province);
        params.put("reportMonth", month.toString());
        return jdbc.sql("select * from realname_monthly_report where operator_credit_code = :operator"
                        + " and province_code = :province and report_month = :reportMonth and " + where)
                .params(params)
                .query((rs, n) -> view(rs))
                .optional();
    }

    /**
     * The reports in the reader's scope from one month to another, latest month first, then by
     * operator and province.
     *
     * @param province only this province, or all in scope when null
     */
    @Transactional(readOnly = true)
    public Page<MonthlyReportView> list(
            DataScope scope, String province, YearMonth from, YearMonth to, Pageable pageable) {
        Map<String, Object> params = new HashMap<>();
        String where = where(scope, province, from, to, params);
        long count = jdbc.sql("select count(*) from realname_monthly_report where " + where)
                .params(params)
                .query(Long.class)
                .single();
        params.put("limit", pageable.getPageSize());
        params.put("offset", pageable.getOffset());
        List<MonthlyReportView> content = jdbc.sql("select * from realname_monthly_report where " + where
                        + " order by report_month desc, operator_name, province_code limit :limit offset :offset")
                .params(params)
                .query((rs, n) -> view(rs))
                .list();
        return new PageImpl<>(content, pageable, count);
    }

    /**
     * Each operator's registration rate over the provinces in the reader's scope (or one of them),
     * for {@code months} months up to {@code last}.
     */
    @Transactional(readOnly = true)
    public RegistrationTrend trend(DataScope scope, String province, YearMonth last, int months) {
        YearMonth first = last.minusMonths(months - 1L);
        List<String> labels = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            labels.add(m.toString());
        }
        Map<String, Object> params = new HashMap<>();
        String where = where(scope, province, first, last, params);
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, Map<String, BigDecimal>> rates = new HashMap<>();
        jdbc.sql("select operator_credit_code, max(operator_name) as name, report_month,"
                        + " sum(total_users) as total, sum(registered_users) as registered"
                        + " from realname_monthly_report where " + where
                        + " group by operator_credit_code, report_month order by max(operator_name), report_month")
                .params(params)
                .query((rs, n) -> {
                    String operator = rs.getString("operator_credit_code");
                    names.putIfAbsent(operator, rs.getString("name"));
                    rates.computeIfAbsent(operator, k -> new HashMap<>())
                            .put(rs.getString("report_month"), rate(rs.getLong("registered"), rs.getLong("total")));
                    return operator;
                })
                .list();
        List<OperatorTrend> trends = new ArrayList<>();
        names.forEach((operator, name) -> trends.add(new OperatorTrend(
                operator,
                name,
                labels.stream().map(m -> rates.get(operator).get(m)).toList())));
        return new RegistrationTrend(labels, trends);
    }

    /**
     * The reports owed for a month and not submitted: each operator owes one for every province its
     * licences in force cover. Only pairs in the reader's scope (and the province, when given).
     */
    @Transactional(readOnly = true)
    public List<MissingReport> missing(DataScope scope, String province, YearMonth month) {
        Set<String> submitted = new HashSet<>(jdbc.sql("""
                        select operator_credit_code, province_code from realname_monthly_report
                        where report_month = :reportMonth""")
                .param("reportMonth", month.toString())
                .query((rs, n) -> rs.getString(1) + "/" + rs.getString(2))
                .list());
        List<MissingReport> missing = new ArrayList<>();
        for (Operators.Operator operator : operators.all()) {
            for (String owed : operators.provincesOf(operator.creditCode())) {
                if (scope.covers(owed, operator.creditCode())
                        && (province == null || province.equals(owed))
                        && !submitted.contains(operator.creditCode() + "/" + owed)) {
                    missing.add(new MissingReport(operator.creditCode(), operator.name(), owed));
                }
            }
        }
        return missing;
    }

    private static String where(
            DataScope scope, String province, YearMonth from, YearMonth to, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(scope.sqlCondition("province_code", "operator_credit_code", params));
        if (province != null) {
            where.append(" and province_code = :province");
            params.put("province", province);
        }
        if (from != null) {
            where.append(" and report_month >= :fromMonth");
            params.put("fromMonth", from.toString());
        }
        if (to != null) {
            where.append(" and report_month <= :toMonth");
            params.put("toMonth", to.toString());
        }
        return where.toString();
    }

    private YearMonth month(FieldProblems problems, String text) {
        if (text == null || text.isBlank()) {
            problems.reject("reportMonth", "invalid.required", "is required");
            return null;
        }
        YearMonth month;
        try {
            month = YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            problems.reject("reportMonth", "realname.report.badMonth", "is not a month like 2026-11");
            return null;
        }
        if (month.isAfter(currentMonth())) {
            problems.reject("reportMonth", "realname.report.futureMonth", "is in the future");
            return null;
        }
        return month;
    }

    private static Long count(FieldProblems problems, String field, String text, int mostDigits) {
        if (text == null || text.isBlank()) {
            problems.reject(field, "invalid.required", "is required");
            return null;
        }
        String digits = text.strip();
        if (!WHOLE_NUMBER.matcher(digits).matches()) {
            problems.reject(field, "realname.report.notACount", "is not a whole number");
            return null;
        }
        if (digits.startsWith("-")) {
            problems.reject(field, "realname.report.negative", "is negative");
            return null;
        }
        String significant = digits.replaceFirst("^\\+?0*", "");
        if (significant.length() > mostDigits) {
            problems.reject(field, "realname.report.tooLarge", "has more than " + mostDigits + " digits", mostDigits);
            return null;
        }
        return significant.isEmpty() ? 0L : Long.parseLong(significant);
    }

    /** Registered users as a percentage of all, to two decimals; null when there are no users. */
    static BigDecimal rate(long registered, long total) {
        if (total == 0) {
            return null;
        }
        return BigDecimal.valueOf(registered)
                .multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(total), 2, RoundingMode.HALF_UP);
    }

    private static Map<String, Object> figuresOf(MonthlyReportView report) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("totalUsers", report.totalUsers());
        figures.put("registeredUsers", report.registeredUsers());
        figures.put("newUsers", report.newUsers());
        figures.put("newOwnOutlets", report.newOwnOutlets());
        figures.put("newAgents", report.newAgents());
        figures.put("newOnline", report.newOnline());
        figures.put("newOther", report.newOther());
        figures.put("outlets", report.outlets());
        figures.put("overCapVerified", report.overCapVerified());
        figures.put("overCapSuspended", report.overCapSuspended());
        figures.put("revision", report.revision());
        return figures;
    }

    private MonthlyReportView view(ResultSet rs) throws SQLException {
        String operator = rs.getString("operator_credit_code");
        String province = rs.getString("province_code");
        YearMonth month = YearMonth.parse(rs.getString("report_month"));
        long total = rs.getLong("total_users");
        long registered = rs.getLong("registered_users");
        int[] seen = seen(operator, province, month);
        return new MonthlyReportView(
                rs.getLong("id"),
                operator,
                rs.getString("operator_name"),
                province,
                month.toString(),
                total,
                registered,
                rate(registered, total),
                rs.getLong("new_users"),
                rs.getLong("new_own_outlets"),
                rs.getLong("new_agents"),
                rs.getLong("new_online"),
                rs.getLong("new_other"),
                rs.getInt("outlets"),
                rs.getInt("over_cap_verified"),
                rs.getInt("over_cap_suspended"),
                seen[0],
                seen[1],
                rs.getInt("revision"),
                rs.getString("submitted_by"),
                rs.getTimestamp("submitted_at").toInstant());
    }

    /**
     * The verification tasks of the operator in the province decided in the month (Beijing time):
     * verified, and suspended (an appealed task was suspended first).
     */
    private int[] seen(String operator, String province, YearMonth month) {
        LocalDate first = month.atDay(1);
        return jdbc.sql("""
                select coalesce(sum(case when status = 'VERIFIED' then 1 else 0 end), 0) as verified,
                       coalesce(sum(case when status in ('SUSPENDED', 'APPEALED') then 1 else 0 end), 0) as suspended
                from realname_verification
                where operator_credit_code = :operator and province_code = :province
                  and decided_at >= :start and decided_at < :end""")
                .param("operator", operator)
                .param("province", province)
                .param("start", first.atStartOfDay(CHINA).toOffsetDateTime())
                .param("end", first.plusMonths(1).atStartOfDay(CHINA).toOffsetDateTime())
                .query((rs, n) -> new int[] {rs.getInt("verified"), rs.getInt("suspended")})
                .single();
    }
}
