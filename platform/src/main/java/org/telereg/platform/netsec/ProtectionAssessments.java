package org.telereg.platform.netsec;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
import org.springframework.transaction.annotation.Transactional;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.audit.AuditTrail;
import org.telereg.platform.notices.Notices;
import org.telereg.platform.shared.FieldProblems;
import org.telereg.platform.shared.RejectedInputException;

/**
 * Compliance and risk assessment reports on graded units: the operator uploads a report with its
 * findings (SUBMITTED), the unit's administration accepts it (ACCEPTED: the next assessment of its
 * kind falls due counted from its date) or returns it with reasons (RETURNED); the operator marks
 * each finding rectified with its evidence.
 */
@Service
public class ProtectionAssessments {

    /** The most findings one report may carry. */
    static final int MAX_FINDINGS = 200;

    private static final String SELECT = "select a.*, u.name as unit_name, u.credit_code, u.company_name,"
            + " u.province_code,"
            + " (select count(*) from netsec_assessment_finding f where f.assessment_id = a.id) as findings,"
            + " (select count(*) from netsec_assessment_finding f where f.assessment_id = a.id"
            + " and f.rectified_on is null) as open_findings,"
            + " (select count(*) from netsec_assessment_finding f where f.assessment_id = a.id"
            + " and f.rectified_on is null and f.rectify_by < :today) as overdue_findings"
            + " from netsec_assessment a join netsec_unit u on u.id = a.unit_id";

    private final JdbcClient jdbc;
    private final ProtectionUnits units;
    private final AuditTrail audit;
    private final Notices notices;
    private final Clock clock;

    ProtectionAssessments(JdbcClient jdbc, ProtectionUnits units, AuditTrail audit, Notices notices, Clock clock) {
        this.jdbc = jdbc;
        this.units = units;
        this.audit = audit;
        this.notices = notices;
        this.clock = clock;
    }

    /** The owner of a graded unit uploads its assessment reports. */
    public static boolean canSubmit(Actor actor, UnitView unit) {
        return ProtectionUnits.owns(actor, unit) && unit.grade() != null;
    }

    /** The unit's administration accepts or returns a submitted report. */
    public static boolean canDecide(Actor actor, UnitView unit, AssessmentView assessment) {
        return ProtectionUnits.administers(actor, unit) && assessment.status() == AssessmentStatus.SUBMITTED;
    }

    /** The owner marks an open finding of a report that was not returned rectified. */
    public static boolean canRectify(Actor actor, UnitView unit, AssessmentView assessment) {
        return ProtectionUnits.owns(actor, unit) && assessment.status() != AssessmentStatus.RETURNED;
    }

