package org.telereg.platform.industry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
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

    /** The ministry assigns report templates anywhere, a provincial administration in its province. */
    public static boolean canAssign(Actor actor) {
        return actor.role() == Role.MINISTRY_ADMIN
                || actor.role() == Role.MINISTRY_OFFICER
                || actor.role() == Role.PROVINCIAL_OFFICER;
    }

    /** Whether the actor may assign and change schedules of this province. */
    public static boolean canAssign(Actor actor, String provinceCode) {
        return canAssign(actor) && actor.scope().coversProvince(provinceCode);
    }

    /**
     * What an assignment to several provinces did.
     *
     * @param assigned the schedules created, by province
     * @param alreadyAssigned the provinces skipped because the operator already has the template there
     */
    public record Assignment(List<ScheduleView> assigned, List<String> alreadyAssigned) {}

    /** Choosing this instead of province codes assigns every province the actor administers (all 31 for the ministry). */
    public static final String ALL_PROVINCES = "ALL";

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
        Assignment assignment = assign(
                actor,
                templateCode,
                operatorCreditCode,
                provinceCode == null ? List.of() : List.of(provinceCode),
                "provinceCode",
                deadlineDay,
                startsOn);
        return assignment.assigned().get(0);
    }

    /**
     * Assigns a template to an operator for one, several or all provinces at once ({@link
     * #ALL_PROVINCES}); provinces where the operator already has the template are skipped and
     * listed, and when all of them are, the assignment is refused on {@code provinceCodes}. A
     * provincial administration assigns only in its own province.
     *
     * @throws org.telereg.platform.shared.RejectedInputException naming each refused field
     */
    @Transactional
    public Assignment assign(
            Actor actor,
            String templateCode,
            String operatorCreditCode,
            List<String> provinceCodes,
            String deadlineDay,
            String startsOn) {
        return assign(actor, templateCode, operatorCreditCode, provinceCodes, "provinceCodes", deadlineDay, startsOn);
    }

    private Assignment assign(
            Actor actor,
            String templateCode,
            String operatorCreditCode,
            List<String> provinceCodes,
            String provinceField,
            String deadlineDay,
            String startsOn) {
        if (!canAssign(actor)) {
            throw new AccessDeniedException("the ministry and provincial administrations assign report templates");
        }
        FieldProblems problems = new FieldProblems();
        ReportTemplate template = templateCode == null || templateCode.isBlank()
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
        List<ProvinceCode> provinces = provinces(actor, provinceCodes, provinceField, problems);
        Integer day = day(deadlineDay, problems);
        LocalDate starts = problems.date("startsOn", startsOn, true);
        problems.throwIfAny();
        List<ScheduleView> assigned = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (ProvinceCode province : provinces) {
            long existing = jdbc.sql("select count(*) from industry_schedule where template_code = :t"
                            + " and operator_credit_code = :o and province_code = :p")
                    .param("t", template.code())
                    .param("o", operator.creditCode())
                    .param("p", province.code())
                    .query(Long.class)
                    .single();
            if (existing > 0) {
                skipped.add(province.code());
                continue;
            }
            jdbc.sql("""
                            insert into industry_schedule (template_code, operator_credit_code, operator_name,
                                province_code, deadline_day, starts_on, active)
                            values (:t, :o, :name, :p, :day, :starts, true)""")
                    .param("t", template.code())
                    .param("o", operator.creditCode())
                    .param("name", operator.name())
                    .param("p", province.code())
                    .param("day", day)
                    .param("starts", starts)
                    .update();
            ScheduleView schedule = jdbc.sql("select s.*, t.frequency from industry_schedule s join industry_template t"
                            + " on t.code = s.template_code where s.template_code = :t"
                            + " and s.operator_credit_code = :o and s.province_code = :p")
                    .param("t", template.code())
                    .param("o", operator.creditCode())
                    .param("p", province.code())
                    .query(ReportSchedules::schedule)
                    .single();
            assigned.add(schedule);
            audit.record(
                    "industry",
                    "ReportSchedule",
                    template.code() + "/" + operator.creditCode() + "/" + province.code(),
                    "scheduleAssigned",
                    null,
                    Map.of("deadlineDay", day, "startsOn", starts, "active", true));
        }
        if (assigned.isEmpty()) {
            problems.reject(
                    provinceField.equals("provinceCode") ? "templateCode" : provinceField,
                    "industry.invalid.scheduleExists",
                    "is already assigned to the operator",
                    String.join(", ", skipped));
            problems.throwIfAny();
        }
        return new Assignment(List.copyOf(assigned), List.copyOf(skipped));
    }

    private static List<ProvinceCode> provinces(Actor actor, List<String> codes, String field, FieldProblems problems) {
        List<String> given = codes == null
                ? List.of()
                : codes.stream()
                        .filter(c -> c != null && !c.isBlank())
                        .map(String::strip)
                        .distinct()
                        .toList();
        if (given.isEmpty()) {
            problems.reject(field, "invalid.required", "choose at least one province");
            return List.of();
        }
        if (given.contains(ALL_PROVINCES)) {
            return ProvinceCode.administered().stream()
                    .filter(p -> actor.scope().coversProvince(p.code()))
                    .toList();
        }
        List<ProvinceCode> provinces = new ArrayList<>();
        List<String> outside = new ArrayList<>();
        for (String code : given) {
            ProvinceCode province = problems.parse(field, code, ProvinceCode::of);
            if (province == null) {
                continue;
            }
            if (!actor.scope().coversProvince(province.code())) {
                outside.add(province.code());
            } else {
                provinces.add(province);
            }
        }
        if (!outside.isEmpty()) {
            problems.reject(
                    field,
                    "industry.invalid.provinceOutsideScope",
                    "outside the provinces you administer",
                    String.join(", ", outside));
        }
        return provinces;
    }

    private static Integer day(String deadlineDay, FieldProblems problems) {
        try {
            int day = Integer.parseInt(deadlineDay == null ? "" : deadlineDay.strip());
            if (day >= 1 && day <= 28) {
                return day;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        problems.reject("deadlineDay", "industry.invalid.deadlineDay", "must be a day from 1 to 28");
        return null;
    }

    /** One schedule, if the scope covers it. */
    public Optional<ScheduleView> schedule(DataScope scope, long id) {
        Map<String, Object> params = new HashMap<>();
        String condition = scope.sqlCondition("s.province_code", "s.operator_credit_code", params);
        return jdbc.sql("select s.*, t.frequency from industry_schedule s join industry_template t"
                        + " on t.code = s.template_code where s.id = :id and " + condition)
                .params(params)
                .param("id", id)
                .query(ReportSchedules::schedule)
                .optional();
    }

    /**
     * Changes a schedule's due day (reports opened from now on are due on it; those already open
     * keep theirs) and whether it is active (an inactive schedule opens no more reports; reports
     * already open are still owed).
     *
     * @throws NoSuchElementException when the actor's scope does not cover the schedule
     * @throws org.telereg.platform.shared.RejectedInputException naming each refused field
     */
    @Transactional
    public ScheduleView change(Actor actor, long id, String deadlineDay, boolean active) {
        ScheduleView before = changeable(actor, id);
        FieldProblems problems = new FieldProblems();
        Integer day = day(deadlineDay, problems);
        problems.throwIfAny();
        return write(
                actor,
                before,
                day,
                active,
                active == before.active() ? "scheduleChanged" : active ? "scheduleActivated" : "scheduleDeactivated");
    }

    /** Stops a schedule: no more reports are opened from it (reports already open are still owed). */
    @Transactional
    public ScheduleView deactivate(Actor actor, long id) {
        ScheduleView before = changeable(actor, id);
        return write(actor, before, before.deadlineDay(), false, "scheduleDeactivated");
    }

    private ScheduleView changeable(Actor actor, long id) {
        ScheduleView schedule =
                schedule(actor.scope(), id).orElseThrow(() -> new NoSuchElementException("schedule " + id));
        if (!canAssign(actor, schedule.provinceCode())) {
            throw new AccessDeniedException("the ministry and the province's administration change schedules");
        }
        return schedule;
    }

    private ScheduleView write(Actor actor, ScheduleView before, int day, boolean active, String action) {
        jdbc.sql("update industry_schedule set deadline_day = :day, active = :active where id = :id")
                .param("day", day)
                .param("active", active)
                .param("id", before.id())
                .update();
        audit.record(
                "industry",
                "ReportSchedule",
                before.templateCode() + "/" + before.operatorCreditCode() + "/" + before.provinceCode(),
                action,
                Map.of("deadlineDay", before.deadlineDay(), "active", before.active()),
                Map.of("deadlineDay", day, "active", active));
        return schedule(actor.scope(), before.id()).orElseThrow();
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
                .query(ReportSchedules::schedule)
                .list();
    }

    private static ScheduleView schedule(ResultSet rs, int row) throws SQLException {
        return new ScheduleView(
                rs.getLong("id"),
                rs.getString("template_code"),
                Frequency.valueOf(rs.getString("frequency")),
                rs.getString("operator_credit_code"),
                rs.getString("operator_name"),
                rs.getString("province_code"),
                rs.getInt("deadline_day"),
                rs.getObject("starts_on", LocalDate.class),
                rs.getBoolean("active"));
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
                        report.dueOn(),
                        today));
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
