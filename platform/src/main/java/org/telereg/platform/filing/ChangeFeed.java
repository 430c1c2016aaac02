package org.telereg.platform.filing;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.telereg.platform.shared.PersonNames;

/**
 * The public change feed (备案变更): every {@link FilingChanged} appended in the transaction that
 * changed the register, in commit order, with a cursor to poll on from. Each change also becomes a
 * pending delivery for every webhook subscription it matches (the outbox {@link WebhookDispatcher}
 * sends from).
 */
@Service
public class ChangeFeed {

    /** The most changes one poll returns. */
    public static final int MAX_LIMIT = 500;

    private final JdbcClient jdbc;
    private final WebhookSubscriptions subscriptions;
    private final Clock clock;

    ChangeFeed(JdbcClient jdbc, WebhookSubscriptions subscriptions, Clock clock) {
        this.jdbc = jdbc;
        this.subscriptions = subscriptions;
        this.clock = clock;
    }

    /**
     * Appends a change in the publisher's transaction, so the change, its feed entry and its
     * deliveries commit together or not at all.
     */
    @EventListener
    @Transactional
    public void on(FilingChanged event) {
        // The counter's row lock is held until commit: ids are handed out in commit order, so a
        // poller that has seen id n will never find a smaller id appear later.
        jdbc.sql("update filing_change_counter set last_id = last_id + 1 where name = 'feed'")
                .update();
        long id = jdbc.sql("select last_id from filing_change_counter where name = 'feed'")
                .query(Long.class)
                .single();
        String sponsor = publicSponsorName(event);
        jdbc.sql("""
                        insert into filing_change (id, change_kind, subject_number, service_numbers, province_code,
                                                   sponsor_name, changed_at)
                        values (:id, :change, :subject, :services, :province, :sponsor, :at)
                        """)
                .param("id", id)
                .param("change", event.change().name())
                .param("subject", event.subjectNumber())
                .param("services", String.join(",", event.serviceNumbers()))
                .param("province", event.provinceCode())
                .param("sponsor", sponsor)
                .param("at", Timestamp.from(event.at()))
                .update();
        subscriptions.enqueue(
                id, event.change(), event.provinceCode(), clock.instant().truncatedTo(ChronoUnit.MILLIS));
    }

    /**
     * The changes after the cursor, oldest first, at most {@code limit} (up to one more than
     * {@link #MAX_LIMIT}, so a caller can tell whether more follow).
     *
     * @param after the last id the caller has seen; 0 for the beginning
     */
    @Transactional(readOnly = true)
    public List<ChangeFeedEntry> after(long after, int limit) {
        return jdbc.sql("select * from filing_change where id > :after order by id limit :limit")
                .param("after", after)
                .param("limit", Math.max(1, Math.min(limit, MAX_LIMIT + 1)))
                .query((rs, n) -> new ChangeFeedEntry(
                        rs.getLong("id"),
                        FilingChanged.Change.valueOf(rs.getString("change_kind")),
                        rs.getString("subject_number"),
                        split(rs.getString("service_numbers")),
                        rs.getString("province_code"),
                        rs.getString("sponsor_name"),
                        rs.getObject("changed_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    /** One change of the feed. */
    @Transactional(readOnly = true)
    public Optional<ChangeFeedEntry> find(long id) {
        List<ChangeFeedEntry> found = after(id - 1, 1);
        return found.isEmpty() || found.get(0).id() != id ? Optional.empty() : Optional.of(found.get(0));
    }

    /** The newest cursor: where a new poller that wants only what comes next starts. */
    @Transactional(readOnly = true)
    public long latest() {
        return jdbc.sql("select coalesce(max(id), 0) from filing_change")
                .query(Long.class)
                .single();
    }

    private String publicSponsorName(FilingChanged event) {
        String name = event.sponsorName() == null ? "" : event.sponsorName();
        Optional<String> nature = jdbc.sql("select nature from filing_subject where subject_number = :number")
                .param("number", event.subjectNumber())
                .query(String.class)
                .optional();
        // A sponsor not (yet) in the register might be a person: masked unless known not to be.
        return nature.isPresent() && !nature.get().equals("INDIVIDUAL") ? name : PersonNames.mask(name);
    }

    private static List<String> split(String services) {
        return services == null || services.isEmpty() ? List.of() : Arrays.asList(services.split(","));
    }
}
