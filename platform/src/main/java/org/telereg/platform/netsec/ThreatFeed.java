package org.telereg.platform.netsec;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The distribution feed operators poll (威胁情报分发): every change of an indicator in commit order,
 * with a cursor. A change takes its id from a counter row it updates first, and the row lock is held
 * until the change commits, so ids commit in increasing order: a poller that has read up to id n can
 * never later find a change below n, and reading {@code id > n} neither skips nor repeats.
 */
@Service
public class ThreatFeed {

    /** The most changes one poll returns. */
    public static final int MAX_LIMIT = 1000;

    private final JdbcClient jdbc;
    private final Clock clock;

    ThreatFeed(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The changes after the cursor, oldest first.
     *
     * @param after the last cursor the poller has seen; 0 for the whole list from its beginning
     * @param limit at most this many (1 to {@link #MAX_LIMIT})
     */
    @Transactional(readOnly = true)
    public ThreatChangePage after(long after, int limit) {
        int size = Math.max(1, Math.min(limit, MAX_LIMIT));
        List<ThreatChange> changes = jdbc.sql(
                        "select * from netsec_threat_change where id > :after order by id limit :limit")
                .param("after", Math.max(0, after))
                .param("limit", size + 1)
                .query(ThreatFeed::change)
                .list();
        boolean more = changes.size() > size;
        List<ThreatChange> page = more ? changes.subList(0, size) : changes;
        long next =
                page.isEmpty() ? Math.max(0, after) : page.get(page.size() - 1).cursor();
        return new ThreatChangePage(page, next, more);
    }

    /** The newest cursor: where a poller that already holds the whole list starts. */
    @Transactional(readOnly = true)
    public long latest() {
        return jdbc.sql("select coalesce(max(id), 0) from netsec_threat_change")
                .query(Long.class)
                .single();
    }

    /** The changes of one indicator, oldest first, for its page. */
    @Transactional(readOnly = true)
    public List<ThreatChange> of(long indicatorId) {
        return jdbc.sql("select * from netsec_threat_change where indicator_id = :id order by id")
                .param("id", indicatorId)
                .query(ThreatFeed::change)
                .list();
    }

    /** Appends a change in the caller's transaction, with the indicator as it now stands. */
    @Transactional(propagation = Propagation.MANDATORY)
    void append(long indicatorId, ThreatChangeKind change) {
        // Take the next id under the counter's row lock, held until commit (see the class comment).
        jdbc.sql("update netsec_threat_counter set last_id = last_id + 1 where name = 'feed'")
                .update();
        long id = jdbc.sql("select last_id from netsec_threat_counter where name = 'feed'")
                .query(Long.class)
                .single();
        jdbc.sql("""
                        insert into netsec_threat_change (id, indicator_id, change_kind, kind, indicator, category,
                            confidence, source, expires_on, changed_at)
                        select :id, i.id, :change, i.kind, i.indicator, i.category, i.confidence, i.source,
                            i.expires_on, :at
                        from netsec_threat_indicator i where i.id = :indicator""")
                .param("id", id)
                .param("change", change.name())
                .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .param("indicator", indicatorId)
                .update();
    }

    private static ThreatChange change(ResultSet rs, int row) throws SQLException {
        return new ThreatChange(
                rs.getLong("id"),
                ThreatChangeKind.valueOf(rs.getString("change_kind")),
                rs.getLong("indicator_id"),
                ThreatKind.valueOf(rs.getString("kind")),
                rs.getString("indicator"),
                ThreatCategory.valueOf(rs.getString("category")),
                rs.getInt("confidence"),
                rs.getString("source"),
                rs.getObject("expires_on", LocalDate.class),
                rs.getObject("changed_at", OffsetDateTime.class).toInstant());
    }
}
