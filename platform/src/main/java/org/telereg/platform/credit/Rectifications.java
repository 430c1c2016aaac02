package org.telereg.platform.credit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.audit.AuditTrail;
import org.telereg.platform.entity.CompanyRegistry;
import org.telereg.platform.entity.CompanyView;
import org.telereg.platform.shared.CreditCode;
import org.telereg.platform.shared.FieldProblems;

/** Rectification orders (整改通知): issued to a company with a deadline, closed when it has complied. */
@Service
public class Rectifications {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final String COLUMNS = "id, credit_code, company_name, authority_code, authority_name, reason,"
            + " issued_on, deadline, status, closed_on, closing_note";

    private final JdbcClient jdbc;
    private final CompanyRegistry companies;
    private final AuditTrail audit;
    private final Clock clock;

    Rectifications(JdbcClient jdbc, CompanyRegistry companies, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.companies = companies;
        this.audit = audit;
        this.clock = clock;
    }

    /** Issues an order to a company in the actor's province (the ministry may issue to any). */
    @Transactional
    public RectificationView issue(Actor actor, String creditCode, String reason, String deadline) {
        if (!CreditRegistry.keeps(actor)) {
            throw new AccessDeniedException("only the ministry and the administrations issue rectification orders");
        }
        LocalDate today = LocalDate.now(clock.withZone(CHINA));
        FieldProblems problems = new FieldProblems();
        CreditCode code = problems.parse("creditCode", creditCode, CreditCode::of);
        String why = problems.multilineText("reason", reason, 1000);
        LocalDate due = problems.date("deadline", deadline, true);
        if (due != null && due.isBefore(today)) {
            problems.reject("deadline", "credit.invalid.pastDeadline", "the deadline has passed");
        }
        CompanyView company = code == null
                ? null
                : companies.find(actor.scope(), code.value()).orElse(null);
        if (code != null && company == null) {
            problems.reject("creditCode", "credit.invalid.unknownCompany", "no such company", code.value());
        }
        problems.throwIfAny();
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into credit_rectification (credit_code, company_name, authority_code, authority_name,
                            reason, issued_on, deadline, status, created_at)
                        values (:code, :name, :authority, :authorityName, :reason, :today, :deadline, 'OPEN', :now)""")
                .param("code", company.creditCode())
                .param("name", company.name())
                .param("authority", CreditRegistry.authorityCode(actor))
                .param("authorityName", actor.organisationName())
                .param("reason", why)
                .param("today", today)
                .param("deadline", due)
                .param("now", Instant.now(clock).atOffset(ZoneOffset.UTC))
                .update(key, "id");
        RectificationView saved = find(key.getKey().longValue()).orElseThrow();
        audit.record("credit", "Rectification", Long.toString(saved.id()), "issued", null, Map.of("deadline", due));
        return saved;
    }

    /** Closes an order once the company has complied. */
    @Transactional
    public RectificationView close(Actor actor, long id, String note) {
        if (!CreditRegistry.keeps(actor)) {
            throw new AccessDeniedException("only the ministry and the administrations close rectification orders");
        }
        RectificationView order = find(id).orElseThrow(() -> new NoSuchElementException("rectification " + id));
        FieldProblems problems = new FieldProblems();
        String why = problems.multilineText("closingNote", note, 1000);
        if (!order.open()) {
            problems.reject("closingNote", "credit.invalid.closed", "the order is already closed");
        }
        problems.throwIfAny();
        jdbc.sql("update credit_rectification set status = 'CLOSED', closed_on = :today, closing_note = :note"
                        + " where id = :id")
                .param("today", LocalDate.now(clock.withZone(CHINA)))
                .param("note", why)
                .param("id", id)
                .update();
        audit.record(
                "credit",
                "Rectification",
                Long.toString(id),
                "closed",
                Map.of("status", "OPEN"),
                Map.of("status", "CLOSED"));
        return find(id).orElseThrow();
    }

    public Optional<RectificationView> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from credit_rectification where id = :id")
                .param("id", id)
                .query(Rectifications::view)
                .optional();
    }

    /** The company's open orders, oldest first. */
    public List<RectificationView> open(String creditCode) {
        return jdbc.sql("select " + COLUMNS + " from credit_rectification where credit_code = :code and status = 'OPEN'"
                        + " order by issued_on")
                .param("code", creditCode)
                .query(Rectifications::view)
                .list();
    }

    /** Orders the actor may see (an administration its own province's companies), open first. */
    public List<RectificationView> visible(DataScope scope) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from credit_rectification");
        Map<String, Object> params = new HashMap<>();
        if (scope.kind() == DataScope.Kind.PROVINCE) {
            sql.append(" where authority_code = :province");
            params.put("province", scope.provinceCode());
        } else if (scope.kind() == DataScope.Kind.ENTERPRISE) {
            sql.append(" where credit_code = :code");
            params.put("code", scope.creditCode());
        } else if (scope.kind() == DataScope.Kind.NONE) {
            return List.of();
        }
        sql.append(" order by status desc, deadline limit 500");
        return jdbc.sql(sql.toString())
                .params(params)
                .query(Rectifications::view)
                .list();
    }

    private static RectificationView view(ResultSet rs, int row) throws SQLException {
        return new RectificationView(
                rs.getLong("id"),
                rs.getString("credit_code"),
                rs.getString("company_name"),
                rs.getString("authority_code"),
                rs.getString("authority_name"),
                rs.getString("reason"),
                rs.getObject("issued_on", LocalDate.class),
                rs.getObject("deadline", LocalDate.class),
                "OPEN".equals(rs.getString("status")),
                rs.getObject("closed_on", LocalDate.class),
                rs.getString("closing_note"));
    }
}
