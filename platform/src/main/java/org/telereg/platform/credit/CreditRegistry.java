package org.telereg.platform.credit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.access.Role;
import org.telereg.platform.audit.AuditTrail;
import org.telereg.platform.entity.CompanyRegistry;
import org.telereg.platform.entity.CompanyView;
import org.telereg.platform.shared.CreditCode;
import org.telereg.platform.shared.FieldProblems;
import org.telereg.platform.shared.Hashes;
import org.telereg.platform.shared.IdCardNumber;
import org.telereg.platform.shared.PersonNames;

/**
 * The credit lists: entries arrive as {@link CreditEvent}s from the modules that found their cause,
 * or from an administration's own decision in the console; each stays until its cause ends it, an
 * administration removes it with a reason, or its removal period passes.
 */
@Service
public class CreditRegistry {

    private static final Logger log = LoggerFactory.getLogger(CreditRegistry.class);
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final String COLUMNS = """
            id, list, subject_kind, credit_code, company_name, person_id_masked, person_name_masked, licence_number,
            reason_code, reason, source_module, source_type, source_id, decided_on, listed_on, authority_code,
            authority_name, removal_due, status, removed_on, removal_reason""";

    /** Reasons an administration may give when it lists a company or person itself. */
    public enum ManualReason {
        PENALTY,
        INSPECTION_VIOLATION,
        PENALTY_NOT_PERFORMED,
        SERIOUS_VIOLATION,
        OTHER
    }

    private final JdbcClient jdbc;
    private final CompanyRegistry companies;
    private final PersonKeys personKeys;
    private final AuditTrail audit;
    private final CreditSettings settings;
    private final Clock clock;

