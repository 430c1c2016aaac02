package org.telereg.platform.broadband;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
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
import org.telereg.platform.shared.DivisionCode;
import org.telereg.platform.shared.FieldProblems;
import org.telereg.platform.shared.FileTypes;
import org.telereg.platform.shared.InvalidValueException;
import org.telereg.platform.shared.RejectedInputException;
import org.telereg.platform.shared.StoredFiles;

/**
 * Challenges (质疑) of declarations the measurements contradict. Reconciliation opens one per
 * operator, province, month or county and kind — never a second; the operator concedes or rebuts
 * with evidence before its deadline; the regulator (the administration of the province, or the
 * ministry) upholds or dismisses a rebuttal with reasons; an unanswered challenge becomes overdue,
 * which counts as conceded. Every step is audited and kept on the challenge's time line.
 */
@Service
public class SpeedChallenges {

    private static final String COLUMNS = """
            id, kind, operator_credit_code, operator_name, province_code, subject, declared_figure,
            measured_figure, test_count, gap_percent, report_id, status, opened_on, answer_due, answered_at,
            statement, corrected_figure, decided_at, decided_by, decision_reason""";

    private final JdbcClient jdbc;
    private final DeclaredVsMeasured reconciler;
    private final ChallengeSettings settings;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final WorkingDays workingDays;

