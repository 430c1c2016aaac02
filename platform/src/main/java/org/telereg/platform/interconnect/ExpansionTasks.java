package org.telereg.platform.interconnect;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.access.Role;
import org.telereg.platform.audit.AuditTrail;
import org.telereg.platform.shared.FieldProblems;
import org.telereg.platform.shared.RejectedInputException;

/**
 * The serious-fault rule applied to links month by month, and the capacity-expansion tasks it opens:
 * OPEN → EXPANDED (an operator of the link records the new capacity, which enters the link's capacity
 * history) → VERIFIED by the ministry; an OPEN task past its due date becomes OVERDUE and may still be
 * expanded. A link and month never get a second task.
 */
@Service
public class ExpansionTasks {

    private static final String SELECT = "select t.*, l.operator_a, l.operator_a_name, l.operator_b, l.operator_b_name,"
            + " p.code as point_code, p.name as point_name, p.province_code from interconnect_task t"
            + " join interconnect_link l on l.id = t.link_id join interconnect_point p on p.id = l.point_id";

    private final JdbcClient jdbc;
    private final InterconnectLinks links;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final InterconnectSettings settings;
    private final Clock clock;

    ExpansionTasks(
            JdbcClient jdbc,
            InterconnectLinks links,
            AuditTrail audit,
            ApplicationEventPublisher events,
            InterconnectSettings settings,
            Clock clock) {
        this.jdbc = jdbc;
        this.links = links;
        this.audit = audit;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    /** An operator that is party to the link records the expansion while the task awaits it. */
    public static boolean canExpand(Actor actor, TaskView task) {
        return actor.role() == Role.OPERATOR
                && actor.scope().kind() == DataScope.Kind.ENTERPRISE
                && task.hasParty(actor.scope().creditCode())
                && task.status().awaitsExpansion();
    }

    /** The ministry's staff verify an expansion. */
    public static boolean canVerify(Actor actor, TaskView task) {
        return Scopes.isMinistryStaff(actor) && task.status() == TaskStatus.EXPANDED;
    }

    /** The tasks the scope covers, optionally of one status, most recent first. */
    @Transactional(readOnly = true)
    public List<TaskView> list(DataScope scope, TaskStatus status, Long linkId) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(" where ").append(Scopes.links(scope, params));
        if (status != null) {
            where.append(" and t.status = :status");
            params.put("status", status.name());
        }
        if (linkId != null) {
            where.append(" and t.link_id = :link");
            params.put("link", linkId);
        }
        return jdbc.sql(SELECT + where + " order by t.opened_on desc, t.id desc")
                .params(params)
                .query(ExpansionTasks::view)
                .list();
    }

    @Transactional(readOnly = true)
    public Optional<TaskView> find(DataScope scope, long id) {
        Map<String, Object> params = new HashMap<>();
        return jdbc.sql(SELECT + " where t.id = :id and " + Scopes.links(scope, params))
                .params(params)
                .param("id", id)
                .query(ExpansionTasks::view)
                .optional();
    }

    @Transactional(readOnly = true)
    public List<TaskStep> steps(long taskId) {
        return jdbc.sql("select * from interconnect_task_step where task_id = :id order by id")
                .param("id", taskId)
                .query((rs, n) -> new TaskStep(
                        rs.getString("action"),
                        rs.getString("actor"),
                        rs.getObject("at", OffsetDateTime.class).toInstant(),
                        rs.getString("note")))
                .list();
    }

