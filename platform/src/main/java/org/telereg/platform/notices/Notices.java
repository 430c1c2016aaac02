package org.telereg.platform.notices;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.telereg.platform.access.AccessManagement;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.OrganisationView;
import org.telereg.platform.audit.AuditTrail;

/**
 * Organisations' inboxes. Any module sends a notice to an organisation (named by its credit code
 * or its code) with a message key of its own bundle, the key's arguments and a console link; every
 * user of the organisation sees it, and each new notice is handed to the {@link NoticeSender}s.
 */
@Service
public class Notices {

    private static final Logger log = LoggerFactory.getLogger(Notices.class);
    /** Separates the stored arguments; a control character no argument contains. */
    private static final String SEPARATOR = "\u001F";

    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private final JdbcClient jdbc;
    private final AccessManagement access;
    private final AuditTrail audit;
    private final MessageSource messages;
    private final List<NoticeSender> senders;
    private final Clock clock;

    Notices(
            JdbcClient jdbc,
            AccessManagement access,
            AuditTrail audit,
            MessageSource messages,
            List<NoticeSender> senders,
            Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.messages = messages;
        this.senders = List.copyOf(senders);
        this.clock = clock;
    }

    /**
     * Sends a notice to an organisation.
     *
     * @param organisation the organisation's unified social credit code or its code ({@code OP-CMCC});
     *     every organisation with that credit code gets the notice
     * @param messageKey a message key of the sending module's bundle, in both languages
     * @param arguments the message's arguments (written as strings)
     * @param link a console path the notice leads to ({@code /console/...}), or null
     * @return the notices written, none when no organisation matched
     */
    @Transactional
    public List<NoticeView> send(String organisation, String messageKey, List<?> arguments, String link) {
        return send(organisation, messageKey, arguments, link, null);
    }

    /**
     * Sends a notice once: a second call with the same {@code onceKey} for the same organisation
     * writes nothing (for listeners, whose events may be delivered again).
     *
     * @param onceKey what makes the notice unique for its sender, e.g. {@code industry.reminder:42:2026-12-05}
     */
    @Transactional
    public List<NoticeView> send(
            String organisation, String messageKey, List<?> arguments, String link, String onceKey) {
        Objects.requireNonNull(messageKey, "messageKey");
        if (link != null
                && !(link.startsWith("/")
                        && !link.startsWith("//")
                        && link.chars().noneMatch(c -> c == '\\' || Character.isISOControl(c)))) {
            throw new IllegalArgumentException("a notice links into the console: " + link);
        }
        List<OrganisationView> recipients = recipients(organisation);
        if (recipients.isEmpty()) {
            log.warn("notice {} for unknown organisation {} not sent", messageKey, organisation);
            return List.of();
        }
        List<String> texts = arguments == null
                ? List.of()
                : arguments.stream().map(String::valueOf).toList();
        List<NoticeView> sent = new ArrayList<>();
        for (OrganisationView recipient : recipients) {
            if (onceKey != null
                    && jdbc.sql("select count(*) from notice where organisation_id = :org and once_key = :once")
                                    .param("org", recipient.id())
                                    .param("once", onceKey)
                                    .query(Long.class)
                                    .single()
                            > 0) {
                continue;
            }
            GeneratedKeyHolder key = new GeneratedKeyHolder();
            try {
                jdbc.sql("""
                                insert into notice (organisation_id, organisation_name, message_key, arguments, link,
                                    once_key, created_at)
                                values (:org, :name, :key, :args, :link, :once, :now)""")
                        .param("org", recipient.id())
                        .param("name", recipient.name())
                        .param("key", messageKey)
                        .param("args", String.join(SEPARATOR, texts))
                        .param("link", link)
                        .param("once", onceKey)
                        .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                        .update(key, "id");
            } catch (DuplicateKeyException e) {
                // The same notice written at the same moment by a second delivery of its event.
                continue;
            }
            NoticeView notice = jdbc.sql("select * from notice where id = :id")
                    .param("id", key.getKey().longValue())
                    .query(Notices::view)
                    .single();
            audit.record(
                    "notices",
                    "Notice",
                    String.valueOf(notice.id()),
                    "noticeSent",
                    null,
                    Map.of("organisation", recipient.code(), "messageKey", messageKey));
            sent.add(notice);
            deliverAfterCommit(notice, recipient);
        }
        return sent;
    }

