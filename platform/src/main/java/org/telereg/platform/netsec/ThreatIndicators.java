package org.telereg.platform.netsec;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.access.Role;
import org.telereg.platform.audit.AuditTrail;
import org.telereg.platform.shared.CsvColumns;
import org.telereg.platform.shared.FieldProblem;
import org.telereg.platform.shared.FieldProblems;
import org.telereg.platform.shared.Hashes;
import org.telereg.platform.shared.LineError;

/**
 * The threat list (威胁情报库): domains, addresses, blocks, URLs and App hashes with their source,
 * confidence and category. The ministry imports them by CSV or API batch — all or nothing, each refused
 * line named — and withdraws them; they expire by date. An indicator already listed is updated in place
 * (a file imported twice changes nothing), every change reaches operators through the {@link ThreatFeed},
 * and every stored indicator is matched against the filings at once ({@link ThreatMatching}).
 */
@Service
public class ThreatIndicators {

    static final Map<String, Set<String>> COLUMNS = columns();

    private static final Set<String> REQUIRED = Set.of("kind", "indicator", "source", "confidence", "category");

    private static final Map<String, String> COLUMN_OF_FIELD = Map.of(
            "firstSeen", "first_seen",
            "lastSeen", "last_seen",
            "expiresOn", "expires_on");

    private static final int MAX_PAGE_SIZE = 200;

    private final JdbcClient jdbc;
    private final ThreatFeed feed;
    private final ThreatMatching matching;
    private final AuditTrail audit;
    private final ThreatSettings settings;
    private final Clock clock;

    ThreatIndicators(
            JdbcClient jdbc,
            ThreatFeed feed,
            ThreatMatching matching,
            AuditTrail audit,
            ThreatSettings settings,
            Clock clock) {
        this.jdbc = jdbc;
        this.feed = feed;
        this.matching = matching;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    /** Whether the actor imports and withdraws indicators: the ministry's staff. */
    public static boolean canManage(Actor actor) {
        return (actor.role() == Role.MINISTRY_ADMIN || actor.role() == Role.MINISTRY_OFFICER)
                && actor.scope().kind() == DataScope.Kind.ALL;
    }

    /**
     * Imports a CSV file (UTF-8 or GBK) with the columns kind, indicator, source, confidence, category and
     * optionally first_seen, last_seen, expires_on (or their Chinese names), all or nothing.
     *
     * @throws AccessDeniedException unless {@link #canManage}
     */
    @Transactional
    public ThreatImportResult importCsv(Actor actor, byte[] content) {
        requireManage(actor);
        CsvColumns.Read read = CsvColumns.read(
                content, COLUMNS, REQUIRED, settings.maxBytes(), settings.maxRows(), "netsec.threat.import.");
        if (!read.errors().isEmpty()) {
            return ThreatImportResult.rejected(read.encoding(), read.errors());
        }
        List<Line> lines = new ArrayList<>();
        for (CsvColumns.Row row : read.rows()) {
            lines.add(new Line(
                    row.line(),
                    new NewThreatIndicator(
                            row.get("kind"),
                            row.get("indicator"),
                            row.get("source"),
                            row.get("confidence"),
                            row.get("category"),
                            row.get("first_seen"),
                            row.get("last_seen"),
                            row.get("expires_on"))));
        }
        return store(actor, lines, read.encoding(), true);
    }

    /**
     * Imports a batch from the API, all or nothing; items are numbered from 1 in the errors.
     *
     * @throws AccessDeniedException unless {@link #canManage}
     */
    @Transactional
    public ThreatImportResult importBatch(Actor actor, List<NewThreatIndicator> items) {
        requireManage(actor);
        if (items == null || items.isEmpty()) {
            return ThreatImportResult.rejected(
                    null,
                    List.of(new LineError(
                            0, "indicators", "netsec.threat.import.noRows", new Object[0], "the batch is empty")));
        }
        if (items.size() > settings.maxRows()) {
            return ThreatImportResult.rejected(
                    null,
                    List.of(new LineError(
                            0,
                            "indicators",
                            "netsec.threat.import.tooManyRows",
                            new Object[] {settings.maxRows()},
                            "more than " + settings.maxRows() + " indicators")));
        }
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            NewThreatIndicator item = items.get(i);
            lines.add(new Line(
                    i + 1,
                    item == null ? new NewThreatIndicator(null, null, null, null, null, null, null, null) : item));
        }
        return store(actor, lines, null, false);
    }

