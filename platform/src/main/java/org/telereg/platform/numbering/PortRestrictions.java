package org.telereg.platform.numbering;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.access.Role;
import org.telereg.platform.audit.AuditTrail;
import org.telereg.platform.shared.FieldProblems;
import org.telereg.platform.shared.RejectedInputException;

/**
 * The donor's facts that stop a port — arrears and contracts in term. Only the operator that carries
 * the number records or clears them, and doing either twice changes nothing more.
 */
@Service
public class PortRestrictions {

    private static final BigDecimal MOST = new BigDecimal("100000000");

    private final JdbcClient jdbc;
    private final Carriers carriers;
    private final AuditTrail audit;
    private final Clock clock;

    PortRestrictions(JdbcClient jdbc, Carriers carriers, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.carriers = carriers;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Records (or replaces) a restriction of a number the actor's operator carries.
     *
     * @throws RejectedInputException naming the number, amount, end date or note that is refused
     * @throws AccessDeniedException when the actor is not the operator carrying the number
     */
    @Transactional
    public RestrictionView record(Actor actor, String numberText, RestrictionKind kind, NewRestriction input) {
        FieldProblems problems = new FieldProblems();
        String number = number(problems, numberText);
        BigDecimal amount = amount(problems, input.amount());
        LocalDate endsOn = problems.date("endsOn", input.endsOn(), false);
        String note = problems.optionalText("note", input.note(), 500);
        if (kind == RestrictionKind.CONTRACT && amount != null) {
            problems.reject("amount", "numbering.invalid.amountNotApplicable", "only arrears have an amount");
        }
        if (kind == RestrictionKind.ARREARS && endsOn != null) {
            problems.reject("endsOn", "numbering.invalid.endsOnNotApplicable", "only contracts have an end date");
        }
        problems.throwIfAny();
        String operator = requireCarrier(actor, number);
        Optional<RestrictionView> before = find(number, kind, operator);
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        int updated = jdbc.sql("""
                        update numbering_port_restriction set amount_fen = :amount, ends_on = :endsOn, note = :note,
                            recorded_by = :by, recorded_at = :at
                        where phone_number = :number and kind = :kind and operator_credit_code = :operator""")
                .param(
                        "amount",
                        amount == null ? null : amount.movePointRight(2).longValueExact())
                .param("endsOn", endsOn)
                .param("note", note)
                .param("by", actor.username())
                .param("at", now)
                .param("number", number)
                .param("kind", kind.name())
                .param("operator", operator)
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            insert into numbering_port_restriction (phone_number, kind, operator_credit_code, amount_fen,
                                ends_on, note, recorded_by, recorded_at)
                            values (:number, :kind, :operator, :amount, :endsOn, :note, :by, :at)""")
                    .param("number", number)
                    .param("kind", kind.name())
                    .param("operator", operator)
                    .param(
                            "amount",
                            amount == null ? null : amount.movePointRight(2).longValueExact())
                    .param("endsOn", endsOn)
                    .param("note", note)
                    .param("by", actor.username())
                    .param("at", now)
                    .update();
        }
        RestrictionView after = find(number, kind, operator).orElseThrow();
        if (before.isEmpty() || !sameFacts(before.get(), after)) {
            audit.record(
                    "numbering",
                    "PortRestriction",
                    number + ":" + kind,
                    "restrictionRecorded",
                    before.orElse(null),
                    after);
        }
        return after;
    }

    /** Clears a restriction; clearing one that is not there is not an error. */
    @Transactional
    public void clear(Actor actor, String numberText, RestrictionKind kind) {
        FieldProblems problems = new FieldProblems();
        String number = number(problems, numberText);
        problems.throwIfAny();
        String operator = requireCarrier(actor, number);
        Optional<RestrictionView> before = find(number, kind, operator);
        if (before.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        delete from numbering_port_restriction
                        where phone_number = :number and kind = :kind and operator_credit_code = :operator""")
                .param("number", number)
                .param("kind", kind.name())
                .param("operator", operator)
                .update();
        audit.record("numbering", "PortRestriction", number + ":" + kind, "restrictionCleared", before.get(), null);
    }

