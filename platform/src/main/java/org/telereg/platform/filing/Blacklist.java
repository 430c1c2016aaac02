package org.telereg.platform.filing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.telereg.engine.filing.DomainIndex;
import org.telereg.engine.filing.IpAddresses;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.access.Role;
import org.telereg.platform.audit.AuditTrail;
import org.telereg.platform.shared.FieldProblem;
import org.telereg.platform.shared.FieldProblems;
import org.telereg.platform.shared.LineError;
import org.telereg.platform.shared.ProvinceCode;
import org.telereg.platform.shared.RejectedInputException;

/**
 * The illegal site and App blacklist (违法违规网站和App名单): the ministry and the provincial
 * administrations list domains, App identifiers and IP addresses with a severity — 1 block access and
 * distribution, 2 suspend and order takedown, 3 warning — change the severity and lift entries, each
 * with a reason and an audit record. A target has at most one active entry. Operators and access
 * providers read the list because they must act on it; {@link #find} and {@link #search} answer the
 * public query without an actor.
 */
@Service
public class Blacklist {

    /** The listing authority of the ministry's entries. */
    public static final String MINISTRY = "MIIT";

    static final Map<String, List<String>> COLUMNS = columns();

    private static final Map<String, String> COLUMN_OF_FIELD = Map.of(
            "kind", "kind",
            "target", "target",
            "name", "name",
            "severity", "severity",
            "category", "category",
            "reason", "reason");

    private static final int MAX_PAGE_SIZE = 200;

    /** The most entries one CSV export holds. */
    public static final int MAX_EXPORT_ROWS = 20_000;