    /** The actor's organisation's notices, newest first. */
    public List<NoticeView> inbox(Actor actor, boolean unreadOnly, int limit) {
        return jdbc.sql("select * from notice where organisation_id = :org"
                        + (unreadOnly ? " and read_at is null" : "")
                        + " order by id desc limit :limit")
                .param("org", actor.organisationId())
                .param("limit", Math.max(1, Math.min(limit, 500)))
                .query(Notices::view)
                .list();
    }

    /** How many of the actor's organisation's notices no one has read yet. */
    public long unread(Actor actor) {
        return jdbc.sql("select count(*) from notice where organisation_id = :org and read_at is null")
                .param("org", actor.organisationId())
                .query(Long.class)
                .single();
    }

    /**
     * Marks one notice of the actor's organisation read (for the whole organisation).
     *
     * @throws java.util.NoSuchElementException when it is not the organisation's notice
     */
    @Transactional
    public NoticeView markRead(Actor actor, long id) {
        NoticeView notice = jdbc.sql("select * from notice where id = :id and organisation_id = :org")
                .param("id", id)
                .param("org", actor.organisationId())
                .query(Notices::view)
                .optional()
                .orElseThrow(() -> new NoSuchElementException("notice " + id));
        if (notice.unread()) {
            jdbc.sql("update notice set read_at = :now, read_by = :by where id = :id and read_at is null")
                    .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                    .param("by", actor.username())
                    .param("id", id)
                    .update();
            audit.record(
                    "notices", "Notice", String.valueOf(id), "noticeRead", Map.of("read", false), Map.of("read", true));
        }
        return jdbc.sql("select * from notice where id = :id")
                .param("id", id)
                .query(Notices::view)
                .single();
    }

    /** Marks every unread notice of the actor's organisation read; returns how many. */
    @Transactional
    public int markAllRead(Actor actor) {
        int marked = jdbc.sql("update notice set read_at = :now, read_by = :by"
                        + " where organisation_id = :org and read_at is null")
                .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .param("by", actor.username())
                .param("org", actor.organisationId())
                .update();
        if (marked > 0) {
            audit.record(
                    "notices",
                    "Inbox",
                    String.valueOf(actor.organisationId()),
                    "noticesAllRead",
                    null,
                    Map.of("marked", marked));
        }
        return marked;
    }

    /** The notice's text in the given language; the key itself when the bundle lacks it. */
    public String text(NoticeView notice, Locale locale) {
        return messages.getMessage(notice.messageKey(), notice.arguments().toArray(), notice.messageKey(), locale);
    }

    private List<OrganisationView> recipients(String organisation) {
        if (organisation == null || organisation.isBlank()) {
            return List.of();
        }
        String wanted = organisation.strip();
        List<OrganisationView> all = access.organisations();
        List<OrganisationView> byCreditCode = all.stream()
                .filter(o -> wanted.equalsIgnoreCase(o.creditCode()))
                .toList();
        if (!byCreditCode.isEmpty()) {
            return byCreditCode;
        }
        return all.stream().filter(o -> wanted.equals(o.code())).toList();
    }

    private void deliverAfterCommit(NoticeView notice, OrganisationView recipient) {
        if (senders.isEmpty()) {
            return;
        }
        Runnable deliver = () -> {
            String text = text(notice, CHINESE);
            for (NoticeSender sender : senders) {
                try {
                    sender.send(notice, recipient, text);
                } catch (RuntimeException e) {
                    log.warn(
                            "notice {} not passed on by {}: {}",
                            notice.id(),
                            sender.getClass().getSimpleName(),
                            e.toString());
                }
            }
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    deliver.run();
                }
            });
        } else {
            deliver.run();
        }
    }

    static NoticeView view(ResultSet rs, int row) throws SQLException {
        String arguments = rs.getString("arguments");
        OffsetDateTime read = rs.getObject("read_at", OffsetDateTime.class);
        return new NoticeView(
                rs.getLong("id"),
                rs.getLong("organisation_id"),
                rs.getString("organisation_name"),
                rs.getString("message_key"),
                arguments == null || arguments.isEmpty() ? List.of() : Arrays.asList(arguments.split(SEPARATOR, -1)),
                rs.getString("link"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                read == null ? null : read.toInstant(),
                rs.getString("read_by"));
    }
}
