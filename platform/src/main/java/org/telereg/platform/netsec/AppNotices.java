package org.telereg.platform.netsec;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.telereg.platform.access.AccessManagement;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.audit.AuditEntry;
import org.telereg.platform.audit.AuditLog;
import org.telereg.platform.audit.AuditQuery;
import org.telereg.platform.audit.AuditTrail;
import org.telereg.platform.notices.NoticeView;
import org.telereg.platform.notices.Notices;
import org.telereg.platform.shared.FieldProblems;

/**
 * Public notices (通报) of Apps and their problems with a fix deadline, and what follows: each listed
 * company answers for its Apps (fixed, in which version) until the deadline; after it the ministry
 * re-checks each App, fixed or not; an App not fixed gets a store takedown order, which the stores
 * confirm and which a later passing re-check lifts.
 */
@Service
public class AppNotices {

    /** How many days before the deadline a company that has not answered is reminded. */
    static final int REMINDER_DAYS = 3;

    private static final String SELECT_ITEM = "select i.*, n.notice_number, n.deadline from netsec_app_notice_item i"
            + " join netsec_app_notice n on n.id = i.notice_id join netsec_app a on a.id = i.app_id";

    private final JdbcClient jdbc;
    private final AppChecks checks;
    private final AuditTrail audit;
    private final AuditLog log;
    private final Notices notices;
    private final AccessManagement access;
    private final Clock clock;

    AppNotices(
            JdbcClient jdbc,
            AppChecks checks,
            AuditTrail audit,
            AuditLog log,
            Notices notices,
            AccessManagement access,
            Clock clock) {
        this.jdbc = jdbc;
        this.checks = checks;
        this.audit = audit;
        this.log = log;
        this.notices = notices;
        this.access = access;
        this.clock = clock;
    }

    /** The company of the App answers while the App awaits its answer and the deadline has not passed. */
    public static boolean canAnswer(Actor actor, AppNoticeItemView item, LocalDate today) {
        return AppChecks.isCompany(actor)
                && actor.scope().creditCode().equals(item.app().creditCode())
                && item.status().awaitsAnswer()
                && !today.isAfter(item.deadline());
    }

    /** The ministry re-checks an App not yet found fixed, once the deadline has passed. */
    public static boolean canRecheck(Actor actor, AppNoticeItemView item, LocalDate today) {
        return AppChecks.canManage(actor) && item.status().awaitsRecheck() && today.isAfter(item.deadline());
    }

    /** The ministry records that the stores took the App down. */
    public static boolean canConfirm(Actor actor, AppNoticeItemView item) {
        return AppChecks.canManage(actor)
                && item.takedown() != null
                && item.takedown().status() == TakedownStatus.ISSUED;
    }

