package org.telereg.platform.netsec;

import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.telereg.platform.access.DataScope;

/**
 * The deadlines of protection management: when each graded unit's next compliance and risk
 * assessment falls due (from its grade, counted from the last accepted assessment of the kind or the
 * approval), and every duty past its deadline (filings, assessments, rectifications).
 */
@Service
public class ProtectionDeadlines {

    private final JdbcClient jdbc;
    private final ProtectionSettings settings;

    ProtectionDeadlines(JdbcClient jdbc, ProtectionSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /**
     * The next due day for a unit of a grade, counted from {@code baseOn}; empty when the grade needs
     * no assessment.
     */
    public Optional<LocalDate> nextDue(int grade, LocalDate baseOn) {
        int years = settings.assessmentYears().of(grade);
        return years <= 0 ? Optional.empty() : Optional.of(baseOn.plusYears(years));
    }

    /** The next assessment of each kind of every graded unit the scope covers, soonest first. */
    @Transactional(readOnly = true)
    public List<AssessmentDue> schedule(DataScope scope) {
        return schedule(scope, null);
    }

    /** The next assessment of each kind of one unit; empty when it is ungraded or needs none. */
    @Transactional(readOnly = true)
    public List<AssessmentDue> schedule(long unitId) {
        return schedule(DataScope.all(), unitId);
    }

    private List<AssessmentDue> schedule(DataScope scope, Long unitId) {
        Map<String, Object> params = new HashMap<>();
        String where = " where u.grade is not null and "
                + scope.sqlCondition("u.province_code", "u.credit_code", params)
                + (unitId == null ? "" : " and u.id = :unit");
        if (unitId != null) {
            params.put("unit", unitId);
        }
        List<AssessmentDue> due = new ArrayList<>();
        jdbc.sql("select u.id, u.name, u.credit_code, u.company_name, u.province_code, u.grade, u.approved_on,"
                        + " (select max(a.assessed_on) from netsec_assessment a where a.unit_id = u.id"
                        + " and a.kind = 'COMPLIANCE' and a.status = 'ACCEPTED') as last_compliance,"
                        + " (select max(a.assessed_on) from netsec_assessment a where a.unit_id = u.id"
                        + " and a.kind = 'RISK' and a.status = 'ACCEPTED') as last_risk"
                        + " from netsec_unit u" + where)
                .params(params)
                .query((ResultSet rs) -> {
                    long id = rs.getLong("id");
                    String name = rs.getString("name");
                    String creditCode = rs.getString("credit_code");
                    String companyName = rs.getString("company_name");
                    String provinceCode = rs.getString("province_code");
                    int grade = rs.getInt("grade");
                    LocalDate approvedOn = rs.getObject("approved_on", LocalDate.class);
                    for (AssessmentKind kind : AssessmentKind.values()) {
                        LocalDate last = rs.getObject(
                                kind == AssessmentKind.COMPLIANCE ? "last_compliance" : "last_risk", LocalDate.class);
                        LocalDate base = last == null ? approvedOn : last;
                        nextDue(grade, base)
                                .ifPresent(day -> due.add(new AssessmentDue(
                                        id,
                                        name,
                                        creditCode,
                                        companyName,
                                        provinceCode,
                                        grade,
                                        settings.assessmentYears().of(grade),
                                        kind,
                                        base,
                                        last != null,
                                        day)));
                    }
                });
        due.sort(Comparator.comparing(AssessmentDue::dueOn).thenComparing(AssessmentDue::unitId));
        return due;
    }

    /** Every duty of the units the scope covers that is past its deadline on {@code today}, oldest first. */
    @Transactional(readOnly = true)
    public List<ProtectionOverdue> overdue(DataScope scope, LocalDate today) {
        List<ProtectionOverdue> overdue = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        params.put("today", today);
        String inScope = scope.sqlCondition("u.province_code", "u.credit_code", params);
        jdbc.sql("select u.*, g.version, g.grade as graded, g.filing_due_on from netsec_unit u"
                        + " join netsec_unit_grading g on g.id = u.latest_grading_id"
                        + " where g.status = 'DRAFT' and g.filing_due_on < :today and " + inScope)
                .params(params)
                .query((rs, n) -> new ProtectionOverdue(
                        ProtectionOverdue.Kind.FILING,
                        rs.getLong("id"),
                        rs.getString("name"),
                        rs.getString("credit_code"),
                        rs.getString("company_name"),
                        rs.getString("province_code"),
                        "v" + rs.getInt("version") + " · " + rs.getInt("graded"),
                        rs.getObject("filing_due_on", LocalDate.class),
                        "/console/netsec/units/" + rs.getLong("id")))
                .list()
                .forEach(overdue::add);
        for (AssessmentDue due : schedule(scope)) {
            if (due.overdue(today)) {
                overdue.add(new ProtectionOverdue(
                        ProtectionOverdue.Kind.ASSESSMENT,
                        due.unitId(),
                        due.unitName(),
                        due.creditCode(),
                        due.companyName(),
                        due.provinceCode(),
                        due.kind().name(),
                        due.dueOn(),
                        "/console/netsec/units/" + due.unitId()));
            }
        }
        jdbc.sql("select u.id as unit_id, u.name, u.credit_code, u.company_name, u.province_code, f.description,"
                        + " f.rectify_by, a.id as assessment_id from netsec_assessment_finding f"
                        + " join netsec_assessment a on a.id = f.assessment_id join netsec_unit u on u.id = a.unit_id"
                        + " where f.rectified_on is null and f.rectify_by < :today and a.status <> 'RETURNED' and "
                        + inScope)
                .params(params)
                .query((rs, n) -> new ProtectionOverdue(
                        ProtectionOverdue.Kind.RECTIFICATION,
                        rs.getLong("unit_id"),
                        rs.getString("name"),
                        rs.getString("credit_code"),
                        rs.getString("company_name"),
                        rs.getString("province_code"),
                        rs.getString("description"),
                        rs.getObject("rectify_by", LocalDate.class),
                        "/console/netsec/assessments/" + rs.getLong("assessment_id")))
                .list()
                .forEach(overdue::add);
        overdue.sort(Comparator.comparing(ProtectionOverdue::dueOn).thenComparing(ProtectionOverdue::unitId));
        return overdue;
    }
}
