package org.telereg.platform.realname;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.audit.AuditTrail;
import org.telereg.platform.shared.FieldProblem;
import org.telereg.platform.shared.RejectedInputException;

/**
 * The second real-person verification queue (二次实人核验): an identity over the per-operator cap
 * must verify in person at that operator within the deadline (24 hours by default), or the
 * operator suspends its over-cap cards; an appeal restores them. Imports raise the tasks, the
 * operator records the outcomes, regulators watch the queue and its overdue tasks.
 */
@Service
public class Verifications {

    private static final int KEYS_PER_QUERY = 1000;

    private final JdbcClient jdbc;
    private final AuditTrail auditTrail;
    private final RealnameSettings settings;
    private final Clock clock;

    Verifications(JdbcClient jdbc, AuditTrail auditTrail, RealnameSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.auditTrail = auditTrail;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Raises a task for each of these identities that is now over the cap at the operator and holds
     * more cards there than its last task saw; returns how many were raised. Runs in the import's
     * transaction.
     */
    int raise(String operator, String operatorName, List<String> identityKeys) {
        int raised = 0;
        Instant now = clock.instant();
        List<String> keys = identityKeys.stream().distinct().toList();
        for (int from = 0; from < keys.size(); from += KEYS_PER_QUERY) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + KEYS_PER_QUERY));
            record Over(String key, String masked, String type, String province, int cards) {}
            List<Over> over = jdbc.sql("""
                    select identity_key, max(identity_masked) as masked, max(document_type) as type,
                           max(province_code) as province, count(*) as cards
                    from realname_subscriber
                    where operator_credit_code = :operator and status <> 'CANCELLED' and identity_key in (:keys)
                    group by identity_key having count(*) > :cap""")
                    .param("operator", operator)
                    .param("keys", chunk)
                    .param("cap", settings.cardsPerOperator())
                    .query((rs, n) -> new Over(
                            rs.getString("identity_key"),
                            rs.getString("masked"),
                            rs.getString("type"),
                            rs.getString("province"),
                            rs.getInt("cards")))
                    .list();
            for (Over identity : over) {
                Integer seen = jdbc.sql("""
                        select max(cards) from realname_verification
                        where operator_credit_code = :operator and identity_key = :key""")
                        .param("operator", operator)
                        .param("key", identity.key())
                        .query(Integer.class)
                        .optional()
                        .orElse(null);
                if (seen != null && seen >= identity.cards()) {
                    continue;
                }
                jdbc.sql("""
                        insert into realname_verification (operator_credit_code, operator_name, identity_key,
                            identity_masked, document_type, province_code, cards, status, raised_at, due_at)
                        values (:operator, :name, :key, :masked, :type, :province, :cards, 'PENDING', :raised, :due)""")
                        .param("operator", operator)
                        .param("name", operatorName)
                        .param("key", identity.key())
                        .param("masked", identity.masked())
                        .param("type", identity.type())
                        .param("province", identity.province())
                        .param("cards", identity.cards())
                        .param("raised", now.atOffset(ZoneOffset.UTC))
                        .param("due", now.plus(deadline()).atOffset(ZoneOffset.UTC))
                        .update();
                raised++;
            }
        }
        return raised;
    }

    /** How long a holder has to verify in person ({@code telereg.realname.verification-hours}). */
    public Duration deadline() {
        return Duration.ofHours(settings.verificationHours());
    }

    /** The tasks in the reader's scope, optionally of one status; overdue and pending ones first. */
    @Transactional(readOnly = true)
    public Page<VerificationView> list(DataScope scope, VerificationStatus status, Pageable pageable) {
        Map<String, Object> params = new HashMap<>();
        String where = scope.sqlCondition("province_code", "operator_credit_code", params)
                + (status == null ? "" : " and status = :status");
        if (status != null) {
            params.put("status", status.name());
        }
        long count = jdbc.sql("select count(*) from realname_verification where " + where)
                .params(params)
                .query(Long.class)
                .single();
        params.put("limit", pageable.getPageSize());
        params.put("offset", pageable.getOffset());
        List<VerificationView> content = jdbc.sql("select * from realname_verification where " + where
                        + " order by case when status = 'PENDING' then 0 else 1 end, due_at, id"
                        + " limit :limit offset :offset")
                .params(params)
                .query((rs, n) -> view(rs))
                .list();
        return new PageImpl<>(content, pageable, count);
    }

    /** One task, when the reader's scope covers it. */
    @Transactional(readOnly = true)
    public Optional<VerificationView> find(DataScope scope, long id) {
        Map<String, Object> params = new HashMap<>();
        String where = scope.sqlCondition("province_code", "operator_credit_code", params);
        params.put("id", id);
        return jdbc.sql("select * from realname_verification where id = :id and " + where)
                .params(params)
                .query((rs, n) -> view(rs))
                .optional();
    }

    /**
     * Records an outcome: the operator that must verify moves its own task from pending to verified
     * or suspended, or from suspended to appealed.
     *
     * @throws NoSuchElementException when the task does not exist or is not the actor's operator's
     * @throws AccessDeniedException unless the actor is an operator
     * @throws RejectedInputException when the task cannot move to that outcome
     */
    @Transactional
    public VerificationView decide(Actor actor, long id, VerificationStatus outcome, String note) {
        if (!SnapshotImport.canSubmit(actor)) {
            throw new AccessDeniedException("only the operator records verification outcomes");
        }
        VerificationView task = find(DataScope.enterprise(actor.scope().creditCode()), id)
                .orElseThrow(() -> new NoSuchElementException("no verification " + id));
        if (outcome == null || !task.status().mayBecome(outcome)) {
            throw new RejectedInputException(List.of(new FieldProblem(
                    "outcome",
                    "realname.verification.badOutcome",
                    new Object[] {task.status().name(), outcome == null ? "" : outcome.name()},
                    "a task that is " + task.status() + " cannot become " + outcome)));
        }
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        if (cleanNote != null && cleanNote.length() > 500) {
            throw new RejectedInputException(List.of(
                    new FieldProblem("note", "invalid.tooLong", new Object[] {500}, "is longer than 500 characters")));
        }
        jdbc.sql("""
                update realname_verification set status = :status, decided_at = :at, decided_by = :by, note = :note
                where id = :id""")
                .param("status", outcome.name())
                .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .param("by", actor.username())
                .param("note", cleanNote)
                .param("id", id)
                .update();
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("status", task.status().name());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", outcome.name());
        after.put("identity", task.identityMasked());
        after.put("note", cleanNote);
        String entityId = Long.toString(id);
        switch (outcome) {
            case VERIFIED -> auditTrail.record("realname", "Verification", entityId, "verified", before, after);
            case SUSPENDED -> auditTrail.record("realname", "Verification", entityId, "suspended", before, after);
            case APPEALED -> auditTrail.record("realname", "Verification", entityId, "appealed", before, after);
            case PENDING -> throw new IllegalStateException("no task returns to pending");
        }
        return find(DataScope.all(), id).orElseThrow();
    }

    private VerificationView view(ResultSet rs) throws SQLException {
        VerificationStatus status = VerificationStatus.valueOf(rs.getString("status"));
        Instant due = instant(rs, "due_at");
        return new VerificationView(
                rs.getLong("id"),
                rs.getString("operator_credit_code"),
                rs.getString("operator_name"),
                rs.getString("identity_masked"),
                DocumentType.valueOf(rs.getString("document_type")),
                rs.getInt("cards"),
                status,
                instant(rs, "raised_at"),
                due,
                status == VerificationStatus.PENDING && clock.instant().isAfter(due),
                instant(rs, "decided_at"),
                rs.getString("decided_by"),
                rs.getString("note"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
