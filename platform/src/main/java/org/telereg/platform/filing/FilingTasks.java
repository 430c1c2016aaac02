package org.telereg.platform.filing;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
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
import org.telereg.platform.shared.FileTypes;
import org.telereg.platform.shared.StoredFiles;

/**
 * Supervision tasks: every finding becomes one, for the provider or (stale filings) for the reviewing
 * administration, due a number of working days later. OPEN → ANSWERED (removed, filed, cancelled,
 * re-filed or disputed) → CLOSED when an officer confirms, back to OPEN when the officer reopens; an
 * OPEN task past its deadline becomes OVERDUE and may still be answered. A finding made again while
 * its task is not closed opens no second task; a task whose finding a later check no longer makes is
 * closed as resolved by that check. Answers may carry evidence files.
 */
@Service
public class FilingTasks {

    private static final String SELECT = "select * from filing_task t";

    /** Values in one {@code in (...)} list: well under every database's limit on parameters. */
    private static final int IN_CHUNK = 1000;

    private static final int BATCH = 5000;

    /** Tasks named in one audit entry of a batch (their ids fit the entry many times over). */
    static final int AUDIT_CHUNK = 10_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final WorkingDays workingDays;
    private final Notices notices;
    private final AuditTrail audit;
    private final ProviderAccuracy accuracy;
    private final HostingSettings settings;
    private final ApplicationSettings applicationSettings;
    private final Clock clock;