    /**
     * Publishes a notice listing tested Apps with findings; each company is told in its inbox.
     *
     * @throws org.telereg.platform.shared.RejectedInputException naming the refused fields
     */
    @Transactional
    public AppNoticeView publish(Actor actor, AppNoticeForm form) {
        requireManage(actor);
        LocalDate today = checks.today();
        FieldProblems problems = new FieldProblems();
        String number = problems.text("noticeNumber", form.noticeNumber(), 100);
        String title = problems.text("title", form.title(), 200);
        LocalDate publishedOn = problems.pastDate("publishedOn", form.publishedOn(), true, today);
        LocalDate deadline = problems.date("deadline", form.deadline(), true);
        if (publishedOn != null && deadline != null && !deadline.isAfter(publishedOn)) {
            problems.reject("deadline", "netsec.app.notice.deadlineOrder", "is not after the day of publication");
        }
        if (number != null
                && jdbc.sql("select count(*) from netsec_app_notice where notice_number = :number")
                                .param("number", number)
                                .query(Long.class)
                                .single()
                        > 0) {
            problems.reject("noticeNumber", "netsec.app.notice.duplicate", "a notice of this number exists", number);
        }
        Set<Long> ids = form.appIds() == null ? Set.of() : new LinkedHashSet<>(form.appIds());
        ids.remove(null);
        List<AppCheckView> apps = new ArrayList<>();
        if (ids.isEmpty()) {
            problems.reject("appIds", "netsec.app.notice.noApps", "lists no App");
        }
        for (long id : ids) {
            Optional<AppCheckView> app = checks.app(DataScope.all(), id);
            if (app.isEmpty()) {
                problems.reject("appIds", "netsec.app.notice.unknownApp", "no tested App " + id, id);
            } else if (!app.get().hasFindings()) {
                problems.reject(
                        "appIds",
                        "netsec.app.notice.noFindings",
                        "has no findings",
                        app.get().appName() + " " + app.get().version());
            } else {
                apps.add(app.get());
            }
        }
        problems.throwIfAny();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into netsec_app_notice (notice_number, title, published_on, deadline, published_by, created_at)
                values (:number, :title, :published, :deadline, :by, :at)""")
                .param("number", number)
                .param("title", title)
                .param("published", publishedOn)
                .param("deadline", deadline)
                .param("by", actor.username())
                .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .update(key, "id");
        long id = key.getKey().longValue();
        for (AppCheckView app : apps) {
            jdbc.sql("insert into netsec_app_notice_item (notice_id, app_id, status) values (:notice, :app, 'LISTED')")
                    .param("notice", id)
                    .param("app", app.id())
                    .update();
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("noticeNumber", number);
        after.put("deadline", deadline.toString());
        after.put(
                "apps", apps.stream().map(a -> a.appName() + " " + a.version()).toList());
        audit.record("netsec", "AppNotice", Long.toString(id), "netsecAppNoticePublished", null, after);
        Map<String, List<AppCheckView>> byCompany = apps.stream()
                .collect(Collectors.groupingBy(AppCheckView::creditCode, LinkedHashMap::new, Collectors.toList()));
        byCompany.forEach((code, listed) -> tell(
                code,
                "netsec.app.notice.inbox",
                List.of(number, listed.size(), deadline.toString()),
                "/console/netsec/apps/notices/" + id,
                "netsec.app.notice:" + id));
        return notice(DataScope.all(), id).orElseThrow();
    }

    /** The notices with Apps the scope covers, the latest first; counts are of those Apps. */
    @Transactional(readOnly = true)
    public List<AppNoticeView> notices(DataScope scope) {
        Map<String, Object> params = new HashMap<>();
        String condition = scope.sqlCondition("a.province_code", "a.credit_code", params);
        return jdbc.sql(selectNotices(condition) + " order by n.published_on desc, n.id desc")
                .params(params)
                .query(AppNotices::noticeView)
                .list();
    }

    @Transactional(readOnly = true)
    public Optional<AppNoticeView> notice(DataScope scope, long id) {
        Map<String, Object> params = new HashMap<>();
        String condition = scope.sqlCondition("a.province_code", "a.credit_code", params);
        return jdbc.sql(selectNotices(condition) + " and n.id = :id")
                .params(params)
                .param("id", id)
                .query(AppNotices::noticeView)
                .optional();
    }

    /** Notices published up to today, for the portal. */
    @Transactional(readOnly = true)
    public List<AppNoticeView> published() {
        return jdbc.sql(selectNotices("1 = 1")
                        + " and n.published_on <= :today order by n.published_on desc, n.id desc")
                .param("today", checks.today())
                .query(AppNotices::noticeView)
                .list();
    }

    /** A notice on the portal, when published. */
    @Transactional(readOnly = true)
    public Optional<AppNoticeView> publishedNotice(long id) {
        return published().stream().filter(n -> n.id() == id).findFirst();
    }

    private static String selectNotices(String condition) {
        return "select n.*, (select count(*) from netsec_app_notice_item i join netsec_app a on a.id = i.app_id"
                + " where i.notice_id = n.id and " + condition + ") as apps,"
                + " (select count(*) from netsec_app_notice_item i join netsec_app a on a.id = i.app_id"
                + " where i.notice_id = n.id and i.status <> 'FIXED' and " + condition + ") as open_apps"
                + " from netsec_app_notice n where exists (select 1 from netsec_app_notice_item i"
                + " join netsec_app a on a.id = i.app_id where i.notice_id = n.id and " + condition + ")";
    }

    private static AppNoticeView noticeView(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new AppNoticeView(
                rs.getLong("id"),
                rs.getString("notice_number"),
                rs.getString("title"),
                rs.getObject("published_on", LocalDate.class),
                rs.getObject("deadline", LocalDate.class),
                rs.getString("published_by"),
                rs.getLong("apps"),
                rs.getLong("open_apps"));
    }

    /** The Apps a notice lists that the scope covers. */
    @Transactional(readOnly = true)
    public List<AppNoticeItemView> items(DataScope scope, long noticeId) {
        Map<String, Object> params = new HashMap<>();
        params.put("notice", noticeId);
        return items(
                " where i.notice_id = :notice and " + scope.sqlCondition("a.province_code", "a.credit_code", params)
                        + " order by a.company_name, a.app_name, i.id",
                params);
    }

    /** Every listed App the scope covers (for a company: its own), the latest notice first. */
    @Transactional(readOnly = true)
    public List<AppNoticeItemView> items(DataScope scope, AppNoticeItemStatus status) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where =
                new StringBuilder(" where ").append(scope.sqlCondition("a.province_code", "a.credit_code", params));
        if (status != null) {
            where.append(" and i.status = :status");
            params.put("status", status.name());
        }
        return items(where + " order by n.deadline desc, i.id desc", params);
    }

    @Transactional(readOnly = true)
    public Optional<AppNoticeItemView> item(DataScope scope, long id) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", id);
        return items(" where i.id = :id and " + scope.sqlCondition("a.province_code", "a.credit_code", params), params)
                .stream()
                .findFirst();
    }

    /** The listed Apps of one tested App version (its notices), for the App's page. */
    @Transactional(readOnly = true)
    public List<AppNoticeItemView> itemsOfApp(DataScope scope, long appId) {
        Map<String, Object> params = new HashMap<>();
        params.put("app", appId);
        return items(
                " where i.app_id = :app and " + scope.sqlCondition("a.province_code", "a.credit_code", params)
                        + " order by n.deadline desc",
                params);
    }

    /** What happened to a listed App, newest first, from the audit log. */
    @Transactional(readOnly = true)
    public List<AuditEntry> history(long itemId) {
        return log.search(
                        new AuditQuery("netsec", null, "AppNoticeItem", Long.toString(itemId), null, null, null),
                        PageRequest.of(0, 100))
                .getContent();
    }

    private List<AppNoticeItemView> items(String where, Map<String, Object> params) {
        record Row(
                long id,
                long noticeId,
                String number,
                LocalDate deadline,
                long appId,
                AppNoticeItemStatus status,
                String answer,
                String answerVersion,
                LocalDate answeredOn,
                String answeredBy) {}
        List<Row> rows = jdbc.sql(SELECT_ITEM + where)
                .params(params)
                .query((rs, n) -> new Row(
                        rs.getLong("id"),
                        rs.getLong("notice_id"),
                        rs.getString("notice_number"),
                        rs.getObject("deadline", LocalDate.class),
                        rs.getLong("app_id"),
                        AppNoticeItemStatus.valueOf(rs.getString("status")),
                        rs.getString("answer"),
                        rs.getString("answer_version"),
                        rs.getObject("answered_on", LocalDate.class),
                        rs.getString("answered_by")))
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, Object> appParams = new HashMap<>();
        appParams.put("ids", rows.stream().map(Row::appId).distinct().toList());
        Map<Long, AppCheckView> apps = new HashMap<>();
        checks.load(
                        "select a.*, b.name as batch_name from netsec_app a join netsec_app_batch b on b.id = a.batch_id"
                                + " where a.id in (:ids)",
                        appParams)
                .forEach(a -> apps.put(a.id(), a));
        List<Long> itemIds = rows.stream().map(Row::id).toList();
        Map<Long, List<AppNoticeRecheck>> rechecks = new HashMap<>();
        jdbc.sql("select * from netsec_app_recheck where item_id in (:ids) order by checked_on, id")
                .param("ids", itemIds)
                .query((rs, n) -> {
                    rechecks.computeIfAbsent(rs.getLong("item_id"), k -> new ArrayList<>())
                            .add(new AppNoticeRecheck(
                                    rs.getObject("checked_on", LocalDate.class),
                                    rs.getString("app_version"),
                                    rs.getBoolean("fixed"),
                                    rs.getString("note"),
                                    rs.getString("checked_by")));
                    return null;
                })
                .list();
        Map<Long, TakedownView> takedowns = new HashMap<>();
        jdbc.sql("select * from netsec_app_takedown where item_id in (:ids) order by id")
                .param("ids", itemIds)
                .query((rs, n) -> takedowns.put(
                        rs.getLong("item_id"),
                        new TakedownView(
                                rs.getLong("id"),
                                rs.getString("stores"),
                                TakedownStatus.valueOf(rs.getString("status")),
                                rs.getObject("issued_on", LocalDate.class),
                                rs.getObject("confirmed_on", LocalDate.class),
                                rs.getObject("lifted_on", LocalDate.class))))
                .list();
        return rows.stream()
                .map(r -> new AppNoticeItemView(
                        r.id(),
                        r.noticeId(),
                        r.number(),
                        r.deadline(),
                        apps.get(r.appId()),
                        r.status(),
                        r.answer(),
                        r.answerVersion(),
                        r.answeredOn(),
                        r.answeredBy(),
                        rechecks.getOrDefault(r.id(), List.of()),
                        takedowns.get(r.id())))
                .toList();
    }

    /**
     * The company answers that its App is fixed, in a new version.
     *
     * @throws org.telereg.platform.shared.RejectedInputException naming {@code version} (missing, the
     *     version tested) or {@code answer}; {@code deadline} once it has passed
     * @throws AccessDeniedException unless the actor is the App's company
     */
    @Transactional
    public AppNoticeItemView answer(Actor actor, long itemId, String version, String answer) {
        AppNoticeItemView item =
                item(actor.scope(), itemId).orElseThrow(() -> new NoSuchElementException("item " + itemId));
        LocalDate today = checks.today();
        if (!AppChecks.isCompany(actor)
                || !actor.scope().creditCode().equals(item.app().creditCode())) {
            throw new AccessDeniedException("the App's company answers for it");
        }
        FieldProblems problems = new FieldProblems();
        if (!item.status().awaitsAnswer()) {
            problems.reject("answer", "netsec.app.answer.already", "has been answered");
        } else if (today.isAfter(item.deadline())) {
            problems.reject(
                    "deadline",
                    "netsec.app.answer.late",
                    "the deadline has passed",
                    item.deadline().toString());
        }
        String newVersion = problems.text("version", version, 50);
        if (newVersion != null && newVersion.equals(item.app().version())) {
            problems.reject("version", "netsec.app.answer.sameVersion", "is the version tested", newVersion);
        }
        String text = problems.multilineText("answer", answer, 1000);
        problems.throwIfAny();
        jdbc.sql("update netsec_app_notice_item set status = 'ANSWERED', answer = :answer, answer_version = :version,"
                        + " answered_on = :today, answered_by = :by where id = :id and status = 'LISTED'")
                .param("answer", text)
                .param("version", newVersion)
                .param("today", today)
                .param("by", actor.username())
                .param("id", itemId)
                .update();
        changed(item, AppNoticeItemStatus.ANSWERED, "netsecAppAnswered", Map.of("version", newVersion));
        return item(DataScope.all(), itemId).orElseThrow();
    }

    /**
     * Records a re-check after the deadline. Not fixed: the App is taken down from the stores named
     * (its own store when none are), unless a takedown is already in force. Fixed: a takedown in force
     * is lifted that day.
     *
     * @throws org.telereg.platform.shared.RejectedInputException naming {@code checkedOn} (missing, in
     *     the future, not after the deadline), {@code version}, {@code fixed} or {@code stores}
     */
    @Transactional
    public AppNoticeItemView recheck(
            Actor actor, long itemId, String checkedOn, String version, String fixed, String stores, String note) {
        requireManage(actor);
        AppNoticeItemView item =
                item(DataScope.all(), itemId).orElseThrow(() -> new NoSuchElementException("item " + itemId));
        FieldProblems problems = new FieldProblems();
        if (!item.status().awaitsRecheck()) {
            problems.reject("fixed", "netsec.app.recheck.alreadyFixed", "has been found fixed");
        }
        LocalDate day = problems.pastDate("checkedOn", checkedOn, true, checks.today());
        if (day != null && !day.isAfter(item.deadline())) {
            problems.reject(
                    "checkedOn",
                    "netsec.app.recheck.beforeDeadline",
                    "is not after the deadline",
                    item.deadline().toString());
        }
        String checkedVersion = problems.text("version", version, 50);
        Boolean passed = null;
        if (fixed == null || fixed.isBlank()) {
            problems.reject("fixed", "invalid.required", "is required");
        } else if (fixed.strip().equalsIgnoreCase("true") || fixed.strip().equals("FIXED")) {
            passed = true;
        } else if (fixed.strip().equalsIgnoreCase("false") || fixed.strip().equals("NOT_FIXED")) {
            passed = false;
        } else {
            problems.reject("fixed", "invalid.choice", "is not one of the allowed values", fixed.strip());
        }
        String storeList = problems.optionalText("stores", stores, 1000);
        String text = problems.optionalMultilineText("note", note, 1000);
        problems.throwIfAny();
        jdbc.sql("""
                insert into netsec_app_recheck (item_id, checked_on, app_version, fixed, note, checked_by, created_at)
                values (:item, :day, :version, :fixed, :note, :by, :at)""")
                .param("item", itemId)
                .param("day", day)
                .param("version", checkedVersion)
                .param("fixed", passed)
                .param("note", text)
                .param("by", actor.username())
                .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .update();
        TakedownView takedown = item.takedown() != null && item.takedown().inForce() ? item.takedown() : null;
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("checkedOn", day.toString());
        detail.put("version", checkedVersion);
        if (passed) {
            setStatus(itemId, AppNoticeItemStatus.FIXED);
            changed(item, AppNoticeItemStatus.FIXED, "netsecAppRecheckFixed", detail);
            if (takedown != null) {
                jdbc.sql("update netsec_app_takedown set status = 'LIFTED', lifted_on = :day where id = :id")
                        .param("day", day)
                        .param("id", takedown.id())
                        .update();
                audit.record(
                        "netsec",
                        "AppNoticeItem",
                        Long.toString(itemId),
                        "netsecAppTakedownLifted",
                        Map.of("takedown", takedown.status().name()),
                        Map.of("takedown", "LIFTED", "liftedOn", day.toString()));
            }
        } else {
            setStatus(itemId, AppNoticeItemStatus.TAKEN_DOWN);
            changed(item, AppNoticeItemStatus.TAKEN_DOWN, "netsecAppRecheckNotFixed", detail);
            if (takedown == null) {
                String to = storeList == null ? item.app().store() : storeList;
                jdbc.sql("insert into netsec_app_takedown (item_id, stores, status, issued_on)"
                                + " values (:item, :stores, 'ISSUED', :day)")
                        .param("item", itemId)
                        .param("stores", to)
                        .param("day", day)
                        .update();
                audit.record(
                        "netsec",
                        "AppNoticeItem",
                        Long.toString(itemId),
                        "netsecAppTakedownIssued",
                        null,
                        Map.of("takedown", "ISSUED", "stores", to, "issuedOn", day.toString()));
                tell(
                        item.app().creditCode(),
                        "netsec.app.takedown.inbox",
                        List.of(item.app().appName(), item.app().version(), to),
                        "/console/netsec/apps/items/" + itemId,
                        null);
            }
        }
        return item(DataScope.all(), itemId).orElseThrow();
    }

    /**
     * The stores confirmed the App was taken down.
     *
     * @throws org.telereg.platform.shared.RejectedInputException naming {@code confirmedOn} (missing, in
     *     the future, before the order) or {@code takedown} when none awaits confirmation
     */
    @Transactional
    public AppNoticeItemView confirmTakedown(Actor actor, long itemId, String confirmedOn) {
        requireManage(actor);
        AppNoticeItemView item =
                item(DataScope.all(), itemId).orElseThrow(() -> new NoSuchElementException("item " + itemId));
        FieldProblems problems = new FieldProblems();
        if (item.takedown() == null || item.takedown().status() != TakedownStatus.ISSUED) {
            problems.reject("takedown", "netsec.app.takedown.notIssued", "no takedown awaits confirmation");
        }
        LocalDate day = problems.pastDate("confirmedOn", confirmedOn, true, checks.today());
        if (day != null
                && item.takedown() != null
                && day.isBefore(item.takedown().issuedOn())) {
            problems.reject(
                    "confirmedOn",
                    "netsec.app.takedown.beforeIssued",
                    "is before the order",
                    item.takedown().issuedOn().toString());
        }
        problems.throwIfAny();
        jdbc.sql("update netsec_app_takedown set status = 'CONFIRMED', confirmed_on = :day where id = :id")
                .param("day", day)
                .param("id", item.takedown().id())
                .update();
        audit.record(
                "netsec",
                "AppNoticeItem",
                Long.toString(itemId),
                "netsecAppTakedownConfirmed",
                Map.of("takedown", "ISSUED"),
                Map.of("takedown", "CONFIRMED", "confirmedOn", day.toString()));
        return item(DataScope.all(), itemId).orElseThrow();
    }

    /**
     * Reminds each company of its Apps still unanswered when the deadline is {@link #REMINDER_DAYS}
     * days away or less; once per listed App.
     *
     * @return how many reminders were sent
     */
    @Transactional
    public int remind(LocalDate today) {
        List<AppNoticeItemView> due = items(
                " where i.status = 'LISTED' and n.deadline >= :today and n.deadline <= :until order by i.id",
                new HashMap<>(Map.of("today", today, "until", today.plusDays(REMINDER_DAYS))));
        int sent = 0;
        for (AppNoticeItemView item : due) {
            sent += tell(
                            item.app().creditCode(),
                            "netsec.app.notice.reminder",
                            List.of(
                                    item.noticeNumber(),
                                    item.app().appName(),
                                    item.deadline().toString()),
                            "/console/netsec/apps/items/" + item.id(),
                            "netsec.app.reminder:" + item.id())
                    .size();
        }
        return sent;
    }

    /** Every morning, the reminders of deadlines close at hand. */
    @Scheduled(cron = "0 40 8 * * *", zone = "Asia/Shanghai")
    @Transactional
    public void daily() {
        remind(checks.today());
    }

    /**
     * Sends a notice to the company's organisations; a company without an account on the platform
     * (most tested companies) has no inbox, and learns of the notice from the portal.
     */
    private List<NoticeView> tell(
            String creditCode, String messageKey, List<?> arguments, String link, String onceKey) {
        if (access.organisations().stream().noneMatch(o -> creditCode.equals(o.creditCode()))) {
            return List.of();
        }
        return notices.send(creditCode, messageKey, arguments, link, onceKey);
    }

    private void setStatus(long itemId, AppNoticeItemStatus status) {
        jdbc.sql("update netsec_app_notice_item set status = :status where id = :id")
                .param("status", status.name())
                .param("id", itemId)
                .update();
    }

    private void changed(AppNoticeItemView item, AppNoticeItemStatus to, String action, Map<String, Object> detail) {
        Map<String, Object> after = new LinkedHashMap<>(detail);
        after.put("status", to.name());
        audit.record(
                "netsec",
                "AppNoticeItem",
                Long.toString(item.id()),
                action,
                Map.of("status", item.status().name()),
                after);
    }

    private static void requireManage(Actor actor) {
        if (!AppChecks.canManage(actor)) {
            throw new AccessDeniedException("the ministry's staff publish notices and re-check Apps");
        }
    }
}
