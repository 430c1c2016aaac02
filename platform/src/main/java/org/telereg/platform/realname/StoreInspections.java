package org.telereg.platform.realname;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.access.Role;
import org.telereg.platform.audit.AuditTrail;
import org.telereg.platform.shared.FieldProblems;
import org.telereg.platform.shared.ProvinceCode;

/**
 * Store inspections (营业网点检查): an administration plans a visit to an operator's sales outlet and
 * records the result — compliant or not, the findings, whether the outlet was terminated and the
 * rectification deadline. Provincial administrations plan and see the outlets of their province, the
 * ministry all; an operator reads the inspections of its own outlets.
 */
@Service
public class StoreInspections {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;
    private final AuditTrail auditTrail;
    private final Operators operators;
    private final Clock clock;

    StoreInspections(JdbcClient jdbc, AuditTrail auditTrail, Operators operators, Clock clock) {
        this.jdbc = jdbc;
        this.auditTrail = auditTrail;
        this.operators = operators;
        this.clock = clock;
    }

    /** What a list of inspections is narrowed to; null fields do not narrow. */
    public record Search(
            InspectionStatus status, String province, String operator, String text, LocalDate from, LocalDate to) {}

    /** An operator that owns outlets, for the plan form. */
    public record OperatorChoice(String creditCode, String name) {}

    /** Whether the actor plans inspections and records their results: the ministry and the administrations. */
    public static boolean canPlan(Actor actor) {
        return actor.role() == Role.MINISTRY_ADMIN
                || actor.role() == Role.MINISTRY_OFFICER
                || actor.role() == Role.PROVINCIAL_OFFICER;
    }

    /** Today in Beijing. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(CHINA));
    }

    /** The operators an inspection may be planned at. */
    public List<OperatorChoice> operators() {
        return operators.all().stream()
                .map(o -> new OperatorChoice(o.creditCode(), o.name()))
                .toList();
    }

