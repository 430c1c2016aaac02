package org.telereg.platform.appeals;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.telereg.platform.access.AccessManagement;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.access.OrganisationView;
import org.telereg.platform.access.Role;
import org.telereg.platform.audit.AuditTrail;
import org.telereg.platform.shared.FieldProblems;
import org.telereg.platform.shared.InvalidValueException;
import org.telereg.platform.shared.UploadedText;

/**
 * The appeal statistics the ministry publishes — accepted appeals per million users per quarter, by
 * operator and category — with monthly trends, the top issues, and a detector that opens a supervision
 * task when appeals against one operator in one category and province rise sharply.
 */
@Service
public class AppealStatistics {

    /** A rise counts when the last 30 days hold at least this many appeals … */
    static final int SPIKE_MINIMUM = 5;
    /** … and at least this many times the mean of the three 30-day windows before. */
    static final double SPIKE_FACTOR = 2.0;

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final String COUNTED = "status in ('ACCEPTED', 'RESPONDED', 'CLOSED')";
    private static final int MAX_IMPORT_BYTES = 1 << 20;

    private final JdbcClient jdbc;
    private final AccessManagement access;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final AppealSettings settings;
    private final Clock clock;

    AppealStatistics(
            JdbcClient jdbc,
            AccessManagement access,
            AuditTrail audit,
            ApplicationEventPublisher events,
            AppealSettings settings,
            Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * One operator's figures for a quarter.
     *
     * @param users its users that quarter, null when not yet known
     * @param byCategory accepted appeals per category
     */
    public record OperatorFigures(
            String operatorCreditCode, String operatorName, Long users, Map<AppealSubject.Category, Long> byCategory) {

        public long total() {
            return byCategory.values().stream().mapToLong(Long::longValue).sum();
        }

        /** Accepted appeals per million users, two decimals; null without a user count. */
        public BigDecimal perMillionUsers() {
            return perMillion(total());
        }

        private BigDecimal perMillion(long appeals) {
            return users == null || users == 0
                    ? null
                    : BigDecimal.valueOf(appeals * 1_000_000L)
                            .divide(BigDecimal.valueOf(users), 2, RoundingMode.HALF_UP);
        }
    }

    public record SubjectCount(AppealSubject subject, long appeals) {}

    /**
     * The national report of a quarter.
     *
     * @param previousTotal accepted appeals in the quarter before, for the change over the quarter
     * @param yearAgoTotal accepted appeals in the same quarter a year before, for the change over the year
     */
    public record QuarterReport(
            Quarter quarter,
            List<OperatorFigures> operators,
            List<SubjectCount> topSubjects,
            long total,
            long previousTotal,
            long yearAgoTotal) {

        /** Change against the previous quarter, percent, null when that had none. */
        public BigDecimal changeOverQuarter() {
            return change(total, previousTotal);
        }

        public BigDecimal changeOverYear() {
            return change(total, yearAgoTotal);
        }

        private static BigDecimal change(long now, long before) {
            return before == 0
                    ? null
                    : BigDecimal.valueOf((now - before) * 100L)
                            .divide(BigDecimal.valueOf(before), 1, RoundingMode.HALF_UP);
        }
    }

    /**
     * A supervision task opened by a sharp rise.
     *
     * @param recent accepted appeals in the 30 days before detection
     * @param baseline mean of the three 30-day windows before those
     */
    public record SupervisionTask(
            long id,
            String operatorName,
            AppealSubject.Category category,
            String provinceCode,
            LocalDate detectedOn,
            int recent,
            BigDecimal baseline,
            String status) {}

    @Transactional(readOnly = true)
    public QuarterReport quarter(Quarter quarter) {
        Map<String, OperatorFigures> operators = new LinkedHashMap<>();
        Map<String, Long> users = new HashMap<>();
        jdbc.sql("select operator_credit_code, users from appeals_user_count where quarter = :q")
                .param("q", quarter.toString())
                .query(rs -> {
                    users.put(rs.getString(1), rs.getLong(2));
                });
        jdbc.sql("select respondent_credit_code, respondent_name, category, count(*) from appeals_appeal where "
                        + COUNTED + " and received_at >= :from and received_at < :to and respondent_credit_code"
                        + " is not null group by respondent_credit_code, respondent_name, category"
                        + " order by respondent_name")
                .param("from", quarter.firstDay().atStartOfDay(CHINA).toOffsetDateTime())
                .param("to", quarter.endExclusive().atStartOfDay(CHINA).toOffsetDateTime())
                .query(rs -> {
                    String code = rs.getString(1);
                    String name = rs.getString(2);
                    operators
                            .computeIfAbsent(
                                    code,
                                    c -> new OperatorFigures(
                                            c, name, users.get(c), new EnumMap<>(AppealSubject.Category.class)))
                            .byCategory()
                            .put(AppealSubject.Category.valueOf(rs.getString(3)), rs.getLong(4));
                });
        List<OperatorFigures> figures = new ArrayList<>(operators.values());
        figures.sort((a, b) -> Long.compare(b.total(), a.total()));
        List<SubjectCount> top = jdbc.sql("select subject, count(*) as n from appeals_appeal where " + COUNTED
                        + " and received_at >= :from and received_at < :to group by subject order by n desc, subject"
                        + " limit 5")
                .param("from", quarter.firstDay().atStartOfDay(CHINA).toOffsetDateTime())
                .param("to", quarter.endExclusive().atStartOfDay(CHINA).toOffsetDateTime())
                .query((rs, n) -> new SubjectCount(AppealSubject.valueOf(rs.getString(1)), rs.getLong(2)))
                .list();
        long total = figures.stream().mapToLong(OperatorFigures::total).sum();
        return new QuarterReport(
                quarter,
                figures,
                top,
                total,
                count(quarter.previous().firstDay(), quarter.firstDay()),
                count(quarter.firstDay().minusYears(1), quarter.endExclusive().minusYears(1)));
    }

    /** Accepted appeals per month and category, for the months up to and including {@code last}. */
    @Transactional(readOnly = true)
    public Map<YearMonth, Map<AppealSubject.Category, Long>> monthly(YearMonth last, int months) {
        YearMonth first = last.minusMonths(months - 1L);
        Map<YearMonth, Map<AppealSubject.Category, Long>> series = new TreeMap<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            series.put(m, new EnumMap<>(AppealSubject.Category.class));
        }
        jdbc.sql("select received_at, category from appeals_appeal where " + COUNTED
                        + " and received_at >= :from and received_at < :to")
                .param("from", first.atDay(1).atStartOfDay(CHINA).toOffsetDateTime())
                .param("to", last.plusMonths(1).atDay(1).atStartOfDay(CHINA).toOffsetDateTime())
                .query(rs -> {
                    YearMonth month =
                            YearMonth.from(rs.getObject(1, OffsetDateTime.class).atZoneSameInstant(CHINA));
                    series.get(month).merge(AppealSubject.Category.valueOf(rs.getString(2)), 1L, Long::sum);
                });
        return series;
    }