    SpeedChallenges(
            JdbcClient jdbc,
            DeclaredVsMeasured reconciler,
            ChallengeSettings settings,
            AuditTrail audit,
            ApplicationEventPublisher events,
            Clock clock,
            WorkingDays workingDays) {
        this.jdbc = jdbc;
        this.reconciler = reconciler;
        this.settings = settings;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.workingDays = workingDays;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(MeasurementImport.CHINA));
    }

    /** The ministry's staff reconcile (the daily job does it as the system). */
    public static boolean canReconcile(Actor actor) {
        return (actor.role() == Role.MINISTRY_ADMIN || actor.role() == Role.MINISTRY_OFFICER)
                && actor.scope().kind() == DataScope.Kind.ALL;
    }

    /** The operator the challenge is put to answers it. */
    public static boolean canAnswer(Actor actor, ChallengeView challenge) {
        return actor.role() == Role.OPERATOR
                && actor.scope().kind() == DataScope.Kind.ENTERPRISE
                && actor.scope().creditCode().equals(challenge.operatorCreditCode());
    }

    /** The administration of the challenge's province, or the ministry, decides a rebuttal. */
    public static boolean canDecide(Actor actor, ChallengeView challenge) {
        return (actor.role() == Role.MINISTRY_ADMIN || actor.role() == Role.MINISTRY_OFFICER)
                        && actor.scope().kind() == DataScope.Kind.ALL
                || actor.role() == Role.PROVINCIAL_OFFICER
                        && actor.scope().kind() == DataScope.Kind.PROVINCE
                        && actor.scope().provinceCode().equals(challenge.provinceCode());
    }

    /** The months the daily job and "reconcile now" look at: the last {@code reconcileMonths} complete ones. */
    public YearMonth[] recentMonths() {
        YearMonth last = YearMonth.from(today()).minusMonths(1);
        return new YearMonth[] {last.minusMonths(Math.max(1, settings.reconcileMonths()) - 1L), last};
    }

    /**
     * Compares declarations with measurements for the months {@code [from, to]} and opens a challenge
     * for each mismatch not challenged before.
     *
     * @throws AccessDeniedException unless {@link #canReconcile(Actor)}
     */
    @Transactional
    public Reconciliation reconcile(Actor actor, YearMonth from, YearMonth to) {
        if (!canReconcile(actor)) {
            throw new AccessDeniedException("the ministry reconciles declarations with measurements");
        }
        if (to.isBefore(from)) {
            throw RejectedInputException.of("to", "broadband.query.toBeforeFrom", "is before from");
        }
        DataScope all = DataScope.all();
        int compared = 0;
        int speedMismatches = 0;
        int opened = 0;
        for (SpeedComparison c : reconciler.comparisons(all, from, to, null)) {
            if (!c.counts()) {
                continue;
            }
            compared++;
            if (c.mismatch()) {
                speedMismatches++;
                if (open(
                        actor,
                        c.kind(),
                        c.operatorCreditCode(),
                        c.operatorName(),
                        c.provinceCode(),
                        c.period(),
                        c.declaredMbps(),
                        c.measuredMbps(),
                        c.tests(),
                        c.gapPercent(),
                        c.reportId())) {
                    opened++;
                }
            }
        }
        int checked = 0;
        int coverageMismatches = 0;
        for (CoverageCheck c : reconciler.coverageChecks(all, from, to, null)) {
            if (!c.counts()) {
                continue;
            }
            checked++;
            if (c.mismatch()) {
                coverageMismatches++;
                if (open(
                        actor,
                        c.kind(),
                        c.operatorCreditCode(),
                        c.operatorName(),
                        c.provinceCode(),
                        c.countyCode(),
                        null,
                        c.share().multiply(BigDecimal.valueOf(100)).setScale(2, RoundingMode.HALF_UP),
                        c.tests(),
                        null,
                        null)) {
                    opened++;
                }
            }
        }
        return new Reconciliation(from, to, compared, speedMismatches, checked, coverageMismatches, opened);
    }

    private boolean open(
            Actor actor,
            ChallengeKind kind,
            String operator,
            String operatorName,
            String province,
            String subject,
            BigDecimal declared,
            BigDecimal measured,
            long tests,
            BigDecimal gap,
            Long reportId) {
        long existing = jdbc.sql("select count(*) from broadband_challenge where operator_credit_code = :operator"
                        + " and province_code = :province and subject = :subject and kind = :kind")
                .param("operator", operator)
                .param("province", province)
                .param("subject", subject)
                .param("kind", kind.name())
                .query(Long.class)
                .single();
        if (existing > 0) {
            return false;
        }
        LocalDate today = today();
        jdbc.sql("insert into broadband_challenge (kind, operator_credit_code, operator_name, province_code, subject,"
                        + " declared_figure, measured_figure, test_count, gap_percent, report_id, status, opened_on,"
                        + " answer_due) values (:kind, :operator, :name, :province, :subject, :declared, :measured,"
                        + " :tests, :gap, :report, 'OPEN', :opened, :due)")
                .param("kind", kind.name())
                .param("operator", operator)
                .param("name", operatorName.length() <= 200 ? operatorName : operatorName.substring(0, 200))
                .param("province", province)
                .param("subject", subject)
                .param("declared", declared)
                .param("measured", measured)
                .param("tests", tests)
                .param("gap", gap)
                .param("report", reportId)
                .param("opened", today)
                .param("due", answerDue(today))
                .update();
        long id = jdbc.sql("select id from broadband_challenge where operator_credit_code = :operator"
                        + " and province_code = :province and subject = :subject and kind = :kind")
                .param("operator", operator)
                .param("province", province)
                .param("subject", subject)
                .param("kind", kind.name())
                .query(Long.class)
                .single();
        ChallengeView challenge = find(DataScope.all(), id).orElseThrow();
        step(id, "OPENED", actor, null);
        audit.record("broadband", "SpeedChallenge", Long.toString(id), "challengeOpened", null, summary(challenge));
        return true;
    }

    /** The last day to answer a challenge opened today: calendar or working days, as configured. */
    LocalDate answerDue(LocalDate openedOn) {
        return settings.workingDays()
                ? workingDays.plus(openedOn, settings.answerDays())
                : openedOn.plusDays(settings.answerDays());
    }

    /**
     * Every morning: reconcile the recent months and make the challenges whose deadline passed
     * overdue. Transactional so the events it publishes are delivered after its commit.
     */
    @Scheduled(cron = "0 10 2 * * *", zone = "Asia/Shanghai")
    @Transactional
    public void daily() {
        YearMonth[] months = recentMonths();
        reconcile(Actor.system(), months[0], months[1]);
        markOverdue(today());
    }

    /**
     * Makes every open challenge whose deadline is before {@code today} overdue (conceded by default)
     * and publishes {@link SpeedChallengeOverdue} for each; returns how many.
     */
    @Transactional
    public int markOverdue(LocalDate today) {
        List<ChallengeView> due = jdbc.sql("select " + COLUMNS
                        + " from broadband_challenge where status = 'OPEN' and answer_due < :today order by id")
                .param("today", today)
                .query(SpeedChallenges::view)
                .list();
        for (ChallengeView challenge : due) {
            jdbc.sql("update broadband_challenge set status = 'OVERDUE' where id = :id and status = 'OPEN'")
                    .param("id", challenge.id())
                    .update();
            step(challenge.id(), "OVERDUE", Actor.system(), null);
            audit.record(
                    "broadband",
                    "SpeedChallenge",
                    Long.toString(challenge.id()),
                    "challengeOverdue",
                    ChallengeStatus.OPEN.name(),
                    ChallengeStatus.OVERDUE.name());
            events.publishEvent(new SpeedChallengeOverdue(
                    challenge.id(),
                    challenge.operatorCreditCode(),
                    challenge.provinceCode(),
                    challenge.kind(),
                    challenge.subject()));
        }
        return due.size();
    }

    /** The challenges within the scope, newest first; each filter may be null. */
    @Transactional(readOnly = true)
    public List<ChallengeView> search(
            DataScope scope, ChallengeStatus status, ChallengeKind kind, String provinceCode, int limit) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(" where ")
                .append(scope.sqlCondition("province_code", "operator_credit_code", params));
        if (status != null) {
            where.append(" and status = :status");
            params.put("status", status.name());
        }
        if (kind != null) {
            where.append(" and kind = :kind");
            params.put("kind", kind.name());
        }
        if (provinceCode != null) {
            where.append(" and province_code = :province");
            params.put("province", provinceCode);
        }
        params.put("limit", limit);
        return jdbc.sql("select " + COLUMNS + " from broadband_challenge" + where + " order by id desc limit :limit")
                .params(params)
                .query(SpeedChallenges::view)
                .list();
    }

    /** How many challenges of each status the scope holds. */
    @Transactional(readOnly = true)
    public Map<ChallengeStatus, Long> countByStatus(DataScope scope) {
        Map<String, Object> params = new HashMap<>();
        Map<ChallengeStatus, Long> counts = new LinkedHashMap<>();
        for (ChallengeStatus status : ChallengeStatus.values()) {
            counts.put(status, 0L);
        }
        jdbc.sql("select status, count(*) from broadband_challenge where "
                        + scope.sqlCondition("province_code", "operator_credit_code", params)
                        + " group by status")
                .params(params)
                .query(rs -> {
                    counts.put(ChallengeStatus.valueOf(rs.getString(1)), rs.getLong(2));
                });
        return counts;
    }

    /** One challenge, if the scope covers it. */
    @Transactional(readOnly = true)
    public Optional<ChallengeView> find(DataScope scope, long id) {
        return jdbc.sql("select " + COLUMNS + " from broadband_challenge where id = :id")
                .param("id", id)
                .query(SpeedChallenges::view)
                .optional()
                .filter(c -> scope.covers(c.provinceCode(), c.operatorCreditCode()));
    }

    /** The challenge's time line, oldest first. */
    @Transactional(readOnly = true)
    public List<ChallengeStep> steps(long id) {
        return jdbc.sql("select step, acted_by, acted_at, note from broadband_challenge_step"
                        + " where challenge_id = :id order by id")
                .param("id", id)
                .query((rs, n) -> new ChallengeStep(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant(),
                        rs.getString(4)))
                .list();
    }

    /** The evidence of the challenge's rebuttal. */
    @Transactional(readOnly = true)
    public List<EvidenceFile> evidence(long id) {
        return jdbc.sql("select id, file_name, content_type, size_bytes from broadband_challenge_evidence"
                        + " where challenge_id = :id order by id")
                .param("id", id)
                .query((rs, n) -> new EvidenceFile(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
                .list();
    }

    /** Where one evidence file of a challenge the scope covers is kept. */
    @Transactional(readOnly = true)
    public Optional<Path> evidenceFile(DataScope scope, long challengeId, long fileId) {
        return find(scope, challengeId)
                .flatMap(c -> jdbc.sql("select sha256 from broadband_challenge_evidence"
                                + " where id = :file and challenge_id = :challenge")
                        .param("file", fileId)
                        .param("challenge", challengeId)
                        .query(String.class)
                        .optional())
                .map(hash -> StoredFiles.path(settings.attachmentsDir(), hash));
    }

    /**
     * The operator accepts the challenge, optionally giving the figure it should have declared.
     *
     * @throws NoSuchElementException when the actor cannot see the challenge
     * @throws AccessDeniedException unless {@link #canAnswer(Actor, ChallengeView)}
     * @throws RejectedInputException naming {@code status} (not open, or past its deadline),
     *     {@code statement} or {@code correctedFigure}
     */
    @Transactional
    public ChallengeView concede(Actor actor, long id, String statement, String correctedFigure) {
        ChallengeView challenge = answerable(actor, id);
        FieldProblems problems = new FieldProblems();
        String text = problems.optionalMultilineText("statement", statement, 4000);
        BigDecimal corrected = null;
        if (correctedFigure != null && !correctedFigure.isBlank()) {
            try {
                corrected = new BigDecimal(correctedFigure.strip());
                if (corrected.signum() < 0 || corrected.compareTo(BigDecimal.valueOf(1_000_000)) > 0) {
                    problems.reject("correctedFigure", "broadband.challenge.badFigure", "not a plausible figure");
                }
            } catch (NumberFormatException e) {
                problems.reject("correctedFigure", "broadband.challenge.badFigure", "not a number");
            }
        }
        problems.throwIfAny();
        jdbc.sql("update broadband_challenge set status = 'CONCEDED', answered_at = :at, statement = :statement,"
                        + " corrected_figure = :corrected where id = :id and status = 'OPEN'")
                .param("at", now())
                .param("statement", text)
                .param("corrected", corrected)
                .param("id", id)
                .update();
        step(id, "CONCEDED", actor, text);
        audit.record(
                "broadband",
                "SpeedChallenge",
                Long.toString(id),
                "challengeConceded",
                ChallengeStatus.OPEN.name(),
                ChallengeStatus.CONCEDED.name());
        return find(DataScope.all(), id).orElseThrow();
    }

    /**
     * The operator disputes the challenge with a statement and evidence: at most
     * {@code maxAttachments} PNG, JPEG, GIF, WebP or PDF files (told apart by their content) of at
     * most {@code maxAttachmentBytes} each.
     *
     * @throws RejectedInputException naming {@code status}, {@code statement} or {@code evidence}
     */
    @Transactional
    public ChallengeView rebut(Actor actor, long id, String statement, List<ChallengeEvidence> evidence) {
        ChallengeView challenge = answerable(actor, id);
        FieldProblems problems = new FieldProblems();
        String text = problems.multilineText("statement", statement, 4000);
        List<ChallengeEvidence> files = FileTypes.checkEvidence(
                problems,
                "evidence",
                "broadband.challenge.",
                evidence,
                ChallengeEvidence::fileName,
                ChallengeEvidence::bytes,
                settings.maxAttachments(),
                settings.maxAttachmentBytes());
        problems.throwIfAny();
        for (ChallengeEvidence file : files) {
            String hash = StoredFiles.store(settings.attachmentsDir(), file.bytes());
            jdbc.sql("insert into broadband_challenge_evidence (challenge_id, file_name, content_type, size_bytes,"
                            + " sha256) values (:challenge, :name, :type, :size, :hash)")
                    .param("challenge", id)
                    .param("name", FileTypes.safeName(file.fileName(), "evidence"))
                    .param("type", FileTypes.detect(file.bytes()))
                    .param("size", file.bytes().length)
                    .param("hash", hash)
                    .update();
        }
        jdbc.sql("update broadband_challenge set status = 'REBUTTED', answered_at = :at, statement = :statement"
                        + " where id = :id and status = 'OPEN'")
                .param("at", now())
                .param("statement", text)
                .param("id", id)
                .update();
        step(id, "REBUTTED", actor, text);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", ChallengeStatus.REBUTTED.name());
        after.put("evidence", files.size());
        audit.record(
                "broadband",
                "SpeedChallenge",
                Long.toString(id),
                "challengeRebutted",
                challenge.status().name(),
                after);
        return find(DataScope.all(), id).orElseThrow();
    }

    /**
     * The regulator decides a rebuttal: {@code UPHELD} (the overstatement stands; publishes
     * {@link SpeedChallengeUpheld}) or {@code DISMISSED} (the rebuttal convinced), with reasons.
     *
     * @throws NoSuchElementException when the actor cannot see the challenge
     * @throws AccessDeniedException unless {@link #canDecide(Actor, ChallengeView)}
     * @throws RejectedInputException naming {@code status} (not rebutted), {@code outcome} or {@code reason}
     */
    @Transactional
    public ChallengeView decide(Actor actor, long id, String outcome, String reason) {
        ChallengeView challenge = visible(actor, id);
        if (!canDecide(actor, challenge)) {
            throw new AccessDeniedException("the administration of the province or the ministry decides");
        }
        if (challenge.status() != ChallengeStatus.REBUTTED) {
            throw notAllowed(challenge, "broadband.challenge.notRebutted");
        }
        FieldProblems problems = new FieldProblems();
        ChallengeStatus decision = problems.choice("outcome", outcome, ChallengeStatus.class);
        if (decision != null && decision != ChallengeStatus.UPHELD && decision != ChallengeStatus.DISMISSED) {
            problems.reject("outcome", "broadband.challenge.badOutcome", "is not UPHELD or DISMISSED");
        }
        String text = problems.multilineText("reason", reason, 2000);
        problems.throwIfAny();
        jdbc.sql("update broadband_challenge set status = :status, decided_at = :at, decided_by = :by,"
                        + " decision_reason = :reason where id = :id and status = 'REBUTTED'")
                .param("status", decision.name())
                .param("at", now())
                .param(
                        "by",
                        actor.username().length() <= 100
                                ? actor.username()
                                : actor.username().substring(0, 100))
                .param("reason", text)
                .param("id", id)
                .update();
        step(id, decision.name(), actor, text);
        audit.record(
                "broadband",
                "SpeedChallenge",
                Long.toString(id),
                decision == ChallengeStatus.UPHELD ? "challengeUpheld" : "challengeDismissed",
                ChallengeStatus.REBUTTED.name(),
                decision.name());
        if (decision == ChallengeStatus.UPHELD) {
            events.publishEvent(new SpeedChallengeUpheld(
                    id,
                    challenge.operatorCreditCode(),
                    challenge.provinceCode(),
                    challenge.kind(),
                    challenge.subject()));
        }
        return find(DataScope.all(), id).orElseThrow();
    }

    private ChallengeView answerable(Actor actor, long id) {
        ChallengeView challenge = visible(actor, id);
        if (!canAnswer(actor, challenge)) {
            throw new AccessDeniedException("the operator the challenge is put to answers it");
        }
        if (challenge.status() != ChallengeStatus.OPEN) {
            throw notAllowed(challenge, "broadband.challenge.notOpen");
        }
        if (today().isAfter(challenge.answerDue())) {
            throw RejectedInputException.of(
                    "status",
                    "broadband.challenge.pastDue",
                    "the deadline " + challenge.answerDue() + " has passed",
                    challenge.answerDue().toString());
        }
        return challenge;
    }

    private ChallengeView visible(Actor actor, long id) {
        return find(actor.scope(), id).orElseThrow(() -> new NoSuchElementException("no challenge " + id));
    }

    private static RejectedInputException notAllowed(ChallengeView challenge, String code) {
        return RejectedInputException.of(
                "status",
                code,
                "the challenge is " + challenge.status(),
                challenge.status().name());
    }

    private void step(long id, String step, Actor actor, String note) {
        jdbc.sql("insert into broadband_challenge_step (challenge_id, step, acted_by, acted_at, note)"
                        + " values (:id, :step, :by, :at, :note)")
                .param("id", id)
                .param("step", step)
                .param(
                        "by",
                        actor.username().length() <= 100
                                ? actor.username()
                                : actor.username().substring(0, 100))
                .param("at", now())
                .param("note", note)
                .update();
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    private static Map<String, Object> summary(ChallengeView c) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("kind", c.kind().name());
        summary.put("operator", c.operatorCreditCode());
        summary.put("province", c.provinceCode());
        summary.put("subject", c.subject());
        summary.put("declared", c.declaredFigure());
        summary.put("measured", c.measuredFigure());
        summary.put("tests", c.testCount());
        summary.put("answerDue", c.answerDue().toString());
        return summary;
    }

    private static ChallengeView view(ResultSet rs, int row) throws SQLException {
        ChallengeKind kind = ChallengeKind.valueOf(rs.getString("kind"));
        String subject = rs.getString("subject");
        String province = rs.getString("province_code");
        long report = rs.getLong("report_id");
        Long reportId = rs.wasNull() ? null : report;
        return new ChallengeView(
                rs.getLong("id"),
                kind,
                rs.getString("operator_credit_code"),
                rs.getString("operator_name"),
                province,
                DeclaredVsMeasured.provinceName(province),
                subject,
                subject.length() == 6 ? countyName(subject) : subject,
                figure(rs.getBigDecimal("declared_figure")),
                figure(rs.getBigDecimal("measured_figure")),
                rs.getLong("test_count"),
                figure(rs.getBigDecimal("gap_percent")),
                reportId,
                ChallengeStatus.valueOf(rs.getString("status")),
                rs.getObject("opened_on", LocalDate.class),
                rs.getObject("answer_due", LocalDate.class),
                instant(rs, "answered_at"),
                rs.getString("statement"),
                figure(rs.getBigDecimal("corrected_figure")),
                instant(rs, "decided_at"),
                rs.getString("decided_by"),
                rs.getString("decision_reason"));
    }

    private static BigDecimal figure(BigDecimal value) {
        return value == null
                ? null
                : value.stripTrailingZeros().scale() < 0 ? value.setScale(0) : value.stripTrailingZeros();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    private static String countyName(String code) {
        try {
            return new DivisionCode(code).name();
        } catch (InvalidValueException e) {
            return code;
        }
    }
}
