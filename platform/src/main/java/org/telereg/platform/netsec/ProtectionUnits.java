package org.telereg.platform.netsec;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.access.Role;
import org.telereg.platform.audit.AuditTrail;
import org.telereg.platform.entity.CompanyRegistry;
import org.telereg.platform.entity.CompanyView;
import org.telereg.platform.notices.Notices;
import org.telereg.platform.shared.FieldProblems;
import org.telereg.platform.shared.ProvinceCode;
import org.telereg.platform.shared.RejectedInputException;

/**
 * Network units and their grading (定级备案): an operator registers a unit, grades it 1–5 with the
 * rationale and the expert review (a DRAFT version, to be filed within {@code telereg.netsec.filing-days}
 * of the review), files it (FILED), and the administration approves it (APPROVED: the unit's grade)
 * or returns it with reasons (RETURNED). National units are decided by the ministry, provincial ones
 * by their province's administration. Re-grading adds a version; a unit has at most one open one.
 */
@Service
public class ProtectionUnits {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final String MINISTRY = "MIIT";

    private static final String SELECT = "select u.*, g.version as latest_version, g.status as latest_status,"
            + " g.grade as latest_grade, g.filing_due_on from netsec_unit u"
            + " left join netsec_unit_grading g on g.id = u.latest_grading_id";

    private final JdbcClient jdbc;
    private final CompanyRegistry companies;
    private final AuditTrail audit;
    private final Notices notices;
    private final ProtectionSettings settings;
    private final Clock clock;