    /**
     * Applies the rule to one link's tests of one month; opens a task when they make a serious fault
     * and the link has none for the month yet.
     *
     * @return the task opened, empty when none was
     */
    @Transactional
    public Optional<TaskView> evaluate(long linkId, YearMonth month) {
        LinkView link = links.find(DataScope.all(), linkId).orElseThrow(() -> new NoSuchElementException("link"));
        List<QualityTest> tests = links.tests(
                linkId,
                month.atDay(1).atStartOfDay(),
                month.plusMonths(1).atDay(1).atStartOfDay());
        FaultRule rule = new FaultRule(settings);
        long bad = rule.badTests(tests);
        if (bad < settings.badTests() || hasTask(linkId, month)) {
            return Optional.empty();
        }
        LocalDate today = links.today();
        LocalDate due = today.plusDays(settings.taskDays());
        jdbc.sql("""
                insert into interconnect_task (link_id, period_code, bad_tests, tests, status, opened_on, due_on,
                    capacity_before)
                values (:link, :period, :bad, :tests, 'OPEN', :opened, :due, :capacity)""")
                .param("link", linkId)
                .param("period", month.toString())
                .param("bad", (int) bad)
                .param("tests", tests.size())
                .param("opened", today)
                .param("due", due)
                .param("capacity", link.capacityGbps())
                .update();
        long id = jdbc.sql("select id from interconnect_task where link_id = :link and period_code = :period")
                .param("link", linkId)
                .param("period", month.toString())
                .query(Long.class)
                .single();
        step(id, "OPENED", "system", bad + "/" + tests.size());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("link", linkId);
        after.put("period", month.toString());
        after.put("badTests", bad);
        after.put("tests", tests.size());
        after.put("dueOn", due.toString());
        audit.record("interconnect", "ExpansionTask", Long.toString(id), "opened", null, after);
        events.publishEvent(new SeriousQualityFaultFound(
                id,
                linkId,
                link.pointCode(),
                link.provinceCode(),
                link.operatorA(),
                link.operatorB(),
                month.toString(),
                (int) bad,
                due));
        return find(DataScope.all(), id);
    }

    /** Applies the rule to every link with tests in the month; returns the tasks opened. */
    @Transactional
    public List<TaskView> evaluateMonth(YearMonth month) {
        List<Long> tested = jdbc.sql("select distinct link_id from interconnect_measurement where measured_at >= :from"
                        + " and measured_at < :to order by link_id")
                .param("from", month.atDay(1).atStartOfDay())
                .param("to", month.plusMonths(1).atDay(1).atStartOfDay())
                .query(Long.class)
                .list();
        List<TaskView> opened = new ArrayList<>();
        for (long linkId : tested) {
            evaluate(linkId, month).ifPresent(opened::add);
        }
        return opened;
    }

    private boolean hasTask(long linkId, YearMonth month) {
        return jdbc.sql("select count(*) from interconnect_task where link_id = :link and period_code = :period")
                        .param("link", linkId)
                        .param("period", month.toString())
                        .query(Long.class)
                        .single()
                > 0;
    }

    /**
     * An operator of the link records the expanded capacity, which enters the link's history.
     *
     * @throws RejectedInputException naming {@code capacityGbps} (not above today's capacity) or
     *     {@code effectiveOn} (missing, in the future, not after the last change)
     * @throws AccessDeniedException unless {@link #canExpand}
     */
    @Transactional
    public TaskView expand(Actor actor, long taskId, String capacityGbps, String effectiveOn, String note) {
        TaskView task = find(actor.scope(), taskId).orElseThrow(() -> new NoSuchElementException("task " + taskId));
        if (!canExpand(actor, task)) {
            throw new AccessDeniedException("an operator of the link records the expansion of an open task");
        }
        FieldProblems problems = new FieldProblems();
        BigDecimal capacity = InterconnectLinks.capacity(problems, "capacityGbps", capacityGbps);
        LocalDate day = problems.pastDate("effectiveOn", effectiveOn, true, links.today());
        String text = problems.optionalText("note", note, 500);
        problems.throwIfAny();
        LinkView link = links.find(DataScope.all(), task.linkId()).orElseThrow();
        links.recordCapacity(actor, link, capacity, day, text, true);
        jdbc.sql("update interconnect_task set status = 'EXPANDED', capacity_after = :capacity, expanded_on = :day"
                        + " where id = :id")
                .param("capacity", capacity)
                .param("day", day)
                .param("id", taskId)
                .update();
        return changed(actor, task, TaskStatus.EXPANDED, text == null ? capacity.toPlainString() + " Gbps" : text);
    }

