package org.telereg.platform.spam;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.telereg.engine.numbering.PhoneLookup;
import org.telereg.engine.numbering.PhoneNumbers;
import org.telereg.engine.sms.KeywordGroup;
import org.telereg.engine.sms.SmsCategory;
import org.telereg.engine.sms.SmsScreener;
import org.telereg.engine.sms.SmsVerdict;
import org.telereg.engine.sms.TextNormaliser;
import org.telereg.platform.access.AccessManagement;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.access.Role;
import org.telereg.platform.audit.AuditTrail;
import org.telereg.platform.numbering.AllocationKind;
import org.telereg.platform.numbering.NumberResources;
import org.telereg.platform.shared.FieldProblem;
import org.telereg.platform.shared.FieldProblems;
import org.telereg.platform.shared.Hashes;
import org.telereg.platform.shared.PhoneNumber;
import org.telereg.platform.shared.RejectedInputException;
import org.telereg.platform.shared.TrackingNumbers;

/**
 * The 12321-style report desk: accepts reports from every channel, folds duplicates, routes each
 * report to the operator responsible for the reported number, and records the operator's answer.
 */
@Service
public class ReportDesk {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final Reports reports;
    private final Attachments attachments;
    private final JdbcClient jdbc;
    private final AccessManagement access;
    private final NumberResources numberResources;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final SpamSettings settings;
    private final Clock clock;

