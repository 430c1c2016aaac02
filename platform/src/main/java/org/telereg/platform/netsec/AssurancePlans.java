package org.telereg.platform.netsec;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
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
import org.telereg.platform.notices.Notices;
import org.telereg.platform.shared.FieldProblems;
import org.telereg.platform.shared.PersonNames;
import org.telereg.platform.shared.PhoneNumber;
import org.telereg.platform.shared.ProvinceCode;
import org.telereg.platform.shared.RejectedInputException;

/**
 * Assurance plans for major events (重大活动网络安全保障): the ministry or a provincial administration
 * names the event's days, provinces, level and the units involved; units and officers keep the duty
 * roster; every unit reports daily for every day of the event, normal or with the events and measures
 * taken; a day passed without a unit's report is shown missing and reminded once through the notices.
 */
@Service
public class AssurancePlans {

    /** The ministry's authority code. */
    public static final String MINISTRY = "MIIT";

    /** How many days back the daily reminder looks for missing reports. */
    static final int REMINDER_DAYS = 7;

    /** The longest event a plan may cover. */
    static final int MAX_DAYS = 120;

    private final JdbcClient jdbc;
    private final AccessManagement access;
    private final Notices notices;
    private final AuditTrail audit;
    private final Clock clock;

    AssurancePlans(JdbcClient jdbc, AccessManagement access, Notices notices, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.notices = notices;
        this.audit = audit;
        this.clock = clock;
    }

    /** Whether the actor makes plans: the ministry's staff, or a provincial officer for its province. */
    public static boolean canCreate(Actor actor) {
        return isMinistry(actor) || isProvincial(actor);
    }

    /** Whether the actor sees a plan: the ministry and auditors all, a province its own, a unit its plans. */
    public static boolean sees(Actor actor, AssurancePlanView plan) {
        return switch (actor.scope().kind()) {
            case ALL -> true;
            case PROVINCE ->
                plan.provinces().contains(actor.scope().provinceCode())
                        || plan.authorityCode().equals(actor.scope().provinceCode());
            case ENTERPRISE -> plan.involves(actor.organisationId());
            case NONE -> false;
        };
    }

    /** Whether the actor keeps the plan's roster for every unit: the authority that made it. */
    public static boolean canManage(Actor actor, AssurancePlanView plan) {
        return isMinistry(actor)
                || isProvincial(actor)
                        && plan.authorityCode().equals(actor.scope().provinceCode());
    }

    /** Whether the actor reports for a unit of the plan: a user of that unit. */
    public static boolean canReport(Actor actor, AssurancePlanView plan) {
        return (actor.role() == Role.OPERATOR || actor.role() == Role.ACCESS_PROVIDER)
                && plan.involves(actor.organisationId());
    }

    /** Whether the actor reads a roster line in full (audited): the officers who see the plan. */
    public static boolean canReveal(Actor actor, AssurancePlanView plan) {
        return (isMinistry(actor) || actor.role() == Role.PROVINCIAL_OFFICER) && sees(actor, plan);
    }

    /** The organisations that may be units: operators and internet companies, and access providers. */
    public List<OrganisationView> candidateUnits() {
        return access.organisations().stream()
                .filter(o -> o.type() == OrganisationType.OPERATOR || o.type() == OrganisationType.ACCESS_PROVIDER)
                .toList();
    }

