package org.telereg.platform.netsec;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.access.Role;
import org.telereg.platform.audit.AuditTrail;
import org.telereg.platform.calendar.WorkingDays;
import org.telereg.platform.filing.FiledSite;
import org.telereg.platform.notices.Notices;
import org.telereg.platform.shared.FieldProblems;
import org.telereg.platform.shared.RejectedInputException;

/**
 * Tasks for access providers (威胁处置任务): a filed site on the threat list gets one task per indicator
 * and filed service, with a deadline in working days. The provider answers — taken down, or a false
 * positive with the reason — and an officer of the ministry or of the filing's province confirms the
 * answer, closing the task, or returns it to the provider. Every step is audited.
 */
@Service
public class ThreatTasks {

    private static final String SELECT = """
            select t.*, i.kind as indicator_kind, i.indicator, i.category
            from netsec_threat_task t join netsec_threat_indicator i on i.id = t.indicator_id""";

    private static final int MAX_LIST = 500;

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Notices notices;
    private final WorkingDays workingDays;
    private final ThreatSettings settings;
    private final Clock clock;

    ThreatTasks(
            JdbcClient jdbc,
            AuditTrail audit,
            Notices notices,
            WorkingDays workingDays,
            ThreatSettings settings,
            Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.notices = notices;
        this.workingDays = workingDays;
        this.settings = settings;
        this.clock = clock;
    }

    /** Whether the actor answers this task: a user of the filing's access provider. */
    public static boolean canAnswer(Actor actor, ThreatTaskView task) {
        return task.status() == ThreatTaskStatus.OPEN
                && (actor.role() == Role.ACCESS_PROVIDER || actor.role() == Role.OPERATOR)
                && actor.scope().kind() == DataScope.Kind.ENTERPRISE
                && actor.scope().creditCode().equals(task.providerCreditCode());
    }

    /** Whether the actor confirms or returns this task's answer: the ministry, or the filing's province. */
    public static boolean canConfirm(Actor actor, ThreatTaskView task) {
        return task.status() == ThreatTaskStatus.ANSWERED && isOfficer(actor, task.provinceCode());
    }

    static boolean isOfficer(Actor actor, String provinceCode) {
        return (actor.role() == Role.MINISTRY_ADMIN || actor.role() == Role.MINISTRY_OFFICER)
                        && actor.scope().kind() == DataScope.Kind.ALL
                || actor.role() == Role.PROVINCIAL_OFFICER && actor.scope().coversProvince(provinceCode);
    }

