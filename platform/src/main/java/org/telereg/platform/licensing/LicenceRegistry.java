package org.telereg.platform.licensing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
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
import org.telereg.platform.credit.CreditEvent;
import org.telereg.platform.credit.CreditList;
import org.telereg.platform.credit.GateResult;
import org.telereg.platform.shared.FieldProblems;
import org.telereg.platform.shared.ProvinceCode;

/**
 * Licences after their grant: numbers, search, changes, renewal, cancellation and revocation, the
 * printable certificate, and renewal reminders.
 */
@Service
public class LicenceRegistry {

    /** What a change may touch. */
    public enum ChangeField {
        NAME,
        ADDRESS,
        LEGAL_REPRESENTATIVE,
        SCOPE
    }

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final int[] RENEWAL_REMINDER_DAYS = {90, 60, 30};

    private final JdbcClient jdbc;
    private final Catalogue catalogue;
    private final GateRecords gate;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final LicensingSettings settings;
    private final Clock clock;

    LicenceRegistry(
            JdbcClient jdbc,
            Catalogue catalogue,
            GateRecords gate,
            AuditTrail audit,
            ApplicationEventPublisher events,
            LicensingSettings settings,
            Clock clock) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.gate = gate;
        this.audit = audit;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(CHINA));
    }

    /** Records the licence of a granted application under the issuer's next serial number. */
    LicenceView issue(ApplicationView application, LocalDate today, String grantedBy) {
        Map<String, BusinessKind> byCode = catalogue.byCode();
        List<BusinessKind> kinds =
                application.kinds().stream().map(k -> byCode.get(k.code())).toList();
        int years = kinds.stream().mapToInt(BusinessKind::validityYears).min().orElseThrow();
        int serial = nextSerial(application.issuerCode(), today.getYear());
        LicenceNumber number = LicenceNumber.of(
                LicensingDesk.MINISTRY.equals(application.issuerCode()) ? null : application.issuerCode(),
                kinds.stream().map(BusinessKind::licenceClass).toList(),
                today.getYear(),
                serial);
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into licensing_licence (number, holder_credit_code, holder_name, legal_representative,
                            address, registered_capital, issuer_code, issuer_name, coverage, issued_on, valid_until,
                            status, application_id, version)
                        values (:number, :code, :name, :legal, :address, :capital, :issuer, :issuerName, :coverage,
                            :issued, :until, 'VALID', :application, 0)""")
                .param("number", number.toString())
                .param("code", application.applicantCreditCode())
                .param("name", application.applicantName())
                .param("legal", application.legalRepresentative())
                .param("address", application.address())
                .param("capital", application.registeredCapital())
                .param("issuer", application.issuerCode())
                .param("issuerName", application.issuerName())
                .param("coverage", String.join(",", application.coverage()))
                .param("issued", today)
                .param("until", today.plusYears(years).minusDays(1))
                .param("application", application.id())
                .update(key, "id");
        long id = key.getKey().longValue();
        for (ApplicationView.AppliedKind kind : application.kinds()) {
            jdbc.sql("insert into licensing_licence_kind (licence_id, code, scope) values (:id, :code, :scope)")
                    .param("id", id)
                    .param("code", kind.code())
                    .param("scope", kind.scope())
                    .update();
        }
        event(id, "GRANTED", null, null, number.toString(), null, today, grantedBy);
        audit.record("licensing", "Licence", number.toString(), "granted", null, Map.of("status", "VALID"));
        return find(id).orElseThrow();
    }

    /**
     * The issuer's next serial number in the year. The update locks the row of (issuer, year) until
     * the grant commits, so concurrent grants queue on it and each gets its own number; the first grant
     * of a year creates the row, and a concurrent first grant's insert does nothing.
     */
    int nextSerial(String issuerCode, int year) {
        jdbc.sql("insert into licensing_serial (issuer_code, serial_year, last_serial) values (:issuer, :year, 0)"
                        + " on conflict do nothing")
                .param("issuer", issuerCode)
                .param("year", year)
                .update();
        jdbc.sql(
                        "update licensing_serial set last_serial = last_serial + 1 where issuer_code = :issuer and serial_year = :year")
                .param("issuer", issuerCode)
                .param("year", year)
                .update();
        return jdbc.sql("select last_serial from licensing_serial where issuer_code = :issuer and serial_year = :year")
                .param("issuer", issuerCode)
                .param("year", year)
                .query(Integer.class)
                .single();
    }

    String numberOf(long licenceId) {
        return jdbc.sql("select number from licensing_licence where id = :id")
                .param("id", licenceId)
                .query(String.class)
                .single();
    }

    public Optional<LicenceView> find(DataScope scope, long id) {
        return find(id).filter(l -> sees(scope, l));
    }

    public Optional<LicenceView> findByNumber(String number) {
        String normalised;
        try {
            normalised = LicenceNumber.parse(number).toString();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        return jdbc.sql("select id from licensing_licence where number = :n")
                .param("n", normalised)
                .query(Long.class)
                .optional()
                .flatMap(this::find);
    }

    /**
     * Licences the scope sees, by text (number, holder's name or credit code) and standing. A holder
     * sees its own; an administration those it issued; the ministry all. The public sees all.
     */
    public Page<LicenceView> search(DataScope scope, String text, LicenceStatus status, Pageable pageable) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where =
                new StringBuilder(" where ").append(scope.sqlCondition("issuer_code", "holder_credit_code", params));
        if (text != null && !text.isBlank()) {
            String stripped = text.strip();
            String number = stripped;
            try {
                number = LicenceNumber.parse(stripped).toString();
            } catch (RuntimeException e) {
                // Not a number: search names and codes only.
            }
            where.append(" and (number = :number or holder_credit_code = :exact or holder_name like :like)");
            params.put("number", number);
            params.put("exact", stripped.toUpperCase());
            params.put("like", "%" + stripped + "%");
        }
        LocalDate today = today();
        if (status != null) {
            switch (status) {
                case VALID -> where.append(" and status = 'VALID' and valid_until >= :today");
                case EXPIRED -> where.append(" and status = 'VALID' and valid_until < :today");
                default -> {
                    where.append(" and status = :status");
                    params.put("status", status.name());
                }
            }
            params.put("today", today);
        }
        long total = jdbc.sql("select count(*) from licensing_licence" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<LicenceView> rows = jdbc
                .sql("select id from licensing_licence" + where
                        + " order by issued_on desc, id desc limit :limit offset :offset")
                .params(params)
                .param("limit", pageable.getPageSize())
                .param("offset", pageable.getOffset())
                .query(Long.class)
                .list()
                .stream()
                .map(id -> find(id).orElseThrow())
                .toList();
        return new PageImpl<>(rows, pageable, total);
    }

    public List<LicenceView> ofHolder(String creditCode) {
        return jdbc
                .sql("select id from licensing_licence where holder_credit_code = :code order by issued_on desc")
                .param("code", creditCode)
                .query(Long.class)
                .list()
                .stream()
                .map(id -> find(id).orElseThrow())
                .toList();
    }

    public List<LicenceView.Event> history(long licenceId) {
        return jdbc.sql("select * from licensing_licence_event where licence_id = :id order by recorded_at, id")
                .param("id", licenceId)
                .query((rs, row) -> new LicenceView.Event(
                        rs.getString("kind"),
                        rs.getString("field"),
                        rs.getString("before_text"),
                        rs.getString("after_text"),
                        rs.getString("reason"),
                        rs.getObject("decided_on", LocalDate.class),
                        rs.getString("actor"),
                        rs.getObject("recorded_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    /** The gate's findings of the licence's latest renewal or change. */
    public List<ApplicationView.GateHit> gateHits(long licenceId) {
        return jdbc.sql("select max(checked_at) from licensing_gate_hit where licence_id = :id")
                .param("id", licenceId)
                .query(OffsetDateTime.class)
                .optional()
                .map(at -> gate.of("licence_id", licenceId, at.toInstant()))
                .orElse(List.of());
    }

    /**
     * Records a change of the holder's name, address or legal representative, or of a kind's scope,
     * decided by the issuer after the gate.
     *
     * @param kindCode the kind whose scope changes (only for {@link ChangeField#SCOPE})
     */
    @Transactional(noRollbackFor = GrantBlockedException.class)
    public LicenceView change(
            Actor actor, long id, String field, String kindCode, String value, String reason, String decidedOn) {
        LicenceView licence = issuedBy(actor, id);
        FieldProblems problems = new FieldProblems();
        ChangeField what = problems.choice("field", field, ChangeField.class);
        String after = problems.text("value", value, what == ChangeField.ADDRESS ? 300 : 200);
        String why = problems.multilineText("reason", reason, 2000);
        LocalDate decided = problems.pastDate("decidedOn", decidedOn, true, today());
        if (!licence.inForce(today())) {
            problems.reject("field", "licensing.invalid.notInForce", "the licence is not in force");
        }
        ApplicationView.AppliedKind kind = null;
        if (what == ChangeField.SCOPE) {
            kind = licence.kinds().stream()
                    .filter(k -> k.code().equalsIgnoreCase(kindCode == null ? "" : kindCode.strip()))
                    .findFirst()
                    .orElse(null);
            if (kind == null) {
                problems.reject("kindCode", "licensing.invalid.kindNotOnLicence", "not on the licence", kindCode);
            }
        }
        problems.throwIfAny();
        runGate(licence, "CHANGE");
        String before = switch (what) {
            case NAME -> licence.holderName();
            case ADDRESS -> licence.address();
            case LEGAL_REPRESENTATIVE -> licence.legalRepresentative();
            case SCOPE -> kind.scope();
        };
        switch (what) {
            case NAME -> set(id, "holder_name", after);
            case ADDRESS -> set(id, "address", after);
            case LEGAL_REPRESENTATIVE -> set(id, "legal_representative", after);
            case SCOPE ->
                jdbc.sql("update licensing_licence_kind set scope = :scope where licence_id = :id and code = :code")
                        .param("scope", after)
                        .param("id", id)
                        .param("code", kind.code())
                        .update();
        }
        event(
                id,
                "CHANGED",
                what.name() + (kind == null ? "" : ":" + kind.code()),
                before,
                after,
                why,
                decided,
                actor.username());
        audit.record(
                "licensing",
                "Licence",
                licence.number(),
                "changed",
                Map.of(what.name(), String.valueOf(before)),
                Map.of(what.name(), after));
        return find(id).orElseThrow();
    }

    /**
     * Renews a licence from 90 days before its expiry (configurable) until it expires: the new term
     * runs on from the old expiry, as long as the shortest validity of its kinds.
     */
    @Transactional(noRollbackFor = GrantBlockedException.class)
    public LicenceView renew(Actor actor, long id, String decidedOn) {
        LicenceView licence = issuedBy(actor, id);
        LocalDate today = today();
        FieldProblems problems = new FieldProblems();
        LocalDate decided = problems.pastDate("decidedOn", decidedOn, true, today);
        if (!licence.inForce(today)) {
            problems.reject("decidedOn", "licensing.invalid.notInForce", "the licence is not in force");
        } else if (!licence.renewable(today, settings.renewalWindowDays())) {
            problems.reject(
                    "decidedOn",
                    "licensing.invalid.renewalNotOpen",
                    "renewal opens on " + licence.renewalOpensOn(settings.renewalWindowDays()),
                    licence.renewalOpensOn(settings.renewalWindowDays()).toString());
        }
        problems.throwIfAny();
        runGate(licence, "RENEWAL");
        Map<String, BusinessKind> byCode = catalogue.byCode();
        int years = licence.kinds().stream()
                .mapToInt(k -> byCode.get(k.code()).validityYears())
                .min()
                .orElseThrow();
        LocalDate until = licence.validUntil().plusYears(years);
        jdbc.sql("update licensing_licence set valid_until = :until, version = version + 1 where id = :id")
                .param("until", until)
                .param("id", id)
                .update();
        event(
                id,
                "RENEWED",
                "VALID_UNTIL",
                licence.validUntil().toString(),
                until.toString(),
                null,
                decided,
                actor.username());
        audit.record(
                "licensing",
                "Licence",
                licence.number(),
                "renewed",
                Map.of("validUntil", licence.validUntil()),
                Map.of("validUntil", until));
        return find(id).orElseThrow();
    }

    /** Cancels (注销) a licence at the holder's request or when its business has stopped. */
    @Transactional
    public LicenceView cancel(Actor actor, long id, String reason, String decidedOn) {
        return end(actor, id, LicenceStatus.CANCELLED, reason, decidedOn, null);
    }

    /**
     * Revokes (吊销) a licence as a penalty: the holder goes on the dishonest list with the decision
     * as the cause.
     */
    @Transactional
    public LicenceView revoke(Actor actor, long id, String reason, String decidedOn, String document) {
        return end(actor, id, LicenceStatus.REVOKED, reason, decidedOn, document);
    }

    private LicenceView end(
            Actor actor, long id, LicenceStatus status, String reason, String decidedOn, String document) {
        LicenceView licence = issuedBy(actor, id);
        FieldProblems problems = new FieldProblems();
        String why = problems.multilineText("reason", reason, 2000);
        LocalDate decided = problems.pastDate("decidedOn", decidedOn, true, today());
        String decision = status == LicenceStatus.REVOKED ? problems.text("document", document, 100) : null;
        if (licence.recordedStatus() != LicenceStatus.VALID) {
            problems.reject("reason", "licensing.invalid.alreadyEnded", "the licence has already ended");
        }
        problems.throwIfAny();
        jdbc.sql("update licensing_licence set status = :status, ended_on = :on, end_reason = :reason,"
                        + " version = version + 1 where id = :id")
                .param("status", status.name())
                .param("on", decided)
                .param("reason", why)
                .param("id", id)
                .update();
        event(
                id,
                status.name(),
                null,
                "VALID",
                status.name(),
                decision == null ? why : decision + "：" + why,
                decided,
                actor.username());
        audit.record(
                "licensing",
                "Licence",
                licence.number(),
                status == LicenceStatus.REVOKED ? "revoked" : "cancelled",
                Map.of("status", "VALID"),
                Map.of("status", status.name()));
        events.publishEvent(new LicenceEnded(licence.number(), licence.holderCreditCode(), status, why, decided));
        if (status == LicenceStatus.REVOKED) {
            events.publishEvent(CreditEvent.listing(
                    CreditList.DISHONEST,
                    licence.holderCreditCode(),
                    licence.holderName(),
                    licence.number(),
                    "LICENCE_REVOKED",
                    "吊销电信业务经营许可证（" + decision + "）：" + why,
                    new CreditEvent.Source("licensing", "Licence", licence.number()),
                    decided,
                    licence.issuerCode(),
                    licence.issuerName()));
        }
        return find(id).orElseThrow();
    }

    /** The printable certificate of a licence the scope sees. */
    public byte[] certificate(DataScope scope, long id, String verificationBaseUrl) {
        LicenceView licence = find(scope, id).orElseThrow(() -> new NoSuchElementException("licence " + id));
        return LicenceCertificate.render(new CertificateContent(
                licence.number(),
                licence.holderName(),
                licence.holderCreditCode(),
                licence.legalRepresentative(),
                licence.address(),
                licence.registeredCapital(),
                licence.kinds().stream()
                        .map(k -> new CertificateContent.Line(
                                k.code(), k.nameZh(), k.scope(), coverageText(licence.coverage())))
                        .toList(),
                licence.issuerName(),
                licence.issuedOn(),
                licence.validUntil(),
                verificationBaseUrl + "/public/licences?q=" + licence.number()));
    }

    /**
     * Reminds holders whose licence expires in 90, 60 or 30 days that renewal is open; one reminder
     * per licence and date, so a run missed or repeated changes nothing.
     */
    @Scheduled(cron = "0 20 1 * * *", zone = "Asia/Shanghai")
    @Transactional
    public int remindRenewals() {
        LocalDate today = today();
        int sent = 0;
        for (int days : RENEWAL_REMINDER_DAYS) {
            List<Long> due = jdbc.sql("select id from licensing_licence where status = 'VALID' and valid_until > :today"
                            + " and valid_until <= :limit")
                    .param("today", today)
                    .param("limit", today.plusDays(days))
                    .query(Long.class)
                    .list();
            for (long id : due) {
                LicenceView licence = find(id).orElseThrow();
                LocalDate remindOn = licence.validUntil().minusDays(days);
                if (remindOn.isAfter(today)) {
                    continue;
                }
                sent += remind(id, "RENEWAL", remindOn, today);
            }
        }
        return sent;
    }

    /** Records a reminder once; returns 1 when it is new. */
    int remind(long licenceId, String kind, LocalDate dueOn, LocalDate today) {
        long exists = jdbc.sql("select count(*) from licensing_reminder where licence_id = :id and kind = :kind"
                        + " and due_on = :due")
                .param("id", licenceId)
                .param("kind", kind)
                .param("due", dueOn)
                .query(Long.class)
                .single();
        if (exists > 0) {
            return 0;
        }
        jdbc.sql("insert into licensing_reminder (licence_id, kind, due_on, sent_on) values (:id, :kind, :due, :today)")
                .param("id", licenceId)
                .param("kind", kind)
                .param("due", dueOn)
                .param("today", today)
                .update();
        return 1;
    }

    /** Reminders sent to a holder, newest first. */
    public List<Reminder> reminders(String holderCreditCode) {
        return jdbc.sql("select l.number, r.kind, r.due_on, r.sent_on, l.valid_until from licensing_reminder r"
                        + " join licensing_licence l on l.id = r.licence_id where l.holder_credit_code = :code"
                        + " order by r.sent_on desc, r.id desc limit 50")
                .param("code", holderCreditCode)
                .query((rs, row) -> new Reminder(
                        rs.getString("number"),
                        rs.getString("kind"),
                        rs.getObject("due_on", LocalDate.class),
                        rs.getObject("sent_on", LocalDate.class),
                        rs.getObject("valid_until", LocalDate.class)))
                .list();
    }

    /** A reminder as the holder sees it. */
    public record Reminder(
            String licenceNumber, String kind, LocalDate dueOn, LocalDate sentOn, LocalDate validUntil) {}

    /** Whether the actor manages this licence: its issuer's staff, or the ministry's. */
    public static boolean manages(Actor actor, LicenceView licence) {
        return switch (actor.role()) {
            case MINISTRY_ADMIN, MINISTRY_OFFICER -> true;
            case PROVINCIAL_OFFICER -> licence.issuerCode().equals(actor.scope().provinceCode());
            default -> false;
        };
    }

    static String coverageText(List<String> coverage) {
        if (coverage.contains("ALL")) {
            return "全国";
        }
        return String.join(
                "、", coverage.stream().map(c -> new ProvinceCode(c).name()).toList());
    }

    private void runGate(LicenceView licence, String stage) {
        GateResult result = gate.run(
                stage,
                null,
                licence.id(),
                gate.subject(licence.holderCreditCode(), licence.holderName(), licence.applicationId()));
        if (result.blocked()) {
            throw new GrantBlockedException(licence.number(), result);
        }
    }

    private LicenceView issuedBy(Actor actor, long id) {
        LicenceView licence = find(actor.scope(), id).orElseThrow(() -> new NoSuchElementException("licence " + id));
        if (!manages(actor, licence) || actor.role() == Role.AUDITOR) {
            throw new AccessDeniedException("the issuing administration decides");
        }
        return licence;
    }

    private static boolean sees(DataScope scope, LicenceView licence) {
        return switch (scope.kind()) {
            case ALL -> true;
            case PROVINCE -> licence.issuerCode().equals(scope.provinceCode());
            case ENTERPRISE -> licence.holderCreditCode().equals(scope.creditCode());
            case NONE -> false;
        };
    }

    private void set(long id, String column, String value) {
        jdbc.sql("update licensing_licence set " + column + " = :value, version = version + 1 where id = :id")
                .param("value", value)
                .param("id", id)
                .update();
    }

    private void event(
            long licenceId,
            String kind,
            String field,
            String before,
            String after,
            String reason,
            LocalDate decidedOn,
            String actor) {
        jdbc.sql("""
                        insert into licensing_licence_event (licence_id, kind, field, before_text, after_text, reason,
                            decided_on, actor, recorded_at)
                        values (:id, :kind, :field, :before, :after, :reason, :decided, :actor, :at)""")
                .param("id", licenceId)
                .param("kind", kind)
                .param("field", field)
                .param("before", before)
                .param("after", after)
                .param("reason", reason)
                .param("decided", decidedOn)
                .param("actor", actor)
                .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .update();
    }

    Optional<LicenceView> find(long id) {
        return jdbc.sql("select * from licensing_licence where id = :id")
                .param("id", id)
                .query(this::view)
                .optional();
    }

    private LicenceView view(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        return new LicenceView(
                id,
                rs.getString("number"),
                rs.getString("holder_credit_code"),
                rs.getString("holder_name"),
                rs.getString("legal_representative"),
                rs.getString("address"),
                rs.getBigDecimal("registered_capital"),
                rs.getString("issuer_code"),
                rs.getString("issuer_name"),
                List.of(rs.getString("coverage").split(",")),
                rs.getObject("issued_on", LocalDate.class),
                rs.getObject("valid_until", LocalDate.class),
                LicenceStatus.valueOf(rs.getString("status")),
                rs.getObject("ended_on", LocalDate.class),
                rs.getString("end_reason"),
                rs.getObject("application_id", Long.class),
                jdbc.sql("select k.code, b.name_zh, b.name_en, k.scope, b.sort_order from licensing_licence_kind k"
                                + " join licensing_business_kind b on b.code = k.code where k.licence_id = :id"
                                + " order by b.sort_order")
                        .param("id", id)
                        .query((r, n) -> new ApplicationView.AppliedKind(
                                r.getString("code"),
                                r.getString("name_zh"),
                                r.getString("name_en"),
                                r.getString("scope")))
                        .list());
    }
}
