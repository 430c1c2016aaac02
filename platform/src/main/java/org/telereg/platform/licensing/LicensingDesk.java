package org.telereg.platform.licensing;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.access.Role;
import org.telereg.platform.audit.AuditTrail;
import org.telereg.platform.calendar.WorkingDays;
import org.telereg.platform.credit.GateResult;
import org.telereg.platform.credit.PersonKeys;
import org.telereg.platform.entity.CompanyRegistry;
import org.telereg.platform.entity.CompanyView;
import org.telereg.platform.shared.CreditCode;
import org.telereg.platform.shared.FieldProblems;
import org.telereg.platform.shared.FileTypes;
import org.telereg.platform.shared.IdCardNumber;
import org.telereg.platform.shared.Money;
import org.telereg.platform.shared.PersonNames;
import org.telereg.platform.shared.ProvinceCode;
import org.telereg.platform.shared.RejectedInputException;
import org.telereg.platform.shared.StoredFiles;
import org.telereg.platform.shared.TrackingNumbers;

/**
 * The licensing desk: receives applications, runs the regulator's workflow (one correction notice,
 * acceptance, decision) against the statutory deadlines, checks the conditions and the compliance
 * gate, and grants licences with serial numbers in the issuer's format.
 */
@Service
public class LicensingDesk {

    static final String MINISTRY = "MIIT";
    static final String MINISTRY_NAME = "中华人民共和国工业和信息化部";

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;
    private final Catalogue catalogue;
    private final CompanyRegistry companies;
    private final PersonKeys personKeys;
    private final GateRecords gate;
    private final LicenceRegistry licences;
    private final WorkingDays workingDays;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final LicensingSettings settings;
    private final Clock clock;