    /** The entry with the service number of an active filing of the same domain or App. */
    private static final String SELECT = """
            select b.*, case
                when b.target_kind = 'DOMAIN' then (select min(s.service_number) from filing_service_domain d
                    join filing_service s on s.id = d.service_id where d.domain = b.target and s.status = 'ACTIVE')
                when b.target_kind = 'APP' then (select min(s.service_number) from filing_service s
                    where s.app_identifier = b.target and s.status = 'ACTIVE')
                end as filed_number
            from filing_blacklist b""";

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Blacklist(JdbcClient jdbc, AuditTrail audit, PlatformTransactionManager transactionManager, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** Whether the actor lists entries: the ministry's staff and the provincial administrations. */
    public static boolean canWrite(Actor actor) {
        return (actor.role() == Role.MINISTRY_ADMIN || actor.role() == Role.MINISTRY_OFFICER)
                        && actor.scope().kind() == DataScope.Kind.ALL
                || actor.role() == Role.PROVINCIAL_OFFICER && actor.scope().kind() == DataScope.Kind.PROVINCE;
    }

    /** Whether the actor changes or lifts this entry: the ministry any, an administration its own. */
    public static boolean canChange(Actor actor, BlacklistEntry entry) {
        if (!canWrite(actor) || !entry.active()) {
            return false;
        }
        return actor.scope().kind() == DataScope.Kind.ALL
                || entry.authorityCode().equals(actor.scope().provinceCode());
    }

    /** The authority an actor lists under: {@code MIIT} or its province's code. */
    static String authority(Actor actor) {
        return actor.scope().kind() == DataScope.Kind.PROVINCE ? actor.scope().provinceCode() : MINISTRY;
    }

    /**
     * The active entry of a target, for the public query and for other modules.
     *
     * @param target a domain (any case, a URL's host), App identifier or IP address; text that is not
     *     one of its kind finds nothing
     */
    @Transactional(readOnly = true)
    public Optional<BlacklistEntry> find(BlacklistKind kind, String target) {
        String normalised;
        try {
            normalised = normalise(kind, target);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return jdbc.sql(SELECT + " where b.target_kind = :kind and b.target = :target and b.status = 'ACTIVE'")
                .param("kind", kind.name())
                .param("target", normalised)
                .query(Blacklist::entry)
                .optional();
    }

    /**
     * The active entries, newest first, for the public query: optionally of one kind and containing a
     * text in the target or the name.
     */
    @Transactional(readOnly = true)
    public BlacklistPage search(BlacklistKind kind, String text, int page, int size) {
        return search(kind, "ACTIVE", null, null, text, page, size);
    }

    /**
     * Entries for the console, newest first.
     *
     * @param status {@code ACTIVE}, {@code LIFTED} or null for both
     * @param severity 1–3 or null
     */
    @Transactional(readOnly = true)
    public BlacklistPage search(
            BlacklistKind kind,
            String status,
            BlacklistCategory category,
            Integer severity,
            String text,
            int page,
            int size) {
        int pageSize = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        int pageNumber = Math.max(0, page);
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (kind != null) {
            where.append(" and b.target_kind = :kind");
            params.put("kind", kind.name());
        }
        if (status != null && !status.isBlank()) {
            where.append(" and b.status = :status");
            params.put("status", status.strip().toUpperCase(Locale.ROOT));
        }
        if (category != null) {
            where.append(" and b.category = :category");
            params.put("category", category.name());
        }
        if (severity != null) {
            where.append(" and b.severity = :severity");
            params.put("severity", severity);
        }
        if (text != null && !text.isBlank()) {
            where.append(" and (b.target like :text or b.name like :text)");
            params.put("text", "%" + text.strip().toLowerCase(Locale.ROOT) + "%");
        }
        long total = jdbc.sql("select count(*) from filing_blacklist b" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<BlacklistEntry> entries = jdbc.sql(SELECT + where + " order by b.listed_on desc, b.id desc limit "
                        + pageSize + " offset " + ((long) pageNumber * pageSize))
                .params(params)
                .query(Blacklist::entry)
                .list();
        return new BlacklistPage(entries, total, pageNumber, pageSize);
    }

    /**
     * Every entry the console's filters select, newest first, for a CSV download; at most {@link
     * #MAX_EXPORT_ROWS}. The export is audited with its filters and row count.
     */
    @Transactional
    public List<BlacklistEntry> export(
            Actor actor, BlacklistKind kind, String status, BlacklistCategory category, Integer severity, String text) {
        List<BlacklistEntry> entries = new ArrayList<>();
        for (int page = 0; entries.size() < MAX_EXPORT_ROWS; page++) {
            List<BlacklistEntry> found = search(kind, status, category, severity, text, page, MAX_PAGE_SIZE)
                    .entries();
            entries.addAll(found.subList(0, Math.min(found.size(), MAX_EXPORT_ROWS - entries.size())));
            if (found.size() < MAX_PAGE_SIZE) {
                break;
            }
        }
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("kind", kind == null ? "" : kind.name());
        filters.put("status", status == null ? "" : status);
        filters.put("category", category == null ? "" : category.name());
        filters.put("severity", severity == null ? "" : severity);
        filters.put("text", text == null ? "" : text);
        filters.put("rows", entries.size());
        audit.record("filing", "BlacklistExport", actor.username(), "exported", null, filters);
        return entries;
    }

    @Transactional(readOnly = true)
    public Optional<BlacklistEntry> entry(long id) {
        return jdbc.sql(SELECT + " where b.id = :id")
                .param("id", id)
                .query(Blacklist::entry)
                .optional();
    }

    /**
     * Lists a target.
     *
     * @throws RejectedInputException naming each field at fault; {@code target} when it is already on the
     *     list, naming the active entry
     * @throws AccessDeniedException unless {@link #canWrite(Actor)}
     */
    @Transactional
    public BlacklistEntry list(Actor actor, NewBlacklistEntry input) {
        requireWrite(actor);
        FieldProblems problems = new FieldProblems();
        Candidate candidate = check(input, problems);
        if (candidate != null) {
            active(candidate.kind(), candidate.target())
                    .ifPresent(existing -> problems.reject(
                            "target",
                            "filing.blacklist.invalid.duplicate",
                            "already listed",
                            existing.id(),
                            existing.authorityCode(),
                            existing.listedOn().toString(),
                            existing.severity()));
        }
        problems.throwIfAny();
        long id = insert(candidate, authority(actor));
        audit.record("filing", "BlacklistEntry", Long.toString(id), "listed", null, state(candidate, actor));
        return entry(id).orElseThrow();
    }

    /**
     * Changes the severity of an active entry.
     *
     * @throws RejectedInputException naming {@code severity} or {@code reason}
     * @throws AccessDeniedException unless {@link #canChange(Actor, BlacklistEntry)}
     */
    @Transactional
    public BlacklistEntry changeSeverity(Actor actor, long id, String severity, String reason) {
        BlacklistEntry entry = changeable(actor, id);
        FieldProblems problems = new FieldProblems();
        Integer level = severity(problems, severity);
        String why = problems.multilineText("reason", reason, 1000);
        if (level != null && level == entry.severity()) {
            problems.reject("severity", "filing.blacklist.invalid.sameSeverity", "already this severity", level);
        }
        problems.throwIfAny();
        int changed = jdbc.sql("update filing_blacklist set severity = :severity, updated_at = :at,"
                        + " version = version + 1 where id = :id and status = 'ACTIVE'")
                .param("severity", level)
                .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .param("id", id)
                .update();
        if (changed != 1) {
            throw RejectedInputException.of("status", "filing.blacklist.invalid.notActive", "not active");
        }
        audit.record(
                "filing",
                "BlacklistEntry",
                Long.toString(id),
                "changed",
                Map.of("severity", entry.severity()),
                Map.of("severity", level, "reason", why));
        return entry(id).orElseThrow();
    }

    /**
     * Lifts an active entry.
     *
     * @throws RejectedInputException naming {@code reason}
     * @throws AccessDeniedException unless {@link #canChange(Actor, BlacklistEntry)}
     */
    @Transactional
    public BlacklistEntry lift(Actor actor, long id, String reason) {
        BlacklistEntry entry = changeable(actor, id);
        FieldProblems problems = new FieldProblems();
        String why = problems.multilineText("reason", reason, 1000);
        problems.throwIfAny();
        LocalDate today = LocalDate.now(clock);
        int changed = jdbc.sql("update filing_blacklist set status = 'LIFTED', lifted_on = :today,"
                        + " lift_reason = :reason, updated_at = :at, version = version + 1"
                        + " where id = :id and status = 'ACTIVE'")
                .param("today", today)
                .param("reason", why)
                .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .param("id", id)
                .update();
        if (changed != 1) {
            throw RejectedInputException.of("status", "filing.blacklist.invalid.notActive", "not active");
        }
        audit.record(
                "filing",
                "BlacklistEntry",
                Long.toString(id),
                "removed",
                Map.of("status", "ACTIVE", "severity", entry.severity()),
                Map.of("status", "LIFTED", "liftedOn", today.toString(), "reason", why));
        return entry(id).orElseThrow();
    }

    /**
     * Imports entries from CSV, all or nothing, under the importing actor's authority. A line that
     * repeats an active entry with the same severity and category is unchanged (so a file imports
     * twice without effect); one that differs from an active entry is refused naming it.
     *
     * @throws AccessDeniedException unless {@link #canWrite(Actor)}
     */
    public BlacklistImportResult importCsv(Actor actor, byte[] content) {
        requireWrite(actor);
        FilingCsv.Reading reading = FilingCsv.read(
                content, COLUMNS, Set.of("kind", "target", "severity", "category", "reason"), "filing.blacklist.");
        if (!reading.errors().isEmpty()) {
            return new BlacklistImportResult(false, reading.charset(), 0, 0, reading.errors());
        }
        return transactions.execute(status -> {
            List<LineError> errors = new ArrayList<>();
            Map<String, Long> lineOfTarget = new HashMap<>();
            Map<Long, Candidate> listed = new LinkedHashMap<>();
            int unchanged = 0;
            for (FilingCsv.Row row : reading.rows()) {
                FieldProblems problems = new FieldProblems();
                Candidate candidate = check(
                        new NewBlacklistEntry(
                                row.get("kind"),
                                row.get("target"),
                                row.get("name"),
                                row.get("severity"),
                                row.get("category"),
                                row.get("reason")),
                        problems);
                if (candidate != null) {
                    String key = candidate.kind() + "|" + candidate.target();
                    Long first = lineOfTarget.putIfAbsent(key, row.line());
                    Optional<BlacklistEntry> existing = active(candidate.kind(), candidate.target());
                    if (first != null) {
                        problems.reject("target", "filing.blacklist.csv.duplicateLine", "repeats a line", first);
                    } else if (existing.isPresent()
                            && existing.get().severity() == candidate.severity()
                            && existing.get().category() == candidate.category()) {
                        unchanged++;
                        continue;
                    } else if (existing.isPresent()) {
                        problems.reject(
                                "target",
                                "filing.blacklist.invalid.duplicate",
                                "already listed",
                                existing.get().id(),
                                existing.get().authorityCode(),
                                existing.get().listedOn().toString(),
                                existing.get().severity());
                    }
                }
                if (!problems.isEmpty()) {
                    for (FieldProblem problem : problems.list()) {
                        if (errors.size() < FilingCsv.MAX_ERRORS) {
                            errors.add(new LineError(
                                    row.line(),
                                    COLUMN_OF_FIELD.getOrDefault(problem.field(), problem.field()),
                                    problem.code(),
                                    problem.arguments(),
                                    problem.defaultMessage()));
                        }
                    }
                    if (errors.size() >= FilingCsv.MAX_ERRORS) {
                        break;
                    }
                    continue;
                }
                if (errors.isEmpty()) {
                    listed.put(insert(candidate, authority(actor)), candidate);
                }
            }
            if (!errors.isEmpty()) {
                status.setRollbackOnly();
                return new BlacklistImportResult(false, reading.charset(), 0, 0, errors);
            }
            listed.forEach((id, candidate) -> audit.record(
                    "filing", "BlacklistEntry", Long.toString(id), "listed", null, state(candidate, actor)));
            return new BlacklistImportResult(true, reading.charset(), listed.size(), unchanged, List.of());
        });
    }

    /**
     * A target as the list keeps it.
     *
     * @throws IllegalArgumentException when it is not a domain, App identifier or IP address
     */
    static String normalise(BlacklistKind kind, String target) {
        if (target == null || target.isBlank()) {
            throw new IllegalArgumentException("empty");
        }
        String text = target.strip();
        if (text.length() > 253) {
            throw new IllegalArgumentException("too long");
        }
        return switch (kind) {
            case DOMAIN -> DomainIndex.normalise(host(text));
            case IP -> IpAddresses.normalise(text);
            case APP -> {
                if (text.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
                    throw new IllegalArgumentException("an App identifier has no spaces");
                }
                yield text;
            }
        };
    }

    /** The host of a URL someone pasted ({@code https://www.example.cn/path?q} → {@code www.example.cn}). */
    private static String host(String text) {
        String host = text;
        int scheme = host.indexOf("://");
        if (scheme >= 0) {
            host = host.substring(scheme + 3);
        }
        int end = host.length();
        for (char c : new char[] {'/', '?', '#', ':'}) {
            int at = host.indexOf(c);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        return host.substring(0, end);
    }

    /** The display name of a listing authority. */
    public static String authorityName(String authorityCode) {
        if (MINISTRY.equals(authorityCode)) {
            return "工业和信息化部";
        }
        try {
            return new ProvinceCode(authorityCode).name() + "通信管理局";
        } catch (RuntimeException e) {
            return authorityCode;
        }
    }

    private record Candidate(
            BlacklistKind kind, String target, String name, int severity, BlacklistCategory category, String reason) {}

    private static Candidate check(NewBlacklistEntry input, FieldProblems problems) {
        BlacklistKind kind = problems.choice("kind", input.kind(), BlacklistKind.class);
        String target = null;
        if (input.target() == null || input.target().isBlank()) {
            problems.reject("target", "invalid.required", "is required");
        } else if (kind != null) {
            try {
                target = normalise(kind, input.target());
            } catch (IllegalArgumentException e) {
                String shown = input.target().strip();
                problems.reject(
                        "target",
                        "filing.blacklist.invalid.target." + kind.name(),
                        "not a valid target: " + e.getMessage(),
                        shown.length() > 60 ? shown.substring(0, 60) + "…" : shown);
            }
        }
        String name = problems.optionalText("name", input.name(), 200);
        Integer severity = severity(problems, input.severity());
        BlacklistCategory category = problems.choice("category", input.category(), BlacklistCategory.class);
        String reason = problems.multilineText("reason", input.reason(), 1000);
        if (!problems.isEmpty()) {
            return null;
        }
        return new Candidate(kind, target, name, severity, category, reason);
    }

    private static Integer severity(FieldProblems problems, String text) {
        if (text == null || text.isBlank()) {
            problems.reject("severity", "invalid.required", "is required");
            return null;
        }
        String stripped = text.strip();
        if (!stripped.matches("[123]")) {
            problems.reject(
                    "severity",
                    "filing.blacklist.invalid.severity",
                    "1, 2 or 3",
                    stripped.length() > 10 ? "" : stripped);
            return null;
        }
        return Integer.parseInt(stripped);
    }

    private Optional<BlacklistEntry> active(BlacklistKind kind, String target) {
        return jdbc.sql(SELECT + " where b.target_kind = :kind and b.target = :target and b.status = 'ACTIVE'")
                .param("kind", kind.name())
                .param("target", target)
                .query(Blacklist::entry)
                .optional();
    }

    private BlacklistEntry changeable(Actor actor, long id) {
        requireWrite(actor);
        BlacklistEntry entry = entry(id).orElseThrow(() -> new AccessDeniedException("entry " + id));
        if (!entry.active()) {
            throw RejectedInputException.of("status", "filing.blacklist.invalid.notActive", "not active");
        }
        if (!canChange(actor, entry)) {
            throw new AccessDeniedException("an administration changes only the entries it listed");
        }
        return entry;
    }

    private long insert(Candidate candidate, String authority) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into filing_blacklist (target_kind, target, name, severity, category, reason, authority_code,
                    listed_on, status, updated_at)
                values (:kind, :target, :name, :severity, :category, :reason, :authority, :today, 'ACTIVE', :at)""")
                .param("kind", candidate.kind().name())
                .param("target", candidate.target())
                .param("name", candidate.name())
                .param("severity", candidate.severity())
                .param("category", candidate.category().name())
                .param("reason", candidate.reason())
                .param("authority", authority)
                .param("today", LocalDate.now(clock))
                .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .update(key, "id");
        return key.getKey().longValue();
    }

    private static Map<String, Object> state(Candidate candidate, Actor actor) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("kind", candidate.kind().name());
        state.put("target", candidate.target());
        state.put("name", candidate.name());
        state.put("severity", candidate.severity());
        state.put("category", candidate.category().name());
        state.put("reason", candidate.reason());
        state.put("authority", authority(actor));
        return state;
    }

    private static void requireWrite(Actor actor) {
        if (!canWrite(actor)) {
            throw new AccessDeniedException("the blacklist is kept by the ministry and the administrations");
        }
    }

    static BlacklistEntry entry(ResultSet rs, int row) throws SQLException {
        return new BlacklistEntry(
                rs.getLong("id"),
                BlacklistKind.valueOf(rs.getString("target_kind")),
                rs.getString("target"),
                rs.getString("name"),
                rs.getInt("severity"),
                BlacklistCategory.valueOf(rs.getString("category")),
                rs.getString("reason"),
                rs.getString("authority_code"),
                rs.getObject("listed_on", LocalDate.class),
                rs.getString("status"),
                rs.getObject("lifted_on", LocalDate.class),
                rs.getString("lift_reason"),
                rs.getString("filed_number"));
    }

    private static Map<String, List<String>> columns() {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        columns.put("kind", List.of("kind", "target_kind", "type", "类型", "对象类型"));
        columns.put("target", List.of("target", "domain_or_app", "对象", "域名/App/IP", "域名"));
        columns.put("name", List.of("name", "名称", "网站或App名称"));
        columns.put("severity", List.of("severity", "level", "级别", "处置级别"));
        columns.put("category", List.of("category", "类别", "违法类别"));
        columns.put("reason", List.of("reason", "原因", "理由"));
        return columns;
    }
}