    /**
     * Plans an inspection; a provincial administration only in its own province.
     *
     * @throws AccessDeniedException unless {@link #canPlan(Actor)}
     * @throws org.telereg.platform.shared.RejectedInputException naming each refused field
     */
    @Transactional
    public InspectionView plan(Actor actor, InspectionPlanInput input) {
        requirePlanner(actor);
        FieldProblems problems = new FieldProblems();
        Operators.Operator operator = null;
        if (input.operator() == null || input.operator().isBlank()) {
            problems.reject("operator", "invalid.required", "is required");
        } else {
            operator = operators.find(input.operator().strip()).orElse(null);
            if (operator == null) {
                problems.reject("operator", "realname.inspection.unknownOperator", "is not a known operator");
            }
        }
        String outlet = problems.text("outletName", input.outletName(), 200);
        ProvinceCode province = problems.parse("province", input.province(), ProvinceCode::of);
        if (province != null && !actor.scope().coversProvince(province.code())) {
            problems.reject(
                    "province",
                    "realname.inspection.provinceOutsideScope",
                    "is outside the administration's province",
                    province.name());
        }
        String city = problems.optionalText("city", input.city(), 100);
        LocalDate plannedOn = problems.date("plannedOn", input.plannedOn(), true);
        String inspector = problems.text("inspector", input.inspector(), 100);
        problems.throwIfAny();

        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into realname_inspection (operator_credit_code, operator_name, outlet_name, province_code,
                    city, planned_on, inspector, status, planned_by, planned_at)
                values (:operator, :operatorName, :outlet, :province, :city, :plannedOn, :inspector, 'PLANNED',
                    :by, :at)""")
                .param("operator", operator.creditCode())
                .param("operatorName", operator.name())
                .param("outlet", outlet)
                .param("province", province.code())
                .param("city", city)
                .param("plannedOn", plannedOn)
                .param("inspector", inspector)
                .param("by", actor.username())
                .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .update(key, "id");
        long id = key.getKey().longValue();
        InspectionView planned = find(DataScope.all(), id).orElseThrow();
        auditTrail.record("realname", "Inspection", Long.toString(id), "planned", null, planned);
        return planned;
    }

    /**
     * Records the result of a planned inspection in the actor's scope.
     *
     * @throws AccessDeniedException unless {@link #canPlan(Actor)}
     * @throws NoSuchElementException when the inspection is not in the actor's scope
     * @throws org.telereg.platform.shared.RejectedInputException naming each refused field
     */
    @Transactional
    public InspectionView record(Actor actor, long id, InspectionResultInput input) {
        requirePlanner(actor);
        InspectionView before =
                find(actor.scope(), id).orElseThrow(() -> new NoSuchElementException("no inspection " + id));
        FieldProblems problems = new FieldProblems();
        if (before.status() == InspectionStatus.DONE) {
            problems.reject("doneOn", "realname.inspection.alreadyDone", "the result is already recorded");
            problems.throwIfAny();
        }
        LocalDate doneOn = problems.pastDate("doneOn", input.doneOn(), true, today());
        Boolean compliant = yesNo(problems, "compliant", input.compliant(), true);
        String findings = problems.optionalMultilineText("findings", input.findings(), 2000);
        if (Boolean.FALSE.equals(compliant) && findings == null) {
            problems.reject(
                    "findings", "realname.inspection.findingsRequired", "is required for a non-compliant outlet");
        }
        Boolean terminated = yesNo(problems, "outletTerminated", input.outletTerminated(), false);
        LocalDate rectifyBy = problems.date("rectifyBy", input.rectifyBy(), false);
        if (rectifyBy != null && doneOn != null && rectifyBy.isBefore(doneOn)) {
            problems.reject("rectifyBy", "realname.inspection.rectifyBeforeVisit", "is before the visit");
        }
        problems.throwIfAny();
        jdbc.sql("""
                update realname_inspection set status = 'DONE', done_on = :doneOn, compliant = :compliant,
                    findings = :findings, outlet_terminated = :terminated, rectify_by = :rectifyBy,
                    recorded_by = :by, recorded_at = :at
                where id = :id and status = 'PLANNED'""")
                .param("doneOn", doneOn)
                .param("compliant", compliant)
                .param("findings", findings)
                .param("terminated", terminated != null && terminated)
                .param("rectifyBy", rectifyBy)
                .param("by", actor.username())
                .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .param("id", id)
                .update();
        InspectionView after = find(DataScope.all(), id).orElseThrow();
        auditTrail.record("realname", "Inspection", Long.toString(id), "recorded", before, after);
        return after;
    }

    /** One inspection, when the reader's scope covers it. */
    @Transactional(readOnly = true)
    public Optional<InspectionView> find(DataScope scope, long id) {
        Map<String, Object> params = new HashMap<>();
        String where = scope.sqlCondition("province_code", "operator_credit_code", params);
        params.put("id", id);
        return jdbc.sql("select * from realname_inspection where id = :id and " + where)
                .params(params)
                .query((rs, n) -> view(rs))
                .optional();
    }

    /** The inspections in the reader's scope, planned ones first by date, then the latest visits. */
    @Transactional(readOnly = true)
    public Page<InspectionView> list(DataScope scope, Search search, Pageable pageable) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(scope.sqlCondition("province_code", "operator_credit_code", params));
        if (search.status() != null) {
            where.append(" and status = :status");
            params.put("status", search.status().name());
        }
        if (search.province() != null) {
            where.append(" and province_code = :province");
            params.put("province", search.province());
        }
        if (search.operator() != null) {
            where.append(" and operator_credit_code = :operator");
            params.put("operator", search.operator());
        }
        if (search.text() != null && !search.text().isBlank()) {
            where.append(" and (lower(outlet_name) like :text or lower(coalesce(city, '')) like :text"
                    + " or lower(inspector) like :text)");
            params.put("text", "%" + search.text().strip().toLowerCase(Locale.ROOT) + "%");
        }
        if (search.from() != null) {
            where.append(" and coalesce(done_on, planned_on) >= :fromDay");
            params.put("fromDay", search.from());
        }
        if (search.to() != null) {
            where.append(" and coalesce(done_on, planned_on) <= :toDay");
            params.put("toDay", search.to());
        }
        long count = jdbc.sql("select count(*) from realname_inspection where " + where)
                .params(params)
                .query(Long.class)
                .single();
        params.put("limit", pageable.getPageSize());
        params.put("offset", pageable.getOffset());
        List<InspectionView> content = jdbc.sql("select * from realname_inspection where " + where
                        + " order by case when status = 'PLANNED' then 0 else 1 end, "
                        + "case when status = 'PLANNED' then planned_on end, done_on desc, id desc"
                        + " limit :limit offset :offset")
                .params(params)
                .query((rs, n) -> view(rs))
                .list();
        return new PageImpl<>(content, pageable, count);
    }

    /** The compliance rate of each operator with inspections in the reader's scope and the period. */
    @Transactional(readOnly = true)
    public List<ComplianceRate> byOperator(DataScope scope, LocalDate from, LocalDate to) {
        return rates(scope, from, to, "operator_credit_code", "max(operator_name)");
    }

    /** The compliance rate of each province with inspections in the reader's scope and the period. */
    @Transactional(readOnly = true)
    public List<ComplianceRate> byProvince(DataScope scope, LocalDate from, LocalDate to) {
        return rates(scope, from, to, "province_code", "province_code");
    }

    /**
     * When each outlet of the operators in scope was last inspected or is planned to be, keyed by
     * operator credit code and outlet name: a planned visit counts from today, so planned outlets
     * are not suggested again.
     */
    Map<String, LocalDate> lastInspections() {
        Map<String, LocalDate> last = new HashMap<>();
        LocalDate today = today();
        jdbc.sql("""
                select operator_credit_code, outlet_name, status, done_on from realname_inspection""")
                .query((rs, n) -> {
                    Date done = rs.getDate("done_on");
                    LocalDate day =
                            "PLANNED".equals(rs.getString("status")) || done == null ? today : done.toLocalDate();
                    last.merge(outletKey(rs.getString(1), rs.getString(2)), day, (a, b) -> a.isAfter(b) ? a : b);
                    return day;
                })
                .list();
        return last;
    }

    static String outletKey(String operator, String outlet) {
        return operator + "\n" + outlet;
    }

    private List<ComplianceRate> rates(
            DataScope scope, LocalDate from, LocalDate to, String keyColumn, String nameExpression) {
        Map<String, Object> params = new HashMap<>();
        String where = scope.sqlCondition("province_code", "operator_credit_code", params);
        params.put("fromDay", from);
        params.put("toDay", to);
        Map<String, ComplianceRate> rates = new LinkedHashMap<>();
        jdbc.sql("""
                select %1$s as k, %2$s as name,
                    sum(case when planned_on between :fromDay and :toDay then 1 else 0 end) as planned,
                    sum(case when status = 'DONE' and done_on between :fromDay and :toDay then 1 else 0 end) as done,
                    sum(case when status = 'DONE' and done_on between :fromDay and :toDay and compliant
                        then 1 else 0 end) as compliant,
                    sum(case when status = 'DONE' and done_on between :fromDay and :toDay and outlet_terminated
                        then 1 else 0 end) as terminated
                from realname_inspection where %3$s
                group by %1$s order by %1$s""".formatted(keyColumn, nameExpression, where))
                .params(params)
                .query((rs, n) -> {
                    long planned = rs.getLong("planned");
                    long done = rs.getLong("done");
                    long compliant = rs.getLong("compliant");
                    if (planned + done > 0) {
                        rates.put(
                                rs.getString("k"),
                                new ComplianceRate(
                                        rs.getString("k"),
                                        rs.getString("name"),
                                        planned,
                                        done,
                                        compliant,
                                        done - compliant,
                                        rs.getLong("terminated"),
                                        MonthlyReports.rate(compliant, done)));
                    }
                    return planned;
                })
                .list();
        return new ArrayList<>(rates.values());
    }

    private static Boolean yesNo(FieldProblems problems, String field, String text, boolean required) {
        if (text == null || text.isBlank()) {
            if (required) {
                problems.reject(field, "invalid.required", "is required");
                return null;
            }
            return false;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "是" -> true;
            case "false", "no", "否" -> false;
            default -> {
                problems.reject(field, "invalid.choice", "is not true or false", text.strip());
                yield null;
            }
        };
    }

    private static void requirePlanner(Actor actor) {
        if (!canPlan(actor)) {
            throw new AccessDeniedException("store inspections are planned and recorded by the administrations");
        }
    }

    private static InspectionView view(ResultSet rs) throws SQLException {
        return new InspectionView(
                rs.getLong("id"),
                rs.getString("operator_credit_code"),
                rs.getString("operator_name"),
                rs.getString("outlet_name"),
                rs.getString("province_code"),
                rs.getString("city"),
                day(rs, "planned_on"),
                rs.getString("inspector"),
                InspectionStatus.valueOf(rs.getString("status")),
                day(rs, "done_on"),
                flag(rs, "compliant"),
                rs.getString("findings"),
                flag(rs, "outlet_terminated"),
                day(rs, "rectify_by"),
                rs.getString("planned_by"),
                rs.getString("recorded_by"));
    }

    private static LocalDate day(ResultSet rs, String column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }

    private static Boolean flag(ResultSet rs, String column) throws SQLException {
        boolean value = rs.getBoolean(column);
        return rs.wasNull() ? null : value;
    }
}
