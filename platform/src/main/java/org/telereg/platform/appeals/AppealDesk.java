package org.telereg.platform.appeals;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.stream.Collectors;
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
import org.telereg.platform.access.AccessManagement;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.access.OrganisationType;
import org.telereg.platform.access.OrganisationView;
import org.telereg.platform.access.Role;
import org.telereg.platform.audit.AuditTrail;
import org.telereg.platform.calendar.WorkingDays;
import org.telereg.platform.shared.FieldProblems;
import org.telereg.platform.shared.FileTypes;
import org.telereg.platform.shared.Hashes;
import org.telereg.platform.shared.PhoneNumber;
import org.telereg.platform.shared.ProvinceCode;
import org.telereg.platform.shared.StoredFiles;
import org.telereg.platform.shared.TrackingNumbers;

/**
 * The appeal desk of the administrations: takes appeals from the portal and from 12300 calls,
 * applies the admissibility rules, and records each administration's decision within its
 * working-day deadline.
 */
@Service
public class AppealDesk {

    /** Working days the administration has to accept or refuse an appeal. */
    static final int ACCEPTANCE_WORKING_DAYS = 5;
    /** Days it has to answer an accepted appeal, from complete materials. */
    static final int ANSWER_DAYS = 30;
    /** The same user, operator, subject and request within this window is one appeal. */
    static final Duration DUPLICATE_WINDOW = Duration.ofDays(30);

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;
    private final AccessManagement access;
    private final WorkingDays workingDays;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final AppealSettings settings;
    private final Clock clock;

