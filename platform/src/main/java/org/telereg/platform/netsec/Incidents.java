package org.telereg.platform.netsec;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
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
import org.telereg.platform.entity.CompanyRegistry;
import org.telereg.platform.entity.CompanyView;
import org.telereg.platform.shared.CreditCode;
import org.telereg.platform.shared.FieldProblems;
import org.telereg.platform.shared.FileTypes;
import org.telereg.platform.shared.ProvinceCode;
import org.telereg.platform.shared.RejectedInputException;
import org.telereg.platform.shared.StoredFiles;

/**
 * Network-security incidents (网络安全突发事件): reported by an operator or internet company for itself,
 * or by an administration; graded by the thresholds of {@link IncidentSettings} (an officer may override
 * the level with a reason); the response of the level runs until the incident closes, which needs a
 * final report. Every step is on the incident's time line and in the audit log.
 *
 * <p>Who sees what: the ministry every incident, an administration those affecting its province, an
 * enterprise those it reported, that concern it or that give it a task.
 */
@Service
public class Incidents {

    private static final String SELECT = "select i.* from netsec_incident i";
    private static final long MAX_USERS = 100_000_000_000L;
    private static final int MAX_CITIES = 400;
    private static final int MAX_RECTIFICATIONS = 20;

    private final JdbcClient jdbc;
    private final AccessManagement access;
    private final CompanyRegistry companies;
    private final AuditTrail audit;
    private final IncidentResponses responses;
    private final IncidentTimeline timeline;
    private final IncidentSettings settings;
    private final IncidentGrading grading;
    private final Clock clock;

    Incidents(
            JdbcClient jdbc,
            AccessManagement access,
            CompanyRegistry companies,
            AuditTrail audit,
            IncidentResponses responses,
            IncidentTimeline timeline,
            IncidentSettings settings,
            Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.companies = companies;
        this.audit = audit;
        this.responses = responses;
        this.timeline = timeline;
        this.settings = settings;
        this.grading = new IncidentGrading(settings);
        this.clock = clock;
    }

    /** The filters of the incident list; null fields do not filter. */
    public record Filter(IncidentType type, IncidentStatus status, IncidentLevel level, String provinceCode) {

        public static Filter none() {
            return new Filter(null, null, null, null);
        }
    }

    /** An attachment's stored file. */
    public record AttachmentContent(String fileName, String contentType, Path file) {}

    /** Operators and internet companies report for themselves; the ministry and administrations for anyone. */
    public static boolean canReport(Actor actor) {
        return (actor.role() == Role.OPERATOR && actor.scope().kind() == DataScope.Kind.ENTERPRISE) || regulator(actor);
    }

    /**
     * Whether the actor commands the incident: grades, decides, ticks the checklist, gives tasks and
     * closes it — the ministry, or an administration of an affected province, while it is open.
     */
    public static boolean canCommand(Actor actor, IncidentView incident) {
        if (incident.closed() || !regulator(actor)) {
            return false;
        }
        return actor.scope().kind() == DataScope.Kind.ALL
                || (actor.scope().kind() == DataScope.Kind.PROVINCE
                        && incident.provinces().contains(actor.scope().provinceCode()));
    }

    /** Whether the actor may add updates, attachments and the final report: the command and the reporter. */
    public static boolean canUpdate(Actor actor, IncidentView incident) {
        return canCommand(actor, incident) || (!incident.closed() && concerns(actor, incident));
    }

    /** The command marks any task done; an enterprise marks its own. */
    public static boolean canCompleteTask(Actor actor, IncidentView incident, IncidentTask task) {
        if (task.done() || incident.closed()) {
            return false;
        }
        return canCommand(actor, incident)
                || (actor.role() == Role.OPERATOR
                        && actor.scope().kind() == DataScope.Kind.ENTERPRISE
                        && actor.scope().creditCode().equals(task.assigneeCreditCode()));
    }

    private static boolean regulator(Actor actor) {
        return ((actor.role() == Role.MINISTRY_ADMIN || actor.role() == Role.MINISTRY_OFFICER)
                        && actor.scope().kind() == DataScope.Kind.ALL)
                || (actor.role() == Role.PROVINCIAL_OFFICER && actor.scope().kind() == DataScope.Kind.PROVINCE);
    }

    private static boolean concerns(Actor actor, IncidentView incident) {
        if (actor.role() != Role.OPERATOR || actor.scope().kind() != DataScope.Kind.ENTERPRISE) {
            return false;
        }
        String own = actor.scope().creditCode();
        return own.equals(incident.reporterCreditCode()) || own.equals(incident.companyCreditCode());
    }

