package org.telereg.platform.numbering;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.access.Role;
import org.telereg.platform.audit.AuditTrail;
import org.telereg.platform.entity.CompanyRegistry;
import org.telereg.platform.entity.CompanyView;
import org.telereg.platform.shared.FieldProblems;
import org.telereg.platform.shared.ProvinceCode;
import org.telereg.platform.shared.RejectedInputException;

/**
 * Port orders (携号转网申请): the recipient submits one with the user's authorisation code; once
 * accepted it takes effect at the next whole hour, Beijing time, unless the recipient (or a regulator)
 * cancels it or the donor refuses it first.
 */
@Service
public class PortOrders {

    private static final int MOST_PER_PAGE = 500;

    private final JdbcClient jdbc;
    private final PortabilityRules rules;
    private final PortCodes codes;
    private final SubscriberRegister register;
    private final CompanyRegistry companies;
    private final AuditTrail audit;
    private final Clock clock;

    PortOrders(
            JdbcClient jdbc,
            PortabilityRules rules,
            PortCodes codes,
            SubscriberRegister register,
            CompanyRegistry companies,
            AuditTrail audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.codes = codes;
        this.register = register;
        this.companies = companies;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The whole hour an order accepted at an instant takes effect: the first whole hour (Beijing time)
     * strictly after it, so an order accepted at 10:00:00 exactly takes effect at 11:00, never at the
     * instant of acceptance, and one at 10:59:59 also at 11:00.
     */
    public static Instant nextWholeHour(Instant accepted) {
        return accepted.atZone(Carriers.CHINA)
                .truncatedTo(ChronoUnit.HOURS)
                .plusHours(1)
                .toInstant();
    }

    /**
     * Accepts an order of the actor's operator as recipient.
     *
     * @throws RejectedInputException naming every refused field: a malformed number, code, name,
     *     document or province; an authorisation code that is wrong, expired or used; a name and
     *     document that are not the registration's; and each eligibility rule the number fails
     */
    @Transactional
    public PortOrderView submit(Actor actor, NewPortOrder input) {
        if (actor.role() != Role.OPERATOR || actor.scope().kind() != DataScope.Kind.ENTERPRISE) {
            throw new AccessDeniedException("only a recipient operator submits port orders");
        }
        String recipient = actor.scope().creditCode();
        FieldProblems problems = new FieldProblems();
        String number = Carriers.mobile(input.number());
        if (number == null) {
            problems.reject("number", "numbering.invalid.mobile", "not an 11-digit mobile number");
        }
        String code = input.authCode() == null ? null : input.authCode().strip();
        if (code == null || !code.matches("[0-9]{6}")) {
            problems.reject("authCode", "numbering.invalid.authCodeShape", "not a 6-digit code");
            code = null;
        }
        String name = problems.text("name", input.name(), 50);
        String document = problems.text("documentNumber", input.documentNumber(), 40);
        ProvinceCode province = problems.parse("provinceCode", input.provinceCode(), ProvinceCode::of);
        problems.throwIfAny();

        Instant now = clock.instant();
        Optional<PortCodes.Redeemable> redeemable = codes.check(number, code, now);
        if (redeemable.isEmpty()) {
            problems.reject("authCode", "numbering.invalid.authCode", "wrong, expired or already used");
        }
        Eligibility eligibility = rules.check(number, now, recipient, province.code());
        for (Ineligibility reason : eligibility.reasons()) {
            problems.reject(
                    reason == Ineligibility.OTHER_LOCAL_NETWORK ? "provinceCode" : "number",
                    reason.messageKey(),
                    reason.name());
        }
        CarrierAnswer donor = eligibility.carrier();
        if (donor.known() && !register.holderMatches(donor.carrierCreditCode(), number, name, document)) {
            problems.reject("name", "numbering.invalid.holderMismatch", "not the registered holder");
            problems.reject("documentNumber", "numbering.invalid.holderMismatch", "not the registered holder");
        }
        problems.throwIfAny();

        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into numbering_port_order (phone_number, province_code, donor_credit_code, donor_name,
                            recipient_credit_code, recipient_name, status, code_issued_at, submitted_at, effective_at,
                            submitted_by)
                        values (:number, :province, :donor, :donorName, :recipient, :recipientName, 'SCHEDULED',
                            :codeIssued, :now, :effective, :by)""")
                .param("number", number)
                .param("province", province.code())
                .param("donor", donor.carrierCreditCode())
                .param("donorName", donor.carrierName())
                .param("recipient", recipient)
                .param("recipientName", companyName(recipient, actor.organisationName()))
                .param("codeIssued", redeemable.get().issuedAt().atOffset(ZoneOffset.UTC))
                .param("now", now.atOffset(ZoneOffset.UTC))
                .param("effective", nextWholeHour(now).atOffset(ZoneOffset.UTC))
                .param("by", actor.username())
                .update(key, "id");
        long id = key.getKey().longValue();
        if (!codes.use(redeemable.get().id(), id, now)) {
            throw RejectedInputException.of("authCode", "numbering.invalid.authCode", "wrong, expired or already used");
        }
        PortOrderView saved = read(id).orElseThrow();
        audit.record("numbering", "PortOrder", Long.toString(id), "portSubmitted", null, saved);
        return saved;
    }

    /** Withdraws a scheduled order before its hour: the recipient, or a regulator of its province. */
    @Transactional
    public PortOrderView cancel(Actor actor, long id, String note) {
        PortOrderView before = find(actor.scope(), id).orElseThrow(() -> new NoSuchElementException("no order " + id));
        boolean recipient =
                actor.role() == Role.OPERATOR && actor.scope().creditCode().equals(before.recipientCreditCode());
        boolean regulator = actor.role() == Role.MINISTRY_ADMIN
                || actor.role() == Role.MINISTRY_OFFICER
                || actor.role() == Role.PROVINCIAL_OFFICER;
        if (!recipient && !regulator) {
            throw new AccessDeniedException("only the recipient or a regulator cancels an order");
        }
        FieldProblems problems = new FieldProblems();
        String text = problems.optionalText("note", note, 500);
        problems.throwIfAny();
        return close(actor, before, PortStatus.CANCELLED, null, text, "portCancelled");
    }

    /** The donor refuses a scheduled order before its hour, giving its reason. */
    @Transactional
    public PortOrderView refuse(Actor actor, long id, String reason, String note) {
        PortOrderView before = find(actor.scope(), id).orElseThrow(() -> new NoSuchElementException("no order " + id));
        if (actor.role() != Role.OPERATOR || !actor.scope().creditCode().equals(before.donorCreditCode())) {
            throw new AccessDeniedException("only the donor refuses an order");
        }
        FieldProblems problems = new FieldProblems();
        DonorRefusal why = problems.choice("reason", reason, DonorRefusal.class);
        String text = problems.optionalText("note", note, 500);
        if (why == DonorRefusal.OTHER && text == null) {
            problems.reject("note", "numbering.invalid.noteRequired", "say why when the reason is OTHER");
        }
        problems.throwIfAny();
        return close(actor, before, PortStatus.REFUSED, why, text, "portRefused");
    }

    private PortOrderView close(
            Actor actor, PortOrderView before, PortStatus status, DonorRefusal reason, String note, String action) {
        Instant now = clock.instant();
        int updated = jdbc.sql("""
                        update numbering_port_order set status = :status, closed_at = :now, closed_by = :by,
                            refusal_reason = :reason, note = :note
                        where id = :id and status = 'SCHEDULED' and effective_at > :now""")
                .param("status", status.name())
                .param("now", now.atOffset(ZoneOffset.UTC))
                .param("by", actor.username())
                .param("reason", reason == null ? null : reason.name())
                .param("note", note)
                .param("id", before.id())
                .update();
        if (updated == 0) {
            throw RejectedInputException.of(
                    "status", "numbering.invalid.notScheduled", "the order is no longer waiting for its hour");
        }
        PortOrderView after = read(before.id()).orElseThrow();
        audit.record("numbering", "PortOrder", Long.toString(before.id()), action, before, after);
        return after;
    }

    /** Marks the orders whose hour has come as completed, each in the audit log. */
    @Scheduled(cron = "5 * * * * *", zone = "Asia/Shanghai")
    @Transactional
    public void completeDue() {
        Instant now = clock.instant();
        List<Long> due = jdbc.sql(
                        "select id from numbering_port_order where status = 'SCHEDULED' and effective_at <= :now")
                .param("now", now.atOffset(ZoneOffset.UTC))
                .query(Long.class)
                .list();
        for (long id : due) {
            PortOrderView before = read(id).orElseThrow();
            jdbc.sql("update numbering_port_order set status = 'COMPLETED' where id = :id and status = 'SCHEDULED'")
                    .param("id", id)
                    .update();
            audit.record("numbering", "PortOrder", Long.toString(id), "portCompleted", before, read(id).orElseThrow());
        }
    }

    /** An order the scope may see. */
    @Transactional(readOnly = true)
    public Optional<PortOrderView> find(DataScope scope, long id) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("id", id);
        return jdbc.sql("select * from numbering_port_order where id = :id and " + condition(scope, params))
                .params(params)
                .query((rs, n) -> toView(rs, clock.instant()))
                .optional();
    }

    /** Orders the scope may see, newest first: regulators by province, operators as donor or recipient. */
    @Transactional(readOnly = true)
    public Page<PortOrderView> search(DataScope scope, PortOrderSearch search, Pageable pageable) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder where = new StringBuilder(" where ").append(condition(scope, params));
        Instant now = clock.instant();
        if (search.status() != null) {
            params.put("now", now.atOffset(ZoneOffset.UTC));
            where.append(
                    switch (search.status()) {
                        case SCHEDULED -> " and status = 'SCHEDULED' and effective_at > :now";
                        case COMPLETED ->
                            " and (status = 'COMPLETED' or (status = 'SCHEDULED' and effective_at <= :now))";
                        default -> " and status = '" + search.status().name() + "'";
                    });
        }
        if (search.operatorCreditCode() != null) {
            where.append(" and (donor_credit_code = :operator or recipient_credit_code = :operator)");
            params.put("operator", search.operatorCreditCode());
        }
        if (search.number() != null) {
            where.append(" and phone_number = :number");
            params.put("number", search.number());
        }
        if (search.from() != null) {
            where.append(" and submitted_at >= :from");
            params.put("from", Carriers.startOf(search.from()).atOffset(ZoneOffset.UTC));
        }
        if (search.to() != null) {
            where.append(" and submitted_at < :to");
            params.put("to", Carriers.startOf(search.to().plusDays(1)).atOffset(ZoneOffset.UTC));
        }
        long total = jdbc.sql("select count(*) from numbering_port_order" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<PortOrderView> rows = jdbc.sql("select * from numbering_port_order" + where
                        + " order by submitted_at desc, id desc limit :limit offset :offset")
                .params(params)
                .param("limit", Math.min(pageable.getPageSize(), MOST_PER_PAGE))
                .param("offset", pageable.getOffset())
                .query((rs, n) -> toView(rs, now))
                .list();
        return new PageImpl<>(rows, pageable, total);
    }

    /** A number's completed ports, oldest first, for every scope that may see the number's page. */
    @Transactional(readOnly = true)
    public List<PortOrderView> history(String number) {
        Instant now = clock.instant();
        return jdbc.sql("""
                        select * from numbering_port_order where phone_number = :number
                          and status in ('SCHEDULED', 'COMPLETED') and effective_at <= :now
                        order by effective_at, id""")
                .param("number", number)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .query((rs, n) -> toView(rs, now))
                .list();
    }

    /**
     * Records an order that ended before the platform knew of it (operators' history, the demo data):
     * no code, no checks. A completed one changes the carrier from its effective hour.
     */
    @Transactional
    PortOrderView recordPast(
            String number,
            String provinceCode,
            String donorCreditCode,
            String recipientCreditCode,
            PortStatus status,
            DonorRefusal reason,
            Instant codeIssuedAt,
            Instant effectiveAt) {
        KeyHolder key = new GeneratedKeyHolder();
        boolean closed = status == PortStatus.CANCELLED || status == PortStatus.REFUSED;
        jdbc.sql("""
                        insert into numbering_port_order (phone_number, province_code, donor_credit_code, donor_name,
                            recipient_credit_code, recipient_name, status, code_issued_at, submitted_at, effective_at,
                            closed_at, closed_by, refusal_reason, submitted_by)
                        values (:number, :province, :donor, :donorName, :recipient, :recipientName, :status,
                            :codeIssued, :submitted, :effective, :closed, :closedBy, :reason, 'system')""")
                .param("number", number)
                .param("province", provinceCode)
                .param("donor", donorCreditCode)
                .param("donorName", companyName(donorCreditCode, donorCreditCode))
                .param("recipient", recipientCreditCode)
                .param("recipientName", companyName(recipientCreditCode, recipientCreditCode))
                .param("status", status.name())
                .param("codeIssued", codeIssuedAt.atOffset(ZoneOffset.UTC))
                .param("submitted", codeIssuedAt.plus(10, ChronoUnit.MINUTES).atOffset(ZoneOffset.UTC))
                .param("effective", effectiveAt.atOffset(ZoneOffset.UTC))
                .param(
                        "closed",
                        closed ? effectiveAt.minus(20, ChronoUnit.MINUTES).atOffset(ZoneOffset.UTC) : null)
                .param("closedBy", closed ? "system" : null)
                .param("reason", reason == null ? null : reason.name())
                .update(key, "id");
        PortOrderView saved = read(key.getKey().longValue()).orElseThrow();
        audit.record("numbering", "PortOrder", Long.toString(saved.id()), "portRecorded", null, saved);
        return saved;
    }

    /** Whether the actor may cancel orders at all (the console shows the button to these). */
    public static boolean cancels(Actor actor, PortOrderView order) {
        return switch (actor.role()) {
            case MINISTRY_ADMIN, MINISTRY_OFFICER, PROVINCIAL_OFFICER -> true;
            case OPERATOR -> order.recipientCreditCode().equals(actor.scope().creditCode());
            default -> false;
        };
    }

    /** Whether the actor is the donor of an order, who may refuse it. */
    public static boolean refuses(Actor actor, PortOrderView order) {
        return actor.role() == Role.OPERATOR
                && order.donorCreditCode().equals(actor.scope().creditCode());
    }

    private Optional<PortOrderView> read(long id) {
        return find(DataScope.all(), id);
    }

    private String companyName(String creditCode, String fallback) {
        return companies
                .find(DataScope.all(), creditCode)
                .map(CompanyView::name)
                .orElse(fallback);
    }

    private static String condition(DataScope scope, Map<String, Object> params) {
        return switch (scope.kind()) {
            case ALL -> "1 = 1";
            case PROVINCE -> {
                params.put("scopeProvince", scope.provinceCode());
                yield "province_code = :scopeProvince";
            }
            case ENTERPRISE -> {
                params.put("scopeEnterprise", scope.creditCode());
                yield "(donor_credit_code = :scopeEnterprise or recipient_credit_code = :scopeEnterprise)";
            }
            case NONE -> "1 = 0";
        };
    }

    private static PortOrderView toView(ResultSet rs, Instant now) throws SQLException {
        OffsetDateTime effective = beijing(rs, "effective_at");
        PortStatus status = PortStatus.valueOf(rs.getString("status"));
        if (status == PortStatus.SCHEDULED && !effective.toInstant().isAfter(now)) {
            status = PortStatus.COMPLETED;
        }
        String reason = rs.getString("refusal_reason");
        return new PortOrderView(
                rs.getLong("id"),
                rs.getString("phone_number"),
                rs.getString("province_code"),
                rs.getString("donor_credit_code"),
                rs.getString("donor_name"),
                rs.getString("recipient_credit_code"),
                rs.getString("recipient_name"),
                status,
                beijing(rs, "code_issued_at"),
                beijing(rs, "submitted_at"),
                effective,
                beijing(rs, "closed_at"),
                rs.getString("closed_by"),
                reason == null ? null : DonorRefusal.valueOf(reason),
                rs.getString("note"),
                rs.getString("submitted_by"));
    }

    private static OffsetDateTime beijing(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant().atOffset(ZoneOffset.ofHours(8));
    }
}
