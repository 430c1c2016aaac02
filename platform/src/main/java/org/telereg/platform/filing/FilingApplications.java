package org.telereg.platform.filing;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.access.Role;
import org.telereg.platform.audit.AuditTrail;
import org.telereg.platform.calendar.WorkingDays;
import org.telereg.platform.notices.Notices;
import org.telereg.platform.shared.FieldProblems;
import org.telereg.platform.shared.FileTypes;
import org.telereg.platform.shared.PersonNames;
import org.telereg.platform.shared.RejectedInputException;
import org.telereg.platform.shared.StoredFiles;
import org.telereg.platform.shared.TrackingNumbers;

/**
 * Filing applications from submission to the register (docs/filing.md): the sponsor submits on the
 * portal or the access provider in the console or API; the provider checks the sponsor in person or
 * returns the application; the principal confirms an SMS code within the window; the administration of
 * the sponsor's province decides within its working-day deadline, and an approval writes the register
 * with its numbers. The provider also files cancellations and withdraws access to services it hosts;
 * the administration cancels filings itself. Every change is audited, and so is every full read.
 */
@Service
public class FilingApplications {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PENDING = "('SUBMITTED', 'SMS_PENDING', 'SMS_EXPIRED', 'UNDER_REVIEW')";

    private final JdbcClient jdbc;
    private final SubmissionRules rules;
    private final RegisterWriter register;
    private final SmsSender sms;
    private final WorkingDays workingDays;
    private final Notices notices;
    private final AuditTrail audit;
    private final MessageSource messages;
    private final ApplicationSettings settings;
    private final Clock clock;

