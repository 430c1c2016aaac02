package org.telereg.platform.netsec;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
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
import org.springframework.transaction.annotation.Transactional;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.access.Role;
import org.telereg.platform.audit.AuditTrail;
import org.telereg.platform.shared.FieldProblems;
import org.telereg.platform.shared.ProvinceCode;
import org.telereg.platform.shared.RejectedInputException;

/**
 * Warnings (预警): red and orange are issued, updated and lifted by the ministry, for the whole country or
 * a province; yellow and blue by a provincial administration, for its own province. A red or orange
 * warning starts 24-hour duty, which ends when it is lifted. Active warnings show on the console home;
 * public ones on the portal.
 */
@Service
public class Warnings {

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    Warnings(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** The ministry's staff and provincial officers issue warnings (each of its own colours). */
    public static boolean canIssue(Actor actor) {
        return ministry(actor) || province(actor);
    }

    /** Whether the actor is the level responsible for an active warning. */
    public static boolean canChange(Actor actor, WarningView warning) {
        return warning.active() && responsible(actor, warning.colour(), warning.regionCode());
    }

    private static boolean responsible(Actor actor, WarningColour colour, String region) {
        return colour.ministerial()
                ? ministry(actor)
                : province(actor) && actor.scope().provinceCode().equals(region);
    }

    private static boolean ministry(Actor actor) {
        return (actor.role() == Role.MINISTRY_ADMIN || actor.role() == Role.MINISTRY_OFFICER)
                && actor.scope().kind() == DataScope.Kind.ALL;
    }

    private static boolean province(Actor actor) {
        return actor.role() == Role.PROVINCIAL_OFFICER && actor.scope().kind() == DataScope.Kind.PROVINCE;
    }

    /**
     * Issues a warning.
     *
     * @throws RejectedInputException naming {@code colour} (missing, or not this level's: red and orange are
     *     the ministry's, yellow and blue a province's), {@code regionCode} (unknown, another province's),
     *     {@code title}, {@code body} or {@code incidentId}
     * @throws AccessDeniedException unless {@link #canIssue}
     */
    @Transactional
    public WarningView issue(Actor actor, WarningInput input) {
        if (!canIssue(actor)) {
            throw new AccessDeniedException("the ministry and the administrations issue warnings");
        }
        Checked checked = check(actor, input, null);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        jdbc.sql("""
                        insert into netsec_warning (colour, title, region_code, body, public_notice, status, incident_id,
                            issued_by, issuer_org, issued_at, updated_at)
                        values (:colour, :title, :region, :body, :public, 'ACTIVE', :incident, :by, :org, :at, :at)""")
                .param("colour", checked.colour().name())
                .param("title", checked.title())
                .param("region", checked.region())
                .param("body", checked.body())
                .param("public", checked.publicNotice())
                .param("incident", checked.incidentId())
                .param("by", actor.username())
                .param("org", actor.organisationName())
                .param("at", now)
                .update(key, "id");
        long id = key.getKey().longValue();
        change(id, "ISSUED", checked.colour(), checked.title(), actor);
        if (checked.colour().ministerial()) {
            startDuty(actor, id);
        }
        audit.record("netsec", "Warning", Long.toString(id), "issued", null, snapshot(checked));
        return find(id).orElseThrow();
    }

    /**
     * Changes an active warning's colour, text or publicity; the responsible level stays the same.
     *
     * @throws RejectedInputException as {@link #issue}
     * @throws AccessDeniedException unless {@link #canChange}
     */
    @Transactional
    public WarningView update(Actor actor, long id, WarningInput input) {
        WarningView warning = find(id).orElseThrow(() -> new NoSuchElementException("warning " + id));
        if (!canChange(actor, warning)) {
            throw new AccessDeniedException("the level that issued an active warning changes it");
        }
        Checked checked = check(actor, input, warning);
        jdbc.sql("update netsec_warning set colour = :colour, title = :title, region_code = :region, body = :body,"
                        + " public_notice = :public, incident_id = :incident, updated_at = :at where id = :id")
                .param("colour", checked.colour().name())
                .param("title", checked.title())
                .param("region", checked.region())
                .param("body", checked.body())
                .param("public", checked.publicNotice())
                .param("incident", checked.incidentId())
                .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .param("id", id)
                .update();
        change(id, "UPDATED", checked.colour(), checked.title(), actor);
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("colour", warning.colour().name());
        before.put("title", warning.title());
        before.put("public", warning.publicNotice());
        audit.record("netsec", "Warning", Long.toString(id), "updated", before, snapshot(checked));
        return find(id).orElseThrow();
    }

    /**
     * Lifts an active warning with the reason; its duty ends.
     *
     * @throws RejectedInputException naming {@code reason}
     * @throws AccessDeniedException unless {@link #canChange}
     */
    @Transactional
    public WarningView lift(Actor actor, long id, String reason) {
        WarningView warning = find(id).orElseThrow(() -> new NoSuchElementException("warning " + id));
        if (!canChange(actor, warning)) {
            throw new AccessDeniedException("the level that issued an active warning lifts it");
        }
        FieldProblems problems = new FieldProblems();
        String why = problems.multilineText("reason", reason, 1000);
        problems.throwIfAny();
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        jdbc.sql("update netsec_warning set status = 'LIFTED', lifted_by = :by, lifted_at = :at, lift_reason = :reason,"
                        + " updated_at = :at where id = :id")
                .param("by", actor.username())
                .param("at", now)
                .param("reason", why)
                .param("id", id)
                .update();
        jdbc.sql(
                        "update netsec_incident_duty set ended_at = :at, ended_by = :by where warning_id = :id and ended_at is null")
                .param("at", now)
                .param("by", actor.username())
                .param("id", id)
                .update();
        change(id, "LIFTED", warning.colour(), why, actor);
        audit.record(
                "netsec",
                "Warning",
                Long.toString(id),
                "lifted",
                Map.of("status", WarningStatus.ACTIVE.name()),
                Map.of("status", WarningStatus.LIFTED.name(), "reason", why));
        return find(id).orElseThrow();
    }

    @Transactional(readOnly = true)
    public Optional<WarningView> find(long id) {
        return jdbc.sql("select * from netsec_warning where id = :id")
                .param("id", id)
                .query(Warnings::row)
                .optional();
    }

    /**
     * Warnings, optionally of one status, most serious first, then newest. Warnings are not confidential:
     * every console user sees them, since every organisation may have to act on one.
     */
    @Transactional(readOnly = true)
    public List<WarningView> list(WarningStatus status) {
        Map<String, Object> params = new HashMap<>();
        String where = "";
        if (status != null) {
            where = " where status = :status";
            params.put("status", status.name());
        }
        return jdbc.sql("select * from netsec_warning" + where
                        + " order by case status when 'ACTIVE' then 0 else 1 end, case colour when 'RED' then 0"
                        + " when 'ORANGE' then 1 when 'YELLOW' then 2 else 3 end, issued_at desc, id desc limit 500")
                .params(params)
                .query(Warnings::row)
                .list();
    }

    /** Active warnings, for the console home. */
    @Transactional(readOnly = true)
    public List<WarningView> active() {
        return list(WarningStatus.ACTIVE);
    }

    /** Active public warnings, for the portal. */
    @Transactional(readOnly = true)
    public List<WarningView> publicActive() {
        return active().stream().filter(WarningView::publicNotice).toList();
    }

    @Transactional(readOnly = true)
    public List<WarningChange> history(long id) {
        return jdbc.sql("select * from netsec_warning_change where warning_id = :id order by id")
                .param("id", id)
                .query((rs, n) -> new WarningChange(
                        rs.getString("action"),
                        WarningColour.valueOf(rs.getString("colour")),
                        rs.getString("note"),
                        rs.getString("actor"),
                        Incidents.instant(rs, "at")))
                .list();
    }

    /** The duties a warning started. */
    @Transactional(readOnly = true)
    public List<ResponseDuty> duties(long id) {
        return jdbc.sql("select * from netsec_incident_duty where warning_id = :id order by id")
                .param("id", id)
                .query(Incidents::dutyRow)
                .list();
    }

    private record Checked(
            WarningColour colour, String title, String region, String body, boolean publicNotice, Long incidentId) {}

    private Checked check(Actor actor, WarningInput input, WarningView existing) {
        FieldProblems problems = new FieldProblems();
        WarningColour colour = problems.choice("colour", input.colour(), WarningColour.class);
        if (colour != null && colour.ministerial() && !ministry(actor)) {
            problems.reject("colour", "netsec.warning.invalid.ministryColour", "red and orange are the ministry's");
            colour = null;
        } else if (colour != null && !colour.ministerial() && !province(actor)) {
            problems.reject("colour", "netsec.warning.invalid.provinceColour", "yellow and blue are a province's");
            colour = null;
        }
        String title = problems.text("title", input.title(), 200);
        String region = null;
        if (input.regionCode() != null && !input.regionCode().isBlank()) {
            ProvinceCode province = problems.parse("regionCode", input.regionCode(), ProvinceCode::of);
            region = province == null ? null : province.code();
        }
        if (province(actor)) {
            if (region == null
                    && problems.list().stream().noneMatch(p -> p.field().equals("regionCode"))) {
                region = actor.scope().provinceCode();
            } else if (region != null && !region.equals(actor.scope().provinceCode())) {
                problems.reject("regionCode", "netsec.warning.invalid.otherProvince", "is another province", region);
            }
        }
        String body = problems.multilineText("body", input.body(), 4000);
        boolean publicNotice = input.publicNotice() != null
                && (input.publicNotice().equalsIgnoreCase("true")
                        || input.publicNotice().equalsIgnoreCase("on"));
        Long incidentId = null;
        if (input.incidentId() != null && !input.incidentId().isBlank()) {
            try {
                incidentId = Long.parseLong(input.incidentId().strip());
                if (jdbc.sql("select count(*) from netsec_incident where id = :id")
                                .param("id", incidentId)
                                .query(Long.class)
                                .single()
                        == 0) {
                    problems.reject("incidentId", "netsec.warning.invalid.incident", "is not an incident", incidentId);
                    incidentId = null;
                }
            } catch (NumberFormatException e) {
                problems.reject(
                        "incidentId", "netsec.warning.invalid.incident", "is not an incident", input.incidentId());
            }
        }
        problems.throwIfAny();
        return new Checked(colour, title, region, body, publicNotice, incidentId);
    }

    private void startDuty(Actor actor, long warningId) {
        jdbc.sql("insert into netsec_incident_duty (warning_id, started_at, started_by) values (:id, :at, :by)")
                .param("id", warningId)
                .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .param("by", actor.username())
                .update();
    }

    private void change(long id, String action, WarningColour colour, String note, Actor actor) {
        jdbc.sql("insert into netsec_warning_change (warning_id, action, colour, note, actor, at)"
                        + " values (:id, :action, :colour, :note, :actor, :at)")
                .param("id", id)
                .param("action", action)
                .param("colour", colour.name())
                .param("note", note == null ? null : note.length() > 1000 ? note.substring(0, 1000) : note)
                .param("actor", actor.username())
                .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .update();
    }

    private static Map<String, Object> snapshot(Checked checked) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("colour", checked.colour().name());
        after.put("title", checked.title());
        after.put("region", checked.region() == null ? "CN" : checked.region());
        after.put("public", checked.publicNotice());
        return after;
    }

    private static WarningView row(ResultSet rs, int n) throws SQLException {
        long incident = rs.getLong("incident_id");
        Long incidentId = rs.wasNull() ? null : incident;
        return new WarningView(
                rs.getLong("id"),
                WarningColour.valueOf(rs.getString("colour")),
                rs.getString("title"),
                rs.getString("region_code"),
                rs.getString("body"),
                rs.getBoolean("public_notice"),
                WarningStatus.valueOf(rs.getString("status")),
                incidentId,
                rs.getString("issued_by"),
                rs.getString("issuer_org"),
                Incidents.instant(rs, "issued_at"),
                Incidents.instant(rs, "updated_at"),
                rs.getString("lifted_by"),
                Incidents.instant(rs, "lifted_at"),
                rs.getString("lift_reason"));
    }
}