    ProtectionUnits(
            JdbcClient jdbc,
            CompanyRegistry companies,
            AuditTrail audit,
            Notices notices,
            ProtectionSettings settings,
            Clock clock) {
        this.jdbc = jdbc;
        this.companies = companies;
        this.audit = audit;
        this.notices = notices;
        this.settings = settings;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(CHINA));
    }

    /** Operators (and internet companies, which report with the operator role) register their own units. */
    public static boolean canRegister(Actor actor) {
        return actor.role() == Role.OPERATOR && actor.scope().kind() == DataScope.Kind.ENTERPRISE;
    }

    /** Whether the actor reports for the unit's company. */
    public static boolean owns(Actor actor, UnitView unit) {
        return canRegister(actor) && unit.creditCode().equals(actor.scope().creditCode());
    }

    /** The owner grades a unit that has no open version. */
    public static boolean canGrade(Actor actor, UnitView unit) {
        return owns(actor, unit)
                && (unit.latestStatus() == null || !unit.latestStatus().open());
    }

    /** The owner files a draft. */
    public static boolean canFile(Actor actor, UnitView unit) {
        return owns(actor, unit) && unit.latestStatus() == GradingStatus.DRAFT;
    }

    /**
     * Whether the actor is the unit's administration: the ministry's staff for a national unit, the
     * province's officers for a provincial one.
     */
    public static boolean administers(Actor actor, UnitView unit) {
        if (unit.national()) {
            return (actor.role() == Role.MINISTRY_ADMIN || actor.role() == Role.MINISTRY_OFFICER)
                    && actor.scope().kind() == DataScope.Kind.ALL;
        }
        return actor.role() == Role.PROVINCIAL_OFFICER
                && actor.scope().kind() == DataScope.Kind.PROVINCE
                && unit.provinceCode().equals(actor.scope().provinceCode());
    }

    /** The unit's administration approves or returns a filed version. */
    public static boolean canDecide(Actor actor, UnitView unit) {
        return administers(actor, unit) && unit.latestStatus() == GradingStatus.FILED;
    }

    /** The organisation code of the administration that decides the unit's filings. */
    static String administration(UnitView unit) {
        return unit.national() ? MINISTRY : "CA-" + unit.provinceCode();
    }

    /** The units the scope covers, matching the search, by company and name. */
    @Transactional(readOnly = true)
    public List<UnitView> list(DataScope scope, UnitSearch search) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where =
                new StringBuilder(" where ").append(scope.sqlCondition("u.province_code", "u.credit_code", params));
        if (search.status() != null && !search.status().isBlank()) {
            if ("UNGRADED".equalsIgnoreCase(search.status().strip())) {
                where.append(" and u.latest_grading_id is null");
            } else {
                where.append(" and g.status = :status");
                params.put("status", search.status().strip().toUpperCase(java.util.Locale.ROOT));
            }
        }
        if (search.provinceCode() != null && !search.provinceCode().isBlank()) {
            if ("national".equalsIgnoreCase(search.provinceCode().strip())) {
                where.append(" and u.province_code is null");
            } else {
                where.append(" and u.province_code = :province");
                params.put("province", search.provinceCode().strip());
            }
        }
        if (search.grade() != null) {
            where.append(" and u.grade = :grade");
            params.put("grade", search.grade());
        }
        if (search.company() != null && !search.company().isBlank()) {
            where.append(" and u.credit_code = :company");
            params.put("company", search.company().strip());
        }
        if (search.text() != null && !search.text().isBlank()) {
            where.append(" and (lower(u.name) like :text or lower(u.company_name) like :text)");
            params.put("text", "%" + search.text().strip().toLowerCase(java.util.Locale.ROOT) + "%");
        }
        if (search.overdueOnly()) {
            where.append(" and g.status = 'DRAFT' and g.filing_due_on < :today");
            params.put("today", today());
        }
        return jdbc.sql(SELECT + where + " order by u.company_name, u.name, u.id")
                .params(params)
                .query(ProtectionUnits::view)
                .list();
    }

    @Transactional(readOnly = true)
    public Optional<UnitView> find(DataScope scope, long id) {
        Map<String, Object> params = new HashMap<>();
        return jdbc.sql(SELECT + " where u.id = :id and "
                        + scope.sqlCondition("u.province_code", "u.credit_code", params))
                .params(params)
                .param("id", id)
                .query(ProtectionUnits::view)
                .optional();
    }

    /** Filed versions the actor's administration has to decide, oldest filing first. */
    @Transactional(readOnly = true)
    public List<UnitView> queue(Actor actor) {
        return list(actor.scope(), UnitSearch.inStatus(GradingStatus.FILED)).stream()
                .filter(unit -> administers(actor, unit))
                .toList();
    }

    /** The unit's grading versions, newest first. */
    @Transactional(readOnly = true)
    public List<GradingView> gradings(long unitId) {
        return jdbc.sql("select * from netsec_unit_grading where unit_id = :unit order by version desc")
                .param("unit", unitId)
                .query(ProtectionUnits::grading)
                .list();
    }

    @Transactional(readOnly = true)
    public List<ProtectionStep> steps(long unitId) {
        return jdbc.sql("select * from netsec_unit_step where unit_id = :unit order by id")
                .param("unit", unitId)
                .query((rs, n) -> new ProtectionStep(
                        rs.getString("action"),
                        rs.getString("actor"),
                        rs.getObject("at", OffsetDateTime.class).toInstant(),
                        rs.getString("note")))
                .list();
    }

    /**
     * An operator registers one of its units.
     *
     * @throws RejectedInputException naming {@code name} (missing, too long, already a unit of the
     *     company), {@code kind} or {@code provinceCode}
     * @throws AccessDeniedException unless {@link #canRegister}
     */
    @Transactional
    public UnitView register(Actor actor, UnitInput input) {
        if (!canRegister(actor)) {
            throw new AccessDeniedException("operators register their own network units");
        }
        String creditCode = actor.scope().creditCode();
        FieldProblems problems = new FieldProblems();
        ValidUnit unit = validate(problems, creditCode, input);
        problems.throwIfAny();
        return find(DataScope.all(), insert(actor, creditCode, companyName(actor), unit))
                .orElseThrow();
    }

    /** A unit whose fields passed {@link #validate}. */
    record ValidUnit(String name, UnitKind kind, ProvinceCode province, String description) {}

    /**
     * Checks a new unit's fields, recording each problem; the result is only meaningful when no
     * problem was recorded.
     */
    ValidUnit validate(FieldProblems problems, String creditCode, UnitInput input) {
        String name = problems.text("name", input.name(), 100);
        UnitKind kind = problems.choice("kind", input.kind(), UnitKind.class);
        ProvinceCode province = problems.parseOptional("provinceCode", input.provinceCode(), ProvinceCode::of);
        String description = problems.optionalMultilineText("description", input.description(), 1000);
        if (name != null
                && jdbc.sql("select count(*) from netsec_unit where credit_code = :code and name = :name")
                                .param("code", creditCode)
                                .param("name", name)
                                .query(Long.class)
                                .single()
                        > 0) {
            problems.reject(
                    "name", "netsec.unit.invalid.duplicateName", "the company already has a unit of this name", name);
        }
        return new ValidUnit(name, kind, province, description);
    }

    String companyName(Actor actor) {
        return companies
                .find(DataScope.all(), actor.scope().creditCode())
                .map(CompanyView::name)
                .orElse(actor.organisationName());
    }

    /** Writes a validated unit, its first step and its audit entry; returns its id. */
    long insert(Actor actor, String creditCode, String companyName, ValidUnit unit) {
        jdbc.sql("""
                insert into netsec_unit (credit_code, company_name, name, kind, province_code, description, created_at,
                    created_by)
                values (:code, :company, :name, :kind, :province, :description, :now, :by)""")
                .param("code", creditCode)
                .param("company", companyName)
                .param("name", unit.name())
                .param("kind", unit.kind().name())
                .param(
                        "province",
                        unit.province() == null ? null : unit.province().code())
                .param("description", unit.description())
                .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .param("by", actor.username())
                .update();
        long id = jdbc.sql("select id from netsec_unit where credit_code = :code and name = :name")
                .param("code", creditCode)
                .param("name", unit.name())
                .query(Long.class)
                .single();
        step(id, "UNIT_REGISTERED", actor, unit.name());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("company", creditCode);
        after.put("name", unit.name());
        after.put("kind", unit.kind().name());
        after.put(
                "province",
                unit.province() == null ? "national" : unit.province().code());
        audit.record("netsec", "NetworkUnit", Long.toString(id), "registered", null, after);
        return id;
    }

    /**
     * The owner grades the unit with its expert review: a new DRAFT version, to be filed within
     * {@code filing-days} of the review.
     *
     * @throws RejectedInputException naming {@code grade} (not 1–5), {@code impactObjects},
     *     {@code impactDegree}, {@code reviewedOn} (missing, not a date, in the future), {@code experts}
     *     or {@code reviewConclusion}
     * @throws AccessDeniedException unless {@link #canGrade}
     */
    @Transactional
    public GradingView grade(Actor actor, long unitId, GradingInput input) {
        UnitView unit = find(actor.scope(), unitId).orElseThrow(() -> new NoSuchElementException("unit " + unitId));
        if (!canGrade(actor, unit)) {
            throw new AccessDeniedException("the unit's company grades it when no version is open");
        }
        FieldProblems problems = new FieldProblems();
        Integer grade = grade(problems, input.grade());
        String objects = problems.multilineText("impactObjects", input.impactObjects(), 1000);
        String degree = problems.multilineText("impactDegree", input.impactDegree(), 1000);
        LocalDate reviewedOn = problems.pastDate("reviewedOn", input.reviewedOn(), true, today());
        String experts = problems.text("experts", input.experts(), 500);
        String conclusion = problems.multilineText("reviewConclusion", input.reviewConclusion(), 2000);
        problems.throwIfAny();
        int version = unit.latestVersion() == null ? 1 : unit.latestVersion() + 1;
        LocalDate due = filingDeadline(reviewedOn);
        jdbc.sql("""
                insert into netsec_unit_grading (unit_id, version, grade, impact_objects, impact_degree, reviewed_on,
                    experts, review_conclusion, filing_due_on, status, created_at, created_by)
                values (:unit, :version, :grade, :objects, :degree, :reviewed, :experts, :conclusion, :due, 'DRAFT',
                    :now, :by)""")
                .param("unit", unitId)
                .param("version", version)
                .param("grade", grade)
                .param("objects", objects)
                .param("degree", degree)
                .param("reviewed", reviewedOn)
                .param("experts", experts)
                .param("conclusion", conclusion)
                .param("due", due)
                .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .param("by", actor.username())
                .update();
        long gradingId = jdbc.sql("select id from netsec_unit_grading where unit_id = :unit and version = :version")
                .param("unit", unitId)
                .param("version", version)
                .query(Long.class)
                .single();
        // Guarded by the version read above: a second grading at the same moment finds it changed.
        int moved = jdbc.sql("update netsec_unit set latest_grading_id = :grading where id = :unit"
                        + " and coalesce(latest_grading_id, 0) = :before")
                .param("grading", gradingId)
                .param("unit", unitId)
                .param("before", unit.latestGradingId() == null ? 0L : unit.latestGradingId())
                .update();
        if (moved == 0) {
            throw RejectedInputException.of(null, "netsec.unit.invalid.changed", "the unit changed meanwhile: reload");
        }
        step(unitId, "GRADED", actor, "v" + version + " · " + grade);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("unit", unitId);
        after.put("version", version);
        after.put("grade", grade);
        after.put("reviewedOn", reviewedOn.toString());
        after.put("filingDueOn", due.toString());
        audit.record("netsec", "UnitGrading", Long.toString(gradingId), "graded", null, after);
        return gradings(unitId).get(0);
    }

    /** The day a grading reviewed on {@code reviewedOn} must be filed by (the last day allowed). */
    public LocalDate filingDeadline(LocalDate reviewedOn) {
        return reviewedOn.plusDays(settings.filingDays());
    }

    /**
     * The owner files the draft; after its deadline the filing is taken and marked late.
     *
     * @throws AccessDeniedException unless {@link #canFile}
     */
    @Transactional
    public GradingView file(Actor actor, long unitId) {
        UnitView unit = find(actor.scope(), unitId).orElseThrow(() -> new NoSuchElementException("unit " + unitId));
        if (!canFile(actor, unit)) {
            throw new AccessDeniedException("the unit's company files its draft grading");
        }
        LocalDate today = today();
        boolean late = today.isAfter(unit.filingDueOn());
        move(
                unit,
                GradingStatus.DRAFT,
                GradingStatus.FILED,
                "filed_on = :day, filed_late = :late",
                Map.of("day", today, "late", late));
        step(unitId, late ? "FILED_LATE" : "FILED", actor, "v" + unit.latestVersion());
        audit.record(
                "netsec",
                "UnitGrading",
                Long.toString(unit.latestGradingId()),
                "filed",
                Map.of("status", GradingStatus.DRAFT.name()),
                Map.of("status", GradingStatus.FILED.name(), "filedOn", today.toString(), "late", late));
        notices.send(
                administration(unit),
                "netsec.unit.notice.filed",
                List.of(unit.companyName(), unit.name(), unit.latestGrade()),
                "/console/netsec/units/" + unitId,
                "netsec.filed:" + unit.latestGradingId());
        return gradings(unitId).get(0);
    }

    /**
     * The unit's administration approves the filed version: the unit takes its grade from today.
     *
     * @throws AccessDeniedException unless {@link #canDecide}: another province's officer, or a
     *     provincial officer on a national unit, is refused
     */
    @Transactional
    public GradingView approve(Actor actor, long unitId, String note) {
        UnitView unit = decidable(actor, unitId);
        FieldProblems problems = new FieldProblems();
        String text = problems.optionalMultilineText("note", note, 1000);
        problems.throwIfAny();
        LocalDate today = today();
        move(
                unit,
                GradingStatus.FILED,
                GradingStatus.APPROVED,
                "decided_on = :day, decided_by = :by, decision_note = :note",
                noteParams(today, actor, text));
        jdbc.sql("update netsec_unit set grade = :grade, approved_on = :day where id = :id")
                .param("grade", unit.latestGrade())
                .param("day", today)
                .param("id", unitId)
                .update();
        return decided(actor, unit, GradingStatus.APPROVED, text);
    }

    /**
     * The unit's administration returns the filed version with its reasons.
     *
     * @throws RejectedInputException naming {@code reasons} when they are missing
     * @throws AccessDeniedException unless {@link #canDecide}
     */
    @Transactional
    public GradingView returnFiling(Actor actor, long unitId, String reasons) {
        UnitView unit = decidable(actor, unitId);
        FieldProblems problems = new FieldProblems();
        String text = problems.multilineText("reasons", reasons, 1000);
        problems.throwIfAny();
        move(
                unit,
                GradingStatus.FILED,
                GradingStatus.RETURNED,
                "decided_on = :day, decided_by = :by, decision_note = :note",
                noteParams(today(), actor, text));
        return decided(actor, unit, GradingStatus.RETURNED, text);
    }

    private UnitView decidable(Actor actor, long unitId) {
        // Looked up beyond the actor's scope so that the wrong administration is told it may not decide.
        UnitView unit = find(DataScope.all(), unitId).orElseThrow(() -> new NoSuchElementException("unit " + unitId));
        if (!administers(actor, unit)) {
            throw new AccessDeniedException(
                    unit.national()
                            ? "the ministry decides the filings of national units"
                            : "the province's administration decides the filings of its units");
        }
        if (unit.latestStatus() != GradingStatus.FILED) {
            throw RejectedInputException.of(
                    null, "netsec.unit.invalid.notFiled", "the unit has no filed grading to decide");
        }
        return unit;
    }

    private GradingView decided(Actor actor, UnitView unit, GradingStatus to, String note) {
        step(unit.id(), to.name(), actor, note);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", to.name());
        after.put("grade", unit.latestGrade());
        if (note != null) {
            after.put("note", note);
        }
        audit.record(
                "netsec",
                "UnitGrading",
                Long.toString(unit.latestGradingId()),
                to == GradingStatus.APPROVED ? "approved" : "returned",
                Map.of("status", GradingStatus.FILED.name()),
                after);
        notices.send(
                unit.creditCode(),
                to == GradingStatus.APPROVED ? "netsec.unit.notice.approved" : "netsec.unit.notice.returned",
                List.of(unit.name(), unit.latestGrade(), note == null ? "" : note),
                "/console/netsec/units/" + unit.id(),
                "netsec.decided:" + unit.latestGradingId());
        return gradings(unit.id()).get(0);
    }

    private static Map<String, Object> noteParams(LocalDate day, Actor actor, String note) {
        Map<String, Object> params = new HashMap<>();
        params.put("day", day);
        params.put("by", actor.username());
        params.put("note", note);
        return params;
    }

    /** Moves the unit's newest version from one status to the next, refusing if it moved meanwhile. */
    private void move(UnitView unit, GradingStatus from, GradingStatus to, String set, Map<String, Object> params) {
        int moved = jdbc.sql(
                        "update netsec_unit_grading set status = :to, " + set + " where id = :id and status = :from")
                .params(params)
                .param("to", to.name())
                .param("from", from.name())
                .param("id", unit.latestGradingId())
                .update();
        if (moved == 0) {
            throw RejectedInputException.of(null, "netsec.unit.invalid.changed", "the unit changed meanwhile: reload");
        }
    }

    static Integer grade(FieldProblems problems, String text) {
        if (text == null || text.isBlank()) {
            problems.reject("grade", "invalid.required", "is required");
            return null;
        }
        try {
            int grade = Integer.parseInt(text.strip());
            if (grade >= 1 && grade <= 5) {
                return grade;
            }
        } catch (NumberFormatException e) {
            // reported below like an out-of-range grade
        }
        problems.reject("grade", "netsec.unit.invalid.grade", "is not a grade from 1 to 5", text.strip());
        return null;
    }

    void step(long unitId, String action, Actor actor, String note) {
        String name = actor.username();
        jdbc.sql(
                        "insert into netsec_unit_step (unit_id, action, actor, at, note) values (:unit, :action, :actor, :at, :note)")
                .param("unit", unitId)
                .param("action", action)
                .param("actor", name.length() > 100 ? name.substring(0, 100) : name)
                .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .param("note", note == null || note.length() <= 1000 ? note : note.substring(0, 1000))
                .update();
    }

    static UnitView view(ResultSet rs, int row) throws SQLException {
        String status = rs.getString("latest_status");
        return new UnitView(
                rs.getLong("id"),
                rs.getString("credit_code"),
                rs.getString("company_name"),
                rs.getString("name"),
                UnitKind.valueOf(rs.getString("kind")),
                rs.getString("province_code"),
                rs.getString("description"),
                rs.getObject("grade", Integer.class),
                rs.getObject("approved_on", LocalDate.class),
                rs.getObject("latest_grading_id", Long.class),
                rs.getObject("latest_version", Integer.class),
                status == null ? null : GradingStatus.valueOf(status),
                rs.getObject("latest_grade", Integer.class),
                rs.getObject("filing_due_on", LocalDate.class),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    static GradingView grading(ResultSet rs, int row) throws SQLException {
        return new GradingView(
                rs.getLong("id"),
                rs.getLong("unit_id"),
                rs.getInt("version"),
                rs.getInt("grade"),
                rs.getString("impact_objects"),
                rs.getString("impact_degree"),
                rs.getObject("reviewed_on", LocalDate.class),
                rs.getString("experts"),
                rs.getString("review_conclusion"),
                rs.getObject("filing_due_on", LocalDate.class),
                GradingStatus.valueOf(rs.getString("status")),
                rs.getObject("filed_on", LocalDate.class),
                rs.getBoolean("filed_late"),
                rs.getObject("decided_on", LocalDate.class),
                rs.getString("decided_by"),
                rs.getString("decision_note"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getString("created_by"));
    }
}
