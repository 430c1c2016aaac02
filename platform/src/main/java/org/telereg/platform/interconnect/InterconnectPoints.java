package org.telereg.platform.interconnect;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.audit.AuditTrail;
import org.telereg.platform.shared.DivisionCode;
import org.telereg.platform.shared.FieldProblems;

/**
 * The backbone direct-connection points and exchange centres: the ten of the 2001 and 2013 decisions
 * come with the migrations, the ministry adds the rest.
 */
@Service
public class InterconnectPoints {

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    InterconnectPoints(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** Only the ministry's staff add points and links. */
    public static boolean canManage(Actor actor) {
        return Scopes.isMinistryStaff(actor);
    }

    /** The points the scope covers, with the links the scope sees at each, by opening date and code. */
    @Transactional(readOnly = true)
    public List<PointView> list(DataScope scope) {
        Map<String, Object> params = new HashMap<>();
        String points = Scopes.points(scope, params);
        String links = Scopes.links(scope, params);
        return jdbc.sql("select p.*, (select count(*) from interconnect_link l where l.point_id = p.id and " + links
                        + ") as links, (select coalesce(sum(l.capacity_gbps), 0) from interconnect_link l"
                        + " where l.point_id = p.id and " + links + ") as capacity"
                        + " from interconnect_point p where " + points + " order by p.opened_on, p.code")
                .params(params)
                .query(InterconnectPoints::view)
                .list();
    }

    @Transactional(readOnly = true)
    public Optional<PointView> find(DataScope scope, long id) {
        return list(scope).stream().filter(p -> p.id() == id).findFirst();
    }

    /**
     * Adds a point.
     *
     * @throws org.telereg.platform.shared.RejectedInputException naming each field at fault
     * @throws AccessDeniedException unless {@link #canManage(Actor)}
     */
    @Transactional
    public PointView add(Actor actor, NewPoint input) {
        if (!canManage(actor)) {
            throw new AccessDeniedException("points are added by the ministry");
        }
        FieldProblems problems = new FieldProblems();
        String code = problems.text("code", input.code(), 20);
        if (code != null && !code.matches("[A-Za-z0-9-]+")) {
            problems.reject("code", "interconnect.invalid.code", "letters, digits and dashes only");
            code = null;
        }
        String name = problems.text("name", input.name(), 100);
        PointKind kind = problems.choice("kind", input.kind(), PointKind.class);
        DivisionCode division = problems.parse("divisionCode", input.divisionCode(), DivisionCode::of);
        LocalDate openedOn = problems.date("openedOn", input.openedOn(), true);
        if (code != null
                && jdbc.sql("select count(*) from interconnect_point where upper(code) = :code")
                                .param("code", code.toUpperCase(Locale.ROOT))
                                .query(Long.class)
                                .single()
                        > 0) {
            problems.reject("code", "interconnect.invalid.codeTaken", "another point has this code", code);
        }
        problems.throwIfAny();
        String upper = code.toUpperCase(Locale.ROOT);
        jdbc.sql("""
                insert into interconnect_point (code, name, kind, division_code, province_code, opened_on, created_at)
                values (:code, :name, :kind, :division, :province, :opened, :at)""")
                .param("code", upper)
                .param("name", name)
                .param("kind", kind.name())
                .param("division", division.code())
                .param("province", division.province().code())
                .param("opened", openedOn)
                .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .update();
        PointView point = list(DataScope.all()).stream()
                .filter(p -> p.code().equals(upper))
                .findFirst()
                .orElseThrow();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("code", point.code());
        after.put("name", point.name());
        after.put("kind", point.kind().name());
        after.put("division", point.divisionCode());
        after.put("openedOn", point.openedOn().toString());
        audit.record("interconnect", "Point", Long.toString(point.id()), "created", null, after);
        return point;
    }

    static PointView view(ResultSet rs, int row) throws SQLException {
        String division = rs.getString("division_code");
        String divisionName;
        try {
            divisionName = new DivisionCode(division).name();
        } catch (RuntimeException e) {
            divisionName = division;
        }
        BigDecimal capacity = rs.getBigDecimal("capacity");
        return new PointView(
                rs.getLong("id"),
                rs.getString("code"),
                rs.getString("name"),
                PointKind.valueOf(rs.getString("kind")),
                division,
                divisionName,
                rs.getString("province_code"),
                rs.getObject("opened_on", LocalDate.class),
                rs.getLong("links"),
                capacity == null ? BigDecimal.ZERO : Numbers.plain(capacity));
    }
}