    /**
     * The restrictions an operator has recorded on a number and that hold on a day: arrears always,
     * a contract until its end date has passed.
     */
    @Transactional(readOnly = true)
    public List<RestrictionView> holding(String number, String operatorCreditCode, LocalDate day) {
        return jdbc.sql("""
                        select * from numbering_port_restriction
                        where phone_number = :number and operator_credit_code = :operator
                          and (ends_on is null or ends_on >= :day)
                        order by kind""")
                .param("number", number)
                .param("operator", operatorCreditCode)
                .param("day", day)
                .query((rs, n) -> toView(rs))
                .list();
    }

    /** The restrictions on a number within a scope: operators see only those they recorded. */
    @Transactional(readOnly = true)
    public List<RestrictionView> of(DataScope scope, String number) {
        return jdbc
                .sql("select * from numbering_port_restriction where phone_number = :number order by kind")
                .param("number", number)
                .query((rs, n) -> toView(rs))
                .list()
                .stream()
                .filter(r -> scope.kind() != DataScope.Kind.ENTERPRISE
                        || scope.creditCode().equals(r.operatorCreditCode()))
                .filter(r -> scope.kind() != DataScope.Kind.NONE)
                .toList();
    }

    private String requireCarrier(Actor actor, String number) {
        CarrierAnswer carrier = carriers.carrierAt(number, clock.instant());
        if (!carrier.known()) {
            throw RejectedInputException.of("number", "numbering.invalid.unknownNumber", "no block holds this number");
        }
        if (actor.role() != Role.OPERATOR
                || actor.scope().kind() != DataScope.Kind.ENTERPRISE
                || !actor.scope().creditCode().equals(carrier.carrierCreditCode())) {
            throw new AccessDeniedException("only the operator carrying the number records its restrictions");
        }
        return carrier.carrierCreditCode();
    }

    private static String number(FieldProblems problems, String text) {
        String number = Carriers.mobile(text);
        if (number == null) {
            problems.reject("number", "numbering.invalid.mobile", "not an 11-digit mobile number");
        }
        return number;
    }

    private static BigDecimal amount(FieldProblems problems, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(text.strip());
            if (amount.signum() <= 0 || amount.scale() > 2 || amount.compareTo(MOST) >= 0) {
                problems.reject("amount", "numbering.invalid.amount", "not an amount in yuan like 35.20");
                return null;
            }
            return amount;
        } catch (NumberFormatException e) {
            problems.reject("amount", "numbering.invalid.amount", "not an amount in yuan like 35.20");
            return null;
        }
    }

    private static boolean sameFacts(RestrictionView a, RestrictionView b) {
        return Objects.equals(a.amount(), b.amount())
                && Objects.equals(a.endsOn(), b.endsOn())
                && Objects.equals(a.note(), b.note());
    }

    private Optional<RestrictionView> find(String number, RestrictionKind kind, String operator) {
        return jdbc.sql("""
                        select * from numbering_port_restriction
                        where phone_number = :number and kind = :kind and operator_credit_code = :operator""")
                .param("number", number)
                .param("kind", kind.name())
                .param("operator", operator)
                .query((rs, n) -> toView(rs))
                .optional();
    }

    private static RestrictionView toView(ResultSet rs) throws SQLException {
        long fen = rs.getLong("amount_fen");
        boolean noAmount = rs.wasNull();
        Date ends = rs.getDate("ends_on");
        return new RestrictionView(
                rs.getString("phone_number"),
                RestrictionKind.valueOf(rs.getString("kind")),
                rs.getString("operator_credit_code"),
                noAmount ? null : BigDecimal.valueOf(fen, 2),
                ends == null ? null : ends.toLocalDate(),
                rs.getString("note"),
                rs.getString("recorded_by"),
                rs.getObject("recorded_at", OffsetDateTime.class));
    }
}