    /**
     * Opens the task of an indicator and a filed site unless it was opened before, in the caller's
     * transaction, and tells the access provider.
     *
     * @return whether a task was opened
     */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean open(ThreatIndicator indicator, FiledSite site) {
        boolean exists = jdbc.sql("select count(*) from netsec_threat_task where indicator_id = :indicator"
                                + " and service_id = :service")
                        .param("indicator", indicator.id())
                        .param("service", site.serviceId())
                        .query(Long.class)
                        .single()
                > 0;
        if (exists) {
            return false;
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate due = workingDays.plus(today, settings.taskDays());
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into netsec_threat_task (indicator_id, service_id, service_number, site_name, matched,
                            province_code, provider_credit_code, provider_name, status, opened_on, due_on)
                        values (:indicator, :service, :number, :name, :matched, :province, :provider, :providerName,
                            'OPEN', :today, :due)""")
                .param("indicator", indicator.id())
                .param("service", site.serviceId())
                .param("number", site.serviceNumber())
                .param("name", truncate(site.siteName(), 200))
                .param("matched", site.matched())
                .param("province", site.provinceCode())
                .param("provider", site.providerCreditCode())
                .param("providerName", site.providerName())
                .param("today", today)
                .param("due", due)
                .update(key, "id");
        long id = key.getKey().longValue();
        step(id, "opened", "system", indicator.kind().name() + " " + indicator.indicator());
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("indicator", indicator.id());
        state.put("serviceNumber", site.serviceNumber());
        state.put("matched", site.matched());
        state.put("provider", site.providerCreditCode());
        state.put("dueOn", due.toString());
        state.put("status", ThreatTaskStatus.OPEN.name());
        audit.record("netsec", "ThreatTask", Long.toString(id), "opened", null, state);
        notices.send(
                site.providerCreditCode(),
                "netsec.threat.notice.task",
                List.of(site.serviceNumber(), site.matched(), due.toString()),
                "/console/netsec/threats/tasks/" + id,
                "netsec.threat.task:" + id);
        return true;
    }

    /**
     * The provider answers an open task.
     *
     * @param note required for a false positive (the reason); optional when taken down
     * @throws AccessDeniedException unless {@link #canAnswer}
     * @throws RejectedInputException naming {@code answer} or {@code note}
     */
    @Transactional
    public ThreatTaskView answer(Actor actor, long id, String answer, String note) {
        ThreatTaskView task = visible(actor, id);
        if (!canAnswer(actor, task)) {
            throw new AccessDeniedException("only the site's access provider answers an open task");
        }
        FieldProblems problems = new FieldProblems();
        ThreatTaskAnswer chosen = problems.choice("answer", answer, ThreatTaskAnswer.class);
        String text = chosen == ThreatTaskAnswer.FALSE_POSITIVE
                ? problems.multilineText("note", note, 1000)
                : problems.optionalMultilineText("note", note, 1000);
        problems.throwIfAny();
        changeStatus(task, ThreatTaskStatus.OPEN, """
                update netsec_threat_task set status = 'ANSWERED', answer = :answer, answer_note = :note,
                    answered_by = :by, answered_at = :at, version = version + 1
                where id = :id and status = 'OPEN'""", Map.of("answer", chosen.name()), text, actor);
        step(
                id,
                "answered",
                actor.username(),
                (chosen == ThreatTaskAnswer.TAKEN_DOWN ? "TAKEN_DOWN" : "FALSE_POSITIVE")
                        + (text == null ? "" : ": " + text));
        audit.record(
                "netsec",
                "ThreatTask",
                Long.toString(id),
                "answered",
                Map.of("status", task.status().name()),
                noteState(Map.of("status", "ANSWERED", "answer", chosen.name()), text));
        return find(actor.scope(), id).orElseThrow();
    }

    /**
     * An officer confirms the provider's answer: the task is closed.
     *
     * @throws AccessDeniedException unless {@link #canConfirm}
     */
    @Transactional
    public ThreatTaskView close(Actor actor, long id, String note) {
        ThreatTaskView task = visible(actor, id);
        if (!canConfirm(actor, task)) {
            throw new AccessDeniedException("the ministry or the filing's administration confirms an answer");
        }
        FieldProblems problems = new FieldProblems();
        String text = problems.optionalMultilineText("note", note, 1000);
        problems.throwIfAny();
        changeStatus(task, ThreatTaskStatus.ANSWERED, """
                update netsec_threat_task set status = 'CLOSED', closed_by = :by, closed_at = :at,
                    version = version + 1
                where id = :id and status = 'ANSWERED'""", Map.of(), text, actor);
        step(id, "closed", actor.username(), text);
        audit.record(
                "netsec",
                "ThreatTask",
                Long.toString(id),
                "closed",
                Map.of("status", task.status().name()),
                noteState(Map.of("status", "CLOSED"), text));
        return find(actor.scope(), id).orElseThrow();
    }

    /**
     * An officer returns an unsatisfactory answer: the task is open again with a new deadline.
     *
     * @param note why, required
     * @throws AccessDeniedException unless {@link #canConfirm}
     */
    @Transactional
    public ThreatTaskView returnToProvider(Actor actor, long id, String note) {
        ThreatTaskView task = visible(actor, id);
        if (!canConfirm(actor, task)) {
            throw new AccessDeniedException("the ministry or the filing's administration returns an answer");
        }
        FieldProblems problems = new FieldProblems();
        String text = problems.multilineText("note", note, 1000);
        problems.throwIfAny();
        LocalDate due = workingDays.plus(LocalDate.now(clock), settings.taskDays());
        changeStatus(task, ThreatTaskStatus.ANSWERED, """
                update netsec_threat_task set status = 'OPEN', due_on = :due, answer = null, answer_note = null,
                    answered_by = null, answered_at = null, version = version + 1
                where id = :id and status = 'ANSWERED'""", Map.of("due", due), text, actor);
        step(id, "returned", actor.username(), text);
        audit.record(
                "netsec",
                "ThreatTask",
                Long.toString(id),
                "returned",
                Map.of("status", task.status().name(), "answer", String.valueOf(task.answer())),
                noteState(Map.of("status", "OPEN", "dueOn", due.toString()), text));
        notices.send(
                task.providerCreditCode(),
                "netsec.threat.notice.returned",
                List.of(task.serviceNumber(), due.toString()),
                "/console/netsec/threats/tasks/" + id);
        return find(actor.scope(), id).orElseThrow();
    }

    /**
     * Tasks within the scope, newest first: a provider sees its own, an administration its province's.
     *
     * @param status null for every status
     * @param indicatorId null for every indicator
     */
    @Transactional(readOnly = true)
    public List<ThreatTaskView> list(DataScope scope, ThreatTaskStatus status, Long indicatorId) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(" where ")
                .append(scope.sqlCondition("t.province_code", "t.provider_credit_code", params));
        if (status != null) {
            where.append(" and t.status = :status");
            params.put("status", status.name());
        }
        if (indicatorId != null) {
            where.append(" and t.indicator_id = :indicator");
            params.put("indicator", indicatorId);
        }
        return jdbc.sql(SELECT + where + " order by t.id desc limit " + MAX_LIST)
                .params(params)
                .query(ThreatTasks::view)
                .list();
    }

    /** How many tasks within the scope are in each status. */
    @Transactional(readOnly = true)
    public Map<ThreatTaskStatus, Long> counts(DataScope scope) {
        Map<String, Object> params = new HashMap<>();
        String condition = scope.sqlCondition("province_code", "provider_credit_code", params);
        Map<ThreatTaskStatus, Long> counts = new LinkedHashMap<>();
        for (ThreatTaskStatus status : ThreatTaskStatus.values()) {
            counts.put(status, 0L);
        }
        jdbc.sql("select status, count(*) as n from netsec_threat_task where " + condition + " group by status")
                .params(params)
                .query((rs, n) -> Map.entry(ThreatTaskStatus.valueOf(rs.getString("status")), rs.getLong("n")))
                .list()
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    @Transactional(readOnly = true)
    public Optional<ThreatTaskView> find(DataScope scope, long id) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", id);
        return jdbc.sql(SELECT + " where t.id = :id and "
                        + scope.sqlCondition("t.province_code", "t.provider_credit_code", params))
                .params(params)
                .query(ThreatTasks::view)
                .optional();
    }

    /** The task's time line, oldest first. */
    @Transactional(readOnly = true)
    public List<ThreatTaskStep> steps(long id) {
        return jdbc.sql("select * from netsec_threat_task_step where task_id = :id order by id")
                .param("id", id)
                .query((rs, n) -> new ThreatTaskStep(
                        rs.getString("action"),
                        rs.getString("actor"),
                        rs.getString("note"),
                        rs.getObject("acted_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    private ThreatTaskView visible(Actor actor, long id) {
        if (!actor.role().writes()) {
            throw new AccessDeniedException("an auditor only reads");
        }
        return find(actor.scope(), id).orElseThrow(() -> new NoSuchElementException("task " + id));
    }

    private void changeStatus(
            ThreatTaskView task,
            ThreatTaskStatus from,
            String sql,
            Map<String, Object> params,
            String note,
            Actor actor) {
        int changed = jdbc.sql(sql)
                .params(params)
                .param("note", note)
                .param("by", actor.username())
                .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .param("id", task.id())
                .update();
        if (changed != 1) {
            throw RejectedInputException.of(
                    "status", "netsec.threat.task.invalid.status", "the task is no longer " + from, from.name());
        }
    }

    private void step(long taskId, String action, String actor, String note) {
        jdbc.sql("insert into netsec_threat_task_step (task_id, action, actor, note, acted_at)"
                        + " values (:task, :action, :actor, :note, :at)")
                .param("task", taskId)
                .param("action", action)
                .param("actor", actor)
                .param("note", truncate(note, 1000))
                .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .update();
    }

    private static Map<String, Object> noteState(Map<String, Object> state, String note) {
        Map<String, Object> copy = new LinkedHashMap<>(state);
        if (note != null) {
            copy.put("note", note);
        }
        return copy;
    }

    private static String truncate(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }

    private static ThreatTaskView view(ResultSet rs, int row) throws SQLException {
        OffsetDateTime answeredAt = rs.getObject("answered_at", OffsetDateTime.class);
        OffsetDateTime closedAt = rs.getObject("closed_at", OffsetDateTime.class);
        String answer = rs.getString("answer");
        return new ThreatTaskView(
                rs.getLong("id"),
                rs.getLong("indicator_id"),
                ThreatKind.valueOf(rs.getString("indicator_kind")),
                rs.getString("indicator"),
                ThreatCategory.valueOf(rs.getString("category")),
                rs.getLong("service_id"),
                rs.getString("service_number"),
                rs.getString("site_name"),
                rs.getString("matched"),
                rs.getString("province_code"),
                rs.getString("provider_credit_code"),
                rs.getString("provider_name"),
                ThreatTaskStatus.valueOf(rs.getString("status")),
                rs.getObject("opened_on", LocalDate.class),
                rs.getObject("due_on", LocalDate.class),
                answer == null ? null : ThreatTaskAnswer.valueOf(answer),
                rs.getString("answer_note"),
                rs.getString("answered_by"),
                answeredAt == null ? null : answeredAt.toInstant(),
                rs.getString("closed_by"),
                closedAt == null ? null : closedAt.toInstant());
    }
}
