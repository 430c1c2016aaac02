package org.telereg.platform.filing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.audit.AuditTrail;
import org.telereg.platform.calendar.WorkingDays;
import org.telereg.platform.notices.Notices;
import org.telereg.platform.shared.FieldProblems;

/**
 * Supervision tasks: every finding becomes one, for the provider or (stale filings) for the reviewing
 * administration, due a number of working days later. OPEN → ANSWERED (removed, filed, cancelled,
 * re-filed or disputed) → CLOSED when an officer confirms, back to OPEN when the officer reopens; an
 * OPEN task past its deadline becomes OVERDUE and may still be answered. A finding made again while
 * its task is not closed opens no second task.
 */
@Service
public class FilingTasks {

    private static final String SELECT = "select * from filing_task t";

    private final JdbcClient jdbc;
    private final WorkingDays workingDays;
    private final Notices notices;
    private final AuditTrail audit;
    private final ProviderAccuracy accuracy;
    private final HostingSettings settings;
    private final Clock clock;

    FilingTasks(
            JdbcClient jdbc,
            WorkingDays workingDays,
            Notices notices,
            AuditTrail audit,
            ProviderAccuracy accuracy,
            HostingSettings settings,
            Clock clock) {
        this.jdbc = jdbc;
        this.workingDays = workingDays;
        this.notices = notices;
        this.audit = audit;
        this.accuracy = accuracy;
        this.settings = settings;
        this.clock = clock;
    }

    /** The provider answers its tasks; the reviewing administration (or the ministry) answers stale filings. */
    public static boolean canAnswer(Actor actor, FilingTaskView task) {
        if (!task.status().awaitsAnswer() || !actor.role().writes()) {
            return false;
        }
        return task.assignee() == HostingFindingKind.Assignee.PROVIDER
                ? actor.scope().kind() == DataScope.Kind.ENTERPRISE
                        && actor.scope().creditCode().equals(task.providerCreditCode())
                : supervises(actor, task);
    }

    /** The ministry or the task's provincial administration confirms or reopens an answer. */
    public static boolean canClose(Actor actor, FilingTaskView task) {
        return task.status() == FilingTaskStatus.ANSWERED && supervises(actor, task);
    }

    /** Whether the actor is an officer who supervises the task. */
    public static boolean supervises(Actor actor, FilingTaskView task) {
        return switch (actor.role()) {
            case MINISTRY_ADMIN, MINISTRY_OFFICER -> actor.scope().kind() == DataScope.Kind.ALL;
            case PROVINCIAL_OFFICER -> actor.scope().coversProvince(task.provinceCode());
            default -> false;
        };
    }

    /** Officers see all tasks or their province's; a provider its own provider tasks. */
    public static boolean canRead(Actor actor) {
        return actor.scope().kind() != DataScope.Kind.NONE;
    }

