package org.telereg.platform.licensing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.access.Role;
import org.telereg.platform.audit.AuditTrail;
import org.telereg.platform.credit.CreditEvent;
import org.telereg.platform.credit.CreditList;
import org.telereg.platform.shared.FieldProblems;
import org.telereg.platform.shared.Money;

/**
 * The annual-report cycle: every holder of a licence in force reports the previous year from
 * 1 January to 31 March, may correct it in April, and on 1 May (configurable) every holder still
 * missing goes on the bad-operator list, to come off when its late report is confirmed.
 */
@Service
public class AnnualReports {

    private static final Logger log = LoggerFactory.getLogger(AnnualReports.class);
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final String SELECT = """
            select r.*, l.number, l.holder_credit_code, l.holder_name, l.issuer_code
            from licensing_annual_report r join licensing_licence l on l.id = r.licence_id""";

    private final JdbcClient jdbc;
    private final LicenceRegistry licences;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final LicensingSettings settings;
    private final Clock clock;

    AnnualReports(
            JdbcClient jdbc,
            LicenceRegistry licences,
            AuditTrail audit,
            ApplicationEventPublisher events,
            LicensingSettings settings,
            Clock clock) {
        this.jdbc = jdbc;
        this.licences = licences;
        this.audit = audit;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(CHINA));
    }

    /** The day holders still missing the report on {@code year} are listed. */
    public LocalDate listingDay(int year) {
        return settings.listingDay().atYear(year + 1);
    }

    /** The window a report on {@code year} is in on {@code day}. */
    public Window window(int year, LocalDate day) {
        if (day.getYear() <= year) {
            return Window.NOT_OPEN;
        }
        if (!day.isAfter(at(settings.reportingCloses(), year))) {
            return Window.REPORTING;
        }
        if (!day.isAfter(at(settings.correctionCloses(), year))) {
            return Window.CORRECTION;
        }
        return Window.CLOSED;
    }

    /** The windows of the yearly cycle. */
    public enum Window {
        NOT_OPEN,
        REPORTING,
        CORRECTION,
        CLOSED
    }

    /**
     * The holder files (or, in the windows, corrects) its report on a licence for a year. After the
     * system closes a first report is still taken, marked late, until the administration confirms it.
     */
    @Transactional
    public AnnualReportView submit(Actor actor, long licenceId, int year, AnnualReportInput input) {
        LicenceView licence = licences.find(actor.scope(), licenceId)
                .orElseThrow(() -> new NoSuchElementException("licence " + licenceId));
        if (actor.role() != Role.OPERATOR
                || !licence.holderCreditCode().equals(actor.scope().creditCode())) {
            throw new AccessDeniedException("the holder files its annual report");
        }
        LocalDate today = today();
        FieldProblems problems = new FieldProblems();
        boolean operating = input.operating() != null
                && (input.operating().equalsIgnoreCase("true")
                        || input.operating().equalsIgnoreCase("on"));
        Money revenue = problems.parse("revenue", input.revenue(), Money::of);
        Long users = count(problems, "users", input.users(), Long.MAX_VALUE);
        Long employees = count(problems, "employees", input.employees(), 10_000_000);
        String officer = problems.text("securityOfficer", input.securityOfficer(), 50);
        String summary = problems.multilineText("publicSummary", input.publicSummary(), 2000);
        Window window = window(year, today);
        Optional<AnnualReportView> existing = find(licenceId, year);
        if (window == Window.NOT_OPEN) {
            problems.reject(
                    "year",
                    "licensing.invalid.reportNotOpen",
                    "reporting on this year opens on 1 January",
                    Integer.toString(year + 1));
        } else if (!due(licence, year)) {
            problems.reject(
                    "year",
                    "licensing.invalid.reportNotDue",
                    "the licence was not in force that year",
                    Integer.toString(year));
        } else if (existing.isPresent()
                && (window == Window.CLOSED || existing.get().status() == AnnualReportStatus.CONFIRMED)) {
            problems.reject("year", "licensing.invalid.reportClosed", "the report can no longer be changed");
        }
        problems.throwIfAny();
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        if (existing.isEmpty()) {
            boolean late = window == Window.CLOSED;
            jdbc.sql("""
                            insert into licensing_annual_report (licence_id, report_year, status, operating, revenue_yuan,
                                users, employees, security_officer, public_summary, submitted_at, late)
                            values (:licence, :year, :status, :operating, :revenue, :users, :employees, :officer,
                                :summary, :now, :late)""")
                    .param("licence", licenceId)
                    .param("year", year)
                    .param("status", late ? AnnualReportStatus.LATE.name() : AnnualReportStatus.SUBMITTED.name())
                    .param("operating", operating)
                    .param("revenue", revenue.yuan())
                    .param("users", users)
                    .param("employees", employees)
                    .param("officer", officer)
                    .param("summary", summary)
                    .param("now", now)
                    .param("late", late)
                    .update();
        } else {
            AnnualReportStatus status =
                    window == Window.REPORTING ? AnnualReportStatus.SUBMITTED : AnnualReportStatus.CORRECTED;
            jdbc.sql("""
                            update licensing_annual_report set status = :status, operating = :operating,
                                revenue_yuan = :revenue, users = :users, employees = :employees,
                                security_officer = :officer, public_summary = :summary, corrected_at = :now
                            where licence_id = :licence and report_year = :year""")
                    .param("status", status.name())
                    .param("operating", operating)
                    .param("revenue", revenue.yuan())
                    .param("users", users)
                    .param("employees", employees)
                    .param("officer", officer)
                    .param("summary", summary)
                    .param("now", now)
                    .param("licence", licenceId)
                    .param("year", year)
                    .update();
        }
        AnnualReportView saved = find(licenceId, year).orElseThrow();
        audit.record(
                "licensing",
                "AnnualReport",
                licence.number() + "/" + year,
                existing.isEmpty() ? "submitted" : "corrected",
                null,
                Map.of("status", saved.status()));
        return saved;
    }

    /** Records a report as filed at a past time, outside the windows' rules (the demo's history). */
    void record(
            long licenceId, int year, AnnualReportInput input, AnnualReportStatus status, OffsetDateTime submittedAt) {
        jdbc.sql("""
                        insert into licensing_annual_report (licence_id, report_year, status, operating, revenue_yuan,
                            users, employees, security_officer, public_summary, submitted_at, corrected_at, late)
                        values (:licence, :year, :status, :operating, :revenue, :users, :employees, :officer, :summary,
                            :at, :corrected, :late)""")
                .param("licence", licenceId)
                .param("year", year)
                .param("status", status.name())
                .param("operating", Boolean.parseBoolean(input.operating()))
                .param("revenue", Money.of(input.revenue()).yuan())
                .param("users", Long.parseLong(input.users()))
                .param("employees", Integer.parseInt(input.employees()))
                .param("officer", input.securityOfficer())
                .param("summary", input.publicSummary())
                .param("at", submittedAt)
                .param("corrected", status == AnnualReportStatus.CORRECTED ? submittedAt.plusDays(20) : null)
                .param("late", status == AnnualReportStatus.LATE)
                .update();
    }

    /**
     * The administration confirms a report. Confirming a late report takes the holder off the
     * bad-operator list it was put on for missing it.
     */
    @Transactional
    public AnnualReportView confirm(Actor actor, long reportId) {
        AnnualReportView report = find(reportId).orElseThrow(() -> new NoSuchElementException("report " + reportId));
        LicenceView licence = licences.find(actor.scope(), report.licenceId())
                .orElseThrow(() -> new NoSuchElementException("report " + reportId));
        if (!LicenceRegistry.manages(actor, licence)) {
            throw new AccessDeniedException("the issuing administration confirms");
        }
        if (report.status() == AnnualReportStatus.CONFIRMED) {
            return report;
        }
        jdbc.sql("update licensing_annual_report set status = 'CONFIRMED', confirmed_on = :today, confirmed_by = :by"
                        + " where id = :id")
                .param("today", today())
                .param("by", actor.username())
                .param("id", reportId)
                .update();
        if (report.late()) {
            events.publishEvent(CreditEvent.removal(
                    CreditList.BAD_OPERATOR,
                    report.holderCreditCode(),
                    "逾期年报已报送并经确认",
                    source(report.licenceNumber(), report.year()),
                    today()));
        }
        audit.record(
                "licensing",
                "AnnualReport",
                report.licenceNumber() + "/" + report.year(),
                "reportConfirmed",
                Map.of("status", report.status()),
                Map.of("status", "CONFIRMED"));
        return find(reportId).orElseThrow();
    }

    /**
     * Puts every holder still missing its report on {@code year} on the bad-operator list, once per
     * licence and year. Does nothing before the listing day.
     *
     * @return how many licences were listed by this run
     */
    @Transactional
    public int listMissing(int year) {
        LocalDate listingDay = listingDay(year);
        if (today().isBefore(listingDay)) {
            return 0;
        }
        List<LicenceView> missing = missing(DataScope.all(), year);
        for (LicenceView licence : missing) {
            events.publishEvent(CreditEvent.listing(
                    CreditList.BAD_OPERATOR,
                    licence.holderCreditCode(),
                    licence.holderName(),
                    licence.number(),
                    "ANNUAL_REPORT_MISSING",
                    "未按规定报送 " + year + " 年度电信业务经营许可年报",
                    source(licence.number(), year),
                    listingDay,
                    licence.issuerCode(),
                    licence.issuerName()));
        }
        if (!missing.isEmpty()) {
            log.info("{} licence holders missing their {} annual report were listed", missing.size(), year);
        }
        return missing.size();
    }

    /**
     * Every morning: list last year's missing holders once the listing day has come, and send
     * reminders. Transactional so the credit events it publishes are delivered after its commit.
     */
    @Scheduled(cron = "0 30 0 * * *", zone = "Asia/Shanghai")
    @Transactional
    public void daily() {
        LocalDate today = today();
        int year = today.getYear() - 1;
        listMissing(year);
        for (MonthDay day : settings.reportReminders()) {
            if (day.atYear(today.getYear()).equals(today)) {
                for (LicenceView licence : missing(DataScope.all(), year)) {
                    licences.remind(licence.id(), "ANNUAL_REPORT", at(settings.reportingCloses(), year), today);
                }
            }
        }
    }

    /** Licences in the scope that owe a report on {@code year} and have none. */
    public List<LicenceView> missing(DataScope scope, int year) {
        Map<String, Object> params = new HashMap<>();
        String condition = scope.sqlCondition("l.issuer_code", "l.holder_credit_code", params);
        return jdbc
                .sql("select l.id from licensing_licence l where " + condition + " and " + DUE
                        + " and not exists (select 1 from licensing_annual_report r where r.licence_id = l.id"
                        + " and r.report_year = :year) order by l.number")
                .params(params)
                .param("yearEnd", LocalDate.of(year, 12, 31))
                .param("year", year)
                .query(Long.class)
                .list()
                .stream()
                .map(id -> licences.find(id).orElseThrow())
                .toList();
    }

    /** A licence owes the report on a year when it was issued by the year's end and still stood after it. */
    private static final String DUE = "l.issued_on <= :yearEnd and l.valid_until > :yearEnd"
            + " and (l.ended_on is null or l.ended_on > :yearEnd)";

    boolean due(LicenceView licence, int year) {
        LocalDate yearEnd = LocalDate.of(year, 12, 31);
        return !licence.issuedOn().isAfter(yearEnd)
                && licence.validUntil().isAfter(yearEnd)
                && (licence.endedOn() == null || licence.endedOn().isAfter(yearEnd));
    }

    /** Reports in the scope, by year and status; newest first. */
    public Page<AnnualReportView> search(DataScope scope, Integer year, AnnualReportStatus status, Pageable pageable) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(" where ")
                .append(scope.sqlCondition("l.issuer_code", "l.holder_credit_code", params));
        if (year != null) {
            where.append(" and r.report_year = :year");
            params.put("year", year);
        }
        if (status != null) {
            where.append(" and r.status = :status");
            params.put("status", status.name());
        }
        long total = jdbc.sql(
                        "select count(*) from licensing_annual_report r join licensing_licence l on l.id = r.licence_id"
                                + where)
                .params(params)
                .query(Long.class)
                .single();
        List<AnnualReportView> rows = jdbc.sql(SELECT + where
                        + " order by r.report_year desc, r.submitted_at desc limit :limit offset :offset")
                .params(params)
                .param("limit", pageable.getPageSize())
                .param("offset", pageable.getOffset())
                .query(AnnualReports::view)
                .list();
        return new PageImpl<>(rows, pageable, total);
    }

    public List<AnnualReportView> ofLicence(long licenceId) {
        return jdbc.sql(SELECT + " where r.licence_id = :id order by r.report_year desc")
                .param("id", licenceId)
                .query(AnnualReports::view)
                .list();
    }

    public Optional<AnnualReportView> find(long licenceId, int year) {
        return jdbc.sql(SELECT + " where r.licence_id = :id and r.report_year = :year")
                .param("id", licenceId)
                .param("year", year)
                .query(AnnualReports::view)
                .optional();
    }

    public Optional<AnnualReportView> find(long reportId) {
        return jdbc.sql(SELECT + " where r.id = :id")
                .param("id", reportId)
                .query(AnnualReports::view)
                .optional();
    }

    static CreditEvent.Source source(String licenceNumber, int year) {
        return new CreditEvent.Source("licensing", "AnnualReport", licenceNumber + "/" + year);
    }

    private static LocalDate at(MonthDay day, int year) {
        return day.atYear(year + 1);
    }

    private static Long count(FieldProblems problems, String field, String text, long max) {
        if (text == null || text.isBlank()) {
            problems.reject(field, "invalid.required", "is required");
            return null;
        }
        try {
            long value = Long.parseLong(text.strip().replace(",", ""));
            if (value < 0 || value > max) {
                problems.reject(field, "licensing.invalid.count", "not a count", text.strip());
                return null;
            }
            return value;
        } catch (NumberFormatException e) {
            problems.reject(field, "licensing.invalid.count", "not a count", text.strip());
            return null;
        }
    }

    private static AnnualReportView view(ResultSet rs, int row) throws SQLException {
        OffsetDateTime corrected = rs.getObject("corrected_at", OffsetDateTime.class);
        return new AnnualReportView(
                rs.getLong("id"),
                rs.getLong("licence_id"),
                rs.getString("number"),
                rs.getString("holder_credit_code"),
                rs.getString("holder_name"),
                rs.getString("issuer_code"),
                rs.getInt("report_year"),
                AnnualReportStatus.valueOf(rs.getString("status")),
                rs.getBoolean("operating"),
                rs.getBigDecimal("revenue_yuan"),
                rs.getLong("users"),
                rs.getInt("employees"),
                rs.getString("security_officer"),
                rs.getString("public_summary"),
                rs.getObject("submitted_at", OffsetDateTime.class).toInstant(),
                corrected == null ? null : corrected.toInstant(),
                rs.getBoolean("late"),
                rs.getObject("confirmed_on", LocalDate.class));
    }
}
