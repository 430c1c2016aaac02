package org.telereg.platform.filing;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.telereg.engine.filing.DomainIndex;
import org.telereg.engine.filing.IpAddresses;
import org.telereg.platform.access.AccessManagement;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.access.OrganisationView;
import org.telereg.platform.access.Role;
import org.telereg.platform.audit.AuditTrail;
import org.telereg.platform.shared.FieldProblems;
import org.telereg.platform.shared.Hashes;
import org.telereg.platform.shared.InvalidValueException;
import org.telereg.platform.shared.LineError;
import org.telereg.platform.shared.RejectedInputException;
import org.telereg.platform.shared.UploadedCsv;
import org.telereg.platform.shared.UploadedText;

/**
 * Access providers' hosted lists (接入资源清单): the domains and IP addresses each provider hosts, uploaded
 * as one CSV with a {@code kind,value} header. An upload is all or nothing; the same bytes again are the
 * same upload; a new upload replaces the provider's current list and is checked at once.
 */
@Service
public class HostedLists {

    /** The columns and the header names each may go by (compared as {@link UploadedCsv#fold} says). */
    static final Map<String, List<String>> COLUMNS = Map.of(
            "kind", List.of("kind", "type", "类型", "类别", "资源类型"),
            "value", List.of("value", "entry", "domain_or_ip", "domainorip", "值", "内容", "域名或IP", "域名/IP", "资源"));

    private static final int MAX_FIELD = 253;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final AccessManagement access;
    private final HostingChecks checks;
    private final AuditTrail audit;
    private final HostingSettings settings;
    private final Clock clock;