    /** Today in Beijing. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * Records a reported incident, grades it and starts the response of its level.
     *
     * @throws RejectedInputException naming each refused field: type, title, provinces (empty, unknown),
     *     affectedUsers (not a number, negative), affectedCities, services, companyCreditCode (an unknown
     *     company, required for a leak), startedAt, detectedAt (before started), reportedAt (before
     *     detected or started, in the future), description, dataKinds
     * @throws AccessDeniedException unless {@link #canReport}
     */
    @Transactional
    public IncidentView report(Actor actor, IncidentReport input) {
        if (!canReport(actor)) {
            throw new AccessDeniedException("operators, internet companies and administrations report incidents");
        }
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.MINUTES);
        FieldProblems problems = new FieldProblems();
        IncidentType type = problems.choice("type", input.type(), IncidentType.class);
        String title = problems.text("title", input.title(), 200);
        Set<String> provinces = provinces(problems, input.provinces());
        if (actor.scope().kind() == DataScope.Kind.PROVINCE
                && !provinces.isEmpty()
                && !provinces.contains(actor.scope().provinceCode())) {
            // An administration reports what affects its own province; it would not see anything else.
            problems.reject("provinces", "netsec.incident.invalid.ownProvince", "does not include your province");
        }
        Integer cities = count(problems, "affectedCities", input.affectedCities(), false, MAX_CITIES);
        Long users = users(problems, input.affectedUsers());
        String services = problems.text("services", input.services(), 500);
        CompanyView company = company(problems, actor, type, input.companyCreditCode());
        LocalDateTime started = time(problems, "startedAt", input.startedAt(), true, now);
        LocalDateTime detected = time(problems, "detectedAt", input.detectedAt(), true, now);
        LocalDateTime reported = time(problems, "reportedAt", input.reportedAt(), false, now);
        if (reported == null
                && (input.reportedAt() == null || input.reportedAt().isBlank())) {
            reported = now;
        }
        if (started != null && detected != null && detected.isBefore(started)) {
            problems.reject("detectedAt", "netsec.incident.invalid.detectedBeforeStarted", "is before the start");
        }
        if (reported != null && started != null && reported.isBefore(started)) {
            problems.reject("reportedAt", "netsec.incident.invalid.reportedBeforeStarted", "is before the start");
        } else if (reported != null && detected != null && reported.isBefore(detected)) {
            problems.reject("reportedAt", "netsec.incident.invalid.reportedBeforeDetected", "is before the detection");
        }
        String description = problems.multilineText("description", input.description(), 4000);
        String dataKinds = problems.optionalText("dataKinds", input.dataKinds(), 500);
        problems.throwIfAny();