    CreditRegistry(
            JdbcClient jdbc,
            CompanyRegistry companies,
            PersonKeys personKeys,
            AuditTrail audit,
            CreditSettings settings,
            Clock clock) {
        this.jdbc = jdbc;
        this.companies = companies;
        this.personKeys = personKeys;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(CHINA));
    }

    /**
     * Records what a module published: a listing once per list and source (a repeated event changes
     * nothing), a removal of every standing entry of that list and source.
     */
    @Transactional
    public void apply(CreditEvent event) {
        if (event.action() == CreditEvent.Action.REMOVE) {
            for (CreditRecordView entry : standing(event.list(), event.source())) {
                end(entry, event.decidedOn(), event.reason(), event.source().module());
            }
            return;
        }
        if (!standing(event.list(), event.source()).isEmpty()) {
            return;
        }
        String name = event.companyName() != null
                ? event.companyName()
                : companies
                        .find(DataScope.all(), event.creditCode())
                        .map(CompanyView::name)
                        .orElse(event.creditCode());
        insert(
                event.list(),
                CreditRecordView.SubjectKind.COMPANY,
                event.creditCode(),
                name,
                null,
                null,
                null,
                event.licenceNumber(),
                event.reasonCode(),
                event.reason(),
                event.source(),
                event.decidedOn(),
                event.authorityCode() == null ? "MIIT" : event.authorityCode(),
                event.authorityName() == null ? "工业和信息化部" : event.authorityName());
    }

    /**
     * An administration lists a company on its own decision (a penalty, an inspection finding), with
     * the decision's document number as the source.
     */
    @Transactional
    public CreditRecordView listCompany(Actor actor, NewListing input) {
        requireRegulator(actor);
        FieldProblems problems = new FieldProblems();
        CreditList list = problems.choice("list", input.list(), CreditList.class);
        CreditCode code = problems.parse("creditCode", input.creditCode(), CreditCode::of);
        ManualReason reasonCode = problems.choice("reasonCode", input.reasonCode(), ManualReason.class);
        String reason = problems.multilineText("reason", input.reason(), 1000);
        String document = problems.text("document", input.document(), 100);
        String licence = problems.optionalText("licenceNumber", input.licenceNumber(), 60);
        LocalDate decidedOn = problems.pastDate("decidedOn", input.decidedOn(), true, today());
        Optional<CompanyView> company = code == null ? Optional.empty() : companies.find(DataScope.all(), code.value());
        if (code != null && company.isEmpty()) {
            problems.reject("creditCode", "credit.invalid.unknownCompany", "no such company", code.value());
        }
        problems.throwIfAny();
        CreditEvent.Source source = new CreditEvent.Source("credit", "Decision", document);
        if (!standing(list, source).isEmpty()) {
            problems.reject("document", "credit.invalid.alreadyListed", "already listed on this decision", document);
            problems.throwIfAny();
        }
        CreditRecordView saved = insert(
                list,
                CreditRecordView.SubjectKind.COMPANY,
                code.value(),
                company.get().name(),
                null,
                null,
                null,
                licence,
                reasonCode.name(),
                reason,
                source,
                decidedOn,
                authorityCode(actor),
                actor.organisationName());
        audit.record("credit", "CreditRecord", Long.toString(saved.id()), "listed", null, Map.of("list", list));
        return saved;
    }

    /**
     * An administration puts a person (a main investor or manager of a dishonest company) on the
     * dishonest list. Only the keyed hash and the masked forms of the ID number and name are stored.
     */
    @Transactional
    public CreditRecordView listPerson(Actor actor, NewPersonListing input) {
        requireRegulator(actor);
        FieldProblems problems = new FieldProblems();
        IdCardNumber id = problems.parse("idNumber", input.idNumber(), IdCardNumber::of);
        String name = problems.text("name", input.name(), 50);
        ManualReason reasonCode = problems.choice("reasonCode", input.reasonCode(), ManualReason.class);
        String reason = problems.multilineText("reason", input.reason(), 1000);
        String document = problems.text("document", input.document(), 100);
        String relatedCode =
                input.relatedCreditCode() == null || input.relatedCreditCode().isBlank()
                        ? null
                        : problems.parse("relatedCreditCode", input.relatedCreditCode(), CreditCode::of)
                                .value();
        LocalDate decidedOn = problems.pastDate("decidedOn", input.decidedOn(), true, today());
        problems.throwIfAny();
        String key = personKeys.of(id);
        CreditEvent.Source source = new CreditEvent.Source("credit", "Decision", document + "#" + key.substring(0, 12));
        if (!standing(CreditList.DISHONEST, source).isEmpty()) {
            problems.reject("document", "credit.invalid.alreadyListed", "already listed on this decision", document);
            problems.throwIfAny();
        }
        String relatedName = relatedCode == null
                ? null
                : companies
                        .find(DataScope.all(), relatedCode)
                        .map(CompanyView::name)
                        .orElse(null);
        CreditRecordView saved = insert(
                CreditList.DISHONEST,
                CreditRecordView.SubjectKind.PERSON,
                relatedCode,
                relatedName,
                key,
                id.masked(),
                PersonNames.mask(name),
                null,
                reasonCode.name(),
                reason,
                source,
                decidedOn,
                authorityCode(actor),
                actor.organisationName());
        audit.record("credit", "CreditRecord", Long.toString(saved.id()), "listed", null, Map.of("list", "DISHONEST"));
        return saved;
    }

    /** An administration takes an entry off its list before its period ends, saying why. */
    @Transactional
    public CreditRecordView remove(Actor actor, long id, String reason) {
        requireRegulator(actor);
        CreditRecordView entry = find(id).orElseThrow(() -> new NoSuchElementException("credit record " + id));
        FieldProblems problems = new FieldProblems();
        String why = problems.multilineText("removalReason", reason, 1000);
        if (!entry.listed()) {
            problems.reject("removalReason", "credit.invalid.notListed", "the entry has already been removed");
        }
        problems.throwIfAny();
        end(entry, today(), why, actor.username());
        CreditRecordView after = find(id).orElseThrow();
        audit.record(
                "credit",
                "CreditRecord",
                Long.toString(id),
                "removed",
                Map.of("status", entry.status()),
                Map.of("status", after.status(), "reason", why));
        return after;
    }

    /** Ends every entry whose removal period has passed; runs every morning. */
    @Scheduled(cron = "0 10 1 * * *", zone = "Asia/Shanghai")
    @Transactional
    public int expire() {
        LocalDate today = today();
        List<CreditRecordView> due = jdbc.sql(
                        "select " + COLUMNS
                                + " from credit_record where status = 'LISTED' and removal_due is not null and removal_due <= :today")
                .param("today", today)
                .query(CreditRegistry::view)
                .list();
        due.forEach(entry -> end(entry, today, "removal period ended", "system"));
        if (!due.isEmpty()) {
            log.info("{} credit entries reached the end of their removal period", due.size());
        }
        return due.size();
    }

    public Optional<CreditRecordView> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from credit_record where id = :id")
                .param("id", id)
                .query(CreditRegistry::view)
                .optional();
    }

    /**
     * Entries by list, status and text (company name, credit code or licence number), newest first.
     * Watch records are shown only when {@code includeWatch} (regulators).
     */
    public Page<CreditRecordView> search(CreditSearch search, boolean includeWatch, Pageable pageable) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (search.list() != null) {
            where.append(" and list = :list");
            params.put("list", search.list().name());
        }
        if (!includeWatch) {
            where.append(" and list <> 'WATCH'");
        }
        if (search.status() != null) {
            where.append(" and status = :status");
            params.put("status", search.status().name());
        }
        if (search.text() != null && !search.text().isBlank()) {
            where.append(" and (company_name like :text or credit_code = :exact or licence_number = :exact)");
            params.put("text", "%" + search.text().strip() + "%");
            params.put("exact", search.text().strip().toUpperCase());
        }
        long total = jdbc.sql("select count(*) from credit_record" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<CreditRecordView> rows = jdbc.sql("select " + COLUMNS + " from credit_record" + where
                        + " order by listed_on desc, id desc limit :limit offset :offset")
                .params(params)
                .param("limit", pageable.getPageSize())
                .param("offset", pageable.getOffset())
                .query(CreditRegistry::view)
                .list();
        return new PageImpl<>(rows, pageable, total);
    }

    /** Every entry, standing or ended, that names the company (as subject or as the person's company). */
    public List<CreditRecordView> ofCompany(String creditCode) {
        return jdbc.sql("select " + COLUMNS
                        + " from credit_record where credit_code = :code order by listed_on desc, id desc")
                .param("code", creditCode)
                .query(CreditRegistry::view)
                .list();
    }

    /** The standing entries of a list on a company (as the subject, not through a person). */
    public List<CreditRecordView> standingOnCompany(CreditList list, String creditCode) {
        return jdbc.sql("select " + COLUMNS + " from credit_record where list = :list and credit_code = :code"
                        + " and subject_kind = 'COMPANY' and status = 'LISTED' order by listed_on")
                .param("list", list.name())
                .param("code", creditCode)
                .query(CreditRegistry::view)
                .list();
    }

    /** The standing entries of a list on the person with this key. */
    public List<CreditRecordView> standingOnPerson(CreditList list, String personKey) {
        return jdbc.sql("select " + COLUMNS + " from credit_record where list = :list and person_key = :key"
                        + " and status = 'LISTED' order by listed_on")
                .param("list", list.name())
                .param("key", personKey)
                .query(CreditRegistry::view)
                .list();
    }

    /** The standing entries a source put on a list. */
    public List<CreditRecordView> standing(CreditList list, CreditEvent.Source source) {
        return jdbc.sql("select " + COLUMNS + " from credit_record where list = :list and source_module = :module"
                        + " and source_type = :type and source_id = :id and status = 'LISTED'")
                .param("list", list.name())
                .param("module", source.module())
                .param("type", source.type())
                .param("id", source.id())
                .query(CreditRegistry::view)
                .list();
    }

    /** Whether the actor may list and remove entries: the ministry and the administrations. */
    public static boolean keeps(Actor actor) {
        return actor.role() == Role.MINISTRY_ADMIN
                || actor.role() == Role.MINISTRY_OFFICER
                || actor.role() == Role.PROVINCIAL_OFFICER;
    }

    /** Whether the actor sees the unpublished watch list: those who keep the lists, and auditors. */
    public static boolean seesWatchList(Actor actor) {
        return keeps(actor) || actor.role() == Role.AUDITOR;
    }

    static String authorityCode(Actor actor) {
        return actor.scope().kind() == DataScope.Kind.PROVINCE ? actor.scope().provinceCode() : "MIIT";
    }

    private CreditRecordView insert(
            CreditList list,
            CreditRecordView.SubjectKind kind,
            String creditCode,
            String companyName,
            String personKey,
            String personIdMasked,
            String personNameMasked,
            String licenceNumber,
            String reasonCode,
            String reason,
            CreditEvent.Source source,
            LocalDate decidedOn,
            String authorityCode,
            String authorityName) {
        LocalDate today = today();
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into credit_record (list, subject_kind, credit_code, company_name, person_key,
                            person_id_masked, person_name_masked, licence_number, reason_code, reason, source_module,
                            source_type, source_id, decided_on, listed_on, authority_code, authority_name, removal_due,
                            status, standing_key, created_at)
                        values (:list, :kind, :code, :name, :personKey, :idMasked, :nameMasked, :licence, :reasonCode,
                            :reason, :module, :type, :sourceId, :decidedOn, :today, :authority, :authorityName,
                            :removalDue, 'LISTED', :standing, :now)
                        on conflict do nothing""")
                .param("list", list.name())
                .param("kind", kind.name())
                .param("code", creditCode)
                .param("name", companyName)
                .param("personKey", personKey)
                .param("idMasked", personIdMasked)
                .param("nameMasked", personNameMasked)
                .param("licence", licenceNumber)
                .param("reasonCode", reasonCode == null ? "OTHER" : reasonCode)
                .param("reason", reason == null ? "" : reason)
                .param("module", source.module())
                .param("type", source.type())
                .param("sourceId", source.id())
                .param("decidedOn", decidedOn)
                .param("today", today)
                .param("authority", authorityCode)
                .param("authorityName", authorityName)
                .param("removalDue", decidedOn.plus(settings.removalPeriod(list)))
                .param("standing", standingKey(list, source))
                .param("now", Instant.now(clock).atOffset(ZoneOffset.UTC))
                .update(key, "id");
        // Nothing inserted: the same cause was recorded meanwhile (a duplicate delivery).
        return key.getKey() == null
                ? standing(list, source).get(0)
                : find(key.getKey().longValue()).orElseThrow();
    }

    private void end(CreditRecordView entry, LocalDate on, String reason, String by) {
        jdbc.sql("update credit_record set status = 'REMOVED', removed_on = :on, removal_reason = :reason,"
                        + " removed_by = :by, standing_key = null where id = :id and status = 'LISTED'")
                .param("on", on)
                .param("reason", reason)
                .param("by", by)
                .param("id", entry.id())
                .update();
    }

    private static String standingKey(CreditList list, CreditEvent.Source source) {
        String key = list + "|" + source.module() + "|" + source.type() + "|" + source.id();
        return key.length() <= 220 ? key : list + "|" + Hashes.sha256(key);
    }

    private static void requireRegulator(Actor actor) {
        if (!keeps(actor)) {
            throw new AccessDeniedException("only the ministry and the administrations keep the credit lists");
        }
    }

    static CreditRecordView view(ResultSet rs, int row) throws SQLException {
        return new CreditRecordView(
                rs.getLong("id"),
                CreditList.valueOf(rs.getString("list")),
                CreditRecordView.SubjectKind.valueOf(rs.getString("subject_kind")),
                rs.getString("credit_code"),
                rs.getString("company_name"),
                rs.getString("person_id_masked"),
                rs.getString("person_name_masked"),
                rs.getString("licence_number"),
                rs.getString("reason_code"),
                rs.getString("reason"),
                rs.getString("source_module"),
                rs.getString("source_type"),
                rs.getString("source_id"),
                rs.getObject("decided_on", LocalDate.class),
                rs.getObject("listed_on", LocalDate.class),
                rs.getString("authority_code"),
                rs.getString("authority_name"),
                rs.getObject("removal_due", LocalDate.class),
                CreditRecordView.Status.valueOf(rs.getString("status")),
                rs.getObject("removed_on", LocalDate.class),
                rs.getString("removal_reason"));
    }
}
