package org.telereg.platform.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The audit log: appends changes to the hash chain, browses it and verifies it. */
@Service
public class AuditLog {

    static final String GENESIS = "0".repeat(64);
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(StateChanged change) {
        append(change);
    }

    /** Appends one change at the end of the chain; returns its sequence number. */
    @Transactional
    public long append(StateChanged change) {
        // The head row is the lock that makes appends serial, also across several platform nodes.
        var head = jdbc.sql("select last_seq, last_hash from audit_chain_head where id = 1 for update")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)})
                .single();
        long seq = (long) head[0] + 1;
        String prevHash = (String) head[1];
        String hash = hash(seq, prevHash, change);
        jdbc.sql("""
                insert into audit_log (seq, occurred_at, actor, module, entity_type, entity_id, action,
                                       before_state, after_state, prev_hash, hash)
                values (:seq, :at, :actor, :module, :type, :id, :action, :before, :after, :prev, :hash)""")
                .param("seq", seq)
                .param("at", change.occurredAt().atOffset(ZoneOffset.UTC))
                .param("actor", change.actor())
                .param("module", change.module())
                .param("type", change.entityType())
                .param("id", change.entityId())
                .param("action", change.action())
                .param("before", change.before())
                .param("after", change.after())
                .param("prev", prevHash)
                .param("hash", hash)
                .update();
        jdbc.sql("update audit_chain_head set last_seq = :seq, last_hash = :hash where id = 1")
                .param("seq", seq)
                .param("hash", hash)
                .update();
        return seq;
    }

    /** Recomputes every hash from the first row and reports each place the chain breaks. */
    @Transactional(readOnly = true)
    public AuditVerification verify() {
        List<AuditVerification.Break> breaks = new ArrayList<>();
        AtomicLong expectedSeq = new AtomicLong(1);
        AtomicReference<String> previousHash = new AtomicReference<>(GENESIS);
        AtomicLong checked = new AtomicLong();
        jdbc.sql("select * from audit_log order by seq").query((ResultSet rs) -> {
            AuditEntry entry = toEntry(rs);
            checked.incrementAndGet();
            if (entry.seq() != expectedSeq.get()) {
                breaks.add(new AuditVerification.Break(expectedSeq.get(), "row-missing"));
            } else if (!entry.prevHash().equals(previousHash.get())) {
                breaks.add(new AuditVerification.Break(entry.seq(), "link-broken"));
            }
            StateChanged content = new StateChanged(
                    entry.occurredAt(),
                    entry.actor(),
                    entry.module(),
                    entry.entityType(),
                    entry.entityId(),
                    entry.action(),
                    entry.before(),
                    entry.after());
            if (!hash(entry.seq(), entry.prevHash(), content).equals(entry.hash())) {
                breaks.add(new AuditVerification.Break(entry.seq(), "content-altered"));
            }
            expectedSeq.set(entry.seq() + 1);
            previousHash.set(entry.hash());
        });
        var head = jdbc.sql("select last_seq, last_hash from audit_chain_head where id = 1")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)})
                .single();
        if ((long) head[0] != expectedSeq.get() - 1 || !head[1].equals(previousHash.get())) {
            breaks.add(new AuditVerification.Break((long) head[0], "tail-missing"));
        }
        return new AuditVerification(checked.get(), List.copyOf(breaks));
    }

    /** One page of the log, newest first. */
    @Transactional(readOnly = true)
    public Page<AuditEntry> search(AuditQuery query, Pageable pageable) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        var params = new java.util.LinkedHashMap<String, Object>();
        equalsFilter(where, params, "module", query.module());
        equalsFilter(where, params, "actor", query.actor());
        equalsFilter(where, params, "entity_type", query.entityType());
        equalsFilter(where, params, "entity_id", query.entityId());
        equalsFilter(where, params, "action", query.action());
        if (query.from() != null) {
            where.append(" and occurred_at >= :from");
            params.put("from", query.from().atStartOfDay(CHINA).toOffsetDateTime());
        }
        if (query.to() != null) {
            where.append(" and occurred_at < :to");
            params.put("to", query.to().plusDays(1).atStartOfDay(CHINA).toOffsetDateTime());
        }
        long total = jdbc.sql("select count(*) from audit_log" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<AuditEntry> rows = jdbc.sql("select * from audit_log" + where
                        + " order by occurred_at desc, seq desc limit :limit offset :offset")
                .params(params)
                .param("limit", pageable.getPageSize())
                .param("offset", pageable.getOffset())
                .query((rs, n) -> toEntry(rs))
                .list();
        return new PageImpl<>(rows, pageable, total);
    }

    /** The distinct module names that have entries, for the filter bar. */
    @Transactional(readOnly = true)
    public List<String> modules() {
        return jdbc.sql("select distinct module from audit_log order by module")
                .query(String.class)
                .list();
    }

    private static void equalsFilter(
            StringBuilder where, java.util.Map<String, Object> params, String column, String value) {
        if (value != null && !value.isBlank()) {
            where.append(" and ").append(column).append(" = :").append(column);
            params.put(column, value.strip());
        }
    }

    private static AuditEntry toEntry(ResultSet rs) throws SQLException {
        return new AuditEntry(
                rs.getLong("seq"),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getString("actor"),
                rs.getString("module"),
                rs.getString("entity_type"),
                rs.getString("entity_id"),
                rs.getString("action"),
                rs.getString("before_state"),
                rs.getString("after_state"),
                rs.getString("prev_hash"),
                rs.getString("hash"));
    }

    static String hash(long seq, String prevHash, StateChanged change) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        // Length-prefixed fields: no two different rows can produce the same byte string.
        for (String field : new String[] {
            Long.toString(seq),
            prevHash,
            change.occurredAt().toString(),
            change.actor(),
            change.module(),
            change.entityType(),
            change.entityId(),
            change.action(),
            change.before(),
            change.after()
        }) {
            byte[] bytes = field == null ? new byte[0] : field.getBytes(StandardCharsets.UTF_8);
            sha256.update((field == null ? "-1:" : bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
            sha256.update(bytes);
        }
        return HexFormat.of().formatHex(sha256.digest());
    }
}
