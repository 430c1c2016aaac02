package org.telereg.platform.filing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.LinkedCaseInsensitiveMap;
import org.telereg.platform.access.AccessManagement;
import org.telereg.platform.access.OrganisationView;
import org.telereg.platform.audit.AuditTrail;
import org.telereg.platform.notices.Notices;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends the pending webhook deliveries: each in its own transaction, POSTed as JSON with the event,
 * delivery id, timestamp and signature headers. A 2xx answer delivers it; any other answer, a timeout
 * or a refused address schedules a retry after 1, 2, 4, 8 … times the first wait, until the attempts
 * run out and it is FAILED. A subscription that has failed without a success for too long is
 * suspended, and its organisation gets a notice (once per suspension) leading to the page where it
 * resumes it.
 */
@Component
public class WebhookDispatcher {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private static final DateTimeFormatter BEIJING_MINUTES =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    private final JdbcClient jdbc;
    private final ChangeFeed feed;
    private final WebhookSettings settings;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Clock clock;
    private final HttpClient http;
    private final AuditTrail audit;
    private final Notices notices;
    private final AccessManagement access;

    WebhookDispatcher(
            JdbcClient jdbc,
            ChangeFeed feed,
            WebhookSettings settings,
            PlatformTransactionManager transactionManager,
            JsonMapper json,
            Clock clock,
            AuditTrail audit,
            Notices notices,
            AccessManagement access) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.notices = notices;
        this.access = access;
        this.feed = feed;
        this.settings = settings;
        this.transactions = new TransactionTemplate(transactionManager);
        this.json = json;
        this.clock = clock;
        // Never follow redirects: a receiver could otherwise bounce a delivery to an internal address.
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Scheduled(
            fixedDelayString = "${telereg.filing.webhooks.dispatch-interval:PT30S}",
            initialDelayString = "${telereg.filing.webhooks.dispatch-interval:PT30S}")
    void dispatchScheduled() {
        dispatchDue(clock.instant());
    }

    /**
     * Attempts every pending delivery due at {@code now} whose subscription is active.
     *
     * @return how many were attempted
     */
    public int dispatchDue(Instant when) {
        // Millis: what both databases keep exactly, so a retry due at now + 1 min is due at that instant.
        Instant now = when.truncatedTo(ChronoUnit.MILLIS);
        List<Long> due = jdbc.sql("""
                        select d.id from filing_webhook_delivery d join filing_webhook w on w.id = d.webhook_id
                         where d.status = 'PENDING' and d.next_attempt_at <= :now
                           and w.status = 'ACTIVE' and not w.deleted
                         order by d.next_attempt_at, d.id
                         limit :limit
                        """)
                .param("now", Timestamp.from(now))
                .param("limit", settings.batchSize())
                .query(Long.class)
                .list();
        for (long id : due) {
            try {
                transactions.executeWithoutResult(status -> attempt(id, now));
            } catch (RuntimeException e) {
                log.warn("webhook delivery {} could not be attempted", id, e);
            }
        }
        return due.size();
    }