    /** The tasks the scope covers, optionally of one status and kind and one provider, overdue first. */
    @Transactional(readOnly = true)
    public List<FilingTaskView> list(
            DataScope scope, FilingTaskStatus status, HostingFindingKind kind, String providerCreditCode) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(" where ").append(condition(scope, params));
        if (status != null) {
            where.append(" and t.status = :status");
            params.put("status", status.name());
        }
        if (kind != null) {
            where.append(" and t.finding_kind = :kind");
            params.put("kind", kind.name());
        }
        if (providerCreditCode != null && !providerCreditCode.isBlank()) {
            where.append(" and t.provider_credit_code = :provider");
            params.put("provider", providerCreditCode.strip());
        }
        return jdbc.sql(SELECT + where
                        + " order by case t.status when 'OVERDUE' then 0 when 'OPEN' then 1 when 'ANSWERED' then 2"
                        + " else 3 end, t.due_on, t.id")
                .params(params)
                .query(FilingTasks::view)
                .list();
    }

    @Transactional(readOnly = true)
    public Optional<FilingTaskView> find(DataScope scope, long id) {
        Map<String, Object> params = new HashMap<>();
        return jdbc.sql(SELECT + " where t.id = :id and " + condition(scope, params))
                .params(params)
                .param("id", id)
                .query(FilingTasks::view)
                .optional();
    }

    @Transactional(readOnly = true)
    public List<FilingTaskStep> steps(long taskId) {
        return jdbc.sql("select * from filing_task_step where task_id = :id order by id")
                .param("id", taskId)
                .query((rs, n) -> new FilingTaskStep(
                        rs.getString("action"),
                        rs.getString("actor"),
                        rs.getObject("at", OffsetDateTime.class).toInstant(),
                        rs.getString("note")))
                .list();
    }

    /**
     * Opens a task for a finding unless its finding already has one that is not closed (then only
     * records that it was seen again).
     *
     * @param provinceCode the province supervising the task: the provider's for provider findings, the
     *     reviewing administration's for stale filings
     * @return whether a task was opened
     */
    @Transactional
    public boolean open(
            HostingFindingView finding,
            String providerCreditCode,
            String providerName,
            String provinceCode,
            Long runId) {
        LocalDate today = today();
        String assignedTo =
                finding.kind().assignee() == HostingFindingKind.Assignee.PROVIDER ? providerCreditCode : provinceCode;
        String key = finding.kind() + "|" + assignedTo + "|" + finding.target();
        int seen = jdbc.sql("update filing_task set last_seen_on = :today where finding_key = :key"
                        + " and status <> 'CLOSED'")
                .param("today", today)
                .param("key", key)
                .update();
        if (seen > 0) {
            return false;
        }
        int days = finding.kind().assignee() == HostingFindingKind.Assignee.PROVIDER
                ? settings.providerTaskDays()
                : settings.provinceTaskDays();
        LocalDate due = workingDays.plus(today, days);
        jdbc.sql("""
                insert into filing_task (finding_kind, target, assignee, provider_credit_code, provider_name,
                    province_code, service_number, detail, finding_key, status, opened_on, due_on, last_seen_on,
                    check_run_id)
                values (:kind, :target, :assignee, :provider, :providerName, :province, :service, :detail, :key,
                    'OPEN', :today, :due, :today, :run)""")
                .param("kind", finding.kind().name())
                .param("target", HostedLists.truncate(finding.target(), 253))
                .param("assignee", finding.kind().assignee().name())
                .param("provider", providerCreditCode)
                .param("providerName", HostedLists.truncate(providerName, 200))
                .param("province", provinceCode)
                .param("service", finding.serviceNumber())
                .param("detail", HostedLists.truncate(finding.detail(), 1000))
                .param("key", HostedLists.truncate(key, 400))
                .param("today", today)
                .param("due", due)
                .param("run", runId)
                .update();
        long id = jdbc.sql("select max(id) from filing_task where finding_key = :key")
                .param("key", HostedLists.truncate(key, 400))
                .query(Long.class)
                .single();
        step(id, "OPENED", "system", finding.detail());
        audit.record(
                "filing",
                "FilingTask",
                Long.toString(id),
                "opened",
                null,
                Map.of("kind", finding.kind().name(), "target", finding.target(), "dueOn", due.toString()));
        return true;
    }

    /** Tells an assignee how many new tasks it has: the provider by credit code, an administration by code. */
    void notifyOpened(HostingFindingKind.Assignee assignee, String who, int count) {
        if (count == 0) {
            return;
        }
        String organisation = assignee == HostingFindingKind.Assignee.PROVIDER ? who : "CA-" + who;
        notices.send(organisation, "filing.task.notice.opened", List.of(count), "/console/filing/tasks?status=OPEN");
    }

    /**
     * The assignee answers a task that awaits an answer; a dispute needs a note.
     *
     * @throws org.telereg.platform.shared.RejectedInputException naming {@code answer}, {@code note} or
     *     {@code evidence}
     * @throws AccessDeniedException unless {@link #canAnswer}
     */
    @Transactional
    public FilingTaskView answer(Actor actor, long taskId, String answer, String note, String evidence) {
        FilingTaskView task =
                find(actor.scope(), taskId).orElseThrow(() -> new NoSuchElementException("task " + taskId));
        if (!canAnswer(actor, task)) {
            throw new AccessDeniedException("the assignee answers a task that awaits an answer");
        }
        FieldProblems problems = new FieldProblems();
        FilingTaskAnswer choice = problems.choice("answer", answer, FilingTaskAnswer.class);
        if (choice != null && !choice.allowedFor(task.assignee())) {
            problems.reject("answer", "invalid.choice", "is not one of the allowed values", answer);
        }
        String text = choice == FilingTaskAnswer.DISPUTED
                ? problems.multilineText("note", note, 1000)
                : problems.optionalMultilineText("note", note, 1000);
        String proof = problems.optionalText("evidence", evidence, 500);
        problems.throwIfAny();
        jdbc.sql("update filing_task set status = 'ANSWERED', answer = :answer, answer_note = :note,"
                        + " evidence = :evidence, answered_on = :today, version = version + 1 where id = :id")
                .param("answer", choice.name())
                .param("note", text)
                .param("evidence", proof)
                .param("today", today())
                .param("id", taskId)
                .update();
        FilingTaskView answered = changed(actor, task, FilingTaskStatus.ANSWERED, choice.name(), text);
        if (task.status() == FilingTaskStatus.OVERDUE) {
            review(Set.of(task));
        }
        return answered;
    }

    /**
     * An officer confirms an answer (the task closes) or reopens the task with a new deadline.
     *
     * @param decision {@code CONFIRMED} or {@code REOPENED}
     * @throws AccessDeniedException unless {@link #canClose}
     */
    @Transactional
    public FilingTaskView close(Actor actor, long taskId, String decision, String note) {
        FilingTaskView task =
                find(actor.scope(), taskId).orElseThrow(() -> new NoSuchElementException("task " + taskId));
        if (!canClose(actor, task)) {
            throw new AccessDeniedException("the supervising officer closes an answered task");
        }
        FieldProblems problems = new FieldProblems();
        boolean confirmed = "CONFIRMED".equalsIgnoreCase(decision == null ? "" : decision.strip());
        boolean reopened = "REOPENED".equalsIgnoreCase(decision == null ? "" : decision.strip());
        if (!confirmed && !reopened) {
            problems.reject("decision", "invalid.choice", "is not one of the allowed values", decision);
        }
        String text = reopened
                ? problems.multilineText("note", note, 1000)
                : problems.optionalMultilineText("note", note, 1000);
        problems.throwIfAny();
        if (confirmed) {
            jdbc.sql("update filing_task set status = 'CLOSED', closed_on = :today, version = version + 1"
                            + " where id = :id")
                    .param("today", today())
                    .param("id", taskId)
                    .update();
            FilingTaskView closed = changed(actor, task, FilingTaskStatus.CLOSED, "CONFIRMED", text);
            review(Set.of(task));
            return closed;
        }
        int days = task.assignee() == HostingFindingKind.Assignee.PROVIDER
                ? settings.providerTaskDays()
                : settings.provinceTaskDays();
        jdbc.sql("update filing_task set status = 'OPEN', answer = null, answered_on = null, due_on = :due,"
                        + " version = version + 1 where id = :id")
                .param("due", workingDays.plus(today(), days))
                .param("id", taskId)
                .update();
        return changed(actor, task, FilingTaskStatus.OPEN, "REOPENED", text);
    }

    /** Open tasks past their deadline become overdue; the providers concerned are reviewed for listing. */
    @Transactional
    public int markOverdue(LocalDate today) {
        List<FilingTaskView> late = jdbc.sql(SELECT + " where t.status = 'OPEN' and t.due_on < :today order by t.id")
                .param("today", today)
                .query(FilingTasks::view)
                .list();
        for (FilingTaskView task : late) {
            jdbc.sql("update filing_task set status = 'OVERDUE', version = version + 1 where id = :id"
                            + " and status = 'OPEN'")
                    .param("id", task.id())
                    .update();
            changed(
                    Actor.system(),
                    task,
                    FilingTaskStatus.OVERDUE,
                    "OVERDUE",
                    task.dueOn().toString());
        }
        review(late);
        return late.size();
    }

    /**
     * Every morning the tasks past their deadline turn overdue. Transactional so the credit events it
     * publishes go out after its commit.
     */
    @Scheduled(cron = "${telereg.filing.supervision.overdue-cron:0 10 1 * * *}", zone = "Asia/Shanghai")
    @Transactional
    public void daily() {
        markOverdue(today());
    }

    private void review(java.util.Collection<FilingTaskView> tasks) {
        Set<String> providers = new LinkedHashSet<>();
        for (FilingTaskView task : tasks) {
            if (task.assignee() == HostingFindingKind.Assignee.PROVIDER && task.providerCreditCode() != null) {
                providers.add(task.providerCreditCode() + "\u001F" + task.providerName());
            }
        }
        for (String provider : providers) {
            String[] parts = provider.split("\u001F", 2);
            accuracy.review(parts[0], parts[1]);
        }
    }

    private FilingTaskView changed(Actor actor, FilingTaskView task, FilingTaskStatus to, String action, String note) {
        step(task.id(), action, actor.username(), note);
        audit.record(
                "filing",
                "FilingTask",
                Long.toString(task.id()),
                to == FilingTaskStatus.ANSWERED ? "answered" : action.toLowerCase(java.util.Locale.ROOT),
                Map.of("status", task.status().name()),
                Map.of("status", to.name(), "action", action));
        return find(DataScope.all(), task.id()).orElseThrow();
    }

    private void step(long taskId, String action, String actor, String note) {
        jdbc.sql("insert into filing_task_step (task_id, action, actor, at, note)"
                        + " values (:task, :action, :actor, :at, :note)")
                .param("task", taskId)
                .param("action", action)
                .param("actor", HostedLists.truncate(actor, 100))
                .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .param("note", HostedLists.truncate(note, 1000))
                .update();
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    static String condition(DataScope scope, Map<String, Object> params) {
        return switch (scope.kind()) {
            case ALL -> "1 = 1";
            case PROVINCE -> {
                params.put("scopeProvince", scope.provinceCode());
                yield "t.province_code = :scopeProvince";
            }
            case ENTERPRISE -> {
                params.put("scopeEnterprise", scope.creditCode());
                yield "t.provider_credit_code = :scopeEnterprise and t.assignee = 'PROVIDER'";
            }
            case NONE -> "1 = 0";
        };
    }

    static FilingTaskView view(ResultSet rs, int row) throws SQLException {
        String answer = rs.getString("answer");
        return new FilingTaskView(
                rs.getLong("id"),
                HostingFindingKind.valueOf(rs.getString("finding_kind")),
                rs.getString("target"),
                HostingFindingKind.Assignee.valueOf(rs.getString("assignee")),
                rs.getString("provider_credit_code"),
                rs.getString("provider_name"),
                rs.getString("province_code"),
                rs.getString("service_number"),
                rs.getString("detail"),
                FilingTaskStatus.valueOf(rs.getString("status")),
                answer == null ? null : FilingTaskAnswer.valueOf(answer),
                rs.getString("answer_note"),
                rs.getString("evidence"),
                rs.getObject("opened_on", LocalDate.class),
                rs.getObject("due_on", LocalDate.class),
                rs.getObject("answered_on", LocalDate.class),
                rs.getObject("closed_on", LocalDate.class),
                rs.getObject("last_seen_on", LocalDate.class));
    }
}
