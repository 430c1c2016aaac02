package org.telereg.platform.filing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.telereg.engine.filing.DomainIndex;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.Role;
import org.telereg.platform.audit.AuditTrail;
import org.telereg.platform.shared.InvalidValueException;
import org.telereg.platform.shared.LineError;
import org.telereg.platform.shared.UploadedText;

/**
 * Domain registration records (域名注册信息): who registered a domain, through which registrar, when.
 * Registrars' files are loaded by the ministry (console or API), CSV with the header
 * {@code domain,registrant,registrar,registered_on,expires_on}; loading the same file again changes
 * nothing, a domain already known is updated, and a file with any bad line writes nothing.
 */
@Service
public class DomainRegistrations {

    /** The most lines one file may hold. */
    static final int MAX_LINES = 200_000;

    static final String HEADER = "domain,registrant,registrar,registered_on,expires_on";

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    DomainRegistrations(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** The outcome of a load: rows added and updated, or the lines refused (then nothing was written). */
    public record LoadResult(int added, int updated, int unchanged, List<LineError> errors) {}

    /** A registration record. */
    public record Registration(
            String domain, String registrant, String registrar, LocalDate registeredOn, LocalDate expiresOn) {}

    /** The ministry's staff maintain the records. */
    public static boolean canLoad(Actor actor) {
        return actor.role() == Role.MINISTRY_ADMIN || actor.role() == Role.MINISTRY_OFFICER;
    }

    @Transactional
    public LoadResult load(Actor actor, byte[] content) {
        if (!canLoad(actor)) {
            throw new AccessDeniedException("only the ministry loads domain registrations");
        }
        List<LineError> errors = new ArrayList<>();
        String text;
        try {
            text = UploadedText.decode(content).text();
        } catch (InvalidValueException e) {
            return new LoadResult(0, 0, 0, List.of(new LineError(0, null, e.code(), e.arguments(), e.getMessage())));
        }
        String[] lines = text.split("\\r?\\n", -1);
        if (!lines[0].strip().equalsIgnoreCase(HEADER)) {
            return new LoadResult(
                    0,
                    0,
                    0,
                    List.of(new LineError(
                            1,
                            null,
                            "filing.app.domains.header",
                            new Object[] {HEADER},
                            "the header must be " + HEADER)));
        }
        if (lines.length - 1 > MAX_LINES) {
            return new LoadResult(
                    0,
                    0,
                    0,
                    List.of(new LineError(
                            0, null, "filing.app.domains.tooManyLines", new Object[] {MAX_LINES}, "too many lines")));
        }
        List<Registration> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            long number = i + 1;
            String[] f = line.split(",", -1);
            if (f.length != 5) {
                errors.add(new LineError(
                        number, null, "filing.app.domains.columns", new Object[] {f.length}, "5 columns expected"));
                continue;
            }
            String domain;
            try {
                domain = DomainIndex.normalise(f[0]);
            } catch (IllegalArgumentException e) {
                errors.add(new LineError(
                        number, "domain", "filing.app.invalid.domain", new Object[] {f[0].strip()}, "not a domain"));
                continue;
            }
            if (!seen.add(domain)) {
                errors.add(new LineError(
                        number, "domain", "filing.app.domains.twice", new Object[] {domain}, "listed twice"));
                continue;
            }
            String registrant = f[1].strip();
            String registrar = f[2].strip();
            if (registrant.isEmpty() || registrant.length() > 200) {
                errors.add(new LineError(
                        number, "registrant", "filing.app.domains.registrant", new Object[] {}, "registrant required"));
                continue;
            }
            if (registrar.isEmpty() || registrar.length() > 200) {
                errors.add(new LineError(
                        number, "registrar", "filing.app.domains.registrar", new Object[] {}, "registrar required"));
                continue;
            }
            LocalDate registered;
            LocalDate expires;
            try {
                registered = LocalDate.parse(f[3].strip());
                expires = f[4].isBlank() ? null : LocalDate.parse(f[4].strip());
            } catch (DateTimeParseException e) {
                errors.add(new LineError(
                        number, "registered_on", "filing.app.domains.date", new Object[] {}, "dates are yyyy-MM-dd"));
                continue;
            }
            if (expires != null && expires.isBefore(registered)) {
                errors.add(new LineError(
                        number,
                        "expires_on",
                        "filing.app.domains.expiresBefore",
                        new Object[] {},
                        "expires before registered"));
                continue;
            }
            rows.add(new Registration(domain, registrant, registrar, registered, expires));
            if (errors.size() >= 200) {
                break;
            }
        }
        if (!errors.isEmpty()) {
            return new LoadResult(0, 0, 0, List.copyOf(errors));
        }
        int added = 0;
        int updated = 0;
        int unchanged = 0;
        for (Registration r : rows) {
            switch (save(r)) {
                case 1 -> added++;
                case 2 -> updated++;
                default -> unchanged++;
            }
        }
        audit.record(
                "filing",
                "DomainRegistrations",
                "load",
                "loaded",
                null,
                Map.of("added", added, "updated", updated, "unchanged", unchanged));
        return new LoadResult(added, updated, unchanged, List.of());
    }

    /** Adds or updates one record; 1 when added, 2 when updated, 0 when it was already so. */
    @Transactional
    public int save(Registration r) {
        List<Registration> existing = jdbc.sql("select * from filing_domain_registration where domain = :d")
                .param("d", r.domain())
                .query((rs, n) -> new Registration(
                        rs.getString("domain"),
                        rs.getString("registrant"),
                        rs.getString("registrar"),
                        rs.getObject("registered_on", LocalDate.class),
                        rs.getObject("expires_on", LocalDate.class)))
                .list();
        if (!existing.isEmpty() && existing.get(0).equals(r)) {
            return 0;
        }
        String sql = existing.isEmpty()
                ? "insert into filing_domain_registration (domain, registrant, registrar, registered_on, expires_on,"
                        + " updated_at) values (:d, :registrant, :registrar, :on, :expires, :now)"
                : "update filing_domain_registration set registrant = :registrant, registrar = :registrar,"
                        + " registered_on = :on, expires_on = :expires, updated_at = :now where domain = :d";
        jdbc.sql(sql)
                .param("d", r.domain())
                .param("registrant", r.registrant())
                .param("registrar", r.registrar())
                .param("on", r.registeredOn())
                .param("expires", r.expiresOn())
                .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .update();
        return existing.isEmpty() ? 1 : 2;
    }

    /** The records, most recently registered first, optionally of domains containing the text. */
    @Transactional(readOnly = true)
    public List<Registration> search(String text, int limit) {
        String like = text == null || text.isBlank() ? "%" : "%" + text.strip().toLowerCase() + "%";
        return jdbc.sql("select * from filing_domain_registration where domain like :q"
                        + " order by registered_on desc, domain limit :limit")
                .param("q", like)
                .param("limit", limit)
                .query((rs, n) -> new Registration(
                        rs.getString("domain"),
                        rs.getString("registrant"),
                        rs.getString("registrar"),
                        rs.getObject("registered_on", LocalDate.class),
                        rs.getObject("expires_on", LocalDate.class)))
                .list();
    }
}