    /**
     * Looks for sharp rises and opens a task for each new one; runs every morning, and on demand.
     *
     * @return the open tasks detected today
     */
    @Scheduled(cron = "0 30 6 * * *", zone = "Asia/Shanghai")
    @Transactional
    public List<SupervisionTask> detectSpikes() {
        LocalDate today = LocalDate.now(clock.withZone(CHINA));
        Map<String, int[]> windows = new HashMap<>();
        Map<String, String[]> keys = new HashMap<>();
        jdbc.sql("select respondent_credit_code, respondent_name, category, province_code, received_at"
                        + " from appeals_appeal where " + COUNTED + " and respondent_credit_code is not null"
                        + " and received_at >= :from and received_at < :to")
                .param("from", today.minusDays(120).atStartOfDay(CHINA).toOffsetDateTime())
                .param("to", today.atStartOfDay(CHINA).toOffsetDateTime())
                .query(rs -> {
                    String key = rs.getString(1) + "|" + rs.getString(3) + "|" + rs.getString(4);
                    keys.putIfAbsent(
                            key, new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)});
                    LocalDate day = rs.getObject(5, OffsetDateTime.class)
                            .atZoneSameInstant(CHINA)
                            .toLocalDate();
                    int window = (int) (ChronoUnit.DAYS.between(day, today) - 1) / 30;
                    windows.computeIfAbsent(key, k -> new int[4])[Math.min(3, Math.max(0, window))]++;
                });
        windows.forEach((key, counts) -> {
            double baseline = (counts[1] + counts[2] + counts[3]) / 3.0;
            if (counts[0] < SPIKE_MINIMUM || counts[0] < SPIKE_FACTOR * Math.max(baseline, 1.0)) {
                return;
            }
            String[] k = keys.get(key);
            boolean open = jdbc.sql("select count(*) from appeals_supervision_task where operator_credit_code = :o"
                                    + " and category = :c and province_code = :p and status = 'OPEN'")
                            .param("o", k[0])
                            .param("c", k[2])
                            .param("p", k[3])
                            .query(Long.class)
                            .single()
                    > 0;
            if (open) {
                return;
            }
            jdbc.sql("""
                            insert into appeals_supervision_task (operator_credit_code, operator_name, category,
                                province_code, detected_on, recent, baseline, status)
                            values (:o, :name, :c, :p, :day, :recent, :baseline, 'OPEN')""")
                    .param("o", k[0])
                    .param("name", k[1])
                    .param("c", k[2])
                    .param("p", k[3])
                    .param("day", today)
                    .param("recent", counts[0])
                    .param("baseline", BigDecimal.valueOf(baseline).setScale(2, RoundingMode.HALF_UP))
                    .update();
            audit.record("appeals", "SupervisionTask", k[0] + "/" + k[2] + "/" + k[3], "opened", null, null);
        });
        return tasks(DataScope.all()).stream()
                .filter(t -> t.detectedOn().equals(today))
                .toList();
    }

    /**
     * Publishes {@link AppealRateExceeded} for each operator whose appeals per million users in the
     * quarter passed the threshold; runs on the first morning of each quarter for the one just ended.
     *
     * @return the operators over the threshold
     */
    // Not read-only: publishing writes the event publication log in this transaction.
    @Transactional
    public List<AppealRateExceeded> checkRates(Quarter quarter) {
        List<AppealRateExceeded> over = quarter(quarter).operators().stream()
                .filter(o -> o.perMillionUsers() != null && o.perMillionUsers().compareTo(settings.rateThreshold()) > 0)
                .map(o -> new AppealRateExceeded(
                        o.operatorCreditCode(),
                        o.operatorName(),
                        quarter.toString(),
                        o.perMillionUsers(),
                        settings.rateThreshold()))
                .toList();
        over.forEach(events::publishEvent);
        return over;
    }

    // Transactional itself: checkRates is called on this object, not through its proxy, and events
    // published outside a transaction never reach the @ApplicationModuleListeners (credit's).
    @Scheduled(cron = "0 0 7 1 1,4,7,10 *", zone = "Asia/Shanghai")
    @Transactional
    void checkLastQuarter() {
        checkRates(Quarter.of(LocalDate.now(clock.withZone(CHINA))).previous());
    }

    /** Open supervision tasks the scope covers, newest first. */
    @Transactional(readOnly = true)
    public List<SupervisionTask> tasks(DataScope scope) {
        Map<String, Object> params = new LinkedHashMap<>();
        return jdbc.sql("select * from appeals_supervision_task where status = 'OPEN' and "
                        + scope.sqlCondition("province_code", "operator_credit_code", params)
                        + " order by detected_on desc, id desc")
                .params(params)
                .query((rs, n) -> new SupervisionTask(
                        rs.getLong("id"),
                        rs.getString("operator_name"),
                        AppealSubject.Category.valueOf(rs.getString("category")),
                        rs.getString("province_code"),
                        rs.getDate("detected_on").toLocalDate(),
                        rs.getInt("recent"),
                        rs.getBigDecimal("baseline"),
                        rs.getString("status")))
                .list();
    }

    /**
     * Imports users per operator per quarter: CSV {@code operator,quarter,users} (operator by its
     * organisation code, e.g. {@code OP-CMCC}), UTF-8 or GBK. Every bad line is reported and nothing is
     * written unless all lines are good; a quarter imported again replaces the earlier figure.
     *
     * @return the lines written
     * @throws org.telereg.platform.shared.RejectedInputException naming each bad line
     */
    @Transactional
    public int importUserCounts(Actor actor, byte[] content) {
        if (actor.role() != Role.MINISTRY_ADMIN && actor.role() != Role.MINISTRY_OFFICER) {
            throw new AccessDeniedException("the ministry keeps the user counts");
        }
        FieldProblems problems = new FieldProblems();
        if (content == null || content.length == 0) {
            problems.reject("file", "invalid.file.empty", "the file is empty");
            problems.throwIfAny();
        }
        if (content.length > MAX_IMPORT_BYTES) {
            problems.reject("file", "appeals.userCounts.tooLarge", "larger than 1 MB");
            problems.throwIfAny();
        }
        UploadedText text;
        try {
            text = UploadedText.decode(content);
        } catch (InvalidValueException e) {
            problems.reject("file", e.code(), e.getMessage(), e.arguments());
            problems.throwIfAny();
            return 0;
        }
        Map<String, OrganisationView> operators = new HashMap<>();
        access.organisations().stream()
                .filter(o -> o.creditCode() != null)
                .forEach(o -> operators.put(o.code().toUpperCase(Locale.ROOT), o));
        List<Object[]> rows = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        try (CsvReader<CsvRecord> reader = CsvReader.builder()
                .allowExtraFields(true)
                .allowMissingFields(true)
                .skipEmptyLines(true)
                .ofCsvRecord(text.text())) {
            boolean header = true;
            for (CsvRecord record : reader) {
                long line = record.getStartingLineNumber();
                if (header) {
                    header = false;
                    String first =
                            record.getField(0).replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
                    if (!first.equals("operator")) {
                        problems.reject(
                                "file", "appeals.userCounts.header", "the header must be operator,quarter,users");
                        break;
                    }
                    continue;
                }
                if (record.getFieldCount() < 3) {
                    problems.reject("file", "appeals.userCounts.fields", "line " + line + ": 3 fields expected", line);
                    continue;
                }
                OrganisationView operator =
                        operators.get(record.getField(0).strip().toUpperCase(Locale.ROOT));
                if (operator == null) {
                    problems.reject(
                            "file",
                            "appeals.userCounts.operator",
                            "line " + line + ": unknown operator",
                            line,
                            record.getField(0).strip());
                }
                Quarter quarter = null;
                try {
                    quarter = Quarter.parse(record.getField(1));
                } catch (InvalidValueException e) {
                    problems.reject("file", "appeals.userCounts.quarter", "line " + line + ": bad quarter", line);
                }
                Long users = null;
                try {
                    users = Long.valueOf(record.getField(2).strip());
                } catch (NumberFormatException e) {
                    users = null;
                }
                if (users == null || users <= 0) {
                    problems.reject(
                            "file", "appeals.userCounts.users", "line " + line + ": users must be positive", line);
                }
                if (operator != null && quarter != null) {
                    Long earlier = seen.put(operator.code() + "|" + quarter, line);
                    if (earlier != null) {
                        problems.reject(
                                "file",
                                "appeals.userCounts.duplicate",
                                "line " + line + " repeats line " + earlier,
                                line,
                                earlier);
                    }
                }
                if (operator != null && quarter != null && users != null && users > 0) {
                    rows.add(new Object[] {operator, quarter, users});
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (rows.isEmpty() && problems.isEmpty()) {
            problems.reject("file", "invalid.file.empty", "no data lines");
        }
        problems.throwIfAny();
        for (Object[] row : rows) {
            OrganisationView operator = (OrganisationView) row[0];
            jdbc.sql("delete from appeals_user_count where operator_credit_code = :o and quarter = :q")
                    .param("o", operator.creditCode())
                    .param("q", row[1].toString())
                    .update();
            jdbc.sql("""
                            insert into appeals_user_count (operator_credit_code, operator_name, quarter, users,
                                imported_by, imported_at)
                            values (:o, :name, :q, :users, :by, :at)""")
                    .param("o", operator.creditCode())
                    .param("name", operator.name())
                    .param("q", row[1].toString())
                    .param("users", row[2])
                    .param("by", actor.username())
                    .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                    .update();
        }
        audit.record("appeals", "UserCounts", "import", "imported", null, Map.of("lines", rows.size()));
        return rows.size();
    }

    private long count(LocalDate from, LocalDate to) {
        return jdbc.sql("select count(*) from appeals_appeal where " + COUNTED
                        + " and received_at >= :from and received_at < :to")
                .param("from", from.atStartOfDay(CHINA).toOffsetDateTime())
                .param("to", to.atStartOfDay(CHINA).toOffsetDateTime())
                .query(Long.class)
                .single();
    }
}