    /**
     * The ministry confirms the expansion.
     *
     * @throws AccessDeniedException unless {@link #canVerify}
     */
    @Transactional
    public TaskView verify(Actor actor, long taskId, String note) {
        TaskView task = find(actor.scope(), taskId).orElseThrow(() -> new NoSuchElementException("task " + taskId));
        if (!canVerify(actor, task)) {
            throw new AccessDeniedException("the ministry verifies an expanded task");
        }
        FieldProblems problems = new FieldProblems();
        String text = problems.optionalText("note", note, 500);
        problems.throwIfAny();
        jdbc.sql("update interconnect_task set status = 'VERIFIED' where id = :id")
                .param("id", taskId)
                .update();
        return changed(actor, task, TaskStatus.VERIFIED, text);
    }

    /** Open tasks past their due date become overdue; returns how many did. */
    @Transactional
    public int markOverdue(LocalDate today) {
        List<TaskView> late = jdbc.sql(SELECT + " where t.status = 'OPEN' and t.due_on < :today order by t.id")
                .param("today", today)
                .query(ExpansionTasks::view)
                .list();
        for (TaskView task : late) {
            jdbc.sql("update interconnect_task set status = 'OVERDUE' where id = :id and status = 'OPEN'")
                    .param("id", task.id())
                    .update();
            changed(Actor.system(), task, TaskStatus.OVERDUE, task.dueOn().toString());
        }
        return late.size();
    }

    /**
     * Every morning: the rule over last month's and this month's tests (files that came in late
     * included), then the overdue tasks. Transactional so the events it publishes go out after its
     * commit.
     */
    @Scheduled(cron = "0 20 2 * * *", zone = "Asia/Shanghai")
    @Transactional
    public void daily() {
        LocalDate today = links.today();
        YearMonth month = YearMonth.from(today);
        evaluateMonth(month.minusMonths(1));
        evaluateMonth(month);
        markOverdue(today);
    }

    private TaskView changed(Actor actor, TaskView task, TaskStatus to, String note) {
        step(task.id(), to.name(), actor.username(), note);
        audit.record(
                "interconnect",
                "ExpansionTask",
                Long.toString(task.id()),
                to == TaskStatus.EXPANDED ? "expanded" : to == TaskStatus.VERIFIED ? "verified" : "overdue",
                Map.of("status", task.status().name()),
                Map.of("status", to.name()));
        events.publishEvent(new ExpansionTaskChanged(task.id(), task.linkId(), task.status(), to, actor.username()));
        return find(DataScope.all(), task.id()).orElseThrow();
    }

    private void step(long taskId, String action, String actor, String note) {
        jdbc.sql("insert into interconnect_task_step (task_id, action, actor, at, note)"
                        + " values (:task, :action, :actor, :at, :note)")
                .param("task", taskId)
                .param("action", action)
                .param("actor", actor.length() > 100 ? actor.substring(0, 100) : actor)
                .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .param("note", note)
                .update();
    }

    static TaskView view(ResultSet rs, int row) throws SQLException {
        return new TaskView(
                rs.getLong("id"),
                rs.getLong("link_id"),
                rs.getString("point_code"),
                rs.getString("point_name"),
                rs.getString("province_code"),
                rs.getString("operator_a"),
                rs.getString("operator_a_name"),
                rs.getString("operator_b"),
                rs.getString("operator_b_name"),
                rs.getString("period_code"),
                rs.getInt("bad_tests"),
                rs.getInt("tests"),
                TaskStatus.valueOf(rs.getString("status")),
                rs.getObject("opened_on", LocalDate.class),
                rs.getObject("due_on", LocalDate.class),
                Numbers.plain(rs.getBigDecimal("capacity_before")),
                Numbers.plain(rs.getBigDecimal("capacity_after")),
                rs.getObject("expanded_on", LocalDate.class));
    }
}
