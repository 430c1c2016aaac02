package org.telereg.platform.filing;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.Role;
import org.telereg.platform.audit.AuditTrail;
import org.telereg.platform.shared.FieldProblems;
import org.telereg.platform.shared.ProvinceCode;

/**
 * Organisations' subscriptions to the filing change feed (变更订阅): subscribe a receiver URL with
 * filters and get its signing secret once, see the delivery log, redeliver, suspend and resume,
 * delete. Each organisation sees and manages only its own subscriptions.
 */
@Service
public class WebhookSubscriptions {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final WebhookSettings settings;
    private final AuditTrail audit;
    private final Clock clock;

    WebhookSubscriptions(JdbcClient jdbc, WebhookSettings settings, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    /** Whether the actor may hold subscriptions: any organisation's user or token that writes. */
    public static boolean canSubscribe(Actor actor) {
        return actor.role() != Role.AUDITOR;
    }

    /**
     * Checks and stores a subscription for the actor's organisation.
     *
     * @throws org.telereg.platform.shared.RejectedInputException naming {@code url}, {@code provinces}
     *     or {@code changes}
     */
    @Transactional
    public WebhookCreated subscribe(Actor actor, NewWebhook input) {
        requireSubscriber(actor);
        FieldProblems problems = new FieldProblems();
        String url = problems.text("url", input.url(), 500);
        if (url != null) {
            try {
                WebhookAddresses.check(url, settings);
            } catch (WebhookAddresses.Refused e) {
                problems.reject("url", "filing.webhook.invalid." + e.reason, e.getMessage(), url);
            }
        }
        Set<String> provinces = new LinkedHashSet<>();
        for (String text : input.provinces()) {
            if (text == null || text.isBlank()) {
                continue;
            }
            ProvinceCode province = problems.parse("provinces", text.strip(), ProvinceCode::of);
            if (province != null) {
                provinces.add(province.code());
            }
        }
        Set<String> changes = new LinkedHashSet<>();
        for (String text : input.changes()) {
            if (text == null || text.isBlank()) {
                continue;
            }
            FilingChanged.Change change = problems.choice("changes", text, FilingChanged.Change.class);
            if (change != null) {
                changes.add(change.name());
            }
        }
        long held = jdbc.sql("select count(*) from filing_webhook where organisation_id = :org and not deleted")
                .param("org", actor.organisationId())
                .query(Long.class)
                .single();
        if (held >= settings.maxPerOrganisation()) {
            problems.reject(
                    "url",
                    "filing.webhook.invalid.tooMany",
                    "an organisation may hold " + settings.maxPerOrganisation() + " subscriptions",
                    settings.maxPerOrganisation());
        }
        problems.throwIfAny();
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        String secret = "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(key);
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into filing_webhook (organisation_id, organisation_name, url, secret, provinces,
                                                    change_kinds, status, created_by, created_at)
                        values (:org, :orgName, :url, :secret, :provinces, :changes, 'ACTIVE', :by, :at)
                        """)
                .param("org", actor.organisationId())
                .param("orgName", actor.organisationName())
                .param("url", url)
                .param("secret", secret)
                .param("provinces", provinces.isEmpty() ? null : String.join(",", provinces))
                .param("changes", changes.isEmpty() ? null : String.join(",", changes))
                .param("by", actor.username())
                .param("at", Timestamp.from(clock.instant()))
                .update(keys, "id");
        WebhookView view = find(actor, keys.getKey().longValue()).orElseThrow();
        audit.record(
                "filing",
                "Webhook",
                Long.toString(view.id()),
                "created",
                null,
                Map.of("url", view.url(), "provinces", view.provinces(), "changes", view.changes()));
        return new WebhookCreated(view, secret);
    }

    /** The actor's organisation's subscriptions, newest first. */
    @Transactional(readOnly = true)
    public List<WebhookView> list(Actor actor) {
        return jdbc.sql(VIEW + " where w.organisation_id = :org and not w.deleted order by w.id desc")
                .param("org", actor.organisationId())
                .query(WebhookSubscriptions::view)
                .list();
    }

    /** One of the actor's organisation's subscriptions. */
    @Transactional(readOnly = true)
    public Optional<WebhookView> find(Actor actor, long id) {
        return jdbc.sql(VIEW + " where w.id = :id and w.organisation_id = :org and not w.deleted")
                .param("id", id)
                .param("org", actor.organisationId())
                .query(WebhookSubscriptions::view)
                .optional();
    }

    /** A subscription's deliveries, newest first. */
    @Transactional(readOnly = true)
    public Page<WebhookDeliveryView> deliveries(Actor actor, long webhookId, Pageable pageable) {
        WebhookView webhook = find(actor, webhookId).orElseThrow(() -> notFound(webhookId));
        long total = jdbc.sql("select count(*) from filing_webhook_delivery where webhook_id = :id")
                .param("id", webhook.id())
                .query(Long.class)
                .single();
        List<WebhookDeliveryView> content = jdbc.sql(
                        DELIVERY + " where d.webhook_id = :id order by d.id desc" + " limit :limit offset :offset")
                .param("id", webhook.id())
                .param("limit", pageable.getPageSize())
                .param("offset", pageable.getOffset())
                .query(WebhookSubscriptions::delivery)
                .list();
        return new PageImpl<>(content, pageable, total);
    }

    /** Sends a delivery again from the start (attempts counted afresh), at the dispatcher's next round. */
    @Transactional
    public WebhookDeliveryView redeliver(Actor actor, long deliveryId) {
        WebhookDeliveryView delivery = jdbc.sql(DELIVERY + " where d.id = :id")
                .param("id", deliveryId)
                .query(WebhookSubscriptions::delivery)
                .optional()
                .filter(d -> find(actor, d.webhookId()).isPresent())
                .orElseThrow(() -> notFound(deliveryId));
        jdbc.sql("""
                        update filing_webhook_delivery
                           set status = 'PENDING', attempts = 0, next_attempt_at = :now, delivered_at = null
                         where id = :id
                        """)
                .param("now", Timestamp.from(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS)))
                .param("id", deliveryId)
                .update();
        audit.record(
                "filing",
                "WebhookDelivery",
                Long.toString(deliveryId),
                "reopened",
                Map.of("status", delivery.status()),
                Map.of("status", "PENDING"));
        return jdbc.sql(DELIVERY + " where d.id = :id")
                .param("id", deliveryId)
                .query(WebhookSubscriptions::delivery)
                .single();
    }

    /** Stops deliveries (pending ones wait) until resumed. */
    @Transactional
    public WebhookView suspend(Actor actor, long id) {
        return setStatus(actor, id, "SUSPENDED", "suspended");
    }

    /** Resumes a suspended subscription; its waiting deliveries go out at the next round. */
    @Transactional
    public WebhookView resume(Actor actor, long id) {
        WebhookView view = setStatus(actor, id, "ACTIVE", "restored");
        jdbc.sql("update filing_webhook set failing_since = null, suspended_at = null where id = :id")
                .param("id", id)
                .update();
        return find(actor, id).orElse(view);
    }

    /** Deletes a subscription; its deliveries stop and its log is kept for the audit. */
    @Transactional
    public void delete(Actor actor, long id) {
        WebhookView webhook = find(actor, id).orElseThrow(() -> notFound(id));
        requireSubscriber(actor);
        jdbc.sql("update filing_webhook set deleted = true, status = 'SUSPENDED' where id = :id")
                .param("id", id)
                .update();
        jdbc.sql("update filing_webhook_delivery set status = 'FAILED', last_error = 'subscription deleted'"
                        + " where webhook_id = :id and status = 'PENDING'")
                .param("id", id)
                .update();
        audit.record("filing", "Webhook", Long.toString(id), "deleted", Map.of("url", webhook.url()), null);
    }

    /** Queues a change for every active subscription whose filters it matches; in the change's transaction. */
    @Transactional
    void enqueue(long changeId, FilingChanged.Change change, String provinceCode, Instant now) {
        jdbc.sql("""
                        insert into filing_webhook_delivery (webhook_id, change_id, status, attempts, next_attempt_at,
                                                             created_at)
                        select w.id, :change, 'PENDING', 0, :now, :now
                          from filing_webhook w
                         where w.status = 'ACTIVE' and not w.deleted
                           and (w.provinces is null or ',' || w.provinces || ',' like :province)
                           and (w.change_kinds is null or ',' || w.change_kinds || ',' like :kind)
                        """)
                .param("change", changeId)
                .param("now", Timestamp.from(now))
                .param("province", "%," + provinceCode + ",%")
                .param("kind", "%," + change.name() + ",%")
                .update();
    }

    private WebhookView setStatus(Actor actor, long id, String status, String action) {
        WebhookView before = find(actor, id).orElseThrow(() -> notFound(id));
        requireSubscriber(actor);
        jdbc.sql("update filing_webhook set status = :status, suspended_at = :at where id = :id")
                .param("status", status)
                .param("at", status.equals("SUSPENDED") ? Timestamp.from(clock.instant()) : null)
                .param("id", id)
                .update();
        audit.record(
                "filing",
                "Webhook",
                Long.toString(id),
                action,
                Map.of("status", before.status()),
                Map.of("status", status));
        return find(actor, id).orElseThrow();
    }

    private static void requireSubscriber(Actor actor) {
        if (!canSubscribe(actor)) {
            throw new AccessDeniedException("an auditor only reads");
        }
    }

    private static java.util.NoSuchElementException notFound(long id) {
        return new java.util.NoSuchElementException("no such subscription or delivery: " + id);
    }

    private static final String VIEW = """
            select w.*,
                   (select count(*) from filing_webhook_delivery d where d.webhook_id = w.id and d.status = 'PENDING') as pending,
                   (select count(*) from filing_webhook_delivery d where d.webhook_id = w.id and d.status = 'DELIVERED') as delivered,
                   (select count(*) from filing_webhook_delivery d where d.webhook_id = w.id and d.status = 'FAILED') as failed
              from filing_webhook w
            """;

    private static final String DELIVERY = """
            select d.*, c.change_kind, c.subject_number
              from filing_webhook_delivery d join filing_change c on c.id = d.change_id
            """;

    private static WebhookView view(ResultSet rs, int n) throws SQLException {
        List<FilingChanged.Change> changes = new ArrayList<>();
        for (String name : split(rs.getString("change_kinds"))) {
            changes.add(FilingChanged.Change.valueOf(name));
        }
        return new WebhookView(
                rs.getLong("id"),
                rs.getString("organisation_name"),
                rs.getString("url"),
                split(rs.getString("provinces")),
                changes,
                rs.getString("status"),
                rs.getString("created_by"),
                instant(rs, "created_at"),
                instant(rs, "failing_since"),
                instant(rs, "suspended_at"),
                rs.getLong("pending"),
                rs.getLong("delivered"),
                rs.getLong("failed"));
    }

    private static WebhookDeliveryView delivery(ResultSet rs, int n) throws SQLException {
        Integer lastStatus = rs.getObject("last_status") == null ? null : rs.getInt("last_status");
        return new WebhookDeliveryView(
                rs.getLong("id"),
                rs.getLong("webhook_id"),
                rs.getLong("change_id"),
                FilingChanged.Change.valueOf(rs.getString("change_kind")),
                rs.getString("subject_number"),
                rs.getString("status"),
                rs.getInt("attempts"),
                instant(rs, "next_attempt_at"),
                instant(rs, "last_attempt_at"),
                lastStatus,
                rs.getString("last_error"),
                instant(rs, "delivered_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static List<String> split(String text) {
        return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split(","));
    }
}