    /**
     * Makes a plan.
     *
     * @throws AccessDeniedException unless {@link #canCreate}
     * @throws RejectedInputException naming each field at fault
     */
    @Transactional
    public AssurancePlanView create(Actor actor, NewAssurancePlan input) {
        if (!canCreate(actor)) {
            throw new AccessDeniedException("plans are made by the ministry and the administrations");
        }
        FieldProblems problems = new FieldProblems();
        String name = problems.text("name", input.name(), 200);
        LocalDate startsOn = problems.date("startsOn", input.startsOn(), true);
        LocalDate endsOn = problems.date("endsOn", input.endsOn(), true);
        if (startsOn != null && endsOn != null) {
            if (endsOn.isBefore(startsOn)) {
                problems.reject("endsOn", "netsec.assurance.invalid.endBeforeStart", "is before the first day");
            } else if (startsOn.plusDays(MAX_DAYS).isBefore(endsOn.plusDays(1))) {
                problems.reject("endsOn", "netsec.assurance.invalid.tooLong", "too long", MAX_DAYS);
            }
        }
        AssuranceLevel level = problems.choice("level", input.level(), AssuranceLevel.class);
        Set<String> provinces = new LinkedHashSet<>();
        for (String text : input.provinces() == null ? List.<String>of() : input.provinces()) {
            if (text != null && !text.isBlank()) {
                ProvinceCode province = problems.parse("provinces", text, ProvinceCode::of);
                if (province != null) {
                    provinces.add(province.code());
                }
            }
        }
        if (provinces.isEmpty()
                && problems.list().stream().noneMatch(p -> p.field().equals("provinces"))) {
            problems.reject("provinces", "invalid.required", "is required");
        }
        if (isProvincial(actor)
                && provinces.stream().anyMatch(p -> !p.equals(actor.scope().provinceCode()))) {
            problems.reject(
                    "provinces", "netsec.assurance.invalid.otherProvince", "an administration plans for its province");
        }
        Map<String, OrganisationView> candidates = new HashMap<>();
        candidateUnits().forEach(o -> candidates.put(o.code(), o));
        List<OrganisationView> units = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String code : input.units() == null ? List.<String>of() : input.units()) {
            if (code == null || code.isBlank() || !seen.add(code.strip())) {
                continue;
            }
            OrganisationView unit = candidates.get(code.strip());
            if (unit == null) {
                problems.reject("units", "netsec.assurance.invalid.unit", "not an operator", code.strip());
            } else {
                units.add(unit);
            }
        }
        if (units.isEmpty() && problems.list().stream().noneMatch(p -> p.field().equals("units"))) {
            problems.reject("units", "invalid.required", "is required");
        }
        problems.throwIfAny();
        String authority = isProvincial(actor) ? actor.scope().provinceCode() : MINISTRY;
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into netsec_assurance_plan (name, starts_on, ends_on, plan_level, provinces, authority_code,
                            created_by, created_at)
                        values (:name, :starts, :ends, :level, :provinces, :authority, :by, :at)""")
                .param("name", name)
                .param("starts", startsOn)
                .param("ends", endsOn)
                .param("level", level.name())
                .param("provinces", String.join(",", provinces))
                .param("authority", authority)
                .param("by", actor.username())
                .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .update(key, "id");
        long id = key.getKey().longValue();
        for (OrganisationView unit : units) {
            jdbc.sql(
                            "insert into netsec_assurance_unit (plan_id, organisation_id, organisation_code, organisation_name)"
                                    + " values (:plan, :org, :code, :name)")
                    .param("plan", id)
                    .param("org", unit.id())
                    .param("code", unit.code())
                    .param("name", unit.name())
                    .update();
        }
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("name", name);
        state.put("startsOn", startsOn.toString());
        state.put("endsOn", endsOn.toString());
        state.put("level", level.name());
        state.put("provinces", List.copyOf(provinces));
        state.put("units", units.stream().map(OrganisationView::code).toList());
        audit.record("netsec", "AssurancePlan", Long.toString(id), "created", null, state);
        for (OrganisationView unit : units) {
            notices.send(
                    unit.code(),
                    "netsec.assurance.notice.involved",
                    List.of(name, startsOn.toString(), endsOn.toString()),
                    "/console/netsec/assurance/" + id,
                    "netsec.assurance.involved:" + id);
        }
        return plan(id).orElseThrow();
    }

    /** The plans the actor sees, latest first. */
    @Transactional(readOnly = true)
    public List<AssurancePlanView> plans(Actor actor) {
        return jdbc
                .sql("select * from netsec_assurance_plan order by starts_on desc, id desc")
                .query((rs, n) -> plan(rs))
                .list()
                .stream()
                .filter(plan -> sees(actor, plan))
                .toList();
    }

    /** A plan the actor sees. */
    @Transactional(readOnly = true)
    public Optional<AssurancePlanView> plan(Actor actor, long id) {
        return plan(id).filter(plan -> sees(actor, plan));
    }

    Optional<AssurancePlanView> plan(long id) {
        return jdbc.sql("select * from netsec_assurance_plan where id = :id")
                .param("id", id)
                .query((rs, n) -> plan(rs))
                .optional();
    }

    /**
     * Adds a line to the roster: a unit for itself, the plan's authority for any unit.
     *
     * @throws AccessDeniedException unless the actor may
     * @throws RejectedInputException naming each field at fault
     */
    @Transactional
    public DutyEntry addDuty(Actor actor, long planId, NewDutyEntry input) {
        AssurancePlanView plan = visible(actor, planId);
        FieldProblems problems = new FieldProblems();
        AssuranceUnit unit;
        if (canManage(actor, plan)) {
            unit = plan.units().stream()
                    .filter(u -> u.organisationCode()
                            .equals(
                                    input.organisation() == null
                                            ? ""
                                            : input.organisation().strip()))
                    .findFirst()
                    .orElse(null);
            if (unit == null) {
                problems.reject("organisation", "netsec.assurance.invalid.notUnit", "not a unit of the plan");
            }
        } else if (canReport(actor, plan)) {
            unit = plan.units().stream()
                    .filter(u -> u.organisationId() == actor.organisationId())
                    .findFirst()
                    .orElseThrow();
        } else {
            throw new AccessDeniedException("the roster is kept by the plan's units and authority");
        }
        LocalDate date = problems.date("dutyDate", input.dutyDate(), true);
        if (date != null && (date.isBefore(plan.startsOn()) || date.isAfter(plan.endsOn()))) {
            problems.reject(
                    "dutyDate",
                    "netsec.assurance.invalid.outsideEvent",
                    "not a day of the event",
                    plan.startsOn().toString(),
                    plan.endsOn().toString());
        }
        DutyShift shift = problems.choice("shift", input.shift(), DutyShift.class);
        String name = problems.text("personName", input.personName(), 50);
        PhoneNumber phone = input.personPhone() == null || input.personPhone().isBlank()
                ? null
                : problems.parse("personPhone", input.personPhone(), PhoneNumber::of);
        if (input.personPhone() == null || input.personPhone().isBlank()) {
            problems.reject("personPhone", "invalid.required", "is required");
        }
        if (problems.isEmpty()
                && jdbc.sql(
                                        "select count(*) from netsec_assurance_duty where plan_id = :plan and organisation_id = :org"
                                                + " and duty_date = :date and shift = :shift and person_name = :name")
                                .param("plan", planId)
                                .param("org", unit.organisationId())
                                .param("date", date)
                                .param("shift", shift.name())
                                .param("name", name)
                                .query(Long.class)
                                .single()
                        > 0) {
            problems.reject("personName", "netsec.assurance.invalid.dutyExists", "already on this shift");
        }
        problems.throwIfAny();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into netsec_assurance_duty (plan_id, organisation_id, duty_date, shift, person_name,
                            person_phone, created_by, created_at)
                        values (:plan, :org, :date, :shift, :name, :phone, :by, :at)""")
                .param("plan", planId)
                .param("org", unit.organisationId())
                .param("date", date)
                .param("shift", shift.name())
                .param("name", name)
                .param("phone", phone.national())
                .param("by", actor.username())
                .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .update(key, "id");
        long id = key.getKey().longValue();
        audit.record(
                "netsec",
                "AssuranceDuty",
                Long.toString(id),
                "dutyAdded",
                null,
                Map.of(
                        "plan", planId,
                        "organisation", unit.organisationCode(),
                        "dutyDate", date.toString(),
                        "shift", shift.name(),
                        "personName", PersonNames.mask(name),
                        "personPhone", phone.masked()));
        return roster(actor, planId).stream()
                .filter(d -> d.id() == id)
                .findFirst()
                .orElseThrow();
    }

    /** The plan's roster by day, shift and unit, names and phones masked. */
    @Transactional(readOnly = true)
    public List<DutyEntry> roster(Actor actor, long planId) {
        AssurancePlanView plan = plan(actor, planId).orElseThrow(() -> new NoSuchElementException("plan " + planId));
        Map<Long, String> names = unitNames(plan);
        return jdbc.sql("select * from netsec_assurance_duty where plan_id = :plan order by duty_date, shift, id")
                .param("plan", planId)
                .query((rs, n) -> duty(rs, names, true))
                .list();
    }

    /**
     * One roster line in full, for an officer who must call the person; audited.
     *
     * @throws AccessDeniedException unless {@link #canReveal}
     */
    @Transactional
    public DutyEntry revealDuty(Actor actor, long planId, long dutyId) {
        AssurancePlanView plan = plan(actor, planId).orElseThrow(() -> new NoSuchElementException("plan " + planId));
        if (!canReveal(actor, plan)) {
            throw new AccessDeniedException("the officers of the plan read the roster in full");
        }
        Map<Long, String> names = unitNames(plan);
        DutyEntry entry = jdbc.sql("select * from netsec_assurance_duty where plan_id = :plan and id = :id")
                .param("plan", planId)
                .param("id", dutyId)
                .query((rs, n) -> duty(rs, names, false))
                .optional()
                .orElseThrow(() -> new NoSuchElementException("duty " + dutyId));
        audit.record("netsec", "AssuranceDuty", Long.toString(dutyId), "viewed", null, Map.of("plan", planId));
        return entry;
    }

    /**
     * A unit's daily report for one day of the event, up to today; one per unit and day.
     *
     * @throws AccessDeniedException unless {@link #canReport}
     * @throws RejectedInputException naming each field at fault
     */
    @Transactional
    public AssuranceReport report(Actor actor, long planId, NewAssuranceReport input) {
        AssurancePlanView plan = visible(actor, planId);
        if (!canReport(actor, plan)) {
            throw new AccessDeniedException("the plan's units report");
        }
        LocalDate today = LocalDate.now(clock);
        FieldProblems problems = new FieldProblems();
        LocalDate date = problems.date("reportDate", input.reportDate(), true);
        if (date != null && (date.isBefore(plan.startsOn()) || date.isAfter(plan.endsOn()))) {
            problems.reject(
                    "reportDate",
                    "netsec.assurance.invalid.outsideEvent",
                    "not a day of the event",
                    plan.startsOn().toString(),
                    plan.endsOn().toString());
        } else if (date != null && date.isAfter(today)) {
            problems.reject("reportDate", "invalid.future", "is in the future");
        }
        Boolean normal = null;
        if (input.outcome() == null || input.outcome().isBlank()) {
            problems.reject("outcome", "invalid.required", "is required");
        } else if (input.outcome().strip().equalsIgnoreCase("NORMAL")) {
            normal = true;
        } else if (input.outcome().strip().equalsIgnoreCase("EVENTS")) {
            normal = false;
        } else {
            problems.reject(
                    "outcome",
                    "invalid.choice",
                    "NORMAL or EVENTS",
                    input.outcome().strip());
        }
        String events = Boolean.FALSE.equals(normal)
                ? problems.multilineText("events", input.events(), 2000)
                : problems.optionalMultilineText("events", input.events(), 2000);
        String measures = Boolean.FALSE.equals(normal)
                ? problems.multilineText("measures", input.measures(), 2000)
                : problems.optionalMultilineText("measures", input.measures(), 2000);
        if (date != null
                && problems.isEmpty()
                && jdbc.sql("select count(*) from netsec_assurance_report where plan_id = :plan"
                                        + " and organisation_id = :org and report_date = :date")
                                .param("plan", planId)
                                .param("org", actor.organisationId())
                                .param("date", date)
                                .query(Long.class)
                                .single()
                        > 0) {
            problems.reject("reportDate", "netsec.assurance.invalid.reported", "already reported", date.toString());
        }
        problems.throwIfAny();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into netsec_assurance_report (plan_id, organisation_id, report_date, normal, events,
                            measures, submitted_by, submitted_at)
                        values (:plan, :org, :date, :normal, :events, :measures, :by, :at)""")
                .param("plan", planId)
                .param("org", actor.organisationId())
                .param("date", date)
                .param("normal", normal)
                .param("events", events)
                .param("measures", measures)
                .param("by", actor.username())
                .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .update(key, "id");
        long id = key.getKey().longValue();
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("plan", planId);
        state.put("organisation", actor.organisationName());
        state.put("reportDate", date.toString());
        state.put("normal", normal);
        state.put("events", events);
        state.put("measures", measures);
        audit.record("netsec", "AssuranceReport", Long.toString(id), "submitted", null, state);
        return reports(actor, planId).stream()
                .filter(r -> r.id() == id)
                .findFirst()
                .orElseThrow();
    }

    /** The plan's daily reports, latest day first; a unit sees its own. */
    @Transactional(readOnly = true)
    public List<AssuranceReport> reports(Actor actor, long planId) {
        AssurancePlanView plan = plan(actor, planId).orElseThrow(() -> new NoSuchElementException("plan " + planId));
        Map<Long, String> names = unitNames(plan);
        boolean own = actor.scope().kind() == DataScope.Kind.ENTERPRISE;
        return jdbc.sql("select * from netsec_assurance_report where plan_id = :plan"
                        + (own ? " and organisation_id = :org" : "")
                        + " order by report_date desc, organisation_id")
                .param("plan", planId)
                .param("org", actor.organisationId())
                .query((rs, n) -> report(rs, names))
                .list();
    }

    /** Unit by day: which reports came, which are missing, which are due. */
    @Transactional(readOnly = true)
    public AssuranceReportGrid grid(AssurancePlanView plan, LocalDate today) {
        Map<Long, Map<LocalDate, Boolean>> reported = reported(plan.id());
        List<AssuranceReportGrid.Row> rows = new ArrayList<>();
        int missing = 0;
        for (AssuranceUnit unit : plan.units()) {
            Map<LocalDate, Boolean> days = reported.getOrDefault(unit.organisationId(), Map.of());
            List<AssuranceReportGrid.Cell> cells = new ArrayList<>();
            for (LocalDate day : plan.days()) {
                Boolean normal = days.get(day);
                AssuranceReportGrid.Cell cell;
                if (normal != null) {
                    cell = normal ? AssuranceReportGrid.Cell.NORMAL : AssuranceReportGrid.Cell.EVENTS;
                } else if (day.isBefore(today)) {
                    cell = AssuranceReportGrid.Cell.MISSING;
                    missing++;
                } else if (day.equals(today)) {
                    cell = AssuranceReportGrid.Cell.DUE;
                } else {
                    cell = AssuranceReportGrid.Cell.UPCOMING;
                }
                cells.add(cell);
            }
            rows.add(new AssuranceReportGrid.Row(unit, cells));
        }
        return new AssuranceReportGrid(plan.days(), rows, missing);
    }

    /**
     * Reminds every unit of each report it has not sent for a past day of an event (looking back
     * {@value #REMINDER_DAYS} days), once per unit and day. Daily in the morning; transactional so its
     * notices commit together.
     *
     * @return how many reminders it sent
     */
    @Scheduled(cron = "0 0 9 * * *", zone = "Asia/Shanghai")
    @Transactional
    public int remindMissing() {
        LocalDate today = LocalDate.now(clock);
        List<AssurancePlanView> plans = jdbc.sql("select * from netsec_assurance_plan where starts_on < :today"
                        + " and ends_on >= :since order by id")
                .param("today", today)
                .param("since", today.minusDays(REMINDER_DAYS))
                .query((rs, n) -> plan(rs))
                .list();
        int sent = 0;
        for (AssurancePlanView plan : plans) {
            AssuranceReportGrid grid = grid(plan, today);
            for (AssuranceReportGrid.Row row : grid.rows()) {
                for (int i = 0; i < grid.days().size(); i++) {
                    LocalDate day = grid.days().get(i);
                    if (row.cells().get(i) != AssuranceReportGrid.Cell.MISSING
                            || day.isBefore(today.minusDays(REMINDER_DAYS))) {
                        continue;
                    }
                    sent += notices.send(
                                    row.unit().organisationCode(),
                                    "netsec.assurance.notice.missing",
                                    List.of(plan.name(), day.toString()),
                                    "/console/netsec/assurance/" + plan.id(),
                                    "netsec.assurance.missing:" + plan.id() + ":"
                                            + row.unit().organisationId() + ":" + day)
                            .size();
                }
            }
        }
        return sent;
    }

    private AssurancePlanView visible(Actor actor, long planId) {
        if (!actor.role().writes()) {
            throw new AccessDeniedException("an auditor only reads");
        }
        return plan(actor, planId).orElseThrow(() -> new NoSuchElementException("plan " + planId));
    }

    private Map<Long, Map<LocalDate, Boolean>> reported(long planId) {
        Map<Long, Map<LocalDate, Boolean>> reported = new HashMap<>();
        jdbc.sql("select organisation_id, report_date, normal from netsec_assurance_report where plan_id = :plan")
                .param("plan", planId)
                .query(rs -> {
                    reported.computeIfAbsent(rs.getLong("organisation_id"), k -> new HashMap<>())
                            .put(rs.getObject("report_date", LocalDate.class), rs.getBoolean("normal"));
                });
        return reported;
    }

    private static Map<Long, String> unitNames(AssurancePlanView plan) {
        Map<Long, String> names = new HashMap<>();
        plan.units().forEach(u -> names.put(u.organisationId(), u.organisationName()));
        return names;
    }

    private AssurancePlanView plan(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        List<AssuranceUnit> units = jdbc.sql(
                        "select * from netsec_assurance_unit where plan_id = :plan" + " order by organisation_code")
                .param("plan", id)
                .query((u, n) -> new AssuranceUnit(
                        u.getLong("organisation_id"),
                        u.getString("organisation_code"),
                        u.getString("organisation_name")))
                .list();
        return new AssurancePlanView(
                id,
                rs.getString("name"),
                rs.getObject("starts_on", LocalDate.class),
                rs.getObject("ends_on", LocalDate.class),
                AssuranceLevel.valueOf(rs.getString("plan_level")),
                Arrays.asList(rs.getString("provinces").split(",")),
                rs.getString("authority_code"),
                units);
    }

    private static DutyEntry duty(ResultSet rs, Map<Long, String> names, boolean masked) throws SQLException {
        String name = rs.getString("person_name");
        String phone = rs.getString("person_phone");
        return new DutyEntry(
                rs.getLong("id"),
                rs.getLong("organisation_id"),
                names.getOrDefault(rs.getLong("organisation_id"), ""),
                rs.getObject("duty_date", LocalDate.class),
                DutyShift.valueOf(rs.getString("shift")),
                masked ? PersonNames.mask(name) : name,
                masked ? maskPhone(phone) : phone);
    }

    static String maskPhone(String phone) {
        if (phone == null || phone.length() < 7) {
            return phone == null ? "" : "*".repeat(phone.length());
        }
        return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
    }

    private static AssuranceReport report(ResultSet rs, Map<Long, String> names) throws SQLException {
        return new AssuranceReport(
                rs.getLong("id"),
                rs.getLong("organisation_id"),
                names.getOrDefault(rs.getLong("organisation_id"), ""),
                rs.getObject("report_date", LocalDate.class),
                rs.getBoolean("normal"),
                rs.getString("events"),
                rs.getString("measures"),
                rs.getString("submitted_by"),
                rs.getObject("submitted_at", OffsetDateTime.class).toInstant());
    }

    private static boolean isMinistry(Actor actor) {
        return (actor.role() == Role.MINISTRY_ADMIN || actor.role() == Role.MINISTRY_OFFICER)
                && actor.scope().kind() == DataScope.Kind.ALL;
    }

    private static boolean isProvincial(Actor actor) {
        return actor.role() == Role.PROVINCIAL_OFFICER && actor.scope().kind() == DataScope.Kind.PROVINCE;
    }
}