    LicensingDesk(
            JdbcClient jdbc,
            Catalogue catalogue,
            CompanyRegistry companies,
            PersonKeys personKeys,
            GateRecords gate,
            LicenceRegistry licences,
            WorkingDays workingDays,
            AuditTrail audit,
            ApplicationEventPublisher events,
            LicensingSettings settings,
            Clock clock) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.companies = companies;
        this.personKeys = personKeys;
        this.gate = gate;
        this.licences = licences;
        this.workingDays = workingDays;
        this.audit = audit;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(CHINA));
    }

    /**
     * Receives an application. The issuer follows from the kinds and coverage (the ministry for basic
     * services and for value-added services across provinces, the province's administration
     * otherwise); the conditions are checked and an application that fails one is refused with the
     * condition explained beside its field.
     */
    @Transactional
    public ApplicationView submit(Actor actor, NewApplication input, List<ApplicationFile> files) {
        if (!actor.role().writes() || actor.role() == Role.ACCESS_PROVIDER || actor.role() == Role.AUDITOR) {
            throw new AccessDeniedException("applications come from operators or are registered by regulators");
        }
        FieldProblems problems = new FieldProblems();
        CompanyView applicant = applicant(actor, input.applicantCreditCode(), problems);
        List<BusinessKind> kinds = kinds(input.kinds(), problems);
        Coverage coverage = coverage(input.coverage(), problems);
        String scope = problems.optionalText("scope", input.scope(), 200);
        String legal = problems.text("legalRepresentative", input.legalRepresentative(), 100);
        String address = problems.text("address", input.address(), 300);
        Money capital = problems.parse("registeredCapital", input.registeredCapital(), Money::of);
        List<PartyRow> parties = parties(input, problems);
        List<ApplicationFile> attachments = attachments(files, problems);
        problems.throwIfAny();

        BigDecimal state = share(parties, PartyRow::stateOwned);
        BigDecimal foreign = share(parties, PartyRow::foreignOwned);
        boolean basic = kinds.stream().anyMatch(k -> k.category() == ServiceCategory.BASIC);
        for (Conditions.Finding finding :
                Conditions.check(settings, kinds, coverage.acrossProvinces(), capital.yuan(), state, foreign)) {
            if (!finding.met()) {
                problems.reject(
                        finding.field(),
                        finding.code(),
                        "condition not met",
                        finding.arguments().toArray());
            }
        }
        problems.throwIfAny();

        String issuerCode = basic || coverage.acrossProvinces()
                ? MINISTRY
                : coverage.provinces().get(0);
        String issuerName = MINISTRY.equals(issuerCode) ? MINISTRY_NAME : new ProvinceCode(issuerCode).name() + "通信管理局";
        Instant now = clock.instant();
        LocalDate today = today();
        String tracking = TrackingNumbers.next("XK", today, this::trackingNumberTaken);
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into licensing_application (tracking_number, applicant_credit_code, applicant_name,
                            legal_representative, address, registered_capital, coverage, issuer_code, issuer_name, basic,
                            status, submitted_at, completeness_deadline, submitted_by, version)
                        values (:tracking, :code, :name, :legal, :address, :capital, :coverage, :issuer, :issuerName,
                            :basic, 'SUBMITTED', :now, :deadline, :by, 0)""")
                .param("tracking", tracking)
                .param("code", applicant.creditCode())
                .param("name", applicant.name())
                .param("legal", legal)
                .param("address", address)
                .param("capital", capital.yuan())
                .param("coverage", coverage.stored())
                .param("issuer", issuerCode)
                .param("issuerName", issuerName)
                .param("basic", basic)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .param("deadline", workingDays.plus(today, settings.correctionWorkingDays()))
                .param("by", actor.username())
                .update(key, "id");
        long id = key.getKey().longValue();
        for (BusinessKind kind : kinds) {
            jdbc.sql("insert into licensing_application_kind (application_id, code, scope) values (:id, :code, :scope)")
                    .param("id", id)
                    .param("code", kind.code())
                    .param("scope", scope != null && kind.defaultScope() != null ? scope : kind.defaultScope())
                    .update();
        }
        for (PartyRow party : parties) {
            jdbc.sql("""
                            insert into licensing_party (application_id, role, party_kind, credit_code, person_key,
                                id_masked, display_name, share_percent, state_owned, foreign_owned, position)
                            values (:id, :role, :kind, :code, :key, :masked, :name, :share, :state, :foreign, :position)""")
                    .param("id", id)
                    .param("role", party.role())
                    .param("kind", party.creditCode() != null ? "COMPANY" : "PERSON")
                    .param("code", party.creditCode())
                    .param("key", party.personKey())
                    .param("masked", party.idMasked())
                    .param("name", party.displayName())
                    .param("share", party.share())
                    .param("state", party.stateOwned())
                    .param("foreign", party.foreignOwned())
                    .param("position", party.position())
                    .update();
        }
        attachments.forEach(file -> store(id, file));
        audit.record("licensing", "Application", tracking, "submitted", null, Map.of("status", "SUBMITTED"));
        return find(id).orElseThrow();
    }

    /**
     * The administration's one correction notice: only while the application waits for its
     * completeness check, only within the working-day deadline, and only once.
     */
    @Transactional
    public ApplicationView requestCorrection(Actor actor, long id, String notice) {
        ApplicationView application = decidable(actor, id);
        FieldProblems problems = new FieldProblems();
        String text = problems.multilineText("correctionNotice", notice, 2000);
        if (application.status() != ApplicationStatus.SUBMITTED) {
            problems.reject("correctionNotice", "licensing.invalid.notAwaitingCheck", "not waiting for its check");
        } else if (application.correctionUsed()) {
            problems.reject("correctionNotice", "licensing.invalid.correctionUsed", "the one notice has been sent");
        } else if (today().isAfter(application.completenessDeadline())) {
            problems.reject(
                    "correctionNotice",
                    "licensing.invalid.correctionLate",
                    "the notice was due by " + application.completenessDeadline(),
                    application.completenessDeadline().toString());
        }
        problems.throwIfAny();
        update(
                id,
                application,
                "CORRECTION_REQUESTED",
                Map.of("notice", text, "on", today()),
                "correction_notice = :notice, correction_requested_on = :on");
        audit.record(
                "licensing",
                "Application",
                application.trackingNumber(),
                "correctionRequested",
                Map.of("status", application.status()),
                Map.of("status", "CORRECTION_REQUESTED"));
        return find(id).orElseThrow();
    }

    /** The applicant sends what the notice asked for; the completeness check starts again. */
    @Transactional
    public ApplicationView resubmit(Actor actor, long id, List<ApplicationFile> files) {
        ApplicationView application = visible(actor.scope(), id);
        if (!ownsApplication(actor, application)) {
            throw new AccessDeniedException("only the applicant resubmits");
        }
        FieldProblems problems = new FieldProblems();
        List<ApplicationFile> attachments = attachments(files, problems);
        if (application.status() != ApplicationStatus.CORRECTION_REQUESTED) {
            problems.reject("files", "licensing.invalid.noCorrectionPending", "no correction was requested");
        }
        if (attachments.isEmpty()) {
            problems.reject("files", "licensing.invalid.nothingResubmitted", "attach what the notice asked for");
        }
        problems.throwIfAny();
        LocalDate today = today();
        update(
                id,
                application,
                "SUBMITTED",
                Map.of(
                        "at",
                        clock.instant().atOffset(ZoneOffset.UTC),
                        "deadline",
                        workingDays.plus(today, settings.correctionWorkingDays())),
                "resubmitted_at = :at, completeness_deadline = :deadline");
        attachments.forEach(file -> store(id, file));
        audit.record(
                "licensing",
                "Application",
                application.trackingNumber(),
                "resubmitted",
                Map.of("status", application.status()),
                Map.of("status", "SUBMITTED"));
        return find(id).orElseThrow();
    }

    /**
     * Accepts (受理) a complete application: the compliance gate runs and its findings are kept, and
     * the decision deadline starts (calendar days; a deadline on a rest day moves to the next
     * working day).
     */
    @Transactional
    public ApplicationView accept(Actor actor, long id) {
        ApplicationView application = decidable(actor, id);
        if (application.status() != ApplicationStatus.SUBMITTED) {
            throw RejectedInputException.of(
                    "status", "licensing.invalid.notAwaitingCheck", "not waiting for its check");
        }
        GateResult result = gate.run(
                "ACCEPTANCE",
                id,
                null,
                gate.subject(application.applicantCreditCode(), application.applicantName(), id));
        LocalDate today = today();
        LocalDate deadline = decisionDeadline(today, application.basic());
        update(
                id,
                application,
                "ACCEPTED",
                Map.of(
                        "today",
                        today,
                        "deadline",
                        deadline,
                        "blocked",
                        result.blocked(),
                        "checked",
                        result.checkedAt().atOffset(ZoneOffset.UTC)),
                "accepted_on = :today, decision_deadline = :deadline, gate_blocked = :blocked, gate_checked_at = :checked");
        audit.record(
                "licensing",
                "Application",
                application.trackingNumber(),
                "accepted",
                Map.of("status", application.status()),
                Map.of("status", "ACCEPTED", "gateBlocked", result.blocked(), "decisionDeadline", deadline));
        return find(id).orElseThrow();
    }

    /** The decision deadline of an application accepted on {@code acceptedOn}. */
    LocalDate decisionDeadline(LocalDate acceptedOn, boolean basic) {
        LocalDate deadline =
                acceptedOn.plusDays(basic ? settings.decisionDaysBasic() : settings.decisionDaysValueAdded());
        while (!workingDays.isWorkingDay(deadline)) {
            deadline = deadline.plusDays(1);
        }
        return deadline;
    }

    /**
     * Grants the licence: the gate runs again, and if anything blocks the grant is refused with the
     * findings shown. Otherwise the issuer's next serial number is taken (under a row lock, so
     * concurrent grants never share a number) and the licence recorded.
     */
    @Transactional(noRollbackFor = GrantBlockedException.class)
    public LicenceView grant(Actor actor, long id) {
        return grant(actor, id, today());
    }

    /** Grants with the licence dated {@code issuedOn} (today, or a past date for the demo's history). */
    LicenceView grant(Actor actor, long id, LocalDate issuedOn) {
        ApplicationView application = decidable(actor, id);
        if (application.status() != ApplicationStatus.ACCEPTED) {
            throw RejectedInputException.of(
                    "status", "licensing.invalid.notAccepted", "only an accepted application is granted");
        }
        GateResult result = gate.run(
                "GRANT", id, null, gate.subject(application.applicantCreditCode(), application.applicantName(), id));
        jdbc.sql("update licensing_application set gate_blocked = :blocked, gate_checked_at = :checked where id = :id")
                .param("blocked", result.blocked())
                .param("checked", result.checkedAt().atOffset(ZoneOffset.UTC))
                .param("id", id)
                .update();
        if (result.blocked()) {
            throw new GrantBlockedException(application.trackingNumber(), result);
        }
        LicenceView licence = licences.issue(application, issuedOn, actor.username());
        update(
                id,
                application,
                "GRANTED",
                Map.of("today", issuedOn, "licence", licence.id()),
                "decided_on = :today, licence_id = :licence");
        audit.record(
                "licensing",
                "Application",
                application.trackingNumber(),
                "granted",
                Map.of("status", application.status()),
                Map.of("status", "GRANTED", "licence", licence.number()));
        events.publishEvent(new LicenceGranted(
                licence.number(),
                licence.holderCreditCode(),
                licence.issuerCode(),
                licence.kinds().stream().map(ApplicationView.AppliedKind::code).toList(),
                licence.validUntil()));
        return licence;
    }

    /** Refuses an open application, with the reason the applicant will read. */
    @Transactional
    public ApplicationView refuse(Actor actor, long id, String reason) {
        ApplicationView application = decidable(actor, id);
        FieldProblems problems = new FieldProblems();
        String text = problems.multilineText("decisionReason", reason, 2000);
        if (!application.status().open()) {
            problems.reject("decisionReason", "licensing.invalid.closed", "already decided");
        }
        problems.throwIfAny();
        update(
                id,
                application,
                "REFUSED",
                Map.of("today", today(), "reason", text),
                "decided_on = :today, decision_reason = :reason");
        audit.record(
                "licensing",
                "Application",
                application.trackingNumber(),
                "refused",
                Map.of("status", application.status()),
                Map.of("status", "REFUSED"));
        return find(id).orElseThrow();
    }

    /** The applicant withdraws an open application. */
    @Transactional
    public ApplicationView withdraw(Actor actor, long id) {
        ApplicationView application = visible(actor.scope(), id);
        if (!ownsApplication(actor, application)) {
            throw new AccessDeniedException("only the applicant withdraws");
        }
        if (!application.status().open()) {
            throw RejectedInputException.of("status", "licensing.invalid.closed", "already decided");
        }
        update(id, application, "WITHDRAWN", Map.of("today", today()), "decided_on = :today");
        audit.record(
                "licensing",
                "Application",
                application.trackingNumber(),
                "applicationWithdrawn",
                Map.of("status", application.status()),
                Map.of("status", "WITHDRAWN"));
        return find(id).orElseThrow();
    }

    /** The application if the scope sees it: its applicant, its issuing administration, the ministry. */
    public Optional<ApplicationView> find(DataScope scope, long id) {
        return find(id).filter(a -> sees(scope, a));
    }

    public Optional<ApplicationView> findByTrackingNumber(DataScope scope, String trackingNumber) {
        return jdbc.sql("select id from licensing_application where tracking_number = :t")
                .param("t", trackingNumber == null ? "" : trackingNumber.strip().toUpperCase())
                .query(Long.class)
                .optional()
                .flatMap(id -> find(scope, id));
    }

    /** Applications the scope sees, by status; overdue only when asked; nearest deadline first. */
    public Page<ApplicationView> search(
            DataScope scope, ApplicationStatus status, boolean overdueOnly, Pageable pageable) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(" where ").append(scopeCondition(scope, params));
        if (status != null) {
            where.append(" and status = :status");
            params.put("status", status.name());
        }
        if (overdueOnly) {
            where.append(" and ((status = 'SUBMITTED' and completeness_deadline < :today)"
                    + " or (status = 'ACCEPTED' and decision_deadline < :today))");
            params.put("today", today());
        }
        long total = jdbc.sql("select count(*) from licensing_application" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<Long> ids = jdbc.sql("select id from licensing_application" + where
                        + " order by case when status in ('SUBMITTED', 'ACCEPTED') then 0 else 1 end,"
                        + " coalesce(decision_deadline, completeness_deadline), id desc limit :limit offset :offset")
                .params(params)
                .param("limit", pageable.getPageSize())
                .param("offset", pageable.getOffset())
                .query(Long.class)
                .list();
        return new PageImpl<>(ids.stream().map(i -> find(i).orElseThrow()).toList(), pageable, total);
    }

    /** Open applications of a company, for its page. */
    public List<ApplicationView> ofCompany(DataScope scope, String creditCode) {
        return jdbc
                .sql("select id from licensing_application where applicant_credit_code = :code order by id desc")
                .param("code", creditCode)
                .query(Long.class)
                .list()
                .stream()
                .map(this::find)
                .flatMap(Optional::stream)
                .filter(a -> sees(scope, a))
                .toList();
    }

    /** The conditions of the application, each with whether it is met (for the review page). */
    public List<ConditionView> conditions(ApplicationView application) {
        Map<String, BusinessKind> byCode = catalogue.byCode();
        List<BusinessKind> kinds =
                application.kinds().stream().map(k -> byCode.get(k.code())).toList();
        BigDecimal state = BigDecimal.ZERO;
        BigDecimal foreign = BigDecimal.ZERO;
        for (ApplicationView.Party party : application.parties()) {
            if (party.sharePercent() != null && party.stateOwned()) {
                state = state.add(party.sharePercent());
            }
            if (party.sharePercent() != null && party.foreignOwned()) {
                foreign = foreign.add(party.sharePercent());
            }
        }
        boolean across =
                application.coverage().contains("ALL") || application.coverage().size() > 1;
        return Conditions.check(settings, kinds, across, application.registeredCapital(), state, foreign).stream()
                .map(f -> new ConditionView(f.code(), f.arguments(), f.met()))
                .toList();
    }

    /** A condition as the review page shows it. */
    public record ConditionView(String code, List<String> arguments, boolean met) {
        public Object[] argumentArray() {
            return arguments.toArray();
        }
    }

    public Optional<java.nio.file.Path> attachment(DataScope scope, long applicationId, long attachmentId) {
        return find(scope, applicationId)
                .flatMap(a -> a.attachments().stream()
                        .filter(f -> f.id() == attachmentId)
                        .findFirst())
                .map(f -> StoredFiles.path(settings.attachmentsDir(), f.sha256()));
    }

    /** Whether the actor decides this application: its issuer's staff, or the ministry's. */
    public static boolean decides(Actor actor, ApplicationView application) {
        return switch (actor.role()) {
            case MINISTRY_ADMIN, MINISTRY_OFFICER -> true;
            case PROVINCIAL_OFFICER ->
                application.issuerCode().equals(actor.scope().provinceCode());
            default -> false;
        };
    }

    public static boolean ownsApplication(Actor actor, ApplicationView application) {
        return actor.role() == Role.OPERATOR
                && application.applicantCreditCode().equals(actor.scope().creditCode());
    }

    private ApplicationView decidable(Actor actor, long id) {
        ApplicationView application = visible(actor.scope(), id);
        if (!decides(actor, application)) {
            throw new AccessDeniedException("the issuing administration decides");
        }
        return application;
    }

    private ApplicationView visible(DataScope scope, long id) {
        return find(scope, id).orElseThrow(() -> new NoSuchElementException("application " + id));
    }

    private static boolean sees(DataScope scope, ApplicationView application) {
        return switch (scope.kind()) {
            case ALL -> true;
            case PROVINCE -> application.issuerCode().equals(scope.provinceCode());
            case ENTERPRISE -> application.applicantCreditCode().equals(scope.creditCode());
            case NONE -> false;
        };
    }

    private static String scopeCondition(DataScope scope, Map<String, Object> params) {
        return scope.sqlCondition("issuer_code", "applicant_credit_code", params);
    }

    /**
     * Moves the application on from the status it was read in; if another decision moved it meanwhile,
     * nothing changes and the actor is told to reload.
     */
    private void update(
            long id, ApplicationView before, String status, Map<String, Object> values, String assignments) {
        int updated = jdbc.sql("update licensing_application set status = :status, version = version + 1, "
                        + assignments + " where id = :id and status = :before")
                .params(values)
                .param("status", status)
                .param("id", id)
                .param("before", before.status().name())
                .update();
        if (updated == 0) {
            throw RejectedInputException.of(
                    "status", "licensing.invalid.concurrent", "someone else decided it meanwhile");
        }
    }

    private CompanyView applicant(Actor actor, String creditCode, FieldProblems problems) {
        String code;
        if (actor.role() == Role.OPERATOR) {
            code = actor.scope().creditCode();
        } else {
            CreditCode parsed = problems.parse("applicantCreditCode", creditCode, CreditCode::of);
            code = parsed == null ? null : parsed.value();
        }
        if (code == null) {
            return null;
        }
        Optional<CompanyView> company = companies.find(DataScope.all(), code);
        if (company.isEmpty()) {
            problems.reject("applicantCreditCode", "licensing.invalid.unknownCompany", "not registered", code);
        }
        return company.orElse(null);
    }

    private List<BusinessKind> kinds(List<String> codes, FieldProblems problems) {
        Map<String, BusinessKind> inForce = new HashMap<>();
        catalogue.inForce(today()).forEach(k -> inForce.put(k.code(), k));
        Set<String> wanted = new LinkedHashSet<>();
        codes.stream()
                .filter(c -> c != null && !c.isBlank())
                .forEach(c -> wanted.add(c.strip().toUpperCase()));
        if (wanted.isEmpty()) {
            problems.reject("kinds", "licensing.invalid.noKind", "choose at least one business kind");
            return List.of();
        }
        List<BusinessKind> kinds = new ArrayList<>();
        for (String code : wanted) {
            BusinessKind kind = inForce.get(code);
            if (kind == null) {
                problems.reject("kinds", "licensing.invalid.unknownKind", "not in the catalogue in force", code);
            } else if (!kind.applicable()) {
                problems.reject("kinds", "licensing.invalid.groupKind", "a heading, choose one of its kinds", code);
            } else {
                kinds.add(kind);
            }
        }
        return kinds;
    }

    /** The coverage of an application: the whole country, or a set of provinces. */
    record Coverage(boolean all, List<String> provinces) {
        boolean acrossProvinces() {
            return all || provinces.size() > 1;
        }

        String stored() {
            return all ? "ALL" : String.join(",", provinces);
        }

        static List<String> parse(String stored) {
            return List.of(stored.split(","));
        }
    }

    private static Coverage coverage(List<String> given, FieldProblems problems) {
        List<String> values = given.stream()
                .filter(v -> v != null && !v.isBlank())
                .flatMap(v -> java.util.Arrays.stream(v.split("[,，、\\s]+")))
                .filter(v -> !v.isBlank())
                .toList();
        if (values.isEmpty()) {
            problems.reject("coverage", "licensing.invalid.noCoverage", "choose the provinces or the whole country");
            return new Coverage(false, List.of());
        }
        if (values.stream().anyMatch(v -> v.equalsIgnoreCase("ALL") || v.equals("全国"))) {
            return new Coverage(true, List.of());
        }
        Set<String> provinces = new java.util.TreeSet<>();
        for (String value : values) {
            ProvinceCode province = problems.parse("coverage", value, ProvinceCode::of);
            if (province != null) {
                provinces.add(province.code());
            }
        }
        return new Coverage(false, List.copyOf(provinces));
    }

    /** An investor or manager as checked and about to be stored: a person only by key and masks. */
    private record PartyRow(
            String role,
            String creditCode,
            String personKey,
            String idMasked,
            String displayName,
            BigDecimal share,
            boolean stateOwned,
            boolean foreignOwned,
            String position) {}

    private List<PartyRow> parties(NewApplication input, FieldProblems problems) {
        List<PartyRow> rows = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        int line = 0;
        for (NewApplication.Investor investor : input.investors()) {
            line++;
            if (investor == null || investor.blank()) {
                continue;
            }
            String field = "investors[" + (line - 1) + "]";
            String name = problems.text(field + ".name", investor.name(), 200);
            BigDecimal share = percent(problems, field + ".share", investor.share());
            boolean company =
                    investor.creditCode() != null && !investor.creditCode().isBlank();
            boolean person = investor.idNumber() != null && !investor.idNumber().isBlank();
            if (company == person) {
                problems.reject(
                        field + ".creditCode",
                        "licensing.invalid.investorIdentity",
                        "give a credit code for a company or an ID number for a person");
                continue;
            }
            if (share != null) {
                total = total.add(share);
            }
            if (company) {
                CreditCode code = problems.parse(field + ".creditCode", investor.creditCode(), CreditCode::of);
                rows.add(new PartyRow(
                        "INVESTOR",
                        code == null ? null : code.value(),
                        null,
                        null,
                        name,
                        share,
                        yes(investor.stateOwned()),
                        yes(investor.foreign()),
                        null));
            } else {
                IdCardNumber id = problems.parse(field + ".idNumber", investor.idNumber(), IdCardNumber::of);
                rows.add(new PartyRow(
                        "INVESTOR",
                        null,
                        id == null ? null : personKeys.of(id),
                        id == null ? null : id.masked(),
                        PersonNames.mask(name),
                        share,
                        yes(investor.stateOwned()),
                        yes(investor.foreign()),
                        null));
            }
        }
        if (rows.isEmpty()) {
            problems.reject("investors", "licensing.invalid.noInvestor", "name at least the main investor");
        }
        if (total.compareTo(BigDecimal.valueOf(100)) > 0) {
            problems.reject(
                    "investors",
                    "licensing.invalid.sharesOver100",
                    "shares add up to more than 100 %",
                    total.stripTrailingZeros().toPlainString());
        }
        line = 0;
        int managers = 0;
        for (NewApplication.Manager manager : input.managers()) {
            line++;
            if (manager == null || manager.blank()) {
                continue;
            }
            String field = "managers[" + (line - 1) + "]";
            IdCardNumber id = problems.parse(field + ".idNumber", manager.idNumber(), IdCardNumber::of);
            String name = problems.text(field + ".name", manager.name(), 50);
            String position = problems.text(field + ".position", manager.position(), 50);
            rows.add(new PartyRow(
                    "MANAGER",
                    null,
                    id == null ? null : personKeys.of(id),
                    id == null ? null : id.masked(),
                    PersonNames.mask(name),
                    null,
                    false,
                    false,
                    position));
            managers++;
        }
        if (managers == 0) {
            problems.reject("managers", "licensing.invalid.noManager", "name at least one main manager");
        }
        return rows;
    }

    private static BigDecimal share(List<PartyRow> parties, java.util.function.Predicate<PartyRow> which) {
        return parties.stream()
                .filter(p -> p.share() != null && which.test(p))
                .map(PartyRow::share)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal percent(FieldProblems problems, String field, String text) {
        if (text == null || text.isBlank()) {
            problems.reject(field, "invalid.required", "is required");
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(text.strip().replace("%", ""));
            if (value.signum() <= 0 || value.compareTo(BigDecimal.valueOf(100)) > 0 || value.scale() > 2) {
                problems.reject(field, "licensing.invalid.percent", "a share above 0 and at most 100", text.strip());
                return null;
            }
            return value;
        } catch (NumberFormatException e) {
            problems.reject(field, "licensing.invalid.percent", "a share above 0 and at most 100", text.strip());
            return null;
        }
    }

    private List<ApplicationFile> attachments(List<ApplicationFile> files, FieldProblems problems) {
        List<ApplicationFile> kept = files == null
                ? List.of()
                : files.stream()
                        .filter(f -> f.bytes().length > 0
                                || (f.fileName() != null && !f.fileName().isBlank()))
                        .toList();
        if (kept.size() > settings.maxAttachments()) {
            problems.reject("files", "licensing.invalid.tooManyFiles", "too many files", settings.maxAttachments());
        }
        for (ApplicationFile file : kept) {
            String name = FileTypes.safeName(file.fileName(), "attachment");
            if (file.bytes().length == 0) {
                problems.reject("files", "licensing.invalid.fileEmpty", name + " is empty", name);
            } else if (file.bytes().length > settings.maxAttachmentSize().toBytes()) {
                problems.reject(
                        "files",
                        "licensing.invalid.fileTooLarge",
                        name + " is too large",
                        name,
                        settings.maxAttachmentSize().toMegabytes());
            } else if (FileTypes.detect(file.bytes()) == null) {
                problems.reject("files", "licensing.invalid.fileType", name + " is not a PDF or an image", name);
            }
        }
        return kept;
    }

    private void store(long applicationId, ApplicationFile file) {
        String hash = StoredFiles.store(settings.attachmentsDir(), file.bytes());
        jdbc.sql("insert into licensing_attachment (application_id, file_name, media_type, size_bytes, sha256)"
                        + " values (:id, :name, :type, :size, :hash)")
                .param("id", applicationId)
                .param("name", FileTypes.safeName(file.fileName(), "attachment"))
                .param("type", FileTypes.detect(file.bytes()))
                .param("size", file.bytes().length)
                .param("hash", hash)
                .update();
    }

    private boolean trackingNumberTaken(String tracking) {
        return jdbc.sql("select count(*) from licensing_application where tracking_number = :t")
                        .param("t", tracking)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private static boolean yes(String text) {
        return text != null && (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("on") || text.equals("是"));
    }

    Optional<ApplicationView> find(long id) {
        return jdbc.sql("select * from licensing_application where id = :id")
                .param("id", id)
                .query(this::view)
                .optional();
    }

    private ApplicationView view(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        Instant checkedAt = instant(rs, "gate_checked_at");
        Long licenceId = rs.getObject("licence_id", Long.class);
        return new ApplicationView(
                id,
                rs.getString("tracking_number"),
                rs.getString("applicant_credit_code"),
                rs.getString("applicant_name"),
                rs.getString("legal_representative"),
                rs.getString("address"),
                rs.getBigDecimal("registered_capital"),
                Coverage.parse(rs.getString("coverage")),
                rs.getString("issuer_code"),
                rs.getString("issuer_name"),
                rs.getBoolean("basic"),
                ApplicationStatus.valueOf(rs.getString("status")),
                instant(rs, "submitted_at"),
                rs.getObject("completeness_deadline", LocalDate.class),
                rs.getString("correction_notice"),
                rs.getObject("correction_requested_on", LocalDate.class),
                instant(rs, "resubmitted_at"),
                rs.getObject("accepted_on", LocalDate.class),
                rs.getObject("decision_deadline", LocalDate.class),
                rs.getObject("decided_on", LocalDate.class),
                rs.getString("decision_reason"),
                licenceId == null ? null : licences.numberOf(licenceId),
                rs.getBoolean("gate_blocked"),
                checkedAt,
                jdbc.sql("select k.code, b.name_zh, b.name_en, k.scope from licensing_application_kind k"
                                + " join licensing_business_kind b on b.code = k.code where k.application_id = :id"
                                + " order by b.sort_order")
                        .param("id", id)
                        .query((r, n) -> new ApplicationView.AppliedKind(
                                r.getString("code"),
                                r.getString("name_zh"),
                                r.getString("name_en"),
                                r.getString("scope")))
                        .list(),
                jdbc.sql("select * from licensing_party where application_id = :id order by id")
                        .param("id", id)
                        .query((r, n) -> new ApplicationView.Party(
                                r.getString("role"),
                                r.getString("party_kind"),
                                r.getString("credit_code"),
                                r.getString("id_masked"),
                                r.getString("display_name"),
                                r.getBigDecimal("share_percent"),
                                r.getBoolean("state_owned"),
                                r.getBoolean("foreign_owned"),
                                r.getString("position")))
                        .list(),
                jdbc.sql("select id, file_name, media_type, size_bytes, sha256 from licensing_attachment"
                                + " where application_id = :id order by id")
                        .param("id", id)
                        .query((r, n) -> new ApplicationView.Attachment(
                                r.getLong("id"),
                                r.getString("file_name"),
                                r.getString("media_type"),
                                r.getLong("size_bytes"),
                                r.getString("sha256")))
                        .list(),
                gate.of("application_id", id, checkedAt));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