    AppealDesk(
            JdbcClient jdbc,
            AccessManagement access,
            WorkingDays workingDays,
            AuditTrail audit,
            ApplicationEventPublisher events,
            AppealSettings settings,
            Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.workingDays = workingDays;
        this.audit = audit;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Receives an appeal. From the portal, the operator, request and facts are required; staff taking
     * a call record what the caller gives, and the rules refuse an appeal that lacks them.
     *
     * @throws org.telereg.platform.shared.RejectedInputException naming every refused field, or the
     *     request of an appeal already received within 30 days
     */
    @Transactional
    public AppealView submit(AppealChannel channel, NewAppeal input) {
        return submit(channel, input, List.of());
    }

    /**
     * Receives an appeal with evidence: at most {@code telereg.appeals.max-attachments} PNG, JPEG, GIF,
     * WebP or PDF files (told apart by their content) of at most {@code max-attachment-bytes} each.
     */
    @Transactional
    public AppealView submit(AppealChannel channel, NewAppeal input, List<Evidence> evidence) {
        LocalDate today = today();
        FieldProblems problems = new FieldProblems();
        List<Evidence> files = FileTypes.checkEvidence(
                problems,
                "evidence",
                "appeals.invalid.",
                evidence,
                Evidence::fileName,
                Evidence::bytes,
                settings.maxAttachments(),
                settings.maxAttachmentBytes());
        boolean portal = channel == AppealChannel.PORTAL;
        String name = problems.text("complainantName", input.complainantName(), 50);
        PhoneNumber phone = problems.parse("complainantPhone", input.complainantPhone(), PhoneNumber::of);
        OrganisationView respondent = respondent(problems, input.respondentCode(), portal);
        ProvinceCode province = problems.parse("provinceCode", input.provinceCode(), ProvinceCode::of);
        AppealSubject subject = problems.choice("subject", input.subject(), AppealSubject.class);
        String request = portal
                ? problems.multilineText("request", input.request(), 2000)
                : problems.optionalMultilineText("request", input.request(), 2000);
        String facts = portal
                ? problems.multilineText("facts", input.facts(), 4000)
                : problems.optionalMultilineText("facts", input.facts(), 4000);
        LocalDate occurredOn = problems.pastDate("occurredOn", input.occurredOn(), true, today);
        LocalDate contactedOn = problems.pastDate("operatorContactedOn", input.operatorContactedOn(), false, today);
        OperatorContact contact = contactedOn == null
                ? null
                : problems.choice("operatorContact", input.operatorContact(), OperatorContact.class);
        LocalDate answeredOn = problems.pastDate("operatorAnsweredOn", input.operatorAnsweredOn(), false, today);
        String operatorAnswer = problems.optionalMultilineText("operatorAnswer", input.operatorAnswer(), 2000);
        if (contactedOn != null && occurredOn != null && contactedOn.isBefore(occurredOn)) {
            problems.reject("operatorContactedOn", "appeals.invalid.contactBeforeMatter", "before the matter happened");
        }
        if (answeredOn != null && contactedOn == null) {
            problems.reject(
                    "operatorContactedOn", "appeals.invalid.answerWithoutContact", "the operator answered what?");
        }
        if (answeredOn != null && contactedOn != null && answeredOn.isBefore(contactedOn)) {
            problems.reject("operatorAnsweredOn", "appeals.invalid.answerBeforeContact", "before the complaint");
        }
        problems.throwIfAny();

        Instant now = clock.instant();
        String fingerprint = Hashes.sha256((phone.national() + "\n"
                + (respondent == null ? "" : respondent.creditCode()) + "\n" + subject + "\n"
                + normalised(request)));
        Optional<String> earlier = jdbc.sql("select tracking_number from appeals_appeal where fingerprint = :f"
                        + " and received_at >= :since and status <> 'REFUSED'")
                .param("f", fingerprint)
                .param("since", now.minus(DUPLICATE_WINDOW).atOffset(ZoneOffset.UTC))
                .query(String.class)
                .optional();
        if (earlier.isPresent()) {
            problems.reject(
                    "request", "appeals.invalid.duplicate", "already received as " + earlier.get(), earlier.get());
            problems.throwIfAny();
        }
        boolean settled = yes(input.settled());
        boolean handledBefore = yes(input.handledBefore());
        boolean elsewhere = yes(input.elsewhere());
        Admissibility.Verdict verdict = Admissibility.check(
                new Admissibility.Facts(
                        respondent != null,
                        request != null,
                        facts != null,
                        subject,
                        occurredOn,
                        contactedOn,
                        answeredOn,
                        settled,
                        handledBefore,
                        elsewhere),
                today);
        String tracking = TrackingNumbers.next("SS", today, this::trackingNumberTaken);
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into appeals_appeal (tracking_number, channel, complainant_name, complainant_phone,
                            respondent_credit_code, respondent_name, province_code, subject, category, request, facts,
                            occurred_on, operator_contacted_on, operator_contact, operator_answer,
                            operator_answered_on, settled, handled_before, elsewhere, status, rule_outcome,
                            rule_reasons, received_at, acceptance_deadline, fingerprint)
                        values (:tracking, :channel, :name, :phone, :respondent, :respondentName, :province,
                            :subject, :category, :request, :facts, :occurredOn, :contactedOn, :contact,
                            :operatorAnswer, :answeredOn, :settled, :handledBefore, :elsewhere, 'RECEIVED',
                            :ruleOutcome, :ruleReasons, :receivedAt, :deadline, :fingerprint)""")
                .param("tracking", tracking)
                .param("channel", channel.name())
                .param("name", name)
                .param("phone", phone.national())
                .param("respondent", respondent == null ? null : respondent.creditCode())
                .param("respondentName", respondent == null ? null : respondent.name())
                .param("province", province.code())
                .param("subject", subject.name())
                .param("category", subject.category().name())
                .param("request", request)
                .param("facts", facts)
                .param("occurredOn", occurredOn)
                .param("contactedOn", contactedOn)
                .param("contact", contact == null ? null : contact.name())
                .param("operatorAnswer", operatorAnswer)
                .param("answeredOn", answeredOn)
                .param("settled", settled)
                .param("handledBefore", handledBefore)
                .param("elsewhere", elsewhere)
                .param("ruleOutcome", verdict.outcome().status().name())
                .param("ruleReasons", stored(verdict.reasons()))
                .param("receivedAt", now.atOffset(ZoneOffset.UTC))
                .param("deadline", workingDays.plus(today, ACCEPTANCE_WORKING_DAYS))
                .param("fingerprint", fingerprint)
                .update(key, "id");
        AppealView saved = load(key.getKey().longValue()).orElseThrow();
        files.forEach(file -> store(saved.id(), file));
        audit.record("appeals", "Appeal", tracking, "received", null, Map.of("status", saved.status()));
        events.publishEvent(new AppealReceived(
                tracking, saved.complainantPhone(), saved.respondentCreditCode(), saved.provinceCode(), subject, now));
        return saved;
    }

    /**
     * The administration's decision on a received appeal. Departing from what the rules conclude
     * today needs a reason, and is recorded as an override.
     *
     * @param outcome {@code ACCEPTED}, {@code REFUSED} or {@code REFERRED_TO_OPERATOR}
     */
    @Transactional
    public AppealView decide(Actor actor, long id, String outcome, String reason) {
        AppealView before = load(id).filter(a -> actor.scope().coversProvince(a.provinceCode()))
                .orElseThrow(() -> new NoSuchElementException("no appeal " + id));
        if (!decides(actor)) {
            throw new AccessDeniedException("role " + actor.role() + " does not decide appeals");
        }
        FieldProblems problems = new FieldProblems();
        AppealStatus decision = problems.choice("outcome", outcome, AppealStatus.class);
        String why = problems.optionalText("reason", reason, 1000);
        if (decision != null
                && decision != AppealStatus.ACCEPTED
                && decision != AppealStatus.REFUSED
                && decision != AppealStatus.REFERRED_TO_OPERATOR) {
            problems.reject("outcome", "invalid.choice", "is not a decision", outcome);
        }
        if (before.status() != AppealStatus.RECEIVED) {
            problems.reject("outcome", "appeals.invalid.decided", "already decided");
        }
        AppealStatus rules = rulesToday(before).outcome().status();
        boolean override = decision != null && decision != rules;
        if (override && why == null) {
            problems.reject("reason", "appeals.invalid.overrideReason", "a decision against the rules needs a reason");
        }
        problems.throwIfAny();
        LocalDate today = today();
        jdbc.sql("""
                        update appeals_appeal set status = :status, decision_reason = :reason, decided_at = :at,
                            decided_by = :by, answer_deadline = :answerBy, response_deadline = :respondBy,
                            version = version + 1
                        where id = :id and status = 'RECEIVED'""")
                .param("status", decision.name())
                .param("reason", why)
                .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .param("by", actor.username())
                .param("answerBy", decision == AppealStatus.ACCEPTED ? today.plusDays(ANSWER_DAYS) : null)
                .param(
                        "respondBy",
                        decision == AppealStatus.ACCEPTED
                                ? workingDays.plus(today, settings.operatorResponseWorkingDays())
                                : null)
                .param("id", id)
                .update();
        AppealView after = load(id).orElseThrow();
        audit.record(
                "appeals",
                "Appeal",
                after.trackingNumber(),
                override ? "overridden" : "decided",
                Map.of("status", before.status(), "rules", rules),
                Map.of("status", after.status(), "reason", why == null ? "" : why));
        return after;
    }

    /**
     * The respondent operator's response to an accepted appeal, from its console or its system.
     *
     * @throws org.telereg.platform.shared.RejectedInputException for an empty or oversized response,
     *     or an appeal not awaiting one
     */
    @Transactional
    public AppealView respond(Actor actor, long id, String text) {
        AppealView before = load(id).filter(a -> actor.role() == Role.OPERATOR
                        && actor.scope().creditCode() != null
                        && actor.scope().creditCode().equals(a.respondentCreditCode())
                        && a.status() != AppealStatus.RECEIVED)
                .orElseThrow(() -> new NoSuchElementException("no appeal " + id + " served on " + actor.username()));
        FieldProblems problems = new FieldProblems();
        String response = problems.multilineText("response", text, 4000);
        if (before.status() != AppealStatus.ACCEPTED) {
            problems.reject("response", "appeals.invalid.notAwaitingResponse", "not awaiting a response");
        }
        problems.throwIfAny();
        Instant now = clock.instant();
        jdbc.sql("""
                        update appeals_appeal set status = 'RESPONDED', response_text = :text, responded_at = :at,
                            responded_by = :by, version = version + 1
                        where id = :id and status = 'ACCEPTED'""")
                .param("text", response)
                .param("at", now.atOffset(ZoneOffset.UTC))
                .param("by", actor.username())
                .param("id", id)
                .update();
        AppealView after = load(id).orElseThrow();
        audit.record("appeals", "Appeal", after.trackingNumber(), "responded", null, Map.of("response", response));
        events.publishEvent(new AppealResponded(
                after.trackingNumber(),
                after.respondentCreditCode(),
                after.provinceCode(),
                !today().isAfter(before.responseDeadline()),
                now));
        return after;
    }

    /**
     * Closes an accepted appeal after mediation. An appeal not settled needs the advice given
     * (arbitration or court).
     *
     * @param outcome {@code SETTLED} or {@code NOT_SETTLED}
     */
    @Transactional
    public AppealView close(Actor actor, long id, String mediationRecord, String outcome, String note) {
        AppealView before = load(id).filter(a -> actor.scope().coversProvince(a.provinceCode()))
                .orElseThrow(() -> new NoSuchElementException("no appeal " + id));
        if (!decides(actor)) {
            throw new AccessDeniedException("role " + actor.role() + " does not close appeals");
        }
        FieldProblems problems = new FieldProblems();
        String record = problems.multilineText("mediationRecord", mediationRecord, 4000);
        Outcome ending = problems.choice("outcome", outcome, Outcome.class);
        String advice = ending == Outcome.NOT_SETTLED
                ? problems.multilineText("outcomeNote", note, 2000)
                : problems.optionalMultilineText("outcomeNote", note, 2000);
        if (before.status() != AppealStatus.ACCEPTED && before.status() != AppealStatus.RESPONDED) {
            problems.reject("outcome", "appeals.invalid.notOpen", "only an accepted appeal is closed");
        }
        problems.throwIfAny();
        Instant now = clock.instant();
        jdbc.sql("""
                        update appeals_appeal set status = 'CLOSED', mediation_record = :record, outcome = :outcome,
                            outcome_note = :note, closed_at = :at, closed_by = :by, version = version + 1
                        where id = :id and status in ('ACCEPTED', 'RESPONDED')""")
                .param("record", record)
                .param("outcome", ending.name())
                .param("note", advice)
                .param("at", now.atOffset(ZoneOffset.UTC))
                .param("by", actor.username())
                .param("id", id)
                .update();
        AppealView after = load(id).orElseThrow();
        audit.record(
                "appeals",
                "Appeal",
                after.trackingNumber(),
                "closed",
                Map.of("status", before.status()),
                Map.of("status", after.status(), "outcome", ending));
        events.publishEvent(new AppealClosed(
                after.trackingNumber(),
                after.respondentCreditCode(),
                after.provinceCode(),
                after.subject(),
                ending,
                now));
        return after;
    }

    /**
     * The complainant rates a closed appeal, once, proving it is theirs with the phone number they gave.
     *
     * @param rating 1 (very unsatisfied) to 5 (very satisfied)
     */
    @Transactional
    public AppealView rate(String trackingNumber, String phone, String rating, String comment) {
        FieldProblems problems = new FieldProblems();
        Optional<AppealView> found = track(trackingNumber);
        PhoneNumber given = problems.parse("phone", phone, PhoneNumber::of);
        if (found.isPresent()
                && given != null
                && !given.national().equals(found.get().complainantPhone())) {
            problems.reject("phone", "appeals.invalid.notYourAppeal", "not the phone number given in the appeal");
        }
        Integer stars = null;
        try {
            stars = rating == null ? null : Integer.valueOf(rating.strip());
        } catch (NumberFormatException e) {
            stars = null;
        }
        if (stars == null || stars < 1 || stars > 5) {
            problems.reject("rating", "appeals.invalid.rating", "1 to 5");
        }
        String remark = problems.optionalMultilineText("ratingComment", comment, 500);
        if (found.isEmpty()) {
            problems.reject("trackingNumber", "appeals.track.notFound", "no such appeal");
        } else if (found.get().status() != AppealStatus.CLOSED) {
            problems.reject("rating", "appeals.invalid.notClosed", "only a closed appeal is rated");
        } else if (found.get().rating() != null) {
            problems.reject("rating", "appeals.invalid.rated", "already rated");
        }
        problems.throwIfAny();
        jdbc.sql("update appeals_appeal set rating = :rating, rating_comment = :comment, rated_at = :at,"
                        + " version = version + 1 where id = :id and rating is null")
                .param("rating", stars)
                .param("comment", remark)
                .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .param("id", found.get().id())
                .update();
        AppealView after = load(found.get().id()).orElseThrow();
        audit.record("appeals", "Appeal", after.trackingNumber(), "rated", null, Map.of("rating", stars));
        return after;
    }

    /** What the admissibility rules conclude about the appeal today (the operator's 15 days may since have passed). */
    Admissibility.Verdict rulesToday(AppealView appeal) {
        return Admissibility.check(
                new Admissibility.Facts(
                        appeal.respondentCreditCode() != null,
                        appeal.request() != null,
                        appeal.facts() != null,
                        appeal.subject(),
                        appeal.occurredOn(),
                        appeal.operatorContactedOn(),
                        appeal.operatorAnsweredOn(),
                        appeal.settled(),
                        appeal.handledBefore(),
                        appeal.elsewhere()),
                today());
    }

    /** The decision the rules call for today. */
    public AppealStatus outcomeToday(AppealView appeal) {
        return rulesToday(appeal).outcome().status();
    }

    /** The rules' reasons today, as the console shows them. */
    public List<AppealView.RuleReason> reasonsToday(AppealView appeal) {
        return rulesToday(appeal).reasons().stream()
                .map(r -> AppealView.RuleReason.parse(r.stored()))
                .toList();
    }

    /** The whole appeal with the complainant's details, for staff whose scope covers it; the read is audited. */
    @Transactional
    public Optional<AppealView> read(Actor actor, long id) {
        Optional<AppealView> found = load(id).filter(a -> actor.scope().coversProvince(a.provinceCode())
                || (actor.role() == Role.OPERATOR
                        && a.respondentCreditCode() != null
                        && a.respondentCreditCode().equals(actor.scope().creditCode())
                        && a.status().compareTo(AppealStatus.ACCEPTED) >= 0));
        found.ifPresent(a -> audit.record("appeals", "Appeal", a.trackingNumber(), "viewed", null, null));
        return found;
    }

    /** What the complainant sees for a tracking number. */
    @Transactional(readOnly = true)
    public Optional<AppealView> track(String trackingNumber) {
        if (trackingNumber == null || trackingNumber.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql("select * from appeals_appeal where tracking_number = :no")
                .param("no", trackingNumber.strip().toUpperCase())
                .query((rs, n) -> toView(rs))
                .optional();
    }

    /** Appeals the user of a number made that the scope covers, newest first: a panel of the number's page. */
    @Transactional(readOnly = true)
    public List<AppealView> byComplainant(DataScope scope, String phone, int limit) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = " where complainant_phone = :phone and "
                + scope.sqlCondition("province_code", "respondent_credit_code", params);
        return jdbc.sql("select * from appeals_appeal" + where + " order by id desc limit :limit")
                .params(params)
                .param("phone", phone)
                .param("limit", limit)
                .query((rs, n) -> toView(rs))
                .list();
    }

    /** One page of appeals the scope covers, newest first; optionally one status, or overdue only. */
    @Transactional(readOnly = true)
    public Page<AppealView> search(DataScope scope, AppealStatus status, boolean overdueOnly, Pageable pageable) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder where =
                new StringBuilder(" where " + scope.sqlCondition("province_code", "respondent_credit_code", params));
        if (scope.kind() == DataScope.Kind.ENTERPRISE) {
            // An operator sees appeals once they are accepted and served on it.
            where.append(" and status in ('ACCEPTED', 'RESPONDED', 'CLOSED')");
        }
        if (status != null) {
            where.append(" and status = :status");
            params.put("status", status.name());
        }
        if (overdueOnly) {
            where.append(" and ((status = 'RECEIVED' and acceptance_deadline < :today)"
                    + " or (status = 'ACCEPTED' and (response_deadline < :today or answer_deadline < :today))"
                    + " or (status = 'RESPONDED' and answer_deadline < :today))");
            params.put("today", today());
        }
        long total = jdbc.sql("select count(*) from appeals_appeal" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<AppealView> rows = jdbc.sql(
                        "select * from appeals_appeal" + where + " order by id desc limit :limit offset :offset")
                .params(params)
                .param("limit", pageable.getPageSize())
                .param("offset", pageable.getOffset())
                .query((rs, n) -> toView(rs))
                .list();
        return new PageImpl<>(rows, pageable, total);
    }

    /**
     * Appeals the scope covers whose current deadline falls today or on the next working day: the
     * reminder at the top of the queue.
     */
    @Transactional(readOnly = true)
    public long dueSoon(DataScope scope) {
        Map<String, Object> params = new LinkedHashMap<>();
        LocalDate today = today();
        params.put("today", today);
        params.put("soon", workingDays.plus(today, 1));
        return jdbc.sql("select count(*) from appeals_appeal where "
                        + scope.sqlCondition("province_code", "respondent_credit_code", params)
                        + " and ((status = 'RECEIVED' and acceptance_deadline between :today and :soon)"
                        + " or (status = 'ACCEPTED' and response_deadline between :today and :soon)"
                        + " or (status = 'RESPONDED' and answer_deadline between :today and :soon))")
                .params(params)
                .query(Long.class)
                .single();
    }

    /** The files attached to an appeal. */
    @Transactional(readOnly = true)
    public List<EvidenceView> evidence(long appealId) {
        return jdbc.sql("select id, file_name, content_type, size_bytes from appeals_attachment"
                        + " where appeal_id = :id order by id")
                .param("id", appealId)
                .query((rs, n) -> new EvidenceView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
                .list();
    }

    /** One attached file, for an actor who may read the appeal; the read is audited like the appeal's. */
    @Transactional
    public Optional<Path> evidenceFile(Actor actor, long appealId, long attachmentId) {
        return read(actor, appealId)
                .flatMap(appeal -> jdbc.sql(
                                "select sha256 from appeals_attachment where id = :file and appeal_id = :appeal")
                        .param("file", attachmentId)
                        .param("appeal", appealId)
                        .query(String.class)
                        .optional()
                        .map(hash -> StoredFiles.path(settings.attachmentsDir(), hash)));
    }

    private void store(long appealId, Evidence evidence) {
        String hash = StoredFiles.store(settings.attachmentsDir(), evidence.bytes());
        jdbc.sql("insert into appeals_attachment (appeal_id, file_name, content_type, size_bytes, sha256)"
                        + " values (:appeal, :name, :type, :size, :hash)")
                .param("appeal", appealId)
                .param("name", FileTypes.safeName(evidence.fileName(), "evidence"))
                .param("type", FileTypes.detect(evidence.bytes()))
                .param("size", evidence.bytes().length)
                .param("hash", hash)
                .update();
    }

    /** Whether the actor decides appeals: the administrations and the ministry. */
    public static boolean decides(Actor actor) {
        return actor.role() == Role.PROVINCIAL_OFFICER
                || actor.role() == Role.MINISTRY_OFFICER
                || actor.role() == Role.MINISTRY_ADMIN;
    }

    /** The operators an appeal can be against. */
    public List<OrganisationView> respondents() {
        return access.organisations().stream()
                .filter(o -> o.type() == OrganisationType.OPERATOR && o.creditCode() != null)
                .toList();
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(CHINA));
    }

    private Optional<AppealView> load(long id) {
        return jdbc.sql("select * from appeals_appeal where id = :id")
                .param("id", id)
                .query((rs, n) -> toView(rs))
                .optional();
    }

    private boolean trackingNumberTaken(String trackingNumber) {
        return jdbc.sql("select count(*) from appeals_appeal where tracking_number = :no")
                        .param("no", trackingNumber)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private OrganisationView respondent(FieldProblems problems, String code, boolean required) {
        if (code == null || code.isBlank()) {
            if (required) {
                problems.reject("respondentCode", "invalid.required", "is required");
            }
            return null;
        }
        Optional<OrganisationView> found = respondents().stream()
                .filter(o -> o.code().equals(code.strip()))
                .findFirst();
        if (found.isEmpty()) {
            problems.reject("respondentCode", "appeals.invalid.respondent", "not an operator");
        }
        return found.orElse(null);
    }

    /** A date field; a future date is refused, since the matters it records have happened. */
    private static boolean yes(String text) {
        return text != null && (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("on"));
    }

    private static String normalised(String text) {
        return text == null ? "" : text.replaceAll("\\s+", "").toLowerCase();
    }

    private static String stored(List<Admissibility.Reason> reasons) {
        return reasons.isEmpty()
                ? null
                : reasons.stream().map(Admissibility.Reason::stored).collect(Collectors.joining(";"));
    }

    private static AppealView toView(ResultSet rs) throws SQLException {
        String reasons = rs.getString("rule_reasons");
        String contact = rs.getString("operator_contact");
        OffsetDateTime decided = rs.getObject("decided_at", OffsetDateTime.class);
        return new AppealView(
                rs.getLong("id"),
                rs.getString("tracking_number"),
                AppealChannel.valueOf(rs.getString("channel")),
                rs.getString("complainant_name"),
                rs.getString("complainant_phone"),
                rs.getString("respondent_credit_code"),
                rs.getString("respondent_name"),
                rs.getString("province_code"),
                AppealSubject.valueOf(rs.getString("subject")),
                rs.getString("request"),
                rs.getString("facts"),
                localDate(rs, "occurred_on"),
                localDate(rs, "operator_contacted_on"),
                contact == null ? null : OperatorContact.valueOf(contact),
                rs.getString("operator_answer"),
                localDate(rs, "operator_answered_on"),
                rs.getBoolean("settled"),
                rs.getBoolean("handled_before"),
                rs.getBoolean("elsewhere"),
                AppealStatus.valueOf(rs.getString("status")),
                AppealStatus.valueOf(rs.getString("rule_outcome")),
                reasons == null
                        ? List.of()
                        : Arrays.stream(reasons.split(";"))
                                .map(AppealView.RuleReason::parse)
                                .toList(),
                rs.getString("decision_reason"),
                rs.getObject("received_at", OffsetDateTime.class).toInstant(),
                localDate(rs, "acceptance_deadline"),
                decided == null ? null : decided.toInstant(),
                rs.getString("decided_by"),
                localDate(rs, "answer_deadline"),
                localDate(rs, "response_deadline"),
                rs.getString("response_text"),
                instant(rs, "responded_at"),
                rs.getString("responded_by"),
                rs.getString("mediation_record"),
                rs.getString("outcome") == null ? null : Outcome.valueOf(rs.getString("outcome")),
                rs.getString("outcome_note"),
                instant(rs, "closed_at"),
                rs.getString("closed_by"),
                rs.getObject("rating", Integer.class),
                rs.getString("rating_comment"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static LocalDate localDate(ResultSet rs, String column) throws SQLException {
        java.sql.Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }
}