    /**
     * Takes an active indicator off the list, with the reason; operators see it withdrawn in the feed.
     *
     * @throws AccessDeniedException unless {@link #canManage}
     * @throws org.telereg.platform.shared.RejectedInputException naming {@code reason}, or {@code status}
     *     when it is not active
     */
    @Transactional
    public ThreatIndicator withdraw(Actor actor, long id, String reason) {
        requireManage(actor);
        ThreatIndicator indicator = find(id).orElseThrow(() -> new NoSuchElementException("indicator " + id));
        FieldProblems problems = new FieldProblems();
        String why = problems.multilineText("reason", reason, 1000);
        if (!indicator.active()) {
            problems.reject("status", "netsec.threat.invalid.notActive", "the indicator is not active");
        }
        problems.throwIfAny();
        jdbc.sql("update netsec_threat_indicator set status = 'WITHDRAWN', withdraw_reason = :reason,"
                        + " updated_at = :at, version = version + 1 where id = :id and status = 'ACTIVE'")
                .param("reason", why)
                .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .param("id", id)
                .update();
        feed.append(id, ThreatChangeKind.WITHDRAWN);
        audit.record(
                "netsec",
                "ThreatIndicator",
                Long.toString(id),
                "threatWithdrawn",
                Map.of("status", "ACTIVE"),
                Map.of("status", "WITHDRAWN", "reason", why));
        return find(id).orElseThrow();
    }

    /**
     * Expires the indicators whose last day has passed. Daily; transactional so the feed and the audit
     * log get every expiry or none.
     *
     * @return how many expired
     */
    @Scheduled(cron = "0 5 0 * * *", zone = "Asia/Shanghai")
    @Transactional
    public int expire() {
        LocalDate today = LocalDate.now(clock);
        List<Long> due = jdbc.sql("select id from netsec_threat_indicator where status = 'ACTIVE'"
                        + " and expires_on is not null and expires_on < :today order by id")
                .param("today", today)
                .query(Long.class)
                .list();
        for (long id : due) {
            jdbc.sql("update netsec_threat_indicator set status = 'EXPIRED', updated_at = :at, version = version + 1"
                            + " where id = :id")
                    .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                    .param("id", id)
                    .update();
            feed.append(id, ThreatChangeKind.EXPIRED);
            audit.record(
                    "netsec",
                    "ThreatIndicator",
                    Long.toString(id),
                    "threatExpired",
                    Map.of("status", "ACTIVE"),
                    Map.of("status", "EXPIRED"));
        }
        return due.size();
    }

    @Transactional(readOnly = true)
    public Optional<ThreatIndicator> find(long id) {
        return jdbc.sql("select * from netsec_threat_indicator where id = :id")
                .param("id", id)
                .query(ThreatIndicators::indicator)
                .optional();
    }