        int affectedCities = cities == null ? 1 : cities;
        IncidentLevel level = grading.level(type, provinces.size(), affectedCities, users);
        OrganisationView reporter = reporter(actor);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into netsec_incident (incident_type, title, reporter_org_code, reporter_org_name,
                            reporter_credit, company_credit, company_name, affected_cities, affected_users, services,
                            data_kinds, started_at, detected_at, reported_at, description, computed_level,
                            incident_level, status, recorded_by, recorded_at)
                        values (:type, :title, :reporterCode, :reporterName, :reporterCredit, :companyCredit,
                            :companyName, :cities, :users, :services, :dataKinds, :started, :detected, :reported,
                            :description, :level, :level, :status, :by, :at)""")
                .param("type", type.name())
                .param("title", title)
                .param("reporterCode", reporter.code())
                .param("reporterName", reporter.name())
                .param("reporterCredit", reporter.type() == OrganisationType.OPERATOR ? reporter.creditCode() : null)
                .param("companyCredit", company == null ? null : company.creditCode())
                .param("companyName", company == null ? null : company.name())
                .param("cities", affectedCities)
                .param("users", users)
                .param("services", services)
                .param("dataKinds", dataKinds)
                .param("started", started)
                .param("detected", detected)
                .param("reported", reported)
                .param("description", description)
                .param("level", level == null ? null : level.name())
                .param("status", level == null ? IncidentStatus.REPORTED.name() : IncidentStatus.RESPONDING.name())
                .param("by", actor.username())
                .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .update(key, "id");
        long id = key.getKey().longValue();
        for (String province : provinces) {
            jdbc.sql("insert into netsec_incident_province (incident_id, province_code) values (:id, :province)")
                    .param("id", id)
                    .param("province", province)
                    .update();
        }
        timeline.add(id, actor, "REPORT", description);
        IncidentView incident = find(DataScope.all(), id).orElseThrow();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("type", type.name());
        after.put("provinces", String.join(",", provinces));
        after.put("affectedUsers", users);
        after.put("level", level == null ? "UNGRADED" : level.name());
        audit.record("netsec", "Incident", Long.toString(id), "reported", null, after);
        responses.start(actor, incident, timeline);
        return incident;
    }

    /** At most this many incidents in one export. */
    public static final int EXPORT_LIMIT = 50_000;

    /** The incidents the scope covers, newest first; at most 500 (the API's list). */
    @Transactional(readOnly = true)
    public List<IncidentView> list(DataScope scope, Filter filter) {
        Map<String, Object> params = new HashMap<>();
        String where = where(scope, filter, params);
        return withProvinces(jdbc.sql(SELECT + where + " order by i.started_at desc, i.id desc limit 500")
                .params(params)
                .query(Incidents::row)
                .list());
    }

    /** One page of the incidents the scope covers, newest first. */
    @Transactional(readOnly = true)
    public Page<IncidentView> search(DataScope scope, Filter filter, Pageable pageable) {
        Map<String, Object> params = new HashMap<>();
        String where = where(scope, filter, params);
        long total = jdbc.sql("select count(*) from netsec_incident i" + where)
                .params(params)
                .query(Long.class)
                .single();
        params.put("limit", pageable.getPageSize());
        params.put("offset", pageable.getOffset());
        List<IncidentView> rows = withProvinces(
                jdbc.sql(SELECT + where + " order by i.started_at desc, i.id desc limit :limit offset :offset")
                        .params(params)
                        .query(Incidents::row)
                        .list());
        return new PageImpl<>(rows, pageable, total);
    }

    /**
     * The incidents the filter selects, newest first, for a download (at most {@link #EXPORT_LIMIT}); audited
     * with the filter and the number of rows.
     */
    @Transactional
    public List<IncidentView> export(DataScope scope, Filter filter) {
        Map<String, Object> params = new HashMap<>();
        String where = where(scope, filter, params);
        params.put("limit", EXPORT_LIMIT);
        List<IncidentView> rows =
                withProvinces(jdbc.sql(SELECT + where + " order by i.started_at desc, i.id desc limit :limit")
                        .params(params)
                        .query(Incidents::row)
                        .list());
        Map<String, Object> what = new LinkedHashMap<>();
        what.put("type", filter.type() == null ? "" : filter.type().name());
        what.put("status", filter.status() == null ? "" : filter.status().name());
        what.put("level", filter.level() == null ? "" : filter.level().name());
        what.put("province", filter.provinceCode() == null ? "" : filter.provinceCode());
        what.put("rows", rows.size());
        audit.record("netsec", "Incident", "list", "exported", null, what);
        return rows;
    }

    private static String where(DataScope scope, Filter filter, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(" where ").append(scopeCondition(scope, params));
        if (filter.type() != null) {
            where.append(" and i.incident_type = :type");
            params.put("type", filter.type().name());
        }
        if (filter.status() != null) {
            where.append(" and i.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.level() != null) {
            where.append(" and i.incident_level = :level");
            params.put("level", filter.level().name());
        }
        if (filter.provinceCode() != null) {
            where.append(" and exists (select 1 from netsec_incident_province f where f.incident_id = i.id"
                    + " and f.province_code = :province)");
            params.put("province", filter.provinceCode());
        }
        return where.toString();
    }

    @Transactional(readOnly = true)
    public Optional<IncidentView> find(DataScope scope, long id) {
        Map<String, Object> params = new HashMap<>();
        return withProvinces(jdbc.sql(SELECT + " where i.id = :id and " + scopeCondition(scope, params))
                        .params(params)
                        .param("id", id)
                        .query(Incidents::row)
                        .list())
                .stream()
                .findFirst();
    }

    /**
     * The incidents that started on or before {@code to} and had not closed before {@code from}, affecting
     * any of the provinces (all incidents when the set is empty), within the reader's scope: what happened
     * during an event.
     */
    @Transactional(readOnly = true)
    public List<IncidentView> during(DataScope scope, LocalDate from, LocalDate to, Set<String> provinces) {
        Map<String, Object> params = new HashMap<>();
        params.put("to", to.plusDays(1).atStartOfDay());
        params.put("from", from.atStartOfDay().atZone(clock.getZone()).toOffsetDateTime());
        String where = " where i.started_at < :to and (i.closed_at is null or i.closed_at >= :from) and "
                + scopeCondition(scope, params);
        if (!provinces.isEmpty()) {
            params.put("provinces", List.copyOf(provinces));
            where += " and exists (select 1 from netsec_incident_province f where f.incident_id = i.id"
                    + " and f.province_code in (:provinces))";
        }
        return withProvinces(jdbc.sql(SELECT + where + " order by i.started_at, i.id")
                .params(params)
                .query(Incidents::row)
                .list());
    }

    @Transactional(readOnly = true)
    public List<IncidentEntry> timeline(long id) {
        return timeline.of(id);
    }

    @Transactional(readOnly = true)
    public List<ResponseCheck> checklist(long id) {
        return jdbc.sql("select * from netsec_incident_check where incident_id = :id order by id")
                .param("id", id)
                .query((rs, n) -> new ResponseCheck(
                        rs.getLong("id"),
                        ResponseStep.valueOf(rs.getString("step")),
                        IncidentLevel.valueOf(rs.getString("response")),
                        instant(rs, "started_at"),
                        rs.getString("done_by"),
                        instant(rs, "done_at"),
                        rs.getString("note")))
                .list();
    }

    @Transactional(readOnly = true)
    public List<ResponseDuty> duties(long id) {
        return jdbc.sql("select * from netsec_incident_duty where incident_id = :id order by id")
                .param("id", id)
                .query(Incidents::duty)
                .list();
    }

    @Transactional(readOnly = true)
    public List<IncidentTask> tasks(long id) {
        return jdbc.sql("select * from netsec_incident_task where incident_id = :id order by due_on, id")
                .param("id", id)
                .query((rs, n) -> new IncidentTask(
                        rs.getLong("id"),
                        rs.getLong("incident_id"),
                        rs.getString("title"),
                        rs.getString("assignee_code"),
                        rs.getString("assignee_name"),
                        rs.getString("assignee_credit"),
                        rs.getObject("due_on", LocalDate.class),
                        rs.getString("created_by"),
                        instant(rs, "created_at"),
                        rs.getString("done_by"),
                        instant(rs, "done_at"),
                        rs.getString("done_note")))
                .list();
    }

    @Transactional(readOnly = true)
    public List<IncidentAttachment> attachments(long id) {
        return jdbc.sql("select * from netsec_incident_attachment where incident_id = :id order by id")
                .param("id", id)
                .query((rs, n) -> new IncidentAttachment(
                        rs.getLong("id"),
                        rs.getLong("incident_id"),
                        rs.getString("file_name"),
                        rs.getString("content_type"),
                        rs.getLong("size_bytes"),
                        rs.getString("uploaded_by"),
                        instant(rs, "uploaded_at")))
                .list();
    }

    @Transactional(readOnly = true)
    public Optional<IncidentFinalReport> finalReport(long id) {
        List<IncidentFinalReport.Rectification> rectifications = jdbc.sql(
                        "select measure, due_on from netsec_incident_rectification where incident_id = :id order by id")
                .param("id", id)
                .query((rs, n) -> new IncidentFinalReport.Rectification(
                        rs.getString("measure"), rs.getObject("due_on", LocalDate.class)))
                .list();
        return jdbc.sql("select * from netsec_incident_final where incident_id = :id")
                .param("id", id)
                .query((rs, n) -> new IncidentFinalReport(
                        rs.getString("causes"),
                        rectifications,
                        rs.getString("submitted_by"),
                        instant(rs, "submitted_at")))
                .optional();
    }

    /**
     * Appends an update (the reporter or the command) or a decision (the command only) to the time line.
     *
     * @throws RejectedInputException naming {@code kind} or {@code body}
     */
    @Transactional
    public IncidentView addEntry(Actor actor, long id, String kind, String body) {
        IncidentView incident = visible(actor, id);
        FieldProblems problems = new FieldProblems();
        String chosen = kind == null || kind.isBlank() ? "UPDATE" : kind.strip().toUpperCase(java.util.Locale.ROOT);
        if (!chosen.equals("UPDATE") && !chosen.equals("DECISION")) {
            problems.reject("kind", "invalid.choice", "is not one of the allowed values", kind);
        }
        String text = problems.multilineText("body", body, 4000);
        problems.throwIfAny();
        if (chosen.equals("DECISION") ? !canCommand(actor, incident) : !canUpdate(actor, incident)) {
            throw new AccessDeniedException("the command decides; the command and the reporter add updates");
        }
        timeline.add(id, actor, chosen, text);
        if (chosen.equals("DECISION")) {
            audit.record("netsec", "Incident", Long.toString(id), "decisionRecorded", null, Map.of("body", text));
        } else {
            audit.record("netsec", "Incident", Long.toString(id), "progressReported", null, Map.of("body", text));
        }
        return incident;
    }

    /**
     * An officer of the command sets the level by hand; both levels are kept and the response of the new
     * level starts.
     *
     * @throws RejectedInputException naming {@code level} (missing, unknown, unchanged) or {@code reason}
     */
    @Transactional
    public IncidentView override(Actor actor, long id, String level, String reason) {
        IncidentView incident = visible(actor, id);
        if (!canCommand(actor, incident)) {
            throw new AccessDeniedException("the command overrides the level");
        }
        FieldProblems problems = new FieldProblems();
        IncidentLevel chosen = problems.choice("level", level, IncidentLevel.class);
        String why = problems.multilineText("reason", reason, 1000);
        if (chosen != null && chosen == incident.level()) {
            problems.reject("level", "netsec.incident.invalid.sameLevel", "is the level already in force");
        }
        problems.throwIfAny();
        jdbc.sql("update netsec_incident set incident_level = :level, override_reason = :reason, overridden_by = :by,"
                        + " overridden_at = :at, status = 'RESPONDING' where id = :id")
                .param("level", chosen.name())
                .param("reason", why)
                .param("by", actor.username())
                .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .param("id", id)
                .update();
        String before = incident.level() == null ? "UNGRADED" : incident.level().name();
        timeline.add(id, actor, "LEVEL", before + " → " + chosen.name() + ": " + why);
        Map<String, Object> was = new LinkedHashMap<>();
        was.put("level", before);
        was.put(
                "computedLevel",
                incident.computedLevel() == null
                        ? "UNGRADED"
                        : incident.computedLevel().name());
        audit.record(
                "netsec",
                "Incident",
                Long.toString(id),
                "levelOverridden",
                was,
                Map.of("level", chosen.name(), "reason", why));
        IncidentView changed = find(DataScope.all(), id).orElseThrow();
        responses.start(actor, changed, timeline);
        return changed;
    }

    /**
     * Ticks a step of the checklist with who and when.
     *
     * @throws RejectedInputException naming {@code step} (not on the checklist, already done) or {@code note}
     */
    @Transactional
    public IncidentView tick(Actor actor, long id, String step, String note) {
        IncidentView incident = visible(actor, id);
        if (!canCommand(actor, incident)) {
            throw new AccessDeniedException("the command ticks the checklist");
        }
        FieldProblems problems = new FieldProblems();
        ResponseStep chosen = problems.choice("step", step, ResponseStep.class);
        String text = problems.optionalText("note", note, 500);
        problems.throwIfAny();
        int ticked = jdbc.sql("update netsec_incident_check set done_by = :by, done_at = :at, note = :note"
                        + " where incident_id = :id and step = :step and done_at is null")
                .param("by", actor.username())
                .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .param("note", text)
                .param("id", id)
                .param("step", chosen.name())
                .update();
        if (ticked == 0) {
            throw RejectedInputException.of(
                    "step", "netsec.incident.invalid.step", "is not an open step of the checklist");
        }
        timeline.add(id, actor, "CHECK", chosen.name() + (text == null ? "" : ": " + text));
        audit.record(
                "netsec", "ResponseCheck", id + ":" + chosen.name(), "ticked", null, Map.of("step", chosen.name()));
        return incident;
    }

    /**
     * The command gives an organisation a task with a deadline.
     *
     * @throws RejectedInputException naming {@code title}, {@code assignee} (unknown organisation) or
     *     {@code dueOn} (missing, before today)
     */
    @Transactional
    public IncidentTask addTask(Actor actor, long id, String title, String assignee, String dueOn) {
        IncidentView incident = visible(actor, id);
        if (!canCommand(actor, incident)) {
            throw new AccessDeniedException("the command gives tasks");
        }
        FieldProblems problems = new FieldProblems();
        String text = problems.text("title", title, 500);
        OrganisationView organisation = null;
        if (assignee == null || assignee.isBlank()) {
            problems.reject("assignee", "invalid.required", "is required");
        } else {
            organisation = access.organisation(assignee.strip()).orElse(null);
            if (organisation == null) {
                problems.reject(
                        "assignee", "netsec.incident.invalid.organisation", "is not a known organisation", assignee);
            }
        }
        LocalDate due = problems.date("dueOn", dueOn, true);
        if (due != null && due.isBefore(today())) {
            problems.reject("dueOn", "netsec.incident.invalid.past", "is in the past");
        }
        problems.throwIfAny();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into netsec_incident_task (incident_id, title, assignee_code, assignee_name,
                            assignee_credit, due_on, created_by, created_at)
                        values (:id, :title, :code, :name, :credit, :due, :by, :at)""")
                .param("id", id)
                .param("title", text)
                .param("code", organisation.code())
                .param("name", organisation.name())
                .param("credit", organisation.creditCode())
                .param("due", due)
                .param("by", actor.username())
                .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .update(key, "id");
        long taskId = key.getKey().longValue();
        timeline.add(id, actor, "TASK", text + " → " + organisation.name() + " (" + due + ")");
        audit.record(
                "netsec",
                "IncidentTask",
                Long.toString(taskId),
                "taskAssigned",
                null,
                Map.of("incident", id, "assignee", organisation.code(), "dueOn", due.toString()));
        return tasks(id).stream().filter(t -> t.id() == taskId).findFirst().orElseThrow();
    }

    /** Marks a task done, with an optional note; see {@link #canCompleteTask}. */
    @Transactional
    public IncidentTask completeTask(Actor actor, long id, long taskId, String note) {
        IncidentView incident = visible(actor, id);
        IncidentTask task = tasks(id).stream()
                .filter(t -> t.id() == taskId)
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("task " + taskId));
        if (!canCompleteTask(actor, incident, task)) {
            throw new AccessDeniedException("the command or the assignee marks an open task done");
        }
        FieldProblems problems = new FieldProblems();
        String text = problems.optionalText("note", note, 1000);
        problems.throwIfAny();
        jdbc.sql("update netsec_incident_task set done_by = :by, done_at = :at, done_note = :note where id = :task")
                .param("by", actor.username())
                .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .param("note", text)
                .param("task", taskId)
                .update();
        boolean late = task.overdue(today());
        timeline.add(id, actor, "TASK_DONE", task.title() + (text == null ? "" : ": " + text));
        audit.record(
                "netsec",
                "IncidentTask",
                Long.toString(taskId),
                "taskDone",
                Map.of("done", false),
                Map.of("done", true, "late", late));
        return tasks(id).stream().filter(t -> t.id() == taskId).findFirst().orElseThrow();
    }

    /**
     * Attaches an image or PDF to the incident.
     *
     * @throws RejectedInputException naming {@code file}: missing, empty, too large, not an image or PDF
     */
    @Transactional
    public IncidentAttachment attach(Actor actor, long id, String fileName, byte[] bytes) {
        IncidentView incident = visible(actor, id);
        if (!canUpdate(actor, incident)) {
            throw new AccessDeniedException("the command and the reporter attach files");
        }
        FieldProblems problems = new FieldProblems();
        String name = FileTypes.safeName(fileName, "attachment");
        String type = null;
        if (bytes == null || bytes.length == 0) {
            problems.reject("file", "netsec.incident.invalid.fileEmpty", "is empty", name);
        } else if (bytes.length > settings.attachmentMaxBytes()) {
            problems.reject(
                    "file",
                    "netsec.incident.invalid.fileTooLarge",
                    "is larger than " + settings.attachmentMaxBytes() + " bytes",
                    name,
                    settings.attachmentMaxBytes() / (1024 * 1024));
        } else {
            type = FileTypes.detect(bytes);
            if (type == null) {
                problems.reject("file", "netsec.incident.invalid.fileType", "is not an image or PDF", name);
            }
        }
        problems.throwIfAny();
        String hash = StoredFiles.store(settings.attachmentsDir(), bytes);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into netsec_incident_attachment (incident_id, file_name, content_type, size_bytes, sha256,
                            uploaded_by, uploaded_at)
                        values (:id, :name, :type, :size, :hash, :by, :at)""")
                .param("id", id)
                .param("name", name)
                .param("type", type)
                .param("size", bytes.length)
                .param("hash", hash)
                .param("by", actor.username())
                .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .update(key, "id");
        long attachmentId = key.getKey().longValue();
        timeline.add(id, actor, "ATTACHMENT", name);
        audit.record(
                "netsec",
                "IncidentAttachment",
                Long.toString(attachmentId),
                "attached",
                null,
                Map.of("incident", id, "name", name, "sha256", hash));
        return attachments(id).stream()
                .filter(a -> a.id() == attachmentId)
                .findFirst()
                .orElseThrow();
    }

    /** An attachment of an incident the actor sees (empty otherwise); reading it is audited. */
    @Transactional
    public Optional<AttachmentContent> attachment(Actor actor, long id, long attachmentId) {
        if (find(actor.scope(), id).isEmpty()) {
            return Optional.empty();
        }
        Optional<AttachmentContent> content = jdbc.sql(
                        "select file_name, content_type, sha256 from netsec_incident_attachment where id = :a and incident_id = :id")
                .param("a", attachmentId)
                .param("id", id)
                .query((rs, n) -> new AttachmentContent(
                        rs.getString(1), rs.getString(2), StoredFiles.path(settings.attachmentsDir(), rs.getString(3))))
                .optional();
        content.ifPresent(c -> audit.record(
                "netsec",
                "IncidentAttachment",
                Long.toString(attachmentId),
                "attachmentRead",
                null,
                Map.of("incident", id)));
        return content;
    }

    /**
     * The final report: causes, and rectifications each with a deadline (lists of the same length; blank
     * rows are skipped). Submitting again replaces it while the incident is open.
     *
     * @throws RejectedInputException naming {@code causes}, {@code rectifications} (none, too many),
     *     {@code measure[n]} or {@code dueOn[n]}
     */
    @Transactional
    public IncidentFinalReport submitFinalReport(
            Actor actor, long id, String causes, List<String> measures, List<String> dueOns) {
        IncidentView incident = visible(actor, id);
        if (!canUpdate(actor, incident)) {
            throw new AccessDeniedException("the command and the reporter write the final report");
        }
        FieldProblems problems = new FieldProblems();
        String text = problems.multilineText("causes", causes, 4000);
        List<IncidentFinalReport.Rectification> rectifications = new ArrayList<>();
        List<String> m = measures == null ? List.of() : measures;
        List<String> d = dueOns == null ? List.of() : dueOns;
        for (int n = 0; n < Math.max(m.size(), d.size()); n++) {
            String measure = n < m.size() ? m.get(n) : null;
            String due = n < d.size() ? d.get(n) : null;
            if ((measure == null || measure.isBlank()) && (due == null || due.isBlank())) {
                continue;
            }
            String checked = problems.text("measure" + n, measure, 500);
            LocalDate day = problems.date("dueOn" + n, due, true);
            if (checked != null && day != null) {
                rectifications.add(new IncidentFinalReport.Rectification(checked, day));
            }
        }
        if (rectifications.isEmpty() && problems.isEmpty()) {
            problems.reject(
                    "rectifications", "netsec.incident.invalid.noRectification", "needs at least one rectification");
        }
        if (rectifications.size() > MAX_RECTIFICATIONS) {
            problems.reject(
                    "rectifications", "netsec.incident.invalid.tooManyRectifications", "too many", MAX_RECTIFICATIONS);
        }
        problems.throwIfAny();
        jdbc.sql("delete from netsec_incident_rectification where incident_id = :id")
                .param("id", id)
                .update();
        jdbc.sql("delete from netsec_incident_final where incident_id = :id")
                .param("id", id)
                .update();
        jdbc.sql("insert into netsec_incident_final (incident_id, causes, submitted_by, submitted_at)"
                        + " values (:id, :causes, :by, :at)")
                .param("id", id)
                .param("causes", text)
                .param("by", actor.username())
                .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .update();
        for (IncidentFinalReport.Rectification r : rectifications) {
            jdbc.sql("insert into netsec_incident_rectification (incident_id, measure, due_on) values (:id, :m, :d)")
                    .param("id", id)
                    .param("m", r.measure())
                    .param("d", r.dueOn())
                    .update();
        }
        timeline.add(id, actor, "FINAL_REPORT", text);
        audit.record(
                "netsec",
                "Incident",
                Long.toString(id),
                "finalReport",
                null,
                Map.of("causes", text, "rectifications", rectifications.size()));
        return finalReport(id).orElseThrow();
    }

    /**
     * The command closes the incident; its duty ends.
     *
     * @throws RejectedInputException naming {@code finalReport} when there is none
     */
    @Transactional
    public IncidentView close(Actor actor, long id) {
        IncidentView incident = visible(actor, id);
        if (!canCommand(actor, incident)) {
            throw new AccessDeniedException("the command closes an open incident");
        }
        if (finalReport(id).isEmpty()) {
            throw RejectedInputException.of(
                    "finalReport", "netsec.incident.invalid.noFinalReport", "an incident closes with its final report");
        }
        jdbc.sql("update netsec_incident set status = 'CLOSED', closed_by = :by, closed_at = :at where id = :id")
                .param("by", actor.username())
                .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .param("id", id)
                .update();
        responses.endDuty(actor, id);
        timeline.add(id, actor, "CLOSED", null);
        audit.record(
                "netsec",
                "Incident",
                Long.toString(id),
                "closed",
                Map.of("status", incident.status().name()),
                Map.of("status", IncidentStatus.CLOSED.name()));
        return find(DataScope.all(), id).orElseThrow();
    }

    /** The organisations a task may go to: administrations and enterprises (operators, internet companies). */
    @Transactional(readOnly = true)
    public List<OrganisationView> assignees() {
        return access.organisations().stream()
                .filter(o -> o.type() == OrganisationType.ADMINISTRATION || o.type() == OrganisationType.OPERATOR)
                .toList();
    }

    private IncidentView visible(Actor actor, long id) {
        return find(actor.scope(), id).orElseThrow(() -> new NoSuchElementException("incident " + id));
    }

    private OrganisationView reporter(Actor actor) {
        return access.organisations().stream()
                .filter(o -> o.id() == actor.organisationId())
                .findFirst()
                .orElseGet(() -> access.organisation(IncidentResponses.MINISTRY).orElseThrow());
    }

    private static Set<String> provinces(FieldProblems problems, List<String> texts) {
        Set<String> codes = new TreeSet<>();
        for (String text : texts) {
            if (text == null || text.isBlank()) {
                continue;
            }
            ProvinceCode province = problems.parse("provinces", text, ProvinceCode::of);
            if (province != null) {
                codes.add(province.code());
            }
        }
        if (codes.isEmpty() && texts.stream().allMatch(t -> t == null || t.isBlank())) {
            problems.reject("provinces", "invalid.required", "is required");
        }
        return codes;
    }

    private static Long users(FieldProblems problems, String text) {
        if (text == null || text.isBlank()) {
            problems.reject("affectedUsers", "invalid.required", "is required");
            return null;
        }
        try {
            long users = Long.parseLong(text.strip().replace(",", "").replace("，", ""));
            if (users < 0) {
                problems.reject("affectedUsers", "netsec.incident.invalid.negative", "is below zero");
                return null;
            }
            if (users > MAX_USERS) {
                problems.reject("affectedUsers", "netsec.incident.invalid.tooMany", "is implausibly large", MAX_USERS);
                return null;
            }
            return users;
        } catch (NumberFormatException e) {
            problems.reject("affectedUsers", "netsec.incident.invalid.number", "is not a whole number", text.strip());
            return null;
        }
    }

    private static Integer count(FieldProblems problems, String field, String text, boolean required, int max) {
        if (text == null || text.isBlank()) {
            if (required) {
                problems.reject(field, "invalid.required", "is required");
            }
            return null;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value < 1 || value > max) {
                problems.reject(field, "netsec.incident.invalid.range", "is out of range", 1, max);
                return null;
            }
            return value;
        } catch (NumberFormatException e) {
            problems.reject(field, "netsec.incident.invalid.number", "is not a whole number", text.strip());
            return null;
        }
    }

    private CompanyView company(FieldProblems problems, Actor actor, IncidentType type, String text) {
        String code = actor.role() == Role.OPERATOR ? actor.scope().creditCode() : text;
        if (code == null || code.isBlank()) {
            if (type == IncidentType.DATA_LEAK) {
                problems.reject("companyCreditCode", "invalid.required", "is required");
            }
            return null;
        }
        CreditCode creditCode = problems.parse("companyCreditCode", code, CreditCode::of);
        if (creditCode == null) {
            return null;
        }
        Optional<CompanyView> company = companies.find(DataScope.all(), creditCode.value());
        if (company.isEmpty()) {
            problems.reject(
                    "companyCreditCode",
                    "netsec.incident.invalid.company",
                    "is not a registered company",
                    code.strip());
        }
        return company.orElse(null);
    }

    private static LocalDateTime time(
            FieldProblems problems, String field, String text, boolean required, LocalDateTime now) {
        if (text == null || text.isBlank()) {
            if (required) {
                problems.reject(field, "invalid.required", "is required");
            }
            return null;
        }
        LocalDateTime time;
        try {
            time = LocalDateTime.parse(text.strip().replace(' ', 'T')).truncatedTo(ChronoUnit.MINUTES);
        } catch (DateTimeParseException e) {
            problems.reject(field, "netsec.incident.invalid.time", "is not a time like 2026-12-01T08:30");
            return null;
        }
        if (time.isAfter(now)) {
            problems.reject(field, "invalid.future", "is in the future");
            return null;
        }
        return time;
    }

    private static String scopeCondition(DataScope scope, Map<String, Object> params) {
        return switch (scope.kind()) {
            case ALL -> "1 = 1";
            case PROVINCE -> {
                params.put("scopeProvince", scope.provinceCode());
                yield "exists (select 1 from netsec_incident_province s where s.incident_id = i.id"
                        + " and s.province_code = :scopeProvince)";
            }
            case ENTERPRISE -> {
                params.put("scopeEnterprise", scope.creditCode());
                yield "(i.reporter_credit = :scopeEnterprise or i.company_credit = :scopeEnterprise"
                        + " or exists (select 1 from netsec_incident_task s where s.incident_id = i.id"
                        + " and s.assignee_credit = :scopeEnterprise))";
            }
            case NONE -> "1 = 0";
        };
    }

    private List<IncidentView> withProvinces(List<IncidentView> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, List<String>> provinces = new HashMap<>();
        jdbc.sql("select incident_id, province_code from netsec_incident_province where incident_id in (:ids)"
                        + " order by province_code")
                .param("ids", rows.stream().map(IncidentView::id).toList())
                .query((rs, n) -> provinces
                        .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(rs.getString(2)))
                .list();
        return rows.stream()
                .map(i -> new IncidentView(
                        i.id(),
                        i.type(),
                        i.title(),
                        i.status(),
                        i.computedLevel(),
                        i.level(),
                        i.overrideReason(),
                        i.overriddenBy(),
                        i.reporterCode(),
                        i.reporterName(),
                        i.reporterCreditCode(),
                        i.companyCreditCode(),
                        i.companyName(),
                        List.copyOf(provinces.getOrDefault(i.id(), List.of())),
                        i.affectedCities(),
                        i.affectedUsers(),
                        i.services(),
                        i.dataKinds(),
                        i.startedAt(),
                        i.detectedAt(),
                        i.reportedAt(),
                        i.description(),
                        i.recordedAt(),
                        i.closedAt(),
                        i.closedBy()))
                .toList();
    }

    private static IncidentView row(ResultSet rs, int n) throws SQLException {
        return new IncidentView(
                rs.getLong("id"),
                IncidentType.valueOf(rs.getString("incident_type")),
                rs.getString("title"),
                IncidentStatus.valueOf(rs.getString("status")),
                IncidentLevel.parse(rs.getString("computed_level")),
                IncidentLevel.parse(rs.getString("incident_level")),
                rs.getString("override_reason"),
                rs.getString("overridden_by"),
                rs.getString("reporter_org_code"),
                rs.getString("reporter_org_name"),
                rs.getString("reporter_credit"),
                rs.getString("company_credit"),
                rs.getString("company_name"),
                List.of(),
                rs.getInt("affected_cities"),
                rs.getLong("affected_users"),
                rs.getString("services"),
                rs.getString("data_kinds"),
                rs.getObject("started_at", LocalDateTime.class),
                rs.getObject("detected_at", LocalDateTime.class),
                rs.getObject("reported_at", LocalDateTime.class),
                rs.getString("description"),
                instant(rs, "recorded_at"),
                instant(rs, "closed_at"),
                rs.getString("closed_by"));
    }

    private static ResponseDuty duty(ResultSet rs, int n) throws SQLException {
        long incident = rs.getLong("incident_id");
        Long incidentId = rs.wasNull() ? null : incident;
        long warning = rs.getLong("warning_id");
        Long warningId = rs.wasNull() ? null : warning;
        return new ResponseDuty(
                rs.getLong("id"),
                incidentId,
                warningId,
                instant(rs, "started_at"),
                rs.getString("started_by"),
                instant(rs, "ended_at"),
                rs.getString("ended_by"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    static ResponseDuty dutyRow(ResultSet rs, int n) throws SQLException {
        return duty(rs, n);
    }
}