    /** The reports the scope covers, of one unit or all, optionally of one status, newest first. */
    @Transactional(readOnly = true)
    public List<AssessmentView> list(DataScope scope, Long unitId, AssessmentStatus status) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where =
                new StringBuilder(" where ").append(scope.sqlCondition("u.province_code", "u.credit_code", params));
        if (unitId != null) {
            where.append(" and a.unit_id = :unit");
            params.put("unit", unitId);
        }
        if (status != null) {
            where.append(" and a.status = :status");
            params.put("status", status.name());
        }
        params.put("today", units.today());
        return jdbc.sql(SELECT + where + " order by a.assessed_on desc, a.id desc")
                .params(params)
                .query(ProtectionAssessments::view)
                .list();
    }

    @Transactional(readOnly = true)
    public Optional<AssessmentView> find(DataScope scope, long id) {
        Map<String, Object> params = new HashMap<>();
        params.put("today", units.today());
        return jdbc.sql(SELECT + " where a.id = :id and "
                        + scope.sqlCondition("u.province_code", "u.credit_code", params))
                .params(params)
                .param("id", id)
                .query(ProtectionAssessments::view)
                .optional();
    }

    @Transactional(readOnly = true)
    public List<FindingView> findings(long assessmentId) {
        return jdbc.sql("select * from netsec_assessment_finding where assessment_id = :id order by line_no")
                .param("id", assessmentId)
                .query(ProtectionAssessments::finding)
                .list();
    }

    /**
     * The owner uploads an assessment report on a graded unit.
     *
     * @throws RejectedInputException naming {@code kind}, {@code assessor}, {@code assessedOn} (missing,
     *     not a date, in the future), {@code conclusion}, or {@code findings[n].severity},
     *     {@code findings[n].description}, {@code findings[n].rectifyBy} (missing, not a date, before
     *     the assessment) of the n-th finding
     * @throws AccessDeniedException unless {@link #canSubmit}
     */
    @Transactional
    public AssessmentView submit(Actor actor, long unitId, AssessmentInput input) {
        UnitView unit =
                units.find(actor.scope(), unitId).orElseThrow(() -> new NoSuchElementException("unit " + unitId));
        if (!canSubmit(actor, unit)) {
            throw new AccessDeniedException("the company of a graded unit uploads its assessments");
        }
        FieldProblems problems = new FieldProblems();
        AssessmentKind kind = problems.choice("kind", input.kind(), AssessmentKind.class);
        String assessor = problems.text("assessor", input.assessor(), 200);
        LocalDate assessedOn = problems.pastDate("assessedOn", input.assessedOn(), true, units.today());
        String conclusion = problems.multilineText("conclusion", input.conclusion(), 2000);
        if (input.findings().size() > MAX_FINDINGS) {
            problems.reject("findings", "netsec.assessment.invalid.tooManyFindings", "too many findings", MAX_FINDINGS);
        }
        List<Object[]> findings = new ArrayList<>();
        for (int i = 0; i < input.findings().size() && i < MAX_FINDINGS; i++) {
            FindingInput finding = input.findings().get(i);
            String prefix = "findings[" + (i + 1) + "].";
            FindingSeverity severity = severity(problems, prefix + "severity", finding.severity());
            String description = problems.text(prefix + "description", finding.description(), 1000);
            LocalDate rectifyBy = problems.date(prefix + "rectifyBy", finding.rectifyBy(), true);
            if (rectifyBy != null && assessedOn != null && rectifyBy.isBefore(assessedOn)) {
                problems.reject(
                        prefix + "rectifyBy",
                        "netsec.assessment.invalid.rectifyBeforeAssessment",
                        "is before the assessment",
                        rectifyBy.toString());
            }
            findings.add(new Object[] {severity, description, rectifyBy});
        }
        problems.throwIfAny();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into netsec_assessment (unit_id, kind, assessor, assessed_on, conclusion, status, submitted_at,
                    submitted_by)
                values (:unit, :kind, :assessor, :assessed, :conclusion, 'SUBMITTED', :now, :by)""")
                .param("unit", unitId)
                .param("kind", kind.name())
                .param("assessor", assessor)
                .param("assessed", assessedOn)
                .param("conclusion", conclusion)
                .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .param("by", actor.username())
                .update(key, "id");
        long id = key.getKey().longValue();
        int line = 0;
        for (Object[] finding : findings) {
            jdbc.sql("""
                    insert into netsec_assessment_finding (assessment_id, line_no, severity, description, rectify_by)
                    values (:assessment, :line, :severity, :description, :rectifyBy)""")
                    .param("assessment", id)
                    .param("line", ++line)
                    .param("severity", ((FindingSeverity) finding[0]).name())
                    .param("description", finding[1])
                    .param("rectifyBy", finding[2])
                    .update();
        }
        units.step(unitId, "ASSESSMENT_SUBMITTED", actor, kind.name() + " · " + assessedOn);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("unit", unitId);
        after.put("kind", kind.name());
        after.put("assessor", assessor);
        after.put("assessedOn", assessedOn.toString());
        after.put("findings", findings.size());
        audit.record("netsec", "UnitAssessment", Long.toString(id), "submitted", null, after);
        notices.send(
                ProtectionUnits.administration(unit),
                "netsec.assessment.notice.submitted",
                List.of(unit.companyName(), unit.name()),
                "/console/netsec/assessments/" + id,
                "netsec.assessment-submitted:" + id);
        return find(DataScope.all(), id).orElseThrow();
    }

    /** The unit's administration accepts a submitted report. */
    @Transactional
    public AssessmentView accept(Actor actor, long id, String note) {
        FieldProblems problems = new FieldProblems();
        String text = problems.optionalMultilineText("note", note, 1000);
        problems.throwIfAny();
        return decide(actor, id, AssessmentStatus.ACCEPTED, text);
    }

    /**
     * The unit's administration returns a submitted report with its reasons.
     *
     * @throws RejectedInputException naming {@code reasons} when they are missing
     */
    @Transactional
    public AssessmentView returnReport(Actor actor, long id, String reasons) {
        FieldProblems problems = new FieldProblems();
        String text = problems.multilineText("reasons", reasons, 1000);
        problems.throwIfAny();
        return decide(actor, id, AssessmentStatus.RETURNED, text);
    }

    private AssessmentView decide(Actor actor, long id, AssessmentStatus to, String note) {
        AssessmentView assessment =
                find(DataScope.all(), id).orElseThrow(() -> new NoSuchElementException("assessment " + id));
        UnitView unit = units.find(DataScope.all(), assessment.unitId()).orElseThrow();
        if (!ProtectionUnits.administers(actor, unit)) {
            throw new AccessDeniedException("the unit's administration decides its assessment reports");
        }
        int moved = jdbc.sql("update netsec_assessment set status = :to, decided_on = :day, decided_by = :by,"
                        + " decision_note = :note where id = :id and status = 'SUBMITTED'")
                .param("to", to.name())
                .param("day", units.today())
                .param("by", actor.username())
                .param("note", note)
                .param("id", id)
                .update();
        if (moved == 0) {
            throw RejectedInputException.of(
                    null, "netsec.assessment.invalid.notSubmitted", "the report is not awaiting a decision");
        }
        units.step(
                unit.id(),
                "ASSESSMENT_" + to.name(),
                actor,
                assessment.kind().name() + (note == null ? "" : " · " + note));
        audit.record(
                "netsec",
                "UnitAssessment",
                Long.toString(id),
                to == AssessmentStatus.ACCEPTED ? "accepted" : "returned",
                Map.of("status", AssessmentStatus.SUBMITTED.name()),
                note == null ? Map.of("status", to.name()) : Map.of("status", to.name(), "note", note));
        notices.send(
                unit.creditCode(),
                to == AssessmentStatus.ACCEPTED
                        ? "netsec.assessment.notice.accepted"
                        : "netsec.assessment.notice.returned",
                List.of(unit.name(), note == null ? "" : note),
                "/console/netsec/assessments/" + id,
                "netsec.assessment-decided:" + id);
        return find(DataScope.all(), id).orElseThrow();
    }

    /**
     * The owner marks a finding rectified with its evidence.
     *
     * @throws RejectedInputException naming {@code evidence} when it is missing or too long
     * @throws AccessDeniedException unless {@link #canRectify} and the finding is open
     */
    @Transactional
    public FindingView rectify(Actor actor, long assessmentId, long findingId, String evidence) {
        AssessmentView assessment = find(actor.scope(), assessmentId)
                .orElseThrow(() -> new NoSuchElementException("assessment " + assessmentId));
        UnitView unit = units.find(DataScope.all(), assessment.unitId()).orElseThrow();
        FindingView finding = findings(assessmentId).stream()
                .filter(f -> f.id() == findingId)
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("finding " + findingId));
        if (!canRectify(actor, unit, assessment) || !finding.open()) {
            throw new AccessDeniedException("the unit's company marks an open finding rectified");
        }
        FieldProblems problems = new FieldProblems();
        String text = problems.multilineText("evidence", evidence, 2000);
        problems.throwIfAny();
        LocalDate today = units.today();
        int moved = jdbc.sql("update netsec_assessment_finding set rectified_on = :day, evidence = :evidence,"
                        + " rectified_by = :by where id = :id and rectified_on is null")
                .param("day", today)
                .param("evidence", text)
                .param("by", actor.username())
                .param("id", findingId)
                .update();
        if (moved == 0) {
            throw RejectedInputException.of(
                    null, "netsec.unit.invalid.changed", "the finding changed meanwhile: reload");
        }
        units.step(unit.id(), "RECTIFIED", actor, "#" + finding.lineNo() + " " + finding.description());
        audit.record(
                "netsec",
                "AssessmentFinding",
                Long.toString(findingId),
                "rectified",
                Map.of("rectifiedOn", "open"),
                Map.of("rectifiedOn", today.toString(), "late", today.isAfter(finding.rectifyBy())));
        return findings(assessmentId).stream()
                .filter(f -> f.id() == findingId)
                .findFirst()
                .orElseThrow();
    }

    /** A severity by name or by its Chinese word (高, 中, 低). */
    static FindingSeverity severity(FieldProblems problems, String field, String text) {
        if (text != null) {
            switch (text.strip()) {
                case "高" -> {
                    return FindingSeverity.HIGH;
                }
                case "中" -> {
                    return FindingSeverity.MEDIUM;
                }
                case "低" -> {
                    return FindingSeverity.LOW;
                }
                default -> {}
            }
        }
        return problems.choice(field, text, FindingSeverity.class);
    }

    static AssessmentView view(ResultSet rs, int row) throws SQLException {
        return new AssessmentView(
                rs.getLong("id"),
                rs.getLong("unit_id"),
                rs.getString("unit_name"),
                rs.getString("credit_code"),
                rs.getString("company_name"),
                rs.getString("province_code"),
                AssessmentKind.valueOf(rs.getString("kind")),
                rs.getString("assessor"),
                rs.getObject("assessed_on", LocalDate.class),
                rs.getString("conclusion"),
                AssessmentStatus.valueOf(rs.getString("status")),
                rs.getObject("submitted_at", OffsetDateTime.class).toInstant(),
                rs.getString("submitted_by"),
                rs.getObject("decided_on", LocalDate.class),
                rs.getString("decided_by"),
                rs.getString("decision_note"),
                rs.getInt("findings"),
                rs.getInt("open_findings"),
                rs.getInt("overdue_findings"));
    }

    static FindingView finding(ResultSet rs, int row) throws SQLException {
        return new FindingView(
                rs.getLong("id"),
                rs.getLong("assessment_id"),
                rs.getInt("line_no"),
                FindingSeverity.valueOf(rs.getString("severity")),
                rs.getString("description"),
                rs.getObject("rectify_by", LocalDate.class),
                rs.getObject("rectified_on", LocalDate.class),
                rs.getString("evidence"),
                rs.getString("rectified_by"));
    }
}