    private void attempt(long deliveryId, Instant now) {
        // The row lock keeps a second dispatcher (another instance) from sending the same delivery.
        Map<String, Object> locked = jdbc.sql("""
                        select id, change_id, attempts, webhook_id from filing_webhook_delivery
                         where id = :id and status = 'PENDING'
                           for update
                        """).param("id", deliveryId).query().listOfRows().stream()
                .findFirst()
                .orElse(null);
        if (locked == null) {
            return;
        }
        // Row maps are case-insensitive (H2 reports upper-case labels); a copy would not be.
        Map<String, Object> delivery = new LinkedCaseInsensitiveMap<>();
        delivery.putAll(locked);
        Map<String, Object> webhook = jdbc
                .sql("select url, secret, failing_since from filing_webhook where id = :id and status = 'ACTIVE'")
                .param("id", ((Number) locked.get("webhook_id")).longValue())
                .query()
                .listOfRows()
                .stream()
                .findFirst()
                .orElse(null);
        if (webhook == null) {
            return;
        }
        delivery.putAll(webhook);
        long webhookId = ((Number) delivery.get("webhook_id")).longValue();
        long changeId = ((Number) delivery.get("change_id")).longValue();
        int attempts = ((Number) delivery.get("attempts")).intValue() + 1;
        ChangeFeedEntry change = feed.find(changeId).orElseThrow();
        String body = json.writeValueAsString(payload(change));
        String timestamp = Long.toString(now.getEpochSecond());
        Integer status = null;
        String error = null;
        try {
            URI uri = WebhookAddresses.check((String) delivery.get("url"), settings);
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .timeout(settings.timeout())
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("User-Agent", "TeleReg-Webhooks/1")
                    .header("X-TeleReg-Event", event(change.change()))
                    .header("X-TeleReg-Delivery", Long.toString(deliveryId))
                    .header("X-TeleReg-Timestamp", timestamp)
                    .header(
                            "X-TeleReg-Signature",
                            WebhookSignature.sign((String) delivery.get("secret"), timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
            if (status < 200 || status >= 300) {
                error = "HTTP " + status;
            }
        } catch (WebhookAddresses.Refused e) {
            error = e.getMessage();
        } catch (java.io.IOException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        if (error == null) {
            jdbc.sql("""
                            update filing_webhook_delivery
                               set status = 'DELIVERED', attempts = :attempts, last_attempt_at = :now,
                                   last_status = :status, last_error = null, delivered_at = :now
                             where id = :id
                            """)
                    .param("attempts", attempts)
                    .param("now", Timestamp.from(now))
                    .param("status", status)
                    .param("id", deliveryId)
                    .update();
            jdbc.sql("update filing_webhook set failing_since = null where id = :id")
                    .param("id", webhookId)
                    .update();
            return;
        }
        boolean exhausted = attempts >= settings.maxAttempts();
        jdbc.sql("""
                        update filing_webhook_delivery
                           set status = :state, attempts = :attempts, last_attempt_at = :now, last_status = :status,
                               last_error = :error, next_attempt_at = :next
                         where id = :id
                        """)
                .param("state", exhausted ? "FAILED" : "PENDING")
                .param("attempts", attempts)
                .param("now", Timestamp.from(now))
                .param("status", status)
                .param("error", error.length() > 500 ? error.substring(0, 500) : error)
                .param("next", Timestamp.from(now.plus(settings.backoff(attempts))))
                .param("id", deliveryId)
                .update();
        Object since = delivery.get("failing_since");
        Instant failingSince = since == null ? now : toInstant(since);
        if (since == null) {
            jdbc.sql("update filing_webhook set failing_since = :now where id = :id")
                    .param("now", Timestamp.from(now))
                    .param("id", webhookId)
                    .update();
        }
        if (!failingSince.plus(settings.suspendAfter()).isAfter(now)) {
            jdbc.sql("update filing_webhook set status = 'SUSPENDED', suspended_at = :now where id = :id")
                    .param("now", Timestamp.from(now))
                    .param("id", webhookId)
                    .update();
            audit.record(
                    "filing",
                    "Webhook",
                    Long.toString(webhookId),
                    "suspended",
                    Map.of("status", "ACTIVE"),
                    Map.of("status", "SUSPENDED", "failingSince", failingSince.toString()));
            log.info("webhook {} suspended: failing since {}", webhookId, failingSince);
            notifySuspended(webhookId, (String) delivery.get("url"), failingSince, now);
        }
    }

    /** Tells the subscribing organisation, once for this suspension, and links to where it resumes. */
    private void notifySuspended(long webhookId, String url, Instant failingSince, Instant suspendedAt) {
        long organisationId = jdbc.sql("select organisation_id from filing_webhook where id = :id")
                .param("id", webhookId)
                .query(Long.class)
                .single();
        access.organisations().stream()
                .filter(o -> o.id() == organisationId)
                .map(OrganisationView::code)
                .findFirst()
                .ifPresent(code -> notices.send(
                        code,
                        "filing.webhook.notice.suspended",
                        List.of(url, BEIJING_MINUTES.format(failingSince)),
                        "/console/filing/webhooks/" + webhookId,
                        "filing.webhook.suspended:" + webhookId + ":" + suspendedAt.toEpochMilli()));
    }

    /** The body of a delivery: the change as the polling feed shows it, with its event name. */
    static Map<String, Object> payload(ChangeFeedEntry change) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", event(change.change()));
        body.put("id", change.id());
        body.put("change", change.change().name());
        body.put("subjectNumber", change.subjectNumber());
        body.put("serviceNumbers", change.serviceNumbers());
        body.put("provinceCode", change.provinceCode());
        body.put("sponsorName", change.sponsorName());
        body.put("at", change.at().toString());
        return body;
    }

    static String event(FilingChanged.Change change) {
        return "filing." + change.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static Instant toInstant(Object value) {
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        throw new IllegalStateException("not a timestamp: " + value.getClass());
    }
}