    ReportDesk(
            Reports reports,
            Attachments attachments,
            JdbcClient jdbc,
            AccessManagement access,
            NumberResources numberResources,
            AuditTrail audit,
            ApplicationEventPublisher events,
            SpamSettings settings,
            Clock clock) {
        this.reports = reports;
        this.attachments = attachments;
        this.jdbc = jdbc;
        this.access = access;
        this.numberResources = numberResources;
        this.audit = audit;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Accepts a report.
     *
     * @throws RejectedInputException naming every refused field
     */
    @Transactional
    public ReportView submit(ReportChannel channel, NewReport input) {
        FieldProblems problems = new FieldProblems();
        ReportCategory category = problems.choice("category", input.category(), ReportCategory.class);
        String party = problems.text("reportedParty", input.reportedParty(), 300);
        String content = problems.optionalMultilineText("content", input.content(), settings.maxContentLength());
        PhoneNumber reporter = problems.parseOptional("reporterPhone", input.reporterPhone(), PhoneNumber::of);
        if (category != null && category.aboutNumber() && party != null && !party.matches("[0-9+\\-() ]{3,30}")) {
            problems.reject("reportedParty", "spam.invalid.partyNumber", "must be a phone number or SMS port");
        }
        problems.throwIfAny();

        Instant now = clock.instant();
        String normalisedParty = category.aboutNumber() ? party.replaceAll("[^0-9]", "") : party;
        String fingerprint = Hashes.sha256(normalisedParty + "\n" + normaliseContent(content));
        Optional<Report> first = reports.firstSince(fingerprint, now.minus(settings.duplicateWindow()));
        Route route = first.isPresent() ? Route.NONE : route(category, normalisedParty);
        String senderKey = first.map(Report::senderKey)
                .orElse(route.allocatedPort() != null ? route.allocatedPort() : normalisedParty);
        SmsVerdict verdict =
                screens(category) && content != null ? SmsScreener.standard().screen(normalisedParty, content) : null;
        Report saved = reports.save(new Report(
                null,
                newTrackingNumber(now),
                category,
                channel,
                normalisedParty,
                senderKey,
                content,
                fingerprint,
                reporter == null ? null : keyedHash(reporter.national()),
                reporter == null ? null : reporter.masked(),
                route.carrier(),
                route.provinceCode(),
                route.operatorCreditCode(),
                route.operatorName(),
                first.isPresent()
                        ? ReportStatus.DUPLICATE
                        : route.operatorCreditCode() == null ? ReportStatus.UNROUTED : ReportStatus.ROUTED,
                first.map(Report::id).orElse(null),
                now,
                route.operatorCreditCode() == null ? null : now.plus(settings.handlingTime()),
                null,
                null,
                null,
                now,
                verdict == null ? null : verdict.category().label(),
                verdict == null ? null : BigDecimal.valueOf(verdict.score()).setScale(3, RoundingMode.HALF_UP),
                verdict == null ? null : truncate(verdict.reasons(), 1000),
                verdict == null ? null : suggestion(category, verdict.category()),
                route.holderCreditCode(),
                route.holderName(),
                null));
        if (verdict != null) {
            verdict.groups().stream()
                    .map(KeywordGroup::id)
                    .distinct()
                    .forEach(group -> jdbc.sql(
                                    "insert into spam_report_keyword (report_id, group_id) values (:report, :group)")
                            .param("report", saved.id())
                            .param("group", group)
                            .update());
        }
        audit.record("spam", "Report", saved.trackingNumber(), "received", null, saved.view());
        if (first.isEmpty()) {
            events.publishEvent(new ReportSubmitted(
                    saved.id(), saved.category(), saved.reportedParty(), saved.operatorCreditCode(), now));
            if (category.aboutNumber()) {
                flagWhenRepeated(saved, now);
            }
        }
        return saved.view();
    }

    /**
     * Accepts a report from the portal with an optional screenshot; a refused screenshot refuses
     * the whole report, so nothing is half-written.
     *
     * @param screenshot the uploaded file's name and bytes, or null
     */
    @Transactional
    public ReportView submitWithScreenshot(NewReport input, String fileName, byte[] screenshot) {
        Screenshot image = null;
        List<FieldProblem> imageProblems = List.of();
        if (screenshot != null && (screenshot.length > 0 || (fileName != null && !fileName.isBlank()))) {
            try {
                image = Screenshot.of(fileName, screenshot, settings.maxAttachmentBytes());
            } catch (RejectedInputException e) {
                imageProblems = e.problems();
            }
        }
        ReportView report;
        try {
            report = submit(ReportChannel.WEB, input);
        } catch (RejectedInputException e) {
            List<FieldProblem> all = new java.util.ArrayList<>(e.problems());
            all.addAll(imageProblems);
            throw new RejectedInputException(all);
        }
        if (!imageProblems.isEmpty()) {
            // Thrown out of the transaction: the report just saved is rolled back with it.
            throw new RejectedInputException(imageProblems);
        }
        if (image != null) {
            attachments.store(report.id(), image);
        }
        return report;
    }

    /** The screenshots of a report the scope covers. */
    @Transactional(readOnly = true)
    public List<AttachmentView> attachments(DataScope scope, long reportId) {
        return find(scope, reportId).map(r -> attachments.of(reportId)).orElse(List.of());
    }

    /**
     * The file and type of one screenshot of a report the scope covers; the read is audited, as a screenshot may
     * show the reporter's own number and messages.
     */
    @Transactional
    public Optional<ScreenshotFile> attachmentFile(DataScope scope, long reportId, long attachmentId) {
        Optional<ReportView> report = find(scope, reportId);
        Optional<ScreenshotFile> file = report.flatMap(r -> attachments.content(reportId, attachmentId));
        if (file.isPresent()) {
            audit.record(
                    "spam",
                    "ReportScreenshot",
                    report.get().trackingNumber() + "/" + attachmentId,
                    "viewed",
                    null,
                    null);
        }
        return file;
    }

    /**
     * Accepts a report sent by SMS to 12321 in the form {@code <sender number>*<content>}.
     *
     * @param from the number the report came from (the reporter)
     * @param text the SMS body
     */
    @Transactional
    public ReportView submitSms(String from, String text) {
        if (text == null || text.isBlank()) {
            throw RejectedInputException.of("text", "spam.invalid.smsEmpty", "the SMS is empty");
        }
        int star = text.indexOf('*');
        if (star < 0) {
            throw RejectedInputException.of("text", "spam.invalid.smsFormat", "expected <sender number>*<content>");
        }
        String sender = text.substring(0, star).strip();
        String content = text.substring(star + 1).strip();
        if (!sender.matches("\\+?[0-9]{3,20}")) {
            throw RejectedInputException.of("text", "spam.invalid.smsSender", "the part before * is not a number");
        }
        if (content.isEmpty()) {
            throw RejectedInputException.of("text", "spam.invalid.smsContent", "nothing after *");
        }
        return submit(ReportChannel.SMS, new NewReport(ReportCategory.SPAM_SMS.name(), sender, content, from));
    }

    /**
     * Reports against a sender within the reputation window, duplicates not counted.
     *
     * @param senderKey a report's {@link ReportView#senderKey()}: a 106 port's reports count together whatever
     *     extension digits their senders appended
     */
    @Transactional(readOnly = true)
    public long reputation(String senderKey) {
        return jdbc.sql("select count(*) from spam_report where sender_key = :key and status <> 'DUPLICATE'"
                        + " and received_at >= :since")
                .param("key", senderKey)
                .param(
                        "since",
                        clock.instant().minus(settings.reputationWindow()).atOffset(java.time.ZoneOffset.UTC))
                .query(Long.class)
                .single();
    }

    /** How far back {@link #reputation} counts ({@code telereg.spam.reputation-window}). */
    public Duration reputationWindow() {
        return settings.reputationWindow();
    }

    /** Publishes once, when the party's reports reach the threshold. */
    private void flagWhenRepeated(Report report, Instant now) {
        long reports = reputation(report.senderKey());
        if (reports != settings.flagAfter()) {
            return;
        }
        long fraud = jdbc.sql("select count(*) from spam_report where sender_key = :key"
                        + " and status <> 'DUPLICATE' and received_at >= :since"
                        + " and category in ('FRAUD_SMS', 'FRAUD_CALL')")
                .param("key", report.senderKey())
                .param("since", now.minus(settings.reputationWindow()).atOffset(java.time.ZoneOffset.UTC))
                .query(Long.class)
                .single();
        events.publishEvent(new SenderFlagged(
                report.senderKey(),
                reports,
                fraud,
                report.operatorCreditCode(),
                report.operatorName(),
                report.portHolderCreditCode(),
                report.portHolderName(),
                now));
    }

    /**
     * Accepts a spam e-mail forwarded to the 12321 mailbox as an .eml file.
     *
     * @throws RejectedInputException when the file is empty, too large, not an e-mail or has no text
     */
    @Transactional
    public ReportView submitEmail(byte[] eml) {
        ReportedEmail email = ReportedEmail.parse(eml, settings.maxEmlBytes());
        String content = (email.subject() == null ? "" : email.subject() + "\n") + email.text();
        if (content.length() > settings.maxContentLength()) {
            content = content.substring(0, settings.maxContentLength());
        }
        return submit(
                ReportChannel.EMAIL, new NewReport(ReportCategory.SPAM_EMAIL.name(), email.sender(), content, null));
    }

    /** What the reporter sees on the portal for a tracking number. */
    @Transactional(readOnly = true)
    public Optional<TrackedReport> track(String trackingNumber) {
        if (trackingNumber == null) {
            return Optional.empty();
        }
        return reports.findByTrackingNumber(trackingNumber.strip().toUpperCase())
                .map(report -> {
                    Report outcome = report.status() == ReportStatus.DUPLICATE && report.duplicateOf() != null
                            ? reports.findById(report.duplicateOf()).orElse(report)
                            : report;
                    return new TrackedReport(
                            report.trackingNumber(),
                            report.category(),
                            outcome.status(),
                            report.receivedAt(),
                            outcome.answer(),
                            outcome.answeredAt(),
                            outcome != report);
                });
    }

    /**
     * The operator records what was done about a report routed to it; the administration may answer any report
     * awaiting an answer, and alone answers those no operator is responsible for (sites, Apps, e-mails, numbers
     * of no known carrier), {@link OperatorAnswer#REFERRED} among them.
     */
    @Transactional
    public ReportView answer(Actor actor, long reportId, OperatorAnswer answer, String note) {
        Report report = reports.findById(reportId)
                .filter(r -> visible(actor.scope(), r))
                .orElseThrow(() -> new NoSuchElementException("no report " + reportId));
        if (actor.role() == Role.AUDITOR || actor.role() == Role.ACCESS_PROVIDER) {
            throw new AccessDeniedException("role " + actor.role() + " may not answer reports");
        }
        if (answer == null) {
            throw RejectedInputException.of("answer", "invalid.required", "is required");
        }
        // Operators never see unrouted reports (their scope is their own queue); referral is for those alone.
        if (answer == OperatorAnswer.REFERRED
                && (actor.role() == Role.OPERATOR || report.status() != ReportStatus.UNROUTED)) {
            throw RejectedInputException.of(
                    "answer",
                    "spam.invalid.referred",
                    "only the administration refers a report no operator answers for");
        }
        if (note != null && note.length() > 1000) {
            throw RejectedInputException.of("note", "invalid.tooLong", "at most 1000 characters");
        }
        Report saved = reports.save(report.answered(answer, note == null ? null : note.strip(), clock.instant()));
        audit.record("spam", "Report", saved.trackingNumber(), "answered", report.view(), saved.view());
        return saved.view();
    }

    @Transactional(readOnly = true)
    public Optional<ReportView> find(DataScope scope, long reportId) {
        return reports.findById(reportId).filter(r -> visible(scope, r)).map(Report::view);
    }

    /**
     * A report the scope covers, opened in full by a member of staff (the message as reported, the reporter's
     * masked number, the screening): the read is audited.
     */
    @Transactional
    public Optional<ReportView> open(DataScope scope, long reportId) {
        Optional<ReportView> found = find(scope, reportId);
        found.ifPresent(r -> audit.record("spam", "Report", r.trackingNumber(), "viewed", null, null));
        return found;
    }

    /** One page of the reports the scope covers, newest first; {@code status} optional. */
    @Transactional(readOnly = true)
    public Page<ReportView> search(DataScope scope, ReportStatus status, Pageable pageable) {
        var params = new java.util.LinkedHashMap<String, Object>();
        String where = " where " + scope.sqlCondition("province_code", "operator_credit_code", params);
        if (status != null) {
            where += " and status = :status";
            params.put("status", status.name());
        }
        long total = jdbc.sql("select count(*) from spam_report" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<ReportView> rows = jdbc.sql(
                        "select * from spam_report" + where + " order by id desc limit :limit offset :offset")
                .params(params)
                .param("limit", pageable.getPageSize())
                .param("offset", pageable.getOffset())
                .query((rs, n) -> toView(rs))
                .list();
        return new PageImpl<>(rows, pageable, total);
    }

    /** Reports against a number or port that the scope covers, newest first, duplicates included. */
    @Transactional(readOnly = true)
    public List<ReportView> against(DataScope scope, String party, int limit) {
        var params = new java.util.LinkedHashMap<String, Object>();
        String where = " where reported_party = :party and "
                + scope.sqlCondition("province_code", "operator_credit_code", params);
        return jdbc.sql("select * from spam_report" + where + " order by id desc limit :limit")
                .params(params)
                .param("party", party)
                .param("limit", limit)
                .query((rs, n) -> toView(rs))
                .list();
    }

    /** The keyed hash of a reporter's national number, to find a reporter's reports without storing the number. */
    String keyedHash(String national) {
        return Hashes.keyed(settings.reporterKey()).of(national);
    }

    /** @param allocatedPort for a 106 port in the register, its allocated prefix */
    private record Route(
            String carrier,
            String provinceCode,
            String operatorCreditCode,
            String operatorName,
            String holderCreditCode,
            String holderName,
            String allocatedPort) {
        static final Route NONE = new Route(null, null, null, null, null, null, null);
    }

    /**
     * The operator responsible: for a 106 SMS port the operator carrying it (from the numbering
     * register), for a phone number the carrier of its block.
     */
    private Route route(ReportCategory category, String party) {
        if (!category.aboutNumber()) {
            return Route.NONE;
        }
        if (party.startsWith("106")) {
            return numberResources
                    .holderOf(party, LocalDate.now(clock.withZone(CHINA)))
                    .filter(allocation -> allocation.kind() == AllocationKind.SMS_PORT)
                    .map(port -> new Route(
                            null,
                            port.provinceCode(),
                            port.carrierCreditCode(),
                            port.carrierName(),
                            port.holderCreditCode(),
                            port.holderName(),
                            port.prefix()))
                    .orElse(Route.NONE);
        }
        PhoneLookup lookup = PhoneNumbers.standard().lookup(party);
        if (!lookup.valid()) {
            return Route.NONE;
        }
        String code = settings.carrierOperators().get(lookup.carrier().name());
        return Optional.ofNullable(code)
                .flatMap(access::organisation)
                .map(operator -> new Route(
                        lookup.carrier().name(),
                        lookup.provinceCode(),
                        operator.creditCode(),
                        operator.name(),
                        null,
                        null,
                        null))
                .orElse(new Route(lookup.carrier().name(), lookup.provinceCode(), null, null, null, null, null));
    }

    private String newTrackingNumber(Instant now) {
        return TrackingNumbers.next("JB", LocalDate.ofInstant(now, CHINA), reports::existsByTrackingNumber);
    }

    /** Only message texts are screened; calls, sites and e-mails have no SMS text to judge. */
    private static boolean screens(ReportCategory category) {
        return category == ReportCategory.SPAM_SMS || category == ReportCategory.FRAUD_SMS;
    }

    /** The category screening suggests, when it differs from the reporter's choice. */
    private static ReportCategory suggestion(ReportCategory reported, SmsCategory screened) {
        ReportCategory suggested = switch (screened) {
            case FRAUD -> ReportCategory.FRAUD_SMS;
            case AD -> ReportCategory.SPAM_SMS;
            case NORMAL -> null;
        };
        return suggested == reported ? null : suggested;
    }

    private static String truncate(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }

    /**
     * Spammers vary spacing, case, full- and half-width forms, traditional characters, symbols between
     * characters; one message is one message: the screening engine's normal form, without spaces.
     */
    private static String normaliseContent(String content) {
        return content == null
                ? ""
                : TextNormaliser.standard().normalise(content).replace(" ", "");
    }

    private static ReportView toView(ResultSet rs) throws SQLException {
        String answer = rs.getString("answer");
        return new ReportView(
                rs.getLong("id"),
                rs.getString("tracking_number"),
                ReportCategory.valueOf(rs.getString("category")),
                ReportChannel.valueOf(rs.getString("channel")),
                rs.getString("reported_party"),
                rs.getString("sender_key"),
                rs.getString("content"),
                rs.getString("reporter_phone_masked"),
                rs.getString("carrier"),
                rs.getString("province_code"),
                rs.getString("operator_credit_code"),
                rs.getString("operator_name"),
                ReportStatus.valueOf(rs.getString("status")),
                rs.getObject("duplicate_of", Long.class),
                instant(rs, "received_at"),
                instant(rs, "handling_deadline"),
                answer == null ? null : OperatorAnswer.valueOf(answer),
                rs.getString("answer_note"),
                instant(rs, "answered_at"),
                rs.getString("screening_verdict"),
                rs.getBigDecimal("screening_score"),
                rs.getString("screening_reasons"),
                rs.getString("suggested_category") == null
                        ? null
                        : ReportCategory.valueOf(rs.getString("suggested_category")),
                rs.getString("port_holder_credit_code"),
                rs.getString("port_holder_name"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static boolean visible(DataScope scope, Report report) {
        return scope.covers(report.provinceCode(), report.operatorCreditCode());
    }
}
