package org.telereg.platform.industry;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.telereg.platform.access.AccessManagement;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.access.OrganisationType;
import org.telereg.platform.access.OrganisationView;
import org.telereg.platform.access.Role;
import org.telereg.platform.audit.AuditTrail;
import org.telereg.platform.shared.FieldProblems;
import org.telereg.platform.shared.ProvinceCode;

/**
 * Who reports what, and when: schedules assign templates to operators per province; every morning
 * the reports of periods just ended are opened and operators that have not submitted are reminded
 * before the due day.
 */
@Service
public class ReportSchedules {

    private static final Logger log = LoggerFactory.getLogger(ReportSchedules.class);
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;
    private final MetricCatalogue catalogue;
    private final AccessManagement access;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final IndustrySettings settings;
    private final Clock clock;

    ReportSchedules(
            JdbcClient jdbc,
            MetricCatalogue catalogue,
            AccessManagement access,
            AuditTrail audit,
            ApplicationEventPublisher events,
            IndustrySettings settings,
            Clock clock) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.access = access;
        this.audit = audit;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(CHINA));
    }

    /** The ministry assigns report templates. */
    public static boolean canAssign(Actor actor) {
        return actor.role() == Role.MINISTRY_ADMIN || actor.role() == Role.MINISTRY_OFFICER;
    }

    /**
     * Assigns a template to an operator (an organisation of type operator) for a province.
     *
     * @param deadlineDay the day of the month after the period the report is due, 1 to 28
     * @throws org.telereg.platform.shared.RejectedInputException naming each refused field
     */
    @Transactional
    public ScheduleView assign(
            Actor actor,
            String templateCode,
            String operatorCreditCode,
            String provinceCode,
            String deadlineDay,
            String startsOn) {
        if (!canAssign(actor)) {
            throw new AccessDeniedException("the ministry assigns report templates");
        }
        FieldProblems problems = new FieldProblems();
        ReportTemplate template = templateCode == null
                ? null
                : catalogue.template(templateCode.strip()).orElse(null);
        if (template == null) {
            problems.reject("templateCode", "industry.invalid.template", "no such template");
        }
        OrganisationView operator = operators().stream()
                .filter(o -> operatorCreditCode != null && o.creditCode().equals(operatorCreditCode.strip()))
                .findFirst()
                .orElse(null);
        if (operator == null) {
            problems.reject("operatorCreditCode", "industry.invalid.operator", "is not a registered operator");
        }
        ProvinceCode province = problems.parse("provinceCode", provinceCode, ProvinceCode::of);
        Integer day = null;
        try {
            day = Integer.valueOf(deadlineDay == null ? "" : deadlineDay.strip());
            if (day < 1 || day > 28) {
                problems.reject("deadlineDay", "industry.invalid.deadlineDay", "must be a day from 1 to 28");
            }
        } catch (NumberFormatException e) {
            problems.reject("deadlineDay", "industry.invalid.deadlineDay", "must be a day from 1 to 28");
        }
        LocalDate starts = problems.date("startsOn", startsOn, true);
        problems.throwIfAny();
        long existing = jdbc.sql("select count(*) from industry_schedule where template_code = :t"
                        + " and operator_credit_code = :o and province_code = :p")
                .param("t", template.code())
                .param("o", operator.creditCode())
                .param("p", province.code())
                .query(Long.class)
                .single();
        if (existing > 0) {
            problems.reject("templateCode", "industry.invalid.scheduleExists", "is already assigned to the operator");
            problems.throwIfAny();
        }
        jdbc.sql("""
                        insert into industry_schedule (template_code, operator_credit_code, operator_name, province_code,
                            deadline_day, starts_on, active)
                        values (:t, :o, :name, :p, :day, :starts, true)""")
                .param("t", template.code())
                .param("o", operator.creditCode())
                .param("name", operator.name())
                .param("p", province.code())
                .param("day", day)
                .param("starts", starts)
                .update();
        ScheduleView schedule = schedules(DataScope.all()).stream()
                .filter(s -> s.templateCode().equals(template.code())
                        && s.operatorCreditCode().equals(operator.creditCode())
                        && s.provinceCode().equals(province.code()))
                .findFirst()
                .orElseThrow();
        audit.record(
                "industry",
                "ReportSchedule",
                template.code() + "/" + operator.creditCode() + "/" + province.code(),
                "scheduleAssigned",
                null,
                Map.of("deadlineDay", day, "startsOn", starts));
        return schedule;
    }

    /** The organisations a template can be assigned to: operators with a credit code, by name. */
    public List<OrganisationView> operators() {
        return access.organisations().stream()
                .filter(o -> o.type() == OrganisationType.OPERATOR && o.creditCode() != null)
                .sorted(Comparator.comparing(OrganisationView::name))
                .toList();
    }

    /** Schedules the scope covers, by operator, province and template. */
    public List<ScheduleView> schedules(DataScope scope) {
        Map<String, Object> params = new HashMap<>();
        String condition = scope.sqlCondition("s.province_code", "s.operator_credit_code", params);
        return jdbc.sql("select s.*, t.frequency from industry_schedule s join industry_template t"
                        + " on t.code = s.template_code where " + condition
                        + " order by s.operator_name, s.province_code, s.template_code")
                .params(params)
                .query((rs, row) -> new ScheduleView(
                        rs.getLong("id"),
                        rs.getString("template_code"),
                        Frequency.valueOf(rs.getString("frequency")),
                        rs.getString("operator_credit_code"),
                        rs.getString("operator_name"),
                        rs.getString("province_code"),
                        rs.getInt("deadline_day"),
                        rs.getObject("starts_on", LocalDate.class),
                        rs.getBoolean("active")))
                .list();
    }

    /**
     * Opens a report for every period of every active schedule that has ended before {@code today}
     * and has none yet; a missed run catches up, a repeated one opens nothing twice.
     *
     * @return how many reports were opened
     */
    @Transactional
    public int open(LocalDate today) {
        int opened = 0;
        for (ScheduleView schedule : schedules(DataScope.all())) {
            if (!schedule.active()) {
                continue;
            }
            ReportTemplate template =
                    catalogue.template(schedule.templateCode()).orElseThrow();
            List<String> existing = jdbc.sql("select period_code from industry_report where schedule_id = :id")
                    .param("id", schedule.id())
                    .query(String.class)
                    .list();
            for (ReportPeriod period = ReportPeriod.containing(schedule.frequency(), schedule.startsOn());
                    period.ends().isBefore(today);
                    period = period.next()) {
                if (existing.contains(period.code())) {
                    continue;
                }
                openReport(schedule, template, period, today);
                opened++;
            }
        }
        if (opened > 0) {
            log.info("{} operator reports opened", opened);
        }
        return opened;
    }

    /** Inserts the report of one period in the DRAFT state and returns its id. */
    long openReport(ScheduleView schedule, ReportTemplate template, ReportPeriod period, LocalDate today) {
        jdbc.sql("""
                        insert into industry_report (schedule_id, template_code, catalogue_version, operator_credit_code,
                            operator_name, province_code, period_code, period_starts, due_on, status, opened_on, late)
                        values (:schedule, :template, :version, :operator, :name, :province, :period, :starts, :due,
                            'DRAFT', :today, false)""")
                .param("schedule", schedule.id())
                .param("template", template.code())
                .param("version", template.version())
                .param("operator", schedule.operatorCreditCode())
                .param("name", schedule.operatorName())
                .param("province", schedule.provinceCode())
                .param("period", period.code())
                .param("starts", period.starts())
                .param("due", period.dueOn(schedule.deadlineDay()))
                .param("today", today)
                .update();
        return jdbc.sql("select id from industry_report where schedule_id = :schedule and period_code = :period")
                .param("schedule", schedule.id())
                .param("period", period.code())
                .query(Long.class)
                .single();
    }

    /**
     * Reminds operators of reports not yet submitted whose due day is one of {@code reminderDays}
     * away; once per report and day.
     *
     * @return how many reminders were sent
     */
    @Transactional
    public int remind(LocalDate today) {
        int sent = 0;
        for (int days : settings.reminderDays()) {
            List<ReportView> due = jdbc.sql("select * from industry_report where status in ('DRAFT', 'RETURNED')"
                            + " and due_on = :due and id not in (select report_id from industry_reminder"
                            + " where sent_on = :today)")
                    .param("due", today.plusDays(days))
                    .param("today", today)
                    .query(OperatorReports::view)
                    .list();
            for (ReportView report : due) {
                jdbc.sql("insert into industry_reminder (report_id, sent_on) values (:id, :today)")
                        .param("id", report.id())
                        .param("today", today)
                        .update();
                events.publishEvent(new ReportReminderSent(
                        report.id(),
                        report.operatorCreditCode(),
                        report.provinceCode(),
                        report.templateCode(),
                        report.periodCode(),
                        report.dueOn()));
                sent++;
            }
        }
        return sent;
    }

    /** The days on which the operator was reminded of a report, newest first. */
    public List<LocalDate> reminders(long reportId) {
        return jdbc.sql("select sent_on from industry_reminder where report_id = :id order by sent_on desc")
                .param("id", reportId)
                .query(LocalDate.class)
                .list();
    }

    /**
     * Every morning: open the reports of periods just ended and send the reminders. Transactional
     * so the reminder events it publishes are delivered after its commit.
     */
    @Scheduled(cron = "0 40 0 * * *", zone = "Asia/Shanghai")
    @Transactional
    public void daily() {
        LocalDate today = today();
        open(today);
        remind(today);
    }
}
