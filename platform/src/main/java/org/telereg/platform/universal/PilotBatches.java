package org.telereg.platform.universal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.Role;
import org.telereg.platform.audit.AuditTrail;
import org.telereg.platform.shared.FieldProblems;

/** The pilot batches and their rules: the ministry keeps them, every regulator and operator reads them. */
@Service
public class PilotBatches {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    PilotBatches(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** The ministry's staff create and change batches. */
    public static boolean canManage(Actor actor) {
        return actor.role() == Role.MINISTRY_ADMIN || actor.role() == Role.MINISTRY_OFFICER;
    }

    /** Everyone but access providers reads the pilot. */
    public static boolean canRead(Actor actor) {
        return actor.role() != Role.ACCESS_PROVIDER;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(CHINA));
    }

    /** Every batch, newest first. */
    public List<PilotBatch> list() {
        return jdbc.sql("select * from universal_batch order by pilot_year desc, id desc")
                .query(PilotBatches::batch)
                .list();
    }

    public Optional<PilotBatch> find(long id) {
        return jdbc.sql("select * from universal_batch where id = :id")
                .param("id", id)
                .query(PilotBatches::batch)
                .optional();
    }

    public PilotBatch get(long id) {
        return find(id).orElseThrow(() -> new NoSuchElementException("batch " + id));
    }

    /**
     * Creates a batch, or changes one when {@code id} is given. Every field is checked at once: the
     * share is 0–100 %, the operation years at least the minimum years, the radius 0.1–50 km.
     *
     * @throws org.telereg.platform.shared.RejectedInputException naming each refused field
     */
    @Transactional
    public PilotBatch save(Actor actor, Long id, BatchForm form) {
        if (!canManage(actor)) {
            throw new AccessDeniedException("the ministry keeps the pilot batches");
        }
        PilotBatch before = id == null ? null : get(id);
        FieldProblems problems = new FieldProblems();
        String name = problems.text("name", form.name(), 100);
        Integer year = Inputs.integer(problems, "pilotYear", form.pilotYear(), 2015, 2100);
        BigDecimal share = Inputs.decimal(problems, "sharePercent", form.sharePercent(), "0.01", "100", 2);
        Integer ordinary = Inputs.integer(problems, "ordinaryYears", form.ordinaryYears(), 1, 50);
        Integer border = Inputs.integer(problems, "borderYears", form.borderYears(), 1, 50);
        Integer minimum = Inputs.integer(problems, "minimumYears", form.minimumYears(), 1, 50);
        BigDecimal radius = Inputs.decimal(problems, "radiusKm", form.radiusKm(), "0.1", "50", 3);
        Integer households = Inputs.integer(problems, "minHouseholds", form.minHouseholds(), 1, 10000);
        BigDecimal fibre = Inputs.decimal(problems, "fibreMinMbps", form.fibreMinMbps(), "1", "100000", 2);
        LocalDate due = problems.date("completionDue", form.completionDue(), true);
        if (minimum != null && ordinary != null && ordinary < minimum) {
            problems.reject(
                    "ordinaryYears",
                    "universal.invalid.belowMinimumYears",
                    "is fewer than the minimum years",
                    ordinary,
                    minimum);
        }
        if (minimum != null && border != null && border < minimum) {
            problems.reject(
                    "borderYears",
                    "universal.invalid.belowMinimumYears",
                    "is fewer than the minimum years",
                    border,
                    minimum);
        }
        if (year != null && due != null && due.getYear() < year) {
            problems.reject("completionDue", "universal.invalid.dueBeforeYear", "is before the batch's year", year);
        }
        if (name != null) {
            Long same = jdbc.sql("select count(*) from universal_batch where name = :name and id <> :id")
                    .param("name", name)
                    .param("id", id == null ? -1L : id)
                    .query(Long.class)
                    .single();
            if (same > 0) {
                problems.reject("name", "universal.invalid.batchNameTaken", "another batch has this name", name);
            }
        }
        problems.throwIfAny();
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", name);
        values.put("year", year);
        values.put("share", share);
        values.put("ordinary", ordinary);
        values.put("border", border);
        values.put("minimum", minimum);
        values.put("radius", radius);
        values.put("households", households);
        values.put("fibre", fibre);
        values.put("due", due);
        long saved;
        if (before == null) {
            jdbc.sql("""
                            insert into universal_batch (name, pilot_year, share_percent, ordinary_years, border_years,
                                minimum_years, radius_km, min_households, fibre_min_mbps, completion_due, updated_by, updated_at)
                            values (:name, :year, :share, :ordinary, :border, :minimum, :radius, :households, :fibre, :due,
                                :by, :at)""")
                    .params(values)
                    .param("by", actor.username())
                    .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                    .update();
            saved = jdbc.sql("select id from universal_batch where name = :name")
                    .param("name", name)
                    .query(Long.class)
                    .single();
        } else {
            saved = before.id();
            jdbc.sql("""
                            update universal_batch set name = :name, pilot_year = :year, share_percent = :share,
                                ordinary_years = :ordinary, border_years = :border, minimum_years = :minimum,
                                radius_km = :radius, min_households = :households, fibre_min_mbps = :fibre,
                                completion_due = :due, updated_by = :by, updated_at = :at
                            where id = :id""")
                    .params(values)
                    .param("by", actor.username())
                    .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                    .param("id", saved)
                    .update();
        }
        PilotBatch after = get(saved);
        if (before == null) {
            audit.record("universal", "PilotBatch", String.valueOf(saved), "universalBatchCreated", null, after);
        } else {
            audit.record("universal", "PilotBatch", String.valueOf(saved), "universalBatchChanged", before, after);
        }
        return after;
    }

    static PilotBatch batch(ResultSet rs, int row) throws SQLException {
        return new PilotBatch(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getInt("pilot_year"),
                rs.getBigDecimal("share_percent"),
                rs.getInt("ordinary_years"),
                rs.getInt("border_years"),
                rs.getInt("minimum_years"),
                rs.getBigDecimal("radius_km"),
                rs.getInt("min_households"),
                rs.getBigDecimal("fibre_min_mbps"),
                rs.getObject("completion_due", LocalDate.class));
    }
}
