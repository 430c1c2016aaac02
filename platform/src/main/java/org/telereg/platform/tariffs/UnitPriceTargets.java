package org.telereg.platform.tariffs;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.Role;
import org.telereg.platform.audit.AuditTrail;
import org.telereg.platform.shared.FieldProblems;

/** The yearly unit-price targets: data the ministry edits, one row per year. */
@Service
public class UnitPriceTargets {

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    UnitPriceTargets(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** The ministry's administrators and officers set targets. */
    public static boolean canEdit(Actor actor) {
        return actor.role() == Role.MINISTRY_ADMIN || actor.role() == Role.MINISTRY_OFFICER;
    }

    /** Every year's target, latest first. */
    @Transactional(readOnly = true)
    public List<Target> all() {
        return jdbc.sql("select * from tariffs_target order by target_year desc")
                .query((rs, row) -> target(rs))
                .list();
    }

    @Transactional(readOnly = true)
    public Optional<Target> forYear(int year) {
        return jdbc.sql("select * from tariffs_target where target_year = :y")
                .param("y", year)
                .query((rs, row) -> target(rs))
                .optional();
    }

    /**
     * Sets a year's target, replacing the one it had.
     *
     * @throws org.telereg.platform.shared.RejectedInputException naming each refused field
     * @throws AccessDeniedException unless the actor is ministry staff
     */
    @Transactional
    public Target save(Actor actor, TargetInput input) {
        if (!canEdit(actor)) {
            throw new AccessDeniedException("the ministry sets unit-price targets");
        }
        FieldProblems problems = new FieldProblems();
        Integer year = null;
        if (input.year() == null || input.year().isBlank()) {
            problems.reject("year", "invalid.required", "is required");
        } else if (!input.year().strip().matches("\\d{4}")
                || Integer.parseInt(input.year().strip()) < 2000
                || Integer.parseInt(input.year().strip()) > 2100) {
            problems.reject("year", "tariffs.invalid.year", "is not a year between 2000 and 2100");
        } else {
            year = Integer.parseInt(input.year().strip());
        }
        BigDecimal fixed = Offer.decimal(problems, "fixedMax", input.fixedMax(), 4, new BigDecimal("10000"), false);
        BigDecimal mobile = Offer.decimal(problems, "mobileMax", input.mobileMax(), 4, new BigDecimal("10000"), false);
        BigDecimal reduction = Offer.decimal(problems, "reductionPercent", input.reductionPercent(), 2, HUNDRED, false);
        String note = problems.optionalText("note", input.note(), 500);
        if (problems.isEmpty() && fixed == null && mobile == null && reduction == null) {
            problems.reject("fixedMax", "tariffs.invalid.emptyTarget", "give a ceiling or a reduction");
        }
        problems.throwIfAny();
        Optional<Target> before = forYear(year);
        jdbc.sql("delete from tariffs_target where target_year = :y")
                .param("y", year)
                .update();
        jdbc.sql("""
                        insert into tariffs_target (target_year, fixed_max, mobile_max, reduction_percent, note,
                            updated_at, updated_by) values (:y, :fixed, :mobile, :reduction, :note, :now, :by)""")
                .param("y", year)
                .param("fixed", fixed)
                .param("mobile", mobile)
                .param("reduction", reduction)
                .param("note", note)
                .param("now", OffsetDateTime.now(clock))
                .param("by", actor.username())
                .update();
        Target after = forYear(year).orElseThrow();
        audit.record("tariffs", "Target", String.valueOf(year), "targetSet", before.orElse(null), after);
        return after;
    }

    private static Target target(ResultSet rs) throws SQLException {
        return new Target(
                rs.getInt("target_year"),
                stripped(rs.getBigDecimal("fixed_max")),
                stripped(rs.getBigDecimal("mobile_max")),
                stripped(rs.getBigDecimal("reduction_percent")),
                rs.getString("note"),
                rs.getObject("updated_at", OffsetDateTime.class),
                rs.getString("updated_by"));
    }

    private static BigDecimal stripped(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros();
    }
}