    FilingTasks(
            JdbcClient jdbc,
            JdbcTemplate template,
            WorkingDays workingDays,
            Notices notices,
            AuditTrail audit,
            ProviderAccuracy accuracy,
            HostingSettings settings,
            ApplicationSettings applicationSettings,
            Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.workingDays = workingDays;
        this.notices = notices;
        this.audit = audit;
        this.accuracy = accuracy;
        this.settings = settings;
        this.applicationSettings = applicationSettings;
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
     * A finding to open a task for.
     *
     * @param view what was found
     * @param providerCreditCode the access provider concerned
     * @param providerName its name
     * @param provinceCode the province supervising the task: the provider's for provider findings, the
     *     reviewing administration's for stale filings
     */
    record Finding(HostingFindingView view, String providerCreditCode, String providerName, String provinceCode) {

        /** The provider's credit code or the administration's province code. */
        String assignedTo() {
            return view.kind().assignee() == HostingFindingKind.Assignee.PROVIDER ? providerCreditCode : provinceCode;
        }

        /** The same finding has at most one task that is not closed. */
        String key() {
            return HostedLists.truncate(view.kind() + "|" + assignedTo() + "|" + view.target(), 400);
        }
    }

    /**
     * Opens a task for each finding that has none that is not closed, and records that the others were
     * seen again. Set-based: a few statements per thousand findings, one batch of inserts for the tasks
     * and one for their first timeline step, and one audit entry per {@value #AUDIT_CHUNK} tasks naming
     * them and what opened them.
     *
     * @param auditType what opened them for the audit log ({@code HostingCheck}, {@code StaleFilings})
     * @param auditId its id (the run's id, the stale run's scope and date)
     * @return the findings that opened a task, each once
     */
    @Transactional
    List<Finding> open(Collection<Finding> findings, Long runId, String auditType, String auditId) {
        // Openings take turns: a second one waits here, then sees the first one's tasks as not closed.
        jdbc.sql("select id from filing_task_opening where id = 1 for update")
                .query(Integer.class)
                .single();
        LocalDate today = today();
        Map<String, Finding> byKey = new LinkedHashMap<>();
        findings.forEach(f -> byKey.putIfAbsent(f.key(), f));
        Map<String, Long> existing = notClosed(byKey.keySet());
        for (List<Long> chunk : chunks(new ArrayList<>(existing.values()), IN_CHUNK)) {
            jdbc.sql("update filing_task set last_seen_on = :today where id in (:ids)")
                    .param("today", today)
                    .param("ids", chunk)
                    .update();
        }
        List<Finding> fresh = byKey.values().stream()
                .filter(f -> !existing.containsKey(f.key()))
                .toList();
        if (fresh.isEmpty()) {
            return List.of();
        }
        LocalDate providerDue = workingDays.plus(today, settings.providerTaskDays());
        LocalDate provinceDue = workingDays.plus(today, settings.provinceTaskDays());
        template.batchUpdate("""
                insert into filing_task (finding_kind, target, assignee, provider_credit_code, provider_name,
                    province_code, service_number, detail, finding_key, status, opened_on, due_on, last_seen_on,
                    check_run_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?)""", fresh, BATCH, (ps, f) -> {
            HostingFindingView v = f.view();
            ps.setString(1, v.kind().name());
            ps.setString(2, HostedLists.truncate(v.target(), 253));
            ps.setString(3, v.kind().assignee().name());
            ps.setString(4, f.providerCreditCode());
            ps.setString(5, HostedLists.truncate(f.providerName(), 200));
            ps.setString(6, f.provinceCode());
            ps.setString(7, v.serviceNumber());
            ps.setString(8, HostedLists.truncate(v.detail(), 1000));
            ps.setString(9, f.key());
            ps.setObject(10, today);
            ps.setObject(11, v.kind().assignee() == HostingFindingKind.Assignee.PROVIDER ? providerDue : provinceDue);
            ps.setObject(12, today);
            if (runId == null) {
                ps.setNull(13, Types.BIGINT);
            } else {
                ps.setLong(13, runId);
            }
        });
        Map<String, Long> ids = notClosed(fresh.stream().map(Finding::key).toList());
        OffsetDateTime at = clock.instant().atOffset(ZoneOffset.UTC);
        template.batchUpdate(
                "insert into filing_task_step (task_id, action, actor, at, note) values (?, 'OPENED', 'system', ?, ?)",
                fresh,
                BATCH,
                (ps, f) -> {
                    ps.setLong(1, ids.get(f.key()));
                    ps.setObject(2, at);
                    ps.setString(3, HostedLists.truncate(f.view().detail(), 1000));
                });
        List<Long> opened = fresh.stream().map(f -> ids.get(f.key())).toList();
        auditBatch(auditType, auditId, "tasksOpened", opened);
        return fresh;
    }

    /**
     * Closes tasks whose finding a later check no longer made, as resolved by that check: the timeline
     * says which check, the audit log names the tasks (one entry per {@value #AUDIT_CHUNK}).
     *
     * @return how many tasks it closed (those already closed are left alone)
     */
    @Transactional
    int resolve(Collection<Long> taskIds, String note, String auditType, String auditId) {
        if (taskIds.isEmpty()) {
            return 0;
        }
        List<Long> closing = new ArrayList<>();
        for (List<Long> chunk : chunks(new ArrayList<>(taskIds), IN_CHUNK)) {
            closing.addAll(jdbc.sql("select id from filing_task where id in (:ids) and status <> 'CLOSED' order by id")
                    .param("ids", chunk)
                    .query(Long.class)
                    .list());
        }
        for (List<Long> chunk : chunks(closing, IN_CHUNK)) {
            jdbc.sql("update filing_task set status = 'CLOSED', resolution = 'RESOLVED_BY_CHECK', closed_on = :today,"
                            + " version = version + 1 where id in (:ids)")
                    .param("today", today())
                    .param("ids", chunk)
                    .update();
        }
        OffsetDateTime at = clock.instant().atOffset(ZoneOffset.UTC);
        template.batchUpdate(
                "insert into filing_task_step (task_id, action, actor, at, note) values (?, 'RESOLVED', 'system', ?, ?)",
                closing,
                BATCH,
                (ps, id) -> {
                    ps.setLong(1, id);
                    ps.setObject(2, at);
                    ps.setString(3, HostedLists.truncate(note, 1000));
                });
        auditBatch(auditType, auditId, "tasksResolved", closing);
        return closing.size();
    }

    /** The tasks that are not closed of a provider's, with what each is about, for a check to resolve. */
    List<OpenTask> notClosedOf(String providerCreditCode) {
        return jdbc.sql("select id, finding_kind, target, finding_key from filing_task"
                        + " where provider_credit_code = :provider and status <> 'CLOSED'")
                .param("provider", providerCreditCode)
                .query((rs, n) -> new OpenTask(
                        rs.getLong(1), HostingFindingKind.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4)))
                .list();
    }