    HostedLists(
            JdbcClient jdbc,
            JdbcTemplate template,
            AccessManagement access,
            HostingChecks checks,
            AuditTrail audit,
            HostingSettings settings,
            Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.access = access;
        this.checks = checks;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    /** Access providers and basic operators (which also provide access) upload their own lists. */
    public static boolean canUpload(Actor actor) {
        return (actor.role() == Role.ACCESS_PROVIDER || actor.role() == Role.OPERATOR)
                && actor.scope().kind() == DataScope.Kind.ENTERPRISE;
    }

    /**
     * Reads an upload and, when every line is good, makes it the provider's current list and checks it.
     *
     * @param asOf the date the list describes ({@code yyyy-MM-dd}), today when empty
     * @throws RejectedInputException naming {@code file} (empty, too large, not UTF-8 or GBK) or
     *     {@code asOf} (not a date, in the future, older than the current list)
     * @throws AccessDeniedException unless {@link #canUpload}
     */
    @Transactional
    public HostedUploadResult upload(Actor actor, String asOf, byte[] content) {
        if (!canUpload(actor)) {
            throw new AccessDeniedException("access providers upload their own hosted lists");
        }
        String provider = actor.scope().creditCode();
        LocalDate today = LocalDate.now(clock);
        FieldProblems problems = new FieldProblems();
        LocalDate day = asOf == null || asOf.isBlank() ? today : problems.pastDate("asOf", asOf, true, today);
        UploadedText text = null;
        try {
            text = UploadedCsv.text(content, settings.maxBytes(), "filing.hosting.tooLarge");
        } catch (InvalidValueException e) {
            problems.reject("file", e.code(), e.getMessage(), e.arguments());
        }
        problems.throwIfAny();
        String hash = Hashes.sha256(content);
        Optional<HostedUploadView> earlier = jdbc.sql(
                        SELECT + " where u.provider_credit_code = :provider" + " and u.content_sha256 = :hash")
                .param("provider", provider)
                .param("hash", hash)
                .query(HostedLists::view)
                .optional();
        if (earlier.isPresent()) {
            return new HostedUploadResult(
                    HostedUploadResult.Status.ALREADY_UPLOADED, earlier.get(), text.charset(), List.of(), null);
        }
        Optional<HostedUploadView> current = current(provider);
        if (current.isPresent() && day.isBefore(current.get().asOf())) {
            throw RejectedInputException.of(
                    "asOf",
                    "filing.hosting.olderThanCurrent",
                    "older than the current list",
                    current.get().asOf().toString());
        }
        Reading reading = read(text.text());
        if (!reading.errors.isEmpty()) {
            return new HostedUploadResult(
                    HostedUploadResult.Status.REJECTED, null, text.charset(), reading.errors, null);
        }
        String province = access.organisations().stream()
                .filter(o -> o.id() == actor.organisationId())
                .map(OrganisationView::provinceCode)
                .filter(p -> p != null && !p.isBlank())
                .findFirst()
                .orElse("00");
        jdbc.sql("""
                insert into filing_hosted_upload (provider_credit_code, provider_name, province_code, content_sha256,
                    charset, as_of, domains, ips, uploaded_by, uploaded_at)
                values (:provider, :name, :province, :hash, :charset, :asOf, :domains, :ips, :by, :at)""")
                .param("provider", provider)
                .param("name", truncate(actor.organisationName(), 200))
                .param("province", province)
                .param("hash", hash)
                .param("charset", text.charset())
                .param("asOf", day)
                .param("domains", reading.domains)
                .param("ips", reading.entries.size() - reading.domains)
                .param("by", truncate(actor.username(), 100))
                .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .update();
        long id = jdbc.sql("select id from filing_hosted_upload where provider_credit_code = :provider"
                        + " and content_sha256 = :hash")
                .param("provider", provider)
                .param("hash", hash)
                .query(Long.class)
                .single();
        jdbc.sql("delete from filing_hosted_entry where provider_credit_code = :provider")
                .param("provider", provider)
                .update();
        template.batchUpdate(
                "insert into filing_hosted_entry (upload_id, provider_credit_code, entry_kind, entry, line_number)"
                        + " values (?, ?, ?, ?, ?)",
                reading.entries,
                5000,
                (ps, entry) -> {
                    ps.setLong(1, id);
                    ps.setString(2, provider);
                    ps.setString(3, entry.kind());
                    ps.setString(4, entry.value());
                    ps.setInt(5, (int) entry.line());
                });
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("sha256", hash);
        summary.put("asOf", day.toString());
        summary.put("domains", reading.domains);
        summary.put("ips", reading.entries.size() - reading.domains);
        audit.record("filing", "HostedList", Long.toString(id), "uploaded", null, summary);
        HostingCheckResult check = checks.check(Actor.system(), provider);
        return new HostedUploadResult(
                HostedUploadResult.Status.UPLOADED, find(id).orElseThrow(), text.charset(), List.of(), check);
    }

    /** The provider's current list, if it ever uploaded one. */
    @Transactional(readOnly = true)
    public Optional<HostedUploadView> current(String providerCreditCode) {
        return jdbc
                .sql(SELECT + " where u.provider_credit_code = :provider order by u.as_of desc, u.id desc")
                .param("provider", providerCreditCode)
                .query(HostedLists::view)
                .list()
                .stream()
                .filter(HostedUploadView::current)
                .findFirst();
    }

    /** Every upload of a provider the scope covers, newest first. */
    @Transactional(readOnly = true)
    public List<HostedUploadView> uploads(DataScope scope, String providerCreditCode) {
        Map<String, Object> params = new HashMap<>();
        params.put("provider", providerCreditCode);
        return jdbc.sql(SELECT + " where u.provider_credit_code = :provider and "
                        + scope.sqlCondition("u.province_code", "u.provider_credit_code", params)
                        + " order by u.as_of desc, u.id desc")
                .params(params)
                .query(HostedLists::view)
                .list();
    }

    @Transactional(readOnly = true)
    public Optional<HostedUploadView> find(long id) {
        return jdbc.sql(SELECT + " where u.id = :id")
                .param("id", id)
                .query(HostedLists::view)
                .optional();
    }

    /** The current entries of a provider's list of one kind ({@code DOMAIN} or {@code IP}), in file order. */
    @Transactional(readOnly = true)
    public List<String> entries(String providerCreditCode, String kind) {
        return jdbc.sql("select entry from filing_hosted_entry where provider_credit_code = :provider"
                        + " and entry_kind = :kind order by line_number")
                .param("provider", providerCreditCode)
                .param("kind", kind)
                .query(String.class)
                .list();
    }

    /** The providers with a current list that the scope covers, with their standing. */
    @Transactional(readOnly = true)
    public List<HostedProviderView> providers(DataScope scope) {
        Map<String, Object> params = new HashMap<>();
        return jdbc.sql("""
                        select u.provider_credit_code, u.provider_name, u.province_code, u.as_of, u.domains, u.ips,
                            (select r.accuracy from filing_check_run r where r.provider_credit_code = u.provider_credit_code
                                order by r.id desc fetch first 1 rows only) as accuracy,
                            (select count(*) from filing_task t where t.provider_credit_code = u.provider_credit_code
                                and t.assignee = 'PROVIDER' and t.status in ('OPEN', 'OVERDUE')) as open_tasks,
                            (select count(*) from filing_task t where t.provider_credit_code = u.provider_credit_code
                                and t.assignee = 'PROVIDER' and t.status = 'OVERDUE') as overdue_tasks,
                            (select count(*) from filing_provider_listing l
                                where l.provider_credit_code = u.provider_credit_code) as listed
                        from filing_hosted_upload u
                        where u.id = (select max(c.id) from filing_hosted_upload c
                                where c.provider_credit_code = u.provider_credit_code and c.as_of =
                                    (select max(d.as_of) from filing_hosted_upload d
                                        where d.provider_credit_code = u.provider_credit_code))
                          and"""
                        + " "
                        + scope.sqlCondition("u.province_code", "u.provider_credit_code", params)
                        + " order by u.provider_name")
                .params(params)
                .query((rs, n) -> new HostedProviderView(
                        rs.getString("provider_credit_code"),
                        rs.getString("provider_name"),
                        rs.getString("province_code"),
                        rs.getObject("as_of", LocalDate.class),
                        rs.getInt("domains"),
                        rs.getInt("ips"),
                        rs.getBigDecimal("accuracy"),
                        rs.getInt("open_tasks"),
                        rs.getInt("overdue_tasks"),
                        rs.getInt("listed") > 0))
                .list();
    }

    private static final String SELECT = "select u.*, (u.id = (select max(c.id) from filing_hosted_upload c"
            + " where c.provider_credit_code = u.provider_credit_code and c.as_of = (select max(d.as_of)"
            + " from filing_hosted_upload d where d.provider_credit_code = u.provider_credit_code))) as is_current"
            + " from filing_hosted_upload u";

    static HostedUploadView view(ResultSet rs, int row) throws SQLException {
        return new HostedUploadView(
                rs.getLong("id"),
                rs.getString("provider_credit_code"),
                rs.getString("provider_name"),
                rs.getString("province_code"),
                rs.getString("content_sha256"),
                rs.getString("charset"),
                rs.getObject("as_of", LocalDate.class),
                rs.getInt("domains"),
                rs.getInt("ips"),
                rs.getString("uploaded_by"),
                rs.getObject("uploaded_at", OffsetDateTime.class).toInstant(),
                rs.getBoolean("is_current"));
    }

    /** One accepted line: {@code DOMAIN} or {@code IP} and the entry as stored. */
    record Entry(String kind, String value, long line) {}

    /** The lines accepted and the lines refused. */
    static final class Reading {
        final List<Entry> entries = new ArrayList<>();
        final List<LineError> errors = new ArrayList<>();
        int domains;
    }

    /**
     * Reads the CSV line by line. A domain or address is stored in its canonical form so that two
     * spellings of one entry are a duplicate; text that is neither is kept as written, for the check
     * to report.
     */
    Reading read(String text) {
        Reading reading = new Reading();
        Map<String, Long> seen = new HashMap<>();
        long lastLine = 0;
        try (CsvReader<CsvRecord> reader = CsvReader.builder()
                .allowExtraFields(true)
                .allowMissingFields(true)
                .skipEmptyLines(true)
                .ofCsvRecord(text)) {
            Map<String, Integer> index = null;
            for (CsvRecord record : reader) {
                long line = record.getStartingLineNumber();
                lastLine = line;
                if (index == null) {
                    index = UploadedCsv.columns(
                            record.getFields(),
                            COLUMNS,
                            List.of("kind", "value"),
                            line,
                            "filing.hosting.",
                            reading.errors);
                    if (!reading.errors.isEmpty()) {
                        return reading;
                    }
                    continue;
                }
                if (reading.entries.size() >= settings.maxEntries()) {
                    reading.errors.add(new LineError(
                            line,
                            null,
                            "filing.hosting.tooManyEntries",
                            new Object[] {settings.maxEntries()},
                            "more than " + settings.maxEntries() + " entries"));
                    break;
                }
                Entry entry = entry(record, index, line, reading.errors);
                if (entry != null) {
                    Long first = seen.putIfAbsent(entry.kind() + ' ' + entry.value(), line);
                    if (first != null) {
                        reading.errors.add(new LineError(
                                line,
                                "value",
                                "filing.hosting.duplicate",
                                new Object[] {first},
                                "repeats line " + first));
                    } else {
                        reading.entries.add(entry);
                        if (entry.kind().equals("DOMAIN")) {
                            reading.domains++;
                        }
                    }
                }
                if (reading.errors.size() >= settings.maxErrors()) {
                    break;
                }
            }
            if (index == null) {
                reading.errors.add(
                        new LineError(1, null, "filing.hosting.noHeader", new Object[0], "the file has no header"));
            } else if (reading.entries.isEmpty() && reading.errors.isEmpty()) {
                reading.errors.add(new LineError(2, null, "filing.hosting.noEntries", new Object[0], "no entries"));
            }
        } catch (CsvParseException e) {
            reading.errors.add(
                    new LineError(lastLine + 1, null, "filing.hosting.malformed", new Object[0], "malformed CSV"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return reading;
    }

    private static Entry entry(CsvRecord record, Map<String, Integer> index, long line, List<LineError> errors) {
        String kindText = cell(record, index.get("kind"));
        String value = cell(record, index.get("value"));
        String kind = null;
        if (kindText.isEmpty()) {
            errors.add(new LineError(line, "kind", "filing.hosting.emptyCell", new Object[0], "empty"));
        } else {
            kind = switch (kindText.toUpperCase(Locale.ROOT)) {
                case "DOMAIN", "域名", "网站域名" -> "DOMAIN";
                case "IP", "IP地址", "IPV4", "IPV6" -> "IP";
                default -> null;
            };
            if (kind == null) {
                errors.add(new LineError(
                        line,
                        "kind",
                        "filing.hosting.unknownKind",
                        new Object[] {truncate(kindText, 40)},
                        "kind is DOMAIN or IP"));
            }
        }
        if (value.isEmpty()) {
            errors.add(new LineError(line, "value", "filing.hosting.emptyCell", new Object[0], "empty"));
            return null;
        }
        if (value.length() > MAX_FIELD || value.chars().anyMatch(Character::isISOControl)) {
            errors.add(new LineError(
                    line, "value", "filing.hosting.badText", new Object[0], "too long or contains control characters"));
            return null;
        }
        if (kind == null) {
            return null;
        }
        return new Entry(kind, canonical(kind, value), line);
    }

    /** The canonical form of a good entry; the text as written (lower case) when it is not one. */
    static String canonical(String kind, String value) {
        try {
            String canonical = kind.equals("DOMAIN") ? DomainIndex.normalise(value) : IpAddresses.normalise(value);
            return canonical.length() > MAX_FIELD ? value : canonical;
        } catch (IllegalArgumentException e) {
            return kind.equals("DOMAIN") ? value.toLowerCase(Locale.ROOT) : value;
        }
    }

    private static String cell(CsvRecord record, Integer column) {
        return column == null || column >= record.getFieldCount()
                ? ""
                : record.getField(column).strip();
    }

    static String truncate(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }
}
