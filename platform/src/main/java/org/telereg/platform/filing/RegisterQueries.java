package org.telereg.platform.filing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.telereg.engine.filing.DomainIndex;
import org.telereg.engine.filing.IpAddresses;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.Role;
import org.telereg.platform.audit.AuditTrail;
import org.telereg.platform.shared.FieldProblems;
import org.telereg.platform.shared.PersonNames;
import org.telereg.platform.shared.RejectedInputException;

/**
 * The filing register as people look it up: by domain, filing number or sponsor name, Apps by name
 * or identifier, and the blacklist by target. What these answer is what the public query shows and
 * never personal data; the console's detail masks it, and {@link #reveal} — for officers only — is
 * audited.
 */
@Service
public class RegisterQueries {

    /** How many characters of a sponsor's name or an App's name a query may hold. */
    static final int MAX_TEXT = 100;

    /** The most services one CSV export holds. */
    public static final int MAX_EXPORT_ROWS = 10_000;

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private static final String ENTRY_COLUMNS = """
            s.id, s.service_number, s.kind, s.name, s.home_url, s.app_identifier, s.content_type, s.status,
            s.approved_on, s.updated_at, sub.subject_number, sub.province_code, sub.nature, sub.sponsor_name,
            sub.status as subject_status
            """;

    private static final String ENTRIES =
            "select " + ENTRY_COLUMNS + " from filing_service s join filing_subject sub on sub.id = s.subject_id";

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    RegisterQueries(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /**
     * The services filed for a domain, a host under it ({@code www.example.com} finds the filing of
     * {@code example.com}) or a pasted URL; the most specific filed domain wins.
     *
     * @throws RejectedInputException on field {@code domain} when the text is not a domain name
     */
    @Transactional(readOnly = true)
    public List<RegisterEntry> byDomain(String domain) {
        String name = normalisedDomain("domain", domain);
        List<String> candidates = selfAndParents(name);
        record Match(String domain, long serviceId) {}
        List<Match> matches = jdbc.sql("select domain, service_id from filing_service_domain where domain in (:names)")
                .param("names", candidates)
                .query((rs, n) -> new Match(rs.getString(1), rs.getLong(2)))
                .list();
        int longest = matches.stream().mapToInt(m -> m.domain().length()).max().orElse(-1);
        List<Long> ids = matches.stream()
                .filter(m -> m.domain().length() == longest)
                .map(Match::serviceId)
                .toList();
        return ids.isEmpty()
                ? List.of()
                : entries(" where s.id in (:ids) order by s.service_number", Map.of("ids", ids));
    }

    /**
     * A subject's number gives the subject's services, a service's number that service; the
     * province aliases (黔 滇 蜀 陇) are accepted.
     *
     * @throws RejectedInputException on field {@code number} when the text is not a filing number
     */
    @Transactional(readOnly = true)
    public List<RegisterEntry> byNumber(String number) {
        FieldProblems problems = new FieldProblems();
        FilingNumber parsed = problems.parse("number", number, FilingNumber::parse);
        problems.throwIfAny();
        if (parsed.isSubject()) {
            return entries(
                    " where sub.subject_number = :number order by s.service_number",
                    Map.of("number", parsed.toString()));
        }
        return entries(" where s.service_number = :number", Map.of("number", parsed.toString()));
    }

    /**
     * The services of sponsors whose name contains the text, by sponsor then number. The public
     * search leaves individuals out: a person's name must not be a key to find where they live online.
     *
     * @throws RejectedInputException on field {@code sponsor} when the text is empty or too long
     */
    @Transactional(readOnly = true)
    public Page<RegisterEntry> bySponsor(String sponsor, boolean includeIndividuals, Pageable pageable) {
        FieldProblems problems = new FieldProblems();
        String text = problems.text("sponsor", sponsor, MAX_TEXT);
        problems.throwIfAny();
        String where = " where sub.sponsor_name like :pattern escape '\\'"
                + (includeIndividuals ? "" : " and sub.nature <> 'INDIVIDUAL'");
        return page(where, " order by sub.sponsor_name, s.service_number", Map.of("pattern", contains(text)), pageable);
    }

    /**
     * Apps, mini-programs and quick apps by part of their name or by their exact identifier (package
     * name, bundle id, mini-program id, compared without case).
     *
     * @throws RejectedInputException naming {@code name} when neither is given, or a field that is too long
     */
    @Transactional(readOnly = true)
    public Page<RegisterEntry> apps(String name, String identifier, Pageable pageable) {
        FieldProblems problems = new FieldProblems();
        String byName = problems.optionalText("name", name, MAX_TEXT);
        String byIdentifier = problems.optionalText("identifier", identifier, 200);
        if (problems.isEmpty() && byName == null && byIdentifier == null) {
            problems.reject("name", "filing.query.invalid.emptyApp", "give an App name or identifier");
        }
        problems.throwIfAny();
        StringBuilder where = new StringBuilder(" where s.kind <> 'WEBSITE'");
        Map<String, Object> params = new HashMap<>();
        if (byName != null) {
            where.append(" and s.name like :pattern escape '\\'");
            params.put("pattern", contains(byName));
        }
        if (byIdentifier != null) {
            where.append(" and lower(s.app_identifier) = :identifier");
            params.put("identifier", byIdentifier.toLowerCase(Locale.ROOT));
        }
        return page(where.toString(), " order by s.name, s.service_number", params, pageable);
    }

    /**
     * Any of the four ways, as one search box asks: a filing number, a domain or URL, or a sponsor's name.
     *
     * @throws RejectedInputException naming {@code number}, {@code domain} or {@code sponsor}
     */
    @Transactional(readOnly = true)
    public Page<RegisterEntry> search(FilingQuery query, boolean includeIndividuals, Pageable pageable) {
        return switch (query.by()) {
            case NUMBER -> paged(byNumber(query.text()), pageable);
            case DOMAIN -> paged(byDomain(query.text()), pageable);
            case SPONSOR -> bySponsor(query.text(), includeIndividuals, pageable);
        };
    }

    /**
     * The whole result of a console search, as the search shows it (an individual sponsor's name
     * masked, no principal), for a CSV download: at most {@link #MAX_EXPORT_ROWS} services. The export
     * is audited with the query and the row count.
     *
     * @param apps the Apps tab (by name, or by identifier when the text is one), else the filings tab
     * @throws RejectedInputException as the search would
     */
    @Transactional
    public List<RegisterEntry> export(Actor actor, String text, boolean apps) {
        Pageable all = PageRequest.of(0, MAX_EXPORT_ROWS);
        List<RegisterEntry> entries;
        String by;
        if (apps) {
            boolean identifier =
                    text != null && text.strip().codePoints().noneMatch(Character::isWhitespace) && text.contains(".");
            entries = (identifier ? apps(null, text, all) : apps(text, null, all)).getContent();
            by = identifier ? "APP_IDENTIFIER" : "APP_NAME";
        } else {
            FilingQuery query = FilingQuery.detect(text);
            entries = search(query, true, all).getContent();
            by = query.by().name();
        }
        audit.record(
                "filing",
                "RegisterExport",
                actor.username(),
                "exported",
                null,
                Map.of("query", text.strip(), "by", by, "rows", entries.size()));
        return entries;
    }

    /**
     * The standing blacklist entries for a domain (or a host under a listed domain), an IP address or
     * an App identifier.
     *
     * @throws RejectedInputException on field {@code target} when it is empty or too long
     */
    @Transactional(readOnly = true)
    public List<RegisterBlacklistEntry> blacklist(String target) {
        FieldProblems problems = new FieldProblems();
        String text = problems.text("target", target, 253);
        problems.throwIfAny();
        String ip = null;
        try {
            ip = IpAddresses.normalise(text);
        } catch (IllegalArgumentException e) {
            // Not an address: looked up as a domain and as an App identifier.
        }
        List<String> domains = List.of("-");
        if (ip == null) {
            try {
                domains = selfAndParents(DomainIndex.normalise(FilingQuery.host(text)));
            } catch (IllegalArgumentException e) {
                // Not a domain either: an App identifier such as a mini-program id.
            }
        }
        return jdbc.sql("""
                        select target_kind, target, name, severity, category, reason, authority_code, listed_on
                          from filing_blacklist
                         where status = 'ACTIVE'
                           and ((target_kind = 'DOMAIN' and target in (:domains))
                             or (target_kind = 'IP' and target = :ip)
                             or (target_kind = 'APP' and lower(target) = :app))
                         order by severity, listed_on desc, id
                        """)
                .param("domains", domains)
                .param("ip", ip == null ? "-" : ip)
                .param("app", text.toLowerCase(Locale.ROOT))
                .query((rs, n) -> new RegisterBlacklistEntry(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getInt(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getObject(8, LocalDate.class)))
                .list();
    }

    /** A filed service with the rest of its record, personal data masked, for any signed-in user. */
    @Transactional(readOnly = true)
    public Optional<RegisterDetail> detail(long serviceId) {
        List<RegisterEntry> found = entries(" where s.id = :id", Map.of("id", serviceId));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        RegisterEntry entry = found.get(0);
        Map<String, Object> row = jdbc.sql("""
                        select sub.sponsor_name, sub.nature, sub.certificate_type, sub.certificate_number, sub.address,
                               sub.city_code, sub.county_code, sub.principal_name, sub.principal_id_number,
                               sub.principal_phone, s.responsible_name, s.responsible_id_number, s.responsible_phone,
                               s.access_provider_name, s.access_provider_credit_code, s.pre_approval_items,
                               s.access_withdrawn_on, coalesce(s.cancelled_on, sub.cancelled_on) as cancelled_on
                          from filing_service s join filing_subject sub on sub.id = s.subject_id
                         where s.id = :id
                        """).param("id", serviceId).query().singleRow();
        boolean individual = "INDIVIDUAL".equals(row.get("nature"));
        String certificate = (String) row.get("certificate_number");
        List<String> addresses = jdbc.sql(
                        "select address from filing_service_ip where service_id = :id order by address")
                .param("id", serviceId)
                .query(String.class)
                .list();
        String items = (String) row.get("pre_approval_items");
        List<RegisterEntry> others = byNumber(entry.subjectNumber()).stream()
                .filter(e -> e.serviceId() != serviceId)
                .toList();
        return Optional.of(new RegisterDetail(
                entry,
                entry.sponsorName(),
                (String) row.get("certificate_type"),
                individual ? maskId(certificate) : certificate,
                (String) row.get("address"),
                (String) row.get("city_code"),
                (String) row.get("county_code"),
                PersonNames.mask((String) row.get("principal_name")),
                maskId((String) row.get("principal_id_number")),
                maskPhone((String) row.get("principal_phone")),
                PersonNames.mask((String) row.get("responsible_name")),
                maskId((String) row.get("responsible_id_number")),
                maskPhone((String) row.get("responsible_phone")),
                (String) row.get("access_provider_name"),
                (String) row.get("access_provider_credit_code"),
                items == null || items.isBlank() ? List.of() : Arrays.asList(items.split(";")),
                addresses,
                toDate(row.get("access_withdrawn_on")),
                toDate(row.get("cancelled_on")),
                others));
    }

    /** Whether the actor may read a filing's personal data in full: the ministry, or the filing's province. */
    public static boolean canReveal(Actor actor, String provinceCode) {
        return (actor.role() == Role.MINISTRY_ADMIN
                        || actor.role() == Role.MINISTRY_OFFICER
                        || actor.role() == Role.PROVINCIAL_OFFICER)
                && actor.scope().coversProvince(provinceCode);
    }

    /**
     * The personal data of a filed service's sponsor and responsible person in full; the read is
     * recorded in the audit log under the officer's name.
     *
     * @throws AccessDeniedException when the actor is not an officer whose scope covers the filing
     */
    @Transactional
    public Optional<RegisterDetail.Principals> reveal(Actor actor, long serviceId) {
        List<RegisterEntry> found = entries(" where s.id = :id", Map.of("id", serviceId));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        RegisterEntry entry = found.get(0);
        if (!canReveal(actor, entry.provinceCode())) {
            throw new AccessDeniedException("only officers of the filing's province may read its personal data");
        }
        RegisterDetail.Principals principals = jdbc.sql("""
                        select sub.sponsor_name, sub.certificate_number, sub.principal_name, sub.principal_id_number,
                               sub.principal_phone, sub.principal_email, s.responsible_name, s.responsible_id_number,
                               s.responsible_phone
                          from filing_service s join filing_subject sub on sub.id = s.subject_id
                         where s.id = :id
                        """)
                .param("id", serviceId)
                .query((rs, n) -> new RegisterDetail.Principals(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(9)))
                .single();
        audit.record("filing", "FilingService", entry.serviceNumber(), "disclosed", null, null);
        return Optional.of(principals);
    }

    /** The page of a short list that was found whole (by domain or number). */
    static <T> Page<T> paged(List<T> all, Pageable pageable) {
        int from = (int) Math.min(pageable.getOffset(), all.size());
        int to = Math.min(from + pageable.getPageSize(), all.size());
        return new PageImpl<>(all.subList(from, to), pageable, all.size());
    }

    private Page<RegisterEntry> page(String where, String order, Map<String, Object> params, Pageable pageable) {
        long total = jdbc.sql("select count(*) from filing_service s join filing_subject sub on sub.id = s.subject_id"
                        + where)
                .params(params)
                .query(Long.class)
                .single();
        Map<String, Object> withPage = new HashMap<>(params);
        withPage.put("limit", pageable.getPageSize());
        withPage.put("offset", pageable.getOffset());
        List<RegisterEntry> content =
                total == 0 ? List.of() : entries(where + order + " limit :limit offset :offset", withPage);
        return new PageImpl<>(content, pageable, total);
    }

    private List<RegisterEntry> entries(String whereAndOrder, Map<String, Object> params) {
        List<Row> rows = jdbc.sql(ENTRIES + whereAndOrder)
                .params(params)
                .query(RegisterQueries::row)
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<String>> domains = new HashMap<>();
        jdbc.sql("select service_id, domain from filing_service_domain where service_id in (:ids) order by domain")
                .param("ids", rows.stream().map(Row::id).toList())
                .query((rs, n) -> domains.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
                        .add(rs.getString(2)))
                .list();
        return rows.stream()
                .map(r -> r.entry(domains.getOrDefault(r.id(), List.of())))
                .toList();
    }

    private record Row(
            long id,
            String serviceNumber,
            ServiceKind kind,
            String name,
            String homeUrl,
            String appIdentifier,
            String contentType,
            ServiceStatus status,
            LocalDate approvedOn,
            LocalDate updatedOn,
            String subjectNumber,
            String provinceCode,
            String nature,
            String sponsorName,
            String subjectStatus) {

        RegisterEntry entry(List<String> domains) {
            boolean individual = "INDIVIDUAL".equals(nature);
            return new RegisterEntry(
                    id,
                    subjectNumber,
                    serviceNumber,
                    provinceCode,
                    nature,
                    individual ? PersonNames.mask(sponsorName) : sponsorName,
                    kind,
                    name,
                    homeUrl,
                    domains,
                    appIdentifier,
                    contentType,
                    approvedOn,
                    updatedOn,
                    "CANCELLED".equals(subjectStatus) ? ServiceStatus.CANCELLED : status);
        }
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                rs.getLong("id"),
                rs.getString("service_number"),
                ServiceKind.valueOf(rs.getString("kind")),
                rs.getString("name"),
                rs.getString("home_url"),
                rs.getString("app_identifier"),
                rs.getString("content_type"),
                ServiceStatus.valueOf(rs.getString("status")),
                rs.getObject("approved_on", LocalDate.class),
                rs.getObject("updated_at", OffsetDateTime.class)
                        .atZoneSameInstant(BEIJING)
                        .toLocalDate(),
                rs.getString("subject_number"),
                rs.getString("province_code"),
                rs.getString("nature"),
                rs.getString("sponsor_name"),
                rs.getString("subject_status"));
    }

    private static String normalisedDomain(String field, String text) {
        if (text == null || text.isBlank()) {
            throw RejectedInputException.of(field, "invalid.required", "is required");
        }
        if (text.length() > 2000) {
            throw RejectedInputException.of(field, "invalid.tooLong", "is longer than 2000 characters", 2000);
        }
        try {
            return DomainIndex.normalise(FilingQuery.host(text));
        } catch (IllegalArgumentException e) {
            throw RejectedInputException.of(
                    field, "filing.query.invalid.domain", "not a domain name: " + text, text.strip());
        }
    }

    /** The name and each parent with at least two labels: a.b.example.com, b.example.com, example.com. */
    private static List<String> selfAndParents(String name) {
        List<String> names = new ArrayList<>();
        String current = name;
        while (current.indexOf('.') > 0) {
            names.add(current);
            current = current.substring(current.indexOf('.') + 1);
        }
        names.sort(Comparator.comparingInt(String::length).reversed());
        return names;
    }

    private static String contains(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static LocalDate toDate(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDate date) {
            return date;
        }
        return ((java.sql.Date) value).toLocalDate();
    }

    static String maskId(String id) {
        if (id == null || id.isBlank()) {
            return "";
        }
        if (id.length() <= 4) {
            return "*".repeat(id.length());
        }
        int keepEnd = id.length() >= 10 ? 2 : 1;
        return id.substring(0, Math.min(3, id.length() - keepEnd - 1))
                + "*".repeat(id.length() - Math.min(3, id.length() - keepEnd - 1) - keepEnd)
                + id.substring(id.length() - keepEnd);
    }

    static String maskPhone(String phone) {
        if (phone == null || phone.isBlank()) {
            return "";
        }
        if (phone.length() < 7) {
            return "*".repeat(phone.length());
        }
        return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
    }
}