    /** The tasks of these kinds that are not closed, in one province or all. */
    List<OpenTask> notClosedOf(Collection<HostingFindingKind> kinds, String provinceCode) {
        return jdbc.sql("select id, finding_kind, target, finding_key from filing_task"
                        + " where status <> 'CLOSED' and finding_kind in (:kinds)"
                        + " and (cast(:province as varchar(2)) is null or province_code = :province)")
                .param("kinds", kinds.stream().map(Enum::name).toList())
                .param("province", provinceCode)
                .query((rs, n) -> new OpenTask(
                        rs.getLong(1), HostingFindingKind.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4)))
                .list();
    }

    /** A task that is not closed, as a check sees it. */
    record OpenTask(long id, HostingFindingKind kind, String target, String key) {}

    private Map<String, Long> notClosed(Collection<String> keys) {
        Map<String, Long> ids = new HashMap<>();
        for (List<String> chunk : chunks(new ArrayList<>(keys), IN_CHUNK)) {
            jdbc.sql("select id, finding_key from filing_task where finding_key in (:keys) and status <> 'CLOSED'")
                    .param("keys", chunk)
                    .query(rs -> {
                        ids.put(rs.getString(2), rs.getLong(1));
                    });
        }
        return ids;
    }

    private void auditBatch(String type, String id, String action, List<Long> taskIds) {
        for (List<Long> chunk : chunks(taskIds, AUDIT_CHUNK)) {
            audit.record("filing", type, id, action, null, Map.of("count", chunk.size(), "tasks", chunk));
        }
    }

    private static <T> List<List<T>> chunks(List<T> items, int size) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < items.size(); i += size) {
            chunks.add(items.subList(i, Math.min(items.size(), i + size)));
        }
        return chunks;
    }

    /** Tells an assignee how many new tasks it has: the provider by credit code, an administration by code. */
    void notifyOpened(HostingFindingKind.Assignee assignee, String who, int count) {
        if (count == 0) {
            return;
        }
        String organisation = assignee == HostingFindingKind.Assignee.PROVIDER ? who : "CA-" + who;
        notices.send(organisation, "filing.task.notice.opened", List.of(count), "/console/filing/tasks?status=OPEN");
    }

    /** The assignee answers with text only. */
    @Transactional
    public FilingTaskView answer(Actor actor, long taskId, String answer, String note, String evidence) {
        return answer(actor, taskId, answer, note, evidence, List.of());
    }

    /**
     * The assignee answers a task that awaits an answer, with a note (required for a dispute), a text
     * evidence (a filing number, a link) and evidence files: at most
     * {@link HostingSettings#maxEvidenceFiles()} PNG, JPEG, GIF, WebP or PDF files (told apart by their
     * content) of at most {@link HostingSettings#maxEvidenceBytes()} each, kept under
     * {@code telereg.filing.attachments-dir}. Nothing is kept when anything is refused.
     *
     * @throws org.telereg.platform.shared.RejectedInputException naming {@code answer}, {@code note},
     *     {@code evidence} or {@code files}
     * @throws AccessDeniedException unless {@link #canAnswer}
     */
    @Transactional
    public FilingTaskView answer(
            Actor actor, long taskId, String answer, String note, String evidence, List<FilingTaskFile> files) {
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
        List<FilingTaskFile> chosen = FileTypes.checkEvidence(
                problems,
                "files",
                "filing.task.invalid.",
                files == null ? List.of() : files,
                FilingTaskFile::fileName,
                f -> f.bytes() == null ? new byte[0] : f.bytes(),
                settings.maxEvidenceFiles(),
                settings.maxEvidenceBytes());
        problems.throwIfAny();
        jdbc.sql("update filing_task set status = 'ANSWERED', answer = :answer, answer_note = :note,"
                        + " evidence = :evidence, answered_on = :today, version = version + 1 where id = :id")
                .param("answer", choice.name())
                .param("note", text)
                .param("evidence", proof)
                .param("today", today())
                .param("id", taskId)
                .update();
        OffsetDateTime at = clock.instant().atOffset(ZoneOffset.UTC);
        for (FilingTaskFile file : chosen) {
            String hash = StoredFiles.store(attachmentsDir(), file.bytes());
            jdbc.sql("""
                    insert into filing_task_attachment (task_id, file_name, content_type, size_bytes, sha256,
                        uploaded_by, uploaded_at)
                    values (:task, :name, :type, :size, :hash, :by, :at)""")
                    .param("task", taskId)
                    .param("name", FileTypes.safeName(file.fileName(), "evidence"))
                    .param("type", FileTypes.detect(file.bytes()))
                    .param("size", file.bytes().length)
                    .param("hash", hash)
                    .param("by", HostedLists.truncate(actor.username(), 100))
                    .param("at", at)
                    .update();
        }
        FilingTaskView answered = changed(
                actor,
                task,
                FilingTaskStatus.ANSWERED,
                choice.name(),
                chosen.isEmpty()
                        ? text
                        : (text == null ? "" : text + " ")
                                + chosen.stream()
                                        .map(f -> FileTypes.safeName(f.fileName(), "evidence"))
                                        .collect(Collectors.joining("、", "[", "]")));
        if (task.status() == FilingTaskStatus.OVERDUE) {
            review(Set.of(task));
        }
        return answered;
    }

    /** The files attached to a task's answers, oldest first. */
    @Transactional(readOnly = true)
    public List<FilingTaskAttachment> attachments(long taskId) {
        return jdbc.sql("select * from filing_task_attachment where task_id = :task order by id")
                .param("task", taskId)
                .query((rs, n) -> new FilingTaskAttachment(
                        rs.getLong("id"),
                        rs.getString("file_name"),
                        rs.getString("content_type"),
                        rs.getLong("size_bytes"),
                        rs.getString("uploaded_by"),
                        rs.getObject("uploaded_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    /** An attached file and where its bytes are kept. */
    public record StoredAttachment(FilingTaskAttachment attachment, Path path) {}

    /**
     * One attached file, for an actor whose scope covers the task (the provider, the supervising
     * administration, the ministry, the auditor); the read is audited.
     *
     * @return empty when the task is outside the actor's scope or has no such file
     */
    @Transactional
    public Optional<StoredAttachment> attachment(Actor actor, long taskId, long attachmentId) {
        if (find(actor.scope(), taskId).isEmpty()) {
            return Optional.empty();
        }
        Optional<String> hash = jdbc.sql("select sha256 from filing_task_attachment where id = :id and task_id = :task")
                .param("id", attachmentId)
                .param("task", taskId)
                .query(String.class)
                .optional();
        if (hash.isEmpty()) {
            return Optional.empty();
        }
        FilingTaskAttachment attachment = attachments(taskId).stream()
                .filter(a -> a.id() == attachmentId)
                .findFirst()
                .orElseThrow();
        audit.record(
                "filing",
                "FilingTask",
                Long.toString(taskId),
                "evidenceViewed",
                null,
                Map.of("attachment", attachmentId, "fileName", attachment.fileName()));
        return Optional.of(new StoredAttachment(attachment, StoredFiles.path(attachmentsDir(), hash.get())));
    }

    private String attachmentsDir() {
        return applicationSettings.attachmentsDir();
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
            jdbc.sql("update filing_task set status = 'CLOSED', resolution = 'CONFIRMED', closed_on = :today,"
                            + " version = version + 1"
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

    /**
     * Open tasks past their deadline become overdue, set by set like {@link #open}: each gets the
     * timeline step 逾期 naming its deadline, the audit log one entry per {@value #AUDIT_CHUNK} tasks
     * ({@code FilingTasks/overdue/<date>}); the providers concerned are reviewed for listing.
     */
    @Transactional
    public int markOverdue(LocalDate today) {
        List<FilingTaskView> late = jdbc.sql(SELECT + " where t.status = 'OPEN' and t.due_on < :today order by t.id")
                .param("today", today)
                .query(FilingTasks::view)
                .list();
        List<Long> ids = late.stream().map(FilingTaskView::id).toList();
        for (List<Long> chunk : chunks(ids, IN_CHUNK)) {
            jdbc.sql("update filing_task set status = 'OVERDUE', version = version + 1 where id in (:ids)"
                            + " and status = 'OPEN'")
                    .param("ids", chunk)
                    .update();
        }
        OffsetDateTime at = clock.instant().atOffset(ZoneOffset.UTC);
        template.batchUpdate(
                "insert into filing_task_step (task_id, action, actor, at, note) values (?, 'OVERDUE', 'system', ?, ?)",
                late,
                BATCH,
                (ps, task) -> {
                    ps.setLong(1, task.id());
                    ps.setObject(2, at);
                    ps.setString(3, task.dueOn().toString());
                });
        auditBatch("FilingTasks", "overdue/" + today, "tasksOverdue", ids);
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
        String resolution = rs.getString("resolution");
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
                rs.getObject("last_seen_on", LocalDate.class),
                resolution == null ? null : FilingTaskResolution.valueOf(resolution));
    }
}