    /** The indicator of a kind written in any form, when listed in any status. */
    @Transactional(readOnly = true)
    public Optional<ThreatIndicator> find(ThreatKind kind, String text) {
        try {
            return byHash(hash(kind, ThreatRules.normalise(kind, text)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Indicators newest first, filtered by any of kind, status, category and a text within the indicator
     * or the source.
     */
    @Transactional(readOnly = true)
    public Page<ThreatIndicator> search(
            ThreatKind kind, ThreatStatus status, ThreatCategory category, String text, int page, int size) {
        int pageSize = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        int pageNumber = Math.max(0, page);
        Map<String, Object> params = new HashMap<>();
        String where = where(kind, status, category, text, params);
        long total = jdbc.sql("select count(*) from netsec_threat_indicator" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<ThreatIndicator> found = jdbc.sql("select * from netsec_threat_indicator" + where
                        + " order by id desc limit " + pageSize + " offset " + ((long) pageNumber * pageSize))
                .params(params)
                .query(ThreatIndicators::indicator)
                .list();
        return new PageImpl<>(found, PageRequest.of(pageNumber, pageSize), total);
    }

    /** The indicators of a search for export, oldest first, at most {@code ThreatSettings.maxRows}. */
    @Transactional(readOnly = true)
    public List<ThreatIndicator> export(ThreatKind kind, ThreatStatus status, ThreatCategory category, String text) {
        Map<String, Object> params = new HashMap<>();
        return jdbc.sql("select * from netsec_threat_indicator" + where(kind, status, category, text, params)
                        + " order by id limit " + settings.maxRows())
                .params(params)
                .query(ThreatIndicators::indicator)
                .list();
    }

    private static String where(
            ThreatKind kind, ThreatStatus status, ThreatCategory category, String text, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (kind != null) {
            where.append(" and kind = :kind");
            params.put("kind", kind.name());
        }
        if (status != null) {
            where.append(" and status = :status");
            params.put("status", status.name());
        }
        if (category != null) {
            where.append(" and category = :category");
            params.put("category", category.name());
        }
        if (text != null && !text.isBlank()) {
            where.append(" and (lower(indicator) like :text escape '\\' or lower(source) like :text escape '\\')");
            params.put(
                    "text",
                    "%"
                            + text.strip()
                                    .toLowerCase(Locale.ROOT)
                                    .replace("\\", "\\\\")
                                    .replace("%", "\\%")
                                    .replace("_", "\\_")
                            + "%");
        }
        return where.toString();
    }

    /** How many active indicators of each kind the list holds. */
    @Transactional(readOnly = true)
    public Map<ThreatKind, Long> activeCounts() {
        Map<ThreatKind, Long> counts = new EnumMap<>(ThreatKind.class);
        for (ThreatKind kind : ThreatKind.values()) {
            counts.put(kind, 0L);
        }
        jdbc.sql("select kind, count(*) as n from netsec_threat_indicator where status = 'ACTIVE' group by kind")
                .query((rs, n) -> Map.entry(ThreatKind.valueOf(rs.getString("kind")), rs.getLong("n")))
                .list()
                .forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    private record Line(long number, NewThreatIndicator input) {}

    private record Candidate(
            ThreatKind kind,
            String indicator,
            String source,
            int confidence,
            ThreatCategory category,
            LocalDate firstSeen,
            LocalDate lastSeen,
            LocalDate expiresOn) {}

    private ThreatImportResult store(Actor actor, List<Line> lines, String charset, boolean file) {
        LocalDate today = LocalDate.now(clock);
        List<LineError> errors = new ArrayList<>();
        Map<String, Long> firstLine = new HashMap<>();
        Map<String, Candidate> byKey = new LinkedHashMap<>();
        int repeated = 0;
        for (Line line : lines) {
            FieldProblems problems = new FieldProblems();
            Candidate candidate = check(line.input(), today, problems);
            if (candidate != null) {
                String key = candidate.kind() + ":" + candidate.indicator();
                Long first = firstLine.putIfAbsent(key, line.number());
                if (first != null && candidate.equals(byKey.get(key))) {
                    repeated++;
                    continue;
                }
                if (first != null) {
                    problems.reject(
                            "indicator",
                            "netsec.threat.import.conflictingLine",
                            "repeats line " + first + " with other details",
                            first);
                } else {
                    byKey.put(key, candidate);
                }
            }
            for (FieldProblem problem : problems.list()) {
                if (errors.size() < settings.maxErrors()) {
                    errors.add(new LineError(
                            line.number(),
                            file ? COLUMN_OF_FIELD.getOrDefault(problem.field(), problem.field()) : problem.field(),
                            problem.code(),
                            problem.arguments(),
                            problem.defaultMessage()));
                }
            }
        }
        if (!errors.isEmpty()) {
            return ThreatImportResult.rejected(charset, errors);
        }
        int added = 0;
        int updated = 0;
        int unchanged = 0;
        List<ThreatIndicator> stored = new ArrayList<>();
        for (Candidate candidate : byKey.values()) {
            String hash = hash(candidate.kind(), candidate.indicator());
            Optional<ThreatIndicator> existing = byHash(hash);
            if (existing.isEmpty()) {
                long id = insert(candidate, hash);
                feed.append(id, ThreatChangeKind.ADDED);
                audit.record("netsec", "ThreatIndicator", Long.toString(id), "listed", null, state(candidate));
                stored.add(find(id).orElseThrow());
                added++;
                continue;
            }
            ThreatIndicator before = existing.get();
            Candidate merged = before.active() ? merge(before, candidate) : candidate;
            if (before.active() && same(before, merged)) {
                unchanged++;
                continue;
            }
            update(before.id(), merged);
            ThreatChangeKind change = before.active() ? ThreatChangeKind.UPDATED : ThreatChangeKind.ADDED;
            feed.append(before.id(), change);
            audit.record(
                    "netsec",
                    "ThreatIndicator",
                    Long.toString(before.id()),
                    before.active() ? "updated" : "listed",
                    state(before),
                    state(merged));
            stored.add(find(before.id()).orElseThrow());
            if (before.active()) {
                updated++;
            } else {
                added++;
            }
        }
        int tasksOpened = matching.match(stored);
        return new ThreatImportResult(true, charset, added, updated, unchanged, repeated, tasksOpened, List.of());
    }

    private static Candidate check(NewThreatIndicator input, LocalDate today, FieldProblems problems) {
        ThreatKind kind = problems.choice("kind", input.kind(), ThreatKind.class);
        String indicator = null;
        if (input.indicator() == null || input.indicator().isBlank()) {
            problems.reject("indicator", "invalid.required", "is required");
        } else if (kind != null) {
            try {
                indicator = ThreatRules.normalise(kind, input.indicator());
            } catch (IllegalArgumentException e) {
                String shown = input.indicator().strip();
                problems.reject(
                        "indicator",
                        "netsec.threat.invalid." + e.getMessage(),
                        "not a valid " + kind + " indicator",
                        shown.length() > 60 ? shown.substring(0, 60) + "…" : shown);
            }
        }
        String source = problems.text("source", input.source(), 100);
        Integer confidence = null;
        if (input.confidence() == null || input.confidence().isBlank()) {
            problems.reject("confidence", "invalid.required", "is required");
        } else if (!input.confidence().strip().matches("[0-9]{1,3}")
                || Integer.parseInt(input.confidence().strip()) > 100) {
            String shown = input.confidence().strip();
            problems.reject(
                    "confidence",
                    "netsec.threat.invalid.confidence",
                    "a whole number from 0 to 100",
                    shown.length() > 10 ? shown.substring(0, 10) + "…" : shown);
        } else {
            confidence = Integer.parseInt(input.confidence().strip());
        }
        ThreatCategory category = problems.choice("category", input.category(), ThreatCategory.class);
        LocalDate firstSeen = problems.pastDate("firstSeen", input.firstSeen(), false, today);
        LocalDate lastSeen = problems.pastDate("lastSeen", input.lastSeen(), false, today);
        LocalDate expiresOn = problems.date("expiresOn", input.expiresOn(), false);
        if (firstSeen == null && (input.firstSeen() == null || input.firstSeen().isBlank())) {
            firstSeen = lastSeen != null ? lastSeen : today;
        }
        if (lastSeen == null && (input.lastSeen() == null || input.lastSeen().isBlank())) {
            lastSeen = firstSeen;
        }
        if (firstSeen != null && lastSeen != null && lastSeen.isBefore(firstSeen)) {
            problems.reject("lastSeen", "netsec.threat.invalid.lastBeforeFirst", "is before the first sighting");
        }
        if (expiresOn != null && expiresOn.isBefore(today)) {
            problems.reject("expiresOn", "netsec.threat.invalid.expired", "has passed", expiresOn.toString());
        }
        if (!problems.isEmpty()) {
            return null;
        }
        return new Candidate(kind, indicator, source, confidence, category, firstSeen, lastSeen, expiresOn);
    }

    /** The listed indicator with a new sighting: the earliest first and latest last sighting, the rest new. */
    private static Candidate merge(ThreatIndicator before, Candidate candidate) {
        return new Candidate(
                candidate.kind(),
                candidate.indicator(),
                candidate.source(),
                candidate.confidence(),
                candidate.category(),
                before.firstSeen().isBefore(candidate.firstSeen()) ? before.firstSeen() : candidate.firstSeen(),
                before.lastSeen().isAfter(candidate.lastSeen()) ? before.lastSeen() : candidate.lastSeen(),
                candidate.expiresOn());
    }

    private static boolean same(ThreatIndicator before, Candidate candidate) {
        return before.source().equals(candidate.source())
                && before.confidence() == candidate.confidence()
                && before.category() == candidate.category()
                && before.firstSeen().equals(candidate.firstSeen())
                && before.lastSeen().equals(candidate.lastSeen())
                && Objects.equals(before.expiresOn(), candidate.expiresOn());
    }

    private long insert(Candidate candidate, String hash) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into netsec_threat_indicator (kind, indicator, indicator_hash, source, confidence, category,
                            first_seen, last_seen, expires_on, status, updated_at)
                        values (:kind, :indicator, :hash, :source, :confidence, :category, :first, :last, :expires,
                            'ACTIVE', :at)""")
                .param("kind", candidate.kind().name())
                .param("indicator", candidate.indicator())
                .param("hash", hash)
                .param("source", candidate.source())
                .param("confidence", candidate.confidence())
                .param("category", candidate.category().name())
                .param("first", candidate.firstSeen())
                .param("last", candidate.lastSeen())
                .param("expires", candidate.expiresOn())
                .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .update(key, "id");
        return key.getKey().longValue();
    }

    private void update(long id, Candidate candidate) {
        jdbc.sql("""
                        update netsec_threat_indicator set source = :source, confidence = :confidence,
                            category = :category, first_seen = :first, last_seen = :last, expires_on = :expires,
                            status = 'ACTIVE', withdraw_reason = null, updated_at = :at, version = version + 1
                        where id = :id""")
                .param("source", candidate.source())
                .param("confidence", candidate.confidence())
                .param("category", candidate.category().name())
                .param("first", candidate.firstSeen())
                .param("last", candidate.lastSeen())
                .param("expires", candidate.expiresOn())
                .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .param("id", id)
                .update();
    }

    private Optional<ThreatIndicator> byHash(String hash) {
        return jdbc.sql("select * from netsec_threat_indicator where indicator_hash = :hash")
                .param("hash", hash)
                .query(ThreatIndicators::indicator)
                .optional();
    }

    private static String hash(ThreatKind kind, String indicator) {
        return Hashes.sha256(kind.name() + ":" + indicator);
    }

    private static Map<String, Object> state(Candidate candidate) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("kind", candidate.kind().name());
        state.put("indicator", candidate.indicator());
        state.put("source", candidate.source());
        state.put("confidence", candidate.confidence());
        state.put("category", candidate.category().name());
        state.put("firstSeen", candidate.firstSeen().toString());
        state.put("lastSeen", candidate.lastSeen().toString());
        state.put(
                "expiresOn",
                candidate.expiresOn() == null ? null : candidate.expiresOn().toString());
        state.put("status", ThreatStatus.ACTIVE.name());
        return state;
    }

    private static Map<String, Object> state(ThreatIndicator indicator) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("source", indicator.source());
        state.put("confidence", indicator.confidence());
        state.put("category", indicator.category().name());
        state.put("firstSeen", indicator.firstSeen().toString());
        state.put("lastSeen", indicator.lastSeen().toString());
        state.put(
                "expiresOn",
                indicator.expiresOn() == null ? null : indicator.expiresOn().toString());
        state.put("status", indicator.status().name());
        return state;
    }

    private static void requireManage(Actor actor) {
        if (!canManage(actor)) {
            throw new AccessDeniedException("the threat list is kept by the ministry");
        }
    }

    static ThreatIndicator indicator(ResultSet rs, int row) throws SQLException {
        return new ThreatIndicator(
                rs.getLong("id"),
                ThreatKind.valueOf(rs.getString("kind")),
                rs.getString("indicator"),
                rs.getString("source"),
                rs.getInt("confidence"),
                ThreatCategory.valueOf(rs.getString("category")),
                rs.getObject("first_seen", LocalDate.class),
                rs.getObject("last_seen", LocalDate.class),
                rs.getObject("expires_on", LocalDate.class),
                ThreatStatus.valueOf(rs.getString("status")),
                rs.getString("withdraw_reason"));
    }

    private static Map<String, Set<String>> columns() {
        Map<String, Set<String>> columns = new LinkedHashMap<>();
        columns.put("kind", Set.of("type", "类型", "指标类型"));
        columns.put("indicator", Set.of("value", "ioc", "指标", "指标值", "威胁指标"));
        columns.put("source", Set.of("来源", "情报来源"));
        columns.put("confidence", Set.of("置信度"));
        columns.put("category", Set.of("类别", "威胁类别"));
        columns.put("first_seen", Set.of("firstseen", "首次发现", "首次发现日期"));
        columns.put("last_seen", Set.of("lastseen", "最近发现", "最近发现日期"));
        columns.put("expires_on", Set.of("expires", "有效期至", "过期日期"));
        return columns;
    }
}