    FilingApplications(
            JdbcClient jdbc,
            SubmissionRules rules,
            RegisterWriter register,
            SmsSender sms,
            WorkingDays workingDays,
            Notices notices,
            AuditTrail audit,
            MessageSource messages,
            ApplicationSettings settings,
            Clock clock) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.register = register;
        this.sms = sms;
        this.workingDays = workingDays;
        this.notices = notices;
        this.audit = audit;
        this.messages = messages;
        this.settings = settings;
        this.clock = clock;
    }

    /** Whether the actor gives access: an access provider's or an operator's user, or its API token. */
    public static boolean isProvider(Actor actor) {
        return (actor.role() == Role.ACCESS_PROVIDER || actor.role() == Role.OPERATOR)
                && actor.scope().kind() == DataScope.Kind.ENTERPRISE;
    }

    /** The provider of the application checks it, returns it and sends the SMS code again. */
    public static boolean isProviderOf(Actor actor, ApplicationView app) {
        return isProvider(actor) && actor.scope().creditCode().equals(app.providerCreditCode());
    }

    /** The administration of the sponsor's province decides. */
    public static boolean canDecide(Actor actor, ApplicationView app) {
        return actor.role() == Role.PROVINCIAL_OFFICER
                && actor.scope().coversProvince(app.provinceCode())
                && app.status() == ApplicationStatus.UNDER_REVIEW;
    }

    /** Provincial officers cancel their province's filings; the ministry's administrators any. */
    public static boolean canCancel(Actor actor) {
        return actor.role() == Role.PROVINCIAL_OFFICER || actor.role() == Role.MINISTRY_ADMIN;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(CHINA));
    }

    /** The organisations a sponsor may choose as its access provider, by name. */
    @Transactional(readOnly = true)
    public Map<String, String> providers() {
        Map<String, String> providers = new LinkedHashMap<>();
        rules.providers().forEach(o -> providers.put(o.creditCode(), o.name()));
        return providers;
    }

    /**
     * Submits a new filing or a change. An access provider submits for itself, whatever the input names;
     * on the portal the sponsor chooses the provider, which gets a notice.
     *
     * @param actor the provider's user or token, or null for the portal
     * @throws RejectedInputException with every problem, nothing written
     */
    @Transactional
    public ApplicationView submit(Actor actor, NewApplication input) {
        return submit(actor, input, null);
    }

    /** An application the sponsor submitted on the portal, and the code that opens it for correction. */
    public record PortalSubmission(ApplicationView application, String accessCode) {}

    /**
     * Submits the sponsor's application from the portal. The access code is shown to the sponsor once:
     * with the tracking number it opens the application for correction when the provider returns it.
     *
     * @throws RejectedInputException with every problem, nothing written
     */
    @Transactional
    public PortalSubmission submitOnPortal(NewApplication input) {
        String code = accessCode();
        return new PortalSubmission(submit(null, input, code), code);
    }

    private ApplicationView submit(Actor actor, NewApplication input, String accessCode) {
        ApplicationChannel channel = actor == null ? ApplicationChannel.PORTAL : ApplicationChannel.PROVIDER;
        if (actor != null && !isProvider(actor)) {
            throw new AccessDeniedException("only access providers submit filings in the console");
        }
        NewApplication effective =
                actor == null ? input : withProvider(input, actor.scope().creditCode());
        Proposal proposal = rules.check(effective, null, today());
        long id = insert(proposal, channel, ApplicationStatus.SUBMITTED);
        ApplicationView app = find(id);
        if (channel == ApplicationChannel.PORTAL) {
            jdbc.sql("update filing_application set access_code_hash = :hash where id = :id")
                    .param("hash", accessCodeHash(app.trackingNumber(), accessCode == null ? accessCode() : accessCode))
                    .param("id", id)
                    .update();
        }
        step(id, "SUBMITTED", actorName(actor), null);
        audit.record("filing", "FilingApplication", app.trackingNumber(), "submitted", null, summary(app));
        if (channel == ApplicationChannel.PORTAL) {
            notices.send(
                    proposal.providerCreditCode(),
                    "filing.app.notice.submitted",
                    List.of(app.trackingNumber(), app.sponsorName()),
                    "/console/filing/applications/" + id);
        }
        return app;
    }

    /**
     * The provider files the cancellation of a subject or service it hosts, for the sponsor, with the
     * reason; it goes straight to the administration's review.
     */
    @Transactional
    public ApplicationView requestCancellation(Actor actor, String filingNumber, String reason) {
        if (!isProvider(actor)) {
            throw new AccessDeniedException("only access providers file cancellations");
        }
        FieldProblems problems = new FieldProblems();
        String why = problems.multilineText("reason", reason, 1000);
        Map<String, Object> subject = rules.subject(problems, filingNumber);
        problems.throwIfAny();
        long subjectId = ((Number) subject.get("id")).longValue();
        FilingNumber number = FilingNumber.parse(filingNumber);
        Long serviceId = null;
        String provider = actor.scope().creditCode();
        List<Map<String, Object>> hosted = jdbc.sql(
                        "select id, service_number from filing_service where subject_id = :s"
                                + " and access_provider_credit_code = :p and status <> 'CANCELLED'")
                .param("s", subjectId)
                .param("p", provider)
                .query()
                .listOfRows();
        if (!number.isSubject()) {
            serviceId = hosted.stream()
                    .filter(r -> r.get("service_number").equals(number.toString()))
                    .map(r -> ((Number) r.get("id")).longValue())
                    .findFirst()
                    .orElse(null);
        }
        if (hosted.isEmpty() || (!number.isSubject() && serviceId == null)) {
            throw RejectedInputException.of(
                    "filingNumber",
                    "filing.app.invalid.notHosted",
                    "the provider does not host " + filingNumber,
                    filingNumber);
        }
        long pending = jdbc.sql(
                        "select count(*) from filing_application where subject_id = :s and status in " + PENDING)
                .param("s", subjectId)
                .query(Long.class)
                .single();
        if (pending > 0) {
            throw RejectedInputException.of(
                    "filingNumber",
                    "filing.app.invalid.subjectPending",
                    "the subject has an application in progress",
                    filingNumber);
        }
        Proposal proposal = fromSubject(subject, serviceId, provider, why);
        long id = insert(proposal, ApplicationChannel.PROVIDER, ApplicationStatus.UNDER_REVIEW);
        startReview(id);
        step(id, "CANCEL_REQUESTED", actor.username(), why);
        ApplicationView app = find(id);
        audit.record("filing", "FilingApplication", app.trackingNumber(), "cancellationRequested", null, summary(app));
        return app;
    }

    /**
     * The provider's check: the items of the check-sheet it ticked and the photo taken of the principal;
     * then the SMS code goes to the principal.
     */
    @Transactional
    public ApplicationView verify(Actor actor, long id, Set<CheckItem> checked, String photoName, byte[] photo) {
        ApplicationView app = require(actor, id);
        if (!isProviderOf(actor, app) || app.status() != ApplicationStatus.SUBMITTED) {
            throw new AccessDeniedException("the application does not await this provider's check");
        }
        FieldProblems problems = new FieldProblems();
        Set<CheckItem> missing = EnumSet.allOf(CheckItem.class);
        missing.removeAll(checked);
        if (!missing.isEmpty()) {
            problems.reject(
                    "checkItems",
                    "filing.app.invalid.checkItems",
                    "every item must be checked: " + missing,
                    missing.size());
        }
        record Photo(String name, byte[] bytes) {}
        List<Photo> photos = FileTypes.checkEvidence(
                problems,
                "photo",
                "filing.app.invalid.",
                List.of(new Photo(photoName, photo == null ? new byte[0] : photo)),
                Photo::name,
                Photo::bytes,
                1,
                settings.maxPhotoBytes());
        if (photos.isEmpty()) {
            problems.reject("photo", "filing.app.invalid.photoRequired", "the check needs a photo of the principal");
        }
        problems.throwIfAny();
        String hash = StoredFiles.store(settings.attachmentsDir(), photo);
        jdbc.sql("""
                update filing_application set verified_by = :by, verified_at = :at, check_items = :items,
                    photo_hash = :hash, photo_type = :type, updated_at = :at, version = version + 1 where id = :id""")
                .param("by", actor.username())
                .param("at", now())
                .param("items", checked.stream().map(Enum::name).sorted().collect(Collectors.joining(";")))
                .param("hash", hash)
                .param("type", FileTypes.detect(photo))
                .param("id", id)
                .update();
        step(id, "VERIFIED", actor.username(), null);
        sendCode(app, "VERIFIED");
        return find(id);
    }

    /** The provider returns the application to the sponsor, saying what to correct. */
    @Transactional
    public ApplicationView returnToSponsor(Actor actor, long id, String reason) {
        ApplicationView app = require(actor, id);
        if (!isProviderOf(actor, app) || app.status() != ApplicationStatus.SUBMITTED) {
            throw new AccessDeniedException("the application does not await this provider's check");
        }
        FieldProblems problems = new FieldProblems();
        String why = problems.multilineText("reason", reason, 2000);
        problems.throwIfAny();
        return transition(app, ApplicationStatus.RETURNED, "RETURNED", actor.username(), why, why);
    }

    /** The provider that submitted a returned application in the console corrects and resubmits it. */
    public static boolean canResubmit(Actor actor, ApplicationView app) {
        return app.status() == ApplicationStatus.RETURNED
                && app.channel() == ApplicationChannel.PROVIDER
                && isProviderOf(actor, app);
    }

    /**
     * The provider corrects an application it submitted and that it returned, and submits it again: the
     * rules are checked anew, the application awaits the provider's check again, and its timeline keeps
     * the return's reasons and lists the fields the correction changed.
     *
     * @throws RejectedInputException with every problem, nothing changed
     */
    @Transactional
    public ApplicationView resubmit(Actor actor, long id, NewApplication input) {
        ApplicationView app = require(actor, id);
        if (!canResubmit(actor, app)) {
            throw new AccessDeniedException("not a returned application this provider submitted");
        }
        return resubmit(app, withProvider(input, actor.scope().creditCode()), actor.username());
    }

    /**
     * The sponsor corrects an application it submitted on the portal and that the provider returned,
     * opened with the tracking number and the access code it got at submission.
     *
     * @throws RejectedInputException on {@code code} when the number and code do not open a returned
     *     application, or with every problem of the corrected input; nothing changed
     */
    @Transactional
    public ApplicationView resubmitOnPortal(String trackingNumber, String accessCode, NewApplication input) {
        ApplicationView app = returnedOnPortal(trackingNumber, accessCode);
        return resubmit(app, input, "public");
    }

    /**
     * The returned application the tracking number and access code open on the portal, with the
     * sponsor's full data to correct; the read is audited.
     *
     * @throws RejectedInputException on {@code code} when they do not open a returned application
     */
    @Transactional
    public ApplicationView returnedOnPortal(String trackingNumber, String accessCode) {
        Optional<ApplicationView> found = track(trackingNumber);
        String stored = found.flatMap(a -> jdbc.sql("select access_code_hash from filing_application where id = :id")
                        .param("id", a.id())
                        .query(String.class)
                        .optional())
                .orElse(null);
        String typed = accessCode == null ? "" : accessCode.strip().toUpperCase(Locale.ROOT);
        if (found.isEmpty()
                || stored == null
                || typed.isEmpty()
                || typed.length() > 20
                || !stored.equals(accessCodeHash(found.get().trackingNumber(), typed))) {
            throw RejectedInputException.of("code", "filing.app.invalid.accessCode", "wrong tracking number or code");
        }
        if (!found.get().correctableOnPortal()) {
            throw RejectedInputException.of(
                    "code", "filing.app.invalid.notReturned", "the application is not returned");
        }
        audit.record("filing", "FilingApplication", found.get().trackingNumber(), "viewed", null, null);
        return found.get();
    }

    private ApplicationView resubmit(ApplicationView app, NewApplication input, String actor) {
        // The kind and, for a change, the subject stay as submitted: a different request is a new application.
        NewApplication fixed = new NewApplication(
                app.kind().name(),
                app.kind() == ApplicationKind.CHANGE ? app.subjectNumber() : null,
                input.changedOn(),
                input.nature(),
                input.sponsorName(),
                input.certificateType(),
                input.certificateNumber(),
                input.cityCode(),
                input.countyCode(),
                input.address(),
                input.principalName(),
                input.principalIdNumber(),
                input.principalPhone(),
                input.principalEmail(),
                input.relatedPersons(),
                input.accessProvider(),
                null,
                input.services());
        Proposal p = rules.check(fixed, app.id(), today());
        String changed = String.join(";", ApplicationChanges.between(app, p));
        LocalDate submittedOn = app.submittedAt().atZone(CHINA).toLocalDate();
        int updated = jdbc.sql("""
                update filing_application set status = 'SUBMITTED', province_code = :province, subject_id = :subject,
                    nature = :nature, sponsor_name = :sponsor, certificate_type = :certType,
                    certificate_number = :certNumber, certificate_hash = :certHash, city_code = :city,
                    county_code = :county, address = :address, principal_name = :principal,
                    principal_id_number = :principalId, principal_id_hash = :principalIdHash, principal_phone = :phone,
                    principal_email = :email, related_persons = :related, access_provider_credit_code = :provider,
                    access_provider_name = :providerName, facts_changed_on = :changedOn, late_change = :late,
                    verified_by = null, verified_at = null, check_items = null, photo_hash = null, photo_type = null,
                    sms_code_hash = null, sms_sent_at = null, sms_expires_at = null, sms_attempts = 0,
                    decision_reason = null, resubmissions = resubmissions + 1, updated_at = :now,
                    version = version + 1
                where id = :id and status = 'RETURNED'""")
                .params(sponsorParams(p))
                .param("late", late(p.factsChangedOn(), submittedOn))
                .param("now", now())
                .param("id", app.id())
                .update();
        if (updated != 1) {
            throw new IllegalStateException("application " + app.trackingNumber() + " changed meanwhile");
        }
        deleteServices(app.id());
        insertServices(app.id(), p);
        step(app.id(), "RESUBMITTED", actor, changed.isEmpty() ? null : changed);
        ApplicationView after = find(app.id());
        Map<String, Object> summary = summary(after);
        summary.put("changed", changed);
        audit.record(
                "filing",
                "FilingApplication",
                app.trackingNumber(),
                "resubmitted",
                Map.of("status", app.status().name()),
                summary);
        notices.send(
                p.providerCreditCode(),
                "filing.app.notice.resubmitted",
                List.of(app.trackingNumber(), after.maskedSponsorName()),
                "/console/filing/applications/" + app.id());
        return after;
    }

    /**
     * Whether a change is late: filed more than the configured days after its facts changed (with 30,
     * the 30th day is in time and the 31st late). A correction after a return keeps the first
     * submission's day.
     */
    boolean late(LocalDate factsChangedOn, LocalDate submittedOn) {
        return factsChangedOn != null && submittedOn.isAfter(factsChangedOn.plusDays(settings.changeDays()));
    }

    /** The provider sends a new code, when the sponsor did not get it or it expired. */
    @Transactional
    public ApplicationView resendSms(Actor actor, long id) {
        ApplicationView app = require(actor, id);
        if (!isProviderOf(actor, app)
                || (app.status() != ApplicationStatus.SMS_PENDING && app.status() != ApplicationStatus.SMS_EXPIRED)) {
            throw new AccessDeniedException("no SMS check to send again");
        }
        step(id, "SMS_RESENT", actor.username(), null);
        sendCode(app, "SMS_RESENT");
        return find(id);
    }

    /**
     * The sponsor confirms the code on the portal. A wrong code counts an attempt; the last allowed
     * wrong attempt, or a code past its window, stops the application (SMS_EXPIRED).
     *
     * @throws RejectedInputException on {@code code} when the code is wrong or expired
     */
    @Transactional(noRollbackFor = RejectedInputException.class)
    public ApplicationView confirmSms(String trackingNumber, String code) {
        ApplicationView app = track(trackingNumber)
                .orElseThrow(() -> RejectedInputException.of(
                        "no",
                        "filing.app.invalid.tracking",
                        "no application " + trackingNumber,
                        String.valueOf(trackingNumber)));
        if (app.status() != ApplicationStatus.SMS_PENDING) {
            throw RejectedInputException.of("code", "filing.sms.notPending", "no SMS check is pending");
        }
        if (!now().toInstant().isBefore(app.smsExpiresAt())) {
            expire(app, "SMS_EXPIRED");
            throw RejectedInputException.of("code", "filing.sms.expired", "the code has expired");
        }
        String typed = code == null ? "" : code.strip();
        String stored = jdbc.sql("select sms_code_hash from filing_application where id = :id")
                .param("id", app.id())
                .query(String.class)
                .single();
        if (!typed.matches("\\d{6}")
                || !rules.hash(app.trackingNumber() + ":" + typed).equals(stored)) {
            int attempts = app.smsAttempts() + 1;
            jdbc.sql("update filing_application set sms_attempts = :n, updated_at = :at where id = :id")
                    .param("n", attempts)
                    .param("at", now())
                    .param("id", app.id())
                    .update();
            if (attempts >= settings.smsAttempts()) {
                expire(app, "SMS_ATTEMPTS");
                throw RejectedInputException.of("code", "filing.sms.tooManyAttempts", "too many wrong codes");
            }
            throw RejectedInputException.of(
                    "code", "filing.sms.wrong", "wrong code", settings.smsAttempts() - attempts);
        }
        jdbc.sql("update filing_application set sms_confirmed_at = :at, sms_code_hash = null where id = :id")
                .param("at", now())
                .param("id", app.id())
                .update();
        startReview(app.id());
        return transition(app, ApplicationStatus.UNDER_REVIEW, "SMS_CONFIRMED", "public", null, null);
    }

    /** Stops the applications whose code was not confirmed in time. */
    @Scheduled(cron = "${telereg.filing.sms-expiry-cron:0 */5 * * * *}", zone = "Asia/Shanghai")
    @Transactional
    public int expireSmsChecks() {
        List<Long> expired = jdbc.sql("select id from filing_application where status = 'SMS_PENDING'"
                        + " and sms_expires_at <= :now")
                .param("now", now())
                .query(Long.class)
                .list();
        for (long id : expired) {
            expire(find(id), "SMS_EXPIRED");
        }
        return expired.size();
    }

    /** The administration approves: the register is written and the numbers issued. */
    @Transactional
    public ApplicationView approve(Actor actor, long id, String note) {
        ApplicationView app = require(actor, id);
        if (!canDecide(actor, app)) {
            throw new AccessDeniedException("not this officer's application to decide");
        }
        FieldProblems problems = new FieldProblems();
        String remark = problems.optionalMultilineText("note", note, 2000);
        problems.throwIfAny();
        Long subjectId = jdbc.sql("select subject_id from filing_application where id = :id")
                .param("id", id)
                .query(Long.class)
                .optional()
                .orElse(null);
        String subjectNumber;
        if (app.kind() == ApplicationKind.CANCEL) {
            Long serviceId = jdbc.sql("select target_service_id from filing_application where id = :id")
                    .param("id", id)
                    .query(Long.class)
                    .optional()
                    .orElse(null);
            register.cancel(subjectId, serviceId, today());
            subjectNumber = app.subjectNumber();
        } else {
            subjectNumber = register.approve(app, subjectId, today());
        }
        jdbc.sql("update filing_application set subject_number = :n where id = :id")
                .param("n", subjectNumber)
                .param("id", id)
                .update();
        return decide(app, ApplicationStatus.APPROVED, actor, remark);
    }

    /** The administration rejects, with its reasons. */
    @Transactional
    public ApplicationView reject(Actor actor, long id, String reasons) {
        ApplicationView app = require(actor, id);
        if (!canDecide(actor, app)) {
            throw new AccessDeniedException("not this officer's application to decide");
        }
        FieldProblems problems = new FieldProblems();
        String why = problems.multilineText("reason", reasons, 2000);
        problems.throwIfAny();
        return decide(app, ApplicationStatus.REJECTED, actor, why);
    }

    /**
     * The access provider withdraws access to a service it hosts: the filing lapses at once.
     *
     * @throws RejectedInputException on {@code serviceNumber} when the provider hosts no such active service
     */
    @Transactional
    public void withdrawAccess(Actor actor, String serviceNumber, String reason) {
        if (!isProvider(actor)) {
            throw new AccessDeniedException("only access providers withdraw access");
        }
        FieldProblems problems = new FieldProblems();
        FilingNumber number = problems.parse("serviceNumber", serviceNumber, FilingNumber::parse);
        String why = problems.multilineText("reason", reason, 1000);
        problems.throwIfAny();
        Map<String, Object> service = jdbc
                .sql("select id, status, access_provider_credit_code from filing_service"
                        + " where service_number = :n")
                .param("n", number.toString())
                .query()
                .listOfRows()
                .stream()
                .findFirst()
                .filter(s -> "ACTIVE".equals(s.get("status"))
                        && actor.scope().creditCode().equals(s.get("access_provider_credit_code")))
                .orElseThrow(() -> RejectedInputException.of(
                        "serviceNumber",
                        "filing.app.invalid.notHosted",
                        "not hosted: " + serviceNumber,
                        serviceNumber));
        long id = ((Number) service.get("id")).longValue();
        register.lapse(id, today());
        audit.record(
                "filing",
                "FilingService",
                number.toString(),
                "accessWithdrawn",
                Map.of("status", "ACTIVE"),
                Map.of("status", "LAPSED", "reason", why));
    }

    /** The administration cancels a filing of its province itself, with the reason. */
    @Transactional
    public List<String> cancelByAdministration(Actor actor, String filingNumber, String reason) {
        if (!canCancel(actor)) {
            throw new AccessDeniedException("only the administration cancels filings");
        }
        FieldProblems problems = new FieldProblems();
        String why = problems.multilineText("reason", reason, 1000);
        Map<String, Object> subject = rules.subject(problems, filingNumber);
        problems.throwIfAny();
        if (!actor.scope().coversProvince((String) subject.get("province_code"))) {
            throw RejectedInputException.of(
                    "filingNumber", "filing.app.invalid.otherProvince", "filed in another province", filingNumber);
        }
        FilingNumber number = FilingNumber.parse(filingNumber);
        Long serviceId = null;
        if (!number.isSubject()) {
            serviceId = jdbc.sql("select id from filing_service where service_number = :n and status <> 'CANCELLED'")
                    .param("n", number.toString())
                    .query(Long.class)
                    .optional()
                    .orElseThrow(() -> RejectedInputException.of(
                            "filingNumber",
                            "filing.app.invalid.unknownNumber",
                            "no filing " + filingNumber,
                            filingNumber));
        }
        List<String> cancelled = register.cancel(((Number) subject.get("id")).longValue(), serviceId, today());
        audit.record(
                "filing",
                number.isSubject() ? "FilingSubject" : "FilingService",
                number.toString(),
                "cancelled",
                Map.of("status", "ACTIVE"),
                Map.of("status", "CANCELLED", "reason", why, "services", cancelled));
        return cancelled;
    }

    /** The applications the actor's scope covers, optionally of one status, most urgent first. */
    @Transactional(readOnly = true)
    public List<ApplicationView> list(DataScope scope, ApplicationStatus status) {
        return list(scope, status, null);
    }

    /**
     * Like {@link #list(DataScope, ApplicationStatus)}, keeping only applications whose tracking number,
     * sponsor name or subject number contains the text.
     */
    @Transactional(readOnly = true)
    public List<ApplicationView> list(DataScope scope, ApplicationStatus status, String text) {
        return list(scope, status, text, false);
    }

    /** Like {@link #list(DataScope, ApplicationStatus, String)}, only late changes when asked. */
    @Transactional(readOnly = true)
    public List<ApplicationView> list(DataScope scope, ApplicationStatus status, String text, boolean lateOnly) {
        Map<String, Object> params = new HashMap<>();
        String where = scope.sqlCondition("province_code", "access_provider_credit_code", params);
        if (lateOnly) {
            where += " and late_change = true";
        }
        if (status != null) {
            where += " and status = :status";
            params.put("status", status.name());
        }
        if (text != null && !text.isBlank()) {
            where +=
                    " and (upper(tracking_number) like :q or upper(sponsor_name) like :q or upper(subject_number) like :q)";
            String escaped = text.strip()
                    .toUpperCase(Locale.ROOT)
                    .replace("\\", "")
                    .replace("%", "")
                    .replace("_", "");
            params.put("q", "%" + escaped.substring(0, Math.min(escaped.length(), 100)) + "%");
        }
        return jdbc
                .sql("select id from filing_application where " + where
                        + " order by case when review_due_on is null then 1 else 0 end, review_due_on, submitted_at desc, id desc"
                        + " limit 500")
                .params(params)
                .query(Long.class)
                .list()
                .stream()
                .map(this::find)
                .toList();
    }

    /**
     * The queue as the user filtered it, for the CSV export (masked as on screen); the export is audited
     * with its filter and row count.
     */
    @Transactional
    public List<ApplicationView> export(Actor actor, ApplicationStatus status, String text, boolean lateOnly) {
        List<ApplicationView> rows = list(actor.scope(), status, text, lateOnly);
        Map<String, Object> filter = new LinkedHashMap<>();
        filter.put("status", status == null ? "" : status.name());
        filter.put("q", text == null ? "" : text.strip());
        filter.put("late", lateOnly);
        filter.put("rows", rows.size());
        audit.record("filing", "FilingApplication", "queue", "exported", null, filter);
        return rows;
    }

    /** How many of the scope's change applications were filed late. */
    @Transactional(readOnly = true)
    public long lateChanges(DataScope scope) {
        Map<String, Object> params = new HashMap<>();
        String where = scope.sqlCondition("province_code", "access_provider_credit_code", params);
        return jdbc.sql("select count(*) from filing_application where late_change = true and " + where)
                .params(params)
                .query(Long.class)
                .single();
    }

    /** One application the scope covers, without an audit entry (for lists and actions). */
    @Transactional(readOnly = true)
    public Optional<ApplicationView> find(DataScope scope, long id) {
        return findOptional(id).filter(a -> scope.covers(a.provinceCode(), a.providerCreditCode()));
    }

    /** One application with its full personal data, for its detail page: the read is audited. */
    @Transactional
    public Optional<ApplicationView> read(Actor actor, long id) {
        Optional<ApplicationView> found = find(actor.scope(), id);
        found.ifPresent(a -> audit.record("filing", "FilingApplication", a.trackingNumber(), "viewed", null, null));
        return found;
    }

    /** A check photo and its media type. */
    public record Photo(byte[] bytes, String mediaType) {}

    /** The photo the provider took at the check, for the provider and the reviewers; the read is audited. */
    @Transactional
    public Optional<Photo> photo(Actor actor, long id) {
        Optional<ApplicationView> app = find(actor.scope(), id).filter(a -> a.photoHash() != null);
        if (app.isEmpty()) {
            return Optional.empty();
        }
        String type = jdbc.sql("select photo_type from filing_application where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
        try {
            byte[] bytes = java.nio.file.Files.readAllBytes(
                    StoredFiles.path(settings.attachmentsDir(), app.get().photoHash()));
            audit.record("filing", "FilingApplication", app.get().trackingNumber(), "photoViewed", null, null);
            return Optional.of(new Photo(bytes, type));
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }

    /** An application by its tracking number, for the portal (which shows masked data only). */
    @Transactional(readOnly = true)
    public Optional<ApplicationView> track(String trackingNumber) {
        if (trackingNumber == null || trackingNumber.isBlank() || trackingNumber.length() > 32) {
            return Optional.empty();
        }
        return jdbc.sql("select id from filing_application where tracking_number = :t")
                .param("t", trackingNumber.strip().toUpperCase(Locale.ROOT))
                .query(Long.class)
                .optional()
                .flatMap(this::findOptional);
    }

    @Transactional(readOnly = true)
    public List<ApplicationStep> steps(long id) {
        return jdbc.sql("select * from filing_application_step where application_id = :id order by id")
                .param("id", id)
                .query((rs, n) -> new ApplicationStep(
                        rs.getString("action"),
                        rs.getString("actor"),
                        rs.getObject("at", OffsetDateTime.class).toInstant(),
                        rs.getString("note")))
                .list();
    }

    /** A service of the register as its access provider sees it. */
    public record HostedService(
            String serviceNumber,
            String subjectNumber,
            ServiceKind kind,
            String name,
            String sponsorName,
            String domains,
            ServiceStatus status,
            LocalDate approvedOn,
            LocalDate accessWithdrawnOn) {}

    /** The services of the register the provider gives access to, active first. */
    @Transactional(readOnly = true)
    public List<HostedService> hosted(Actor actor) {
        if (!isProvider(actor)) {
            return List.of();
        }
        return jdbc.sql("""
                select s.id, s.service_number, j.subject_number, s.kind, s.name, j.sponsor_name, j.nature, s.status,
                       s.approved_on, s.access_withdrawn_on
                from filing_service s join filing_subject j on j.id = s.subject_id
                where s.access_provider_credit_code = :p
                order by case s.status when 'ACTIVE' then 0 when 'LAPSED' then 1 else 2 end, s.service_number
                limit 1000""")
                .param("p", actor.scope().creditCode())
                .query((rs, n) -> new HostedService(
                        rs.getString("service_number"),
                        rs.getString("subject_number"),
                        ServiceKind.valueOf(rs.getString("kind")),
                        rs.getString("name"),
                        "INDIVIDUAL".equals(rs.getString("nature"))
                                ? PersonNames.mask(rs.getString("sponsor_name"))
                                : rs.getString("sponsor_name"),
                        String.join(
                                " ",
                                jdbc.sql("select domain from filing_service_domain where service_id = :id"
                                                + " order by domain")
                                        .param("id", rs.getLong("id"))
                                        .query(String.class)
                                        .list()),
                        ServiceStatus.valueOf(rs.getString("status")),
                        rs.getObject("approved_on", LocalDate.class),
                        rs.getObject("access_withdrawn_on", LocalDate.class)))
                .list();
    }

    /** Counts of the scope's applications by status, for the queue's tabs. */
    @Transactional(readOnly = true)
    public Map<ApplicationStatus, Long> counts(DataScope scope) {
        Map<String, Object> params = new HashMap<>();
        String where = scope.sqlCondition("province_code", "access_provider_credit_code", params);
        Map<ApplicationStatus, Long> counts = new java.util.EnumMap<>(ApplicationStatus.class);
        for (ApplicationStatus s : ApplicationStatus.values()) {
            counts.put(s, 0L);
        }
        jdbc.sql("select status, count(*) as n from filing_application where " + where + " group by status")
                .params(params)
                .query((ResultSet rs) -> {
                    counts.put(ApplicationStatus.valueOf(rs.getString("status")), rs.getLong("n"));
                });
        return counts;
    }

    private ApplicationView require(Actor actor, long id) {
        return find(actor.scope(), id).orElseThrow(() -> new NoSuchElementException("application " + id));
    }

    private ApplicationView find(long id) {
        return findOptional(id).orElseThrow(() -> new NoSuchElementException("application " + id));
    }

    private Optional<ApplicationView> findOptional(long id) {
        Optional<ApplicationView> found = jdbc.sql(
                        "select a.*, j.subject_number as current_subject_number"
                                + " from filing_application a left join filing_subject j on j.id = a.subject_id where a.id = :id")
                .param("id", id)
                .query((rs, n) -> view(rs, services(id)))
                .optional();
        return found;
    }

    private List<ApplicationView.ServiceView> services(long applicationId) {
        List<ApplicationView.ServiceView> services = new ArrayList<>();
        for (Map<String, Object> row : jdbc.sql(
                        "select s.*, f.service_number as target_number from filing_application_service s"
                                + " left join filing_service f on f.id = s.target_service_id"
                                + " where s.application_id = :id order by s.position")
                .param("id", applicationId)
                .query()
                .listOfRows()) {
            long id = ((Number) row.get("id")).longValue();
            services.add(new ApplicationView.ServiceView(
                    id,
                    ((Number) row.get("position")).intValue(),
                    ServiceKind.valueOf((String) row.get("kind")),
                    (String) row.get("name"),
                    jdbc.sql(
                                    "select domain from filing_application_domain where application_service_id = :id order by domain")
                            .param("id", id)
                            .query(String.class)
                            .list(),
                    (String) row.get("home_url"),
                    (String) row.get("app_identifier"),
                    (String) row.get("pre_approval_items"),
                    (String) row.get("content_type"),
                    (String) row.get("responsible_name"),
                    (String) row.get("responsible_id_number"),
                    (String) row.get("responsible_phone"),
                    jdbc.sql(
                                    "select address from filing_application_ip where application_service_id = :id order by address")
                            .param("id", id)
                            .query(String.class)
                            .list(),
                    (String) row.get("service_number"),
                    (String) row.get("target_number")));
        }
        return services;
    }

    private ApplicationView view(ResultSet rs, List<ApplicationView.ServiceView> services) throws SQLException {
        ApplicationStatus status = ApplicationStatus.valueOf(rs.getString("status"));
        LocalDate due = rs.getObject("review_due_on", LocalDate.class);
        Integer left =
                status == ApplicationStatus.UNDER_REVIEW && due != null ? workingDays.between(today(), due) : null;
        String subjectNumber = rs.getString("subject_number");
        return new ApplicationView(
                rs.getLong("id"),
                rs.getString("tracking_number"),
                ApplicationKind.valueOf(rs.getString("kind")),
                ApplicationChannel.valueOf(rs.getString("channel")),
                status,
                rs.getString("province_code"),
                subjectNumber != null ? subjectNumber : rs.getString("current_subject_number"),
                SponsorNature.valueOf(rs.getString("nature")),
                rs.getString("sponsor_name"),
                CertificateType.valueOf(rs.getString("certificate_type")),
                rs.getString("certificate_number"),
                rs.getString("city_code"),
                rs.getString("county_code"),
                rs.getString("address"),
                rs.getString("principal_name"),
                rs.getString("principal_id_number"),
                rs.getString("principal_phone"),
                rs.getString("principal_email"),
                rs.getString("related_persons"),
                rs.getString("access_provider_credit_code"),
                rs.getString("access_provider_name"),
                rs.getString("reason"),
                instant(rs, "submitted_at"),
                rs.getString("verified_by"),
                instant(rs, "verified_at"),
                rs.getString("check_items"),
                rs.getString("photo_hash"),
                instant(rs, "sms_expires_at"),
                rs.getInt("sms_attempts"),
                rs.getObject("review_started_on", LocalDate.class),
                due,
                left,
                rs.getString("decided_by"),
                instant(rs, "decided_at"),
                rs.getString("decision_reason"),
                rs.getObject("facts_changed_on", LocalDate.class),
                rs.getBoolean("late_change"),
                rs.getInt("resubmissions"),
                services);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private long insert(Proposal p, ApplicationChannel channel, ApplicationStatus status) {
        String tracking = TrackingNumbers.next(
                "BA",
                today(),
                t -> jdbc.sql("select count(*) from filing_application where tracking_number = :t")
                                .param("t", t)
                                .query(Long.class)
                                .single()
                        > 0);
        jdbc.sql("""
                insert into filing_application (tracking_number, kind, channel, status, province_code, subject_id,
                    target_service_id, nature, sponsor_name, certificate_type, certificate_number, certificate_hash,
                    city_code, county_code, address, principal_name, principal_id_number, principal_id_hash,
                    principal_phone, principal_email, related_persons, access_provider_credit_code,
                    access_provider_name, reason, facts_changed_on, late_change, submitted_at, updated_at)
                values (:tracking, :kind, :channel, :status, :province, :subject, :targetService, :nature, :sponsor,
                    :certType, :certNumber, :certHash, :city, :county, :address, :principal, :principalId,
                    :principalIdHash, :phone, :email, :related, :provider, :providerName, :reason, :changedOn, :late,
                    :now, :now)""")
                .param("tracking", tracking)
                .param("kind", p.kind().name())
                .param("channel", channel.name())
                .param("status", status.name())
                .params(sponsorParams(p))
                .param("targetService", p.targetServiceId())
                .param("reason", p.reason())
                .param("late", late(p.factsChangedOn(), today()))
                .param("now", now())
                .update();
        long id = jdbc.sql("select id from filing_application where tracking_number = :t")
                .param("t", tracking)
                .query(Long.class)
                .single();
        insertServices(id, p);
        return id;
    }

    private void deleteServices(long id) {
        String services = "(select id from filing_application_service where application_id = :id)";
        jdbc.sql("delete from filing_application_domain where application_service_id in " + services)
                .param("id", id)
                .update();
        jdbc.sql("delete from filing_application_ip where application_service_id in " + services)
                .param("id", id)
                .update();
        jdbc.sql("delete from filing_application_service where application_id = :id")
                .param("id", id)
                .update();
    }

    private void insertServices(long id, Proposal p) {
        int position = 0;
        for (Proposal.ServiceProposal s : p.services()) {
            position++;
            jdbc.sql("""
                    insert into filing_application_service (application_id, position, target_service_id, kind, name,
                        home_url, app_identifier, pre_approval_items, content_type, responsible_name,
                        responsible_id_number, responsible_id_hash, responsible_phone)
                    values (:app, :position, :target, :kind, :name, :home, :appId, :items, :content, :rname, :rid,
                        :ridHash, :rphone)""")
                    .param("app", id)
                    .param("position", position)
                    .param("target", s.targetServiceId())
                    .param("kind", s.kind().name())
                    .param("name", s.name())
                    .param("home", s.homeUrl())
                    .param("appId", s.appIdentifier())
                    .param("items", s.preApprovalText())
                    .param("content", s.contentType())
                    .param("rname", s.responsibleName())
                    .param("rid", s.responsibleIdNumber())
                    .param("ridHash", s.responsibleIdHash())
                    .param("rphone", s.responsiblePhone())
                    .update();
            long serviceId = jdbc.sql("select id from filing_application_service where application_id = :app"
                            + " and position = :position")
                    .param("app", id)
                    .param("position", position)
                    .query(Long.class)
                    .single();
            for (String domain : s.domains()) {
                jdbc.sql("insert into filing_application_domain (application_service_id, domain) values (:s, :d)")
                        .param("s", serviceId)
                        .param("d", domain)
                        .update();
            }
            for (String ip : s.ips()) {
                ServiceAddresses.addToApplication(jdbc, serviceId, ip);
            }
        }
    }

    private Proposal fromSubject(Map<String, Object> s, Long serviceId, String provider, String reason) {
        return new Proposal(
                ApplicationKind.CANCEL,
                (String) s.get("province_code"),
                ((Number) s.get("id")).longValue(),
                serviceId,
                SponsorNature.valueOf((String) s.get("nature")),
                (String) s.get("sponsor_name"),
                CertificateType.valueOf((String) s.get("certificate_type")),
                (String) s.get("certificate_number"),
                (String) s.get("certificate_hash"),
                (String) s.get("city_code"),
                (String) s.get("county_code"),
                (String) s.get("address"),
                (String) s.get("principal_name"),
                (String) s.get("principal_id_number"),
                (String) s.get("principal_id_hash"),
                (String) s.get("principal_phone"),
                (String) s.get("principal_email"),
                List.of(),
                provider,
                rules.provider(provider).map(o -> o.name()).orElse(provider),
                reason,
                null,
                List.of());
    }

    private void startReview(long id) {
        LocalDate today = today();
        jdbc.sql("update filing_application set review_started_on = :today, review_due_on = :due where id = :id")
                .param("today", today)
                .param("due", reviewDue(today))
                .param("id", id)
                .update();
    }

    /** The day the administration's decision is due: the configured working days after the review starts. */
    public LocalDate reviewDue(LocalDate received) {
        return workingDays.plus(received, settings.reviewWorkingDays());
    }

    private void sendCode(ApplicationView app, String reasonStep) {
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        OffsetDateTime now = now();
        jdbc.sql("""
                update filing_application set status = 'SMS_PENDING', sms_code_hash = :hash, sms_sent_at = :now,
                    sms_expires_at = :expires, sms_attempts = 0, updated_at = :now, version = version + 1 where id = :id""")
                .param("hash", rules.hash(app.trackingNumber() + ":" + code))
                .param("now", now)
                .param("expires", now.plus(settings.smsWindow()))
                .param("id", app.id())
                .update();
        long hours = settings.smsWindow().toHours();
        sms.send(
                app.principalPhone(),
                messages.getMessage(
                        "filing.sms.text",
                        new Object[] {code, app.trackingNumber(), Long.toString(hours)},
                        Locale.SIMPLIFIED_CHINESE));
        audit.record(
                "filing",
                "FilingApplication",
                app.trackingNumber(),
                "smsSent",
                Map.of("status", app.status().name()),
                Map.of("status", ApplicationStatus.SMS_PENDING.name(), "after", reasonStep));
    }

    private void expire(ApplicationView app, String action) {
        jdbc.sql("update filing_application set sms_code_hash = null where id = :id")
                .param("id", app.id())
                .update();
        transition(app, ApplicationStatus.SMS_EXPIRED, action, "system", null, null);
    }

    private ApplicationView decide(ApplicationView app, ApplicationStatus status, Actor actor, String reason) {
        jdbc.sql("update filing_application set decided_by = :by, decided_at = :at where id = :id")
                .param("by", actor.username())
                .param("at", now())
                .param("id", app.id())
                .update();
        return transition(app, status, status.name(), actor.username(), reason, reason);
    }

    private ApplicationView transition(
            ApplicationView app, ApplicationStatus status, String action, String actor, String note, String reason) {
        int updated = jdbc.sql("update filing_application set status = :status, updated_at = :at,"
                        + " decision_reason = coalesce(:reason, decision_reason), version = version + 1"
                        + " where id = :id and status = :was")
                .param("status", status.name())
                .param("at", now())
                .param("reason", reason)
                .param("id", app.id())
                .param("was", app.status().name())
                .update();
        if (updated != 1) {
            throw new IllegalStateException("application " + app.trackingNumber() + " changed meanwhile");
        }
        step(app.id(), action, actor, note);
        ApplicationView after = find(app.id());
        audit.record(
                "filing",
                "FilingApplication",
                app.trackingNumber(),
                camelCase(action),
                Map.of("status", app.status().name()),
                summary(after));
        return after;
    }

    private void step(long id, String action, String actor, String note) {
        jdbc.sql("insert into filing_application_step (application_id, action, actor, at, note)"
                        + " values (:id, :action, :actor, :at, :note)")
                .param("id", id)
                .param("action", action)
                .param("actor", actor)
                .param("at", now())
                .param("note", note)
                .update();
    }

    private static Map<String, Object> summary(ApplicationView app) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("status", app.status().name());
        summary.put("kind", app.kind().name());
        summary.put("province", app.provinceCode());
        summary.put("sponsor", app.maskedSponsorName());
        summary.put("provider", app.providerCreditCode());
        summary.put(
                "services",
                app.services().stream().map(ApplicationView.ServiceView::name).toList());
        if (app.subjectNumber() != null) {
            summary.put("subjectNumber", app.subjectNumber());
        }
        return summary;
    }

    private static NewApplication withProvider(NewApplication input, String creditCode) {
        return new NewApplication(
                input.kind(),
                input.filingNumber(),
                input.changedOn(),
                input.nature(),
                input.sponsorName(),
                input.certificateType(),
                input.certificateNumber(),
                input.cityCode(),
                input.countyCode(),
                input.address(),
                input.principalName(),
                input.principalIdNumber(),
                input.principalPhone(),
                input.principalEmail(),
                input.relatedPersons(),
                creditCode,
                input.reason(),
                input.services());
    }

    /** The audit action of a step: SMS_CONFIRMED → smsConfirmed. */
    static String camelCase(String step) {
        StringBuilder out = new StringBuilder();
        for (String part : step.toLowerCase(Locale.ROOT).split("_")) {
            out.append(out.isEmpty() ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return out.toString();
    }

    private static final String ACCESS_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    /** Eight characters without look-alikes (0/O, 1/I/L): about 10^12 codes. */
    private static String accessCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            code.append(ACCESS_CODE_ALPHABET.charAt(RANDOM.nextInt(ACCESS_CODE_ALPHABET.length())));
        }
        return code.toString();
    }

    private String accessCodeHash(String trackingNumber, String code) {
        return rules.hash(trackingNumber + "#" + code);
    }

    private static String actorName(Actor actor) {
        return actor == null ? "public" : actor.username();
    }

    private OffsetDateTime now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    /** The sponsor and provider columns a submission and a resubmission both write, by parameter name. */
    private static Map<String, Object> sponsorParams(Proposal p) {
        Map<String, Object> params = new HashMap<>();
        params.put("province", p.provinceCode());
        params.put("subject", p.subjectId());
        params.put("nature", p.nature().name());
        params.put("sponsor", p.sponsorName());
        params.put("certType", p.certificateType().name());
        params.put("certNumber", p.certificateNumber());
        params.put("certHash", p.certificateHash());
        params.put("city", p.cityCode());
        params.put("county", p.countyCode());
        params.put("address", p.address());
        params.put("principal", p.principalName());
        params.put("principalId", p.principalIdNumber());
        params.put("principalIdHash", p.principalIdHash());
        params.put("phone", p.principalPhone());
        params.put("email", p.principalEmail());
        params.put("related", p.relatedPersons().isEmpty() ? null : String.join(";", p.relatedPersons()));
        params.put("provider", p.providerCreditCode());
        params.put("providerName", p.providerName());
        params.put("changedOn", p.factsChangedOn());
        return params;
    }
}
