package org.telereg.platform.antifraud;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.telereg.engine.numbering.PhoneLookup;
import org.telereg.engine.numbering.PhoneNumbers;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.access.Role;
import org.telereg.platform.audit.AuditTrail;

/**
 * Takes a suspected number from detection to disposal: the regulator confirms or dismisses, the
 * operator reports the second real-person verification within the window, the number is suspended
 * or cleared, and an appeal can restore it. Every step is audited and changes the blocklist every
 * operator applies.
 */
@Service
public class FraudDisposal {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final FraudCases cases;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final FraudDisposalSettings settings;
    private final Clock clock;

    FraudDisposal(
            FraudCases cases,
            JdbcClient jdbc,
            AuditTrail audit,
            ApplicationEventPublisher events,
            FraudDisposalSettings settings,
            Clock clock) {
        this.cases = cases;
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    /** Records a number a scan flagged: opens its case, refreshes an open one, or reopens a closed one. */
    @Transactional
    public FraudCaseView registerSuspect(NewSuspect suspect) {
        Instant now = clock.instant();
        Optional<FraudCase> existing = cases.findByNumber(suspect.number());
        FraudCase saved;
        if (existing.isPresent()) {
            saved = cases.save(existing.get().detectedAgain(suspect, now));
            if (existing.get().status() != saved.status()) {
                audit.record(
                        "antifraud",
                        "FraudCase",
                        saved.number(),
                        "reopened",
                        existing.get().view(),
                        saved.view());
            }
        } else {
            PhoneLookup home = PhoneNumbers.standard().lookup(suspect.number());
            saved = cases.save(FraudCase.suspect(
                    suspect,
                    home.valid() ? home.provinceCode() : null,
                    home.valid() ? home.carrier().name() : null,
                    now));
            audit.record("antifraud", "FraudCase", saved.number(), "detected", null, saved.view());
        }
        return saved.view();
    }

    /** The regulator confirms the number as fraud: it goes on the blocklist and verification starts. */
    @Transactional
    public FraudCaseView confirm(Actor actor, long caseId) {
        FraudCase before = caseFor(actor, caseId, true);
        Instant now = clock.instant();
        FraudCase after = change(before, before.confirm(now, settings.verificationWindow()), "confirmed");
        events.publishEvent(new FraudNumberConfirmed(
                after.id(), after.number(), after.operatorCreditCode(), after.provinceCode(), after.score(), now));
        return after.view();
    }

    /** The regulator finds the suspicion unfounded. */
    @Transactional
    public FraudCaseView dismiss(Actor actor, long caseId) {
        FraudCase before = caseFor(actor, caseId, true);
        return change(before, before.dismiss(clock.instant()), "dismissed").view();
    }

    /** The operator reports the second real-person verification: passed clears, failed suspends. */
    @Transactional
    public FraudCaseView reportVerification(Actor actor, long caseId, boolean passed) {
        FraudCase before = caseFor(actor, caseId, false);
        FraudCase after = change(before, before.verified(passed, clock.instant()), passed ? "cleared" : "suspended");
        announce(after);
        return after.view();
    }

    /** The holder of a suspended number appeals (recorded by the operator or the administration). */
    @Transactional
    public FraudCaseView appeal(Actor actor, long caseId) {
        FraudCase before = caseFor(actor, caseId, false);
        return change(before, before.appeal(clock.instant()), "appealed").view();
    }

    /** The regulator decides an appeal: upheld restores the number, rejected keeps it suspended. */
    @Transactional
    public FraudCaseView decideAppeal(Actor actor, long caseId, boolean upheld) {
        FraudCase before = caseFor(actor, caseId, true);
        FraudCase after =
                change(before, before.decideAppeal(upheld, clock.instant()), upheld ? "restored" : "appealRejected");
        announce(after);
        return after.view();
    }

    /** Suspends every confirmed number whose verification window has run out. */
    @Scheduled(fixedDelayString = "${telereg.antifraud.deadline-check:PT1M}")
    @Transactional
    public int suspendOverdue() {
        Instant now = clock.instant();
        List<FraudCase> overdue = cases.findByStatusAndVerificationDeadlineBefore(CaseStatus.CONFIRMED, now);
        for (FraudCase before : overdue) {
            announce(change(before, before.expire(now), "suspended"));
        }
        return overdue.size();
    }

    /**
     * The case with its full number, for the actor's eyes: the read is recorded in the audit log,
     * as every read of a citizen's full number is.
     */
    @Transactional
    public Optional<FraudCaseView> read(Actor actor, long caseId) {
        Optional<FraudCaseView> found = find(actor.scope(), caseId);
        found.ifPresent(c -> audit.record("antifraud", "FraudCase", c.number(), "viewed", null, null));
        return found;
    }

    /** Records that an operator system received full numbers through the API. */
    @Transactional
    public void recordDisclosure(String what, int count) {
        if (count > 0) {
            audit.record("antifraud", "Disclosure", what, "disclosed", null, java.util.Map.of("numbers", count));
        }
    }

    /** The case, when it exists and the scope covers it: out of scope looks the same as absent. */
    @Transactional(readOnly = true)
    public Optional<FraudCaseView> find(DataScope scope, long caseId) {
        return cases.findById(caseId).filter(c -> visible(scope, c)).map(FraudCase::view);
    }

    /**
     * One page of cases the scope covers, highest score first unless the page asks for {@code
     * detectedAt} (newest first) or {@code verificationDeadline} (soonest first, cases without one last).
     */
    @Transactional(readOnly = true)
    public Page<FraudCaseView> search(DataScope scope, CaseSearch search, Pageable pageable) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder where = new StringBuilder(scopeWhere(scope, params));
        if (search.status() != null) {
            where.append(" and status = :status");
            params.put("status", search.status().name());
        }
        if (search.provinceCode() != null && !search.provinceCode().isBlank()) {
            where.append(" and province_code = :province");
            params.put("province", search.provinceCode());
        }
        if (search.number() != null && !search.number().isBlank()) {
            where.append(" and number like :number");
            params.put("number", search.number().strip().replace("%", "").replace("_", "") + "%");
        }
        long total = jdbc.sql("select count(*) from antifraud_case" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<FraudCaseView> rows = jdbc.sql("select * from antifraud_case" + where + " order by " + order(pageable)
                        + ", number limit :limit offset :offset")
                .params(params)
                .param("limit", pageable.getPageSize())
                .param("offset", pageable.getOffset())
                .query((rs, n) -> toView(rs))
                .list();
        return new PageImpl<>(rows, pageable, total);
    }

    private static String order(Pageable pageable) {
        if (pageable.getSort().getOrderFor("detectedAt") != null) {
            return "detected_at desc";
        }
        if (pageable.getSort().getOrderFor("verificationDeadline") != null) {
            // Nulls last on both databases, whatever their default.
            return "case when verification_deadline is null then 1 else 0 end, verification_deadline";
        }
        return "score desc";
    }

    /** Cases per home province within the scope, in any status. */
    @Transactional(readOnly = true)
    public Map<String, Long> countByProvince(DataScope scope) {
        Map<String, Object> params = new LinkedHashMap<>();
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("select province_code, count(*) from antifraud_case" + scopeWhere(scope, params)
                        + " and province_code is not null group by province_code")
                .params(params)
                .query((ResultSet rs) -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    /** Cases per reporting operator and status within the scope. */
    @Transactional(readOnly = true)
    public Map<String, Map<CaseStatus, Long>> countByOperatorAndStatus(DataScope scope) {
        Map<String, Object> params = new LinkedHashMap<>();
        Map<String, Map<CaseStatus, Long>> counts = new TreeMap<>();
        jdbc.sql("select operator_name, status, count(*) from antifraud_case" + scopeWhere(scope, params)
                        + " and operator_name is not null group by operator_name, status")
                .params(params)
                .query((ResultSet rs) -> {
                    counts.computeIfAbsent(rs.getString(1), k -> new EnumMap<>(CaseStatus.class))
                            .put(CaseStatus.valueOf(rs.getString(2)), rs.getLong(3));
                });
        return counts;
    }

    /** Numbers detected per day (Beijing time) from {@code from} to today, within the scope. */
    @Transactional(readOnly = true)
    public Map<LocalDate, Long> detectedPerDay(DataScope scope, LocalDate from) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("from", from.atStartOfDay(CHINA).toOffsetDateTime());
        Map<LocalDate, Long> counts = new TreeMap<>();
        jdbc.sql("select detected_at from antifraud_case" + scopeWhere(scope, params) + " and detected_at >= :from")
                .params(params)
                .query((ResultSet rs) -> {
                    LocalDate day = rs.getObject(1, OffsetDateTime.class)
                            .atZoneSameInstant(CHINA)
                            .toLocalDate();
                    counts.merge(day, 1L, Long::sum);
                });
        return counts;
    }

    /** Blocklist changes after the cursor, oldest first: what an operator applies next. */
    @Transactional(readOnly = true)
    public List<BlocklistChange> blocklistChangesAfter(long cursor, int limit) {
        return jdbc.sql("select seq, number, action, changed_at from antifraud_blocklist_change where seq > :cursor"
                        + " order by seq limit :limit")
                .param("cursor", cursor)
                .param("limit", Math.min(Math.max(limit, 1), settings.blocklistPageSize()))
                .query((rs, n) -> new BlocklistChange(
                        rs.getLong("seq"),
                        rs.getString("number"),
                        rs.getString("action"),
                        rs.getObject("changed_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    /** Whether the actor may take regulator decisions (confirm, dismiss, decide appeals). */
    public static boolean regulates(Actor actor) {
        return actor.role() == Role.MINISTRY_ADMIN
                || actor.role() == Role.MINISTRY_OFFICER
                || actor.role() == Role.PROVINCIAL_OFFICER;
    }

    /** Whether the actor may report verification results and appeals (the operator, or a regulator). */
    public static boolean handles(Actor actor) {
        return regulates(actor) || actor.role() == Role.OPERATOR;
    }

    private FraudCase caseFor(Actor actor, long caseId, boolean regulatorDecision) {
        FraudCase found = cases.findById(caseId)
                .filter(c -> visible(actor.scope(), c))
                .orElseThrow(() -> new NoSuchElementException("no case " + caseId));
        if (regulatorDecision ? !regulates(actor) : !handles(actor)) {
            throw new AccessDeniedException("role " + actor.role() + " may not do this");
        }
        return found;
    }

    private FraudCase change(FraudCase before, FraudCase after, String action) {
        FraudCase saved = cases.save(after);
        audit.record("antifraud", "FraudCase", saved.number(), action, before.view(), saved.view());
        if (saved.status().blocked() != before.status().blocked()) {
            jdbc.sql("insert into antifraud_blocklist_change (number, action, case_id, changed_at)"
                            + " values (:number, :action, :case, :at)")
                    .param("number", saved.number())
                    .param("action", saved.status().blocked() ? "ADD" : "REMOVE")
                    .param("case", saved.id())
                    .param("at", saved.updatedAt().atOffset(ZoneOffset.UTC))
                    .update();
        }
        return saved;
    }

    private void announce(FraudCase after) {
        if (after.status() == CaseStatus.SUSPENDED) {
            events.publishEvent(new FraudNumberSuspended(
                    after.id(), after.number(), after.operatorCreditCode(), after.updatedAt()));
        } else if (after.status() == CaseStatus.CLEARED || after.status() == CaseStatus.RESTORED) {
            events.publishEvent(new FraudNumberReleased(after.id(), after.number(), after.status(), after.updatedAt()));
        }
    }

    private static String scopeWhere(DataScope scope, Map<String, Object> params) {
        return " where " + scope.sqlCondition("province_code", "operator_credit_code", params);
    }

    private static boolean visible(DataScope scope, FraudCase c) {
        return scope.covers(c.provinceCode(), c.operatorCreditCode());
    }

    private static FraudCaseView toView(ResultSet rs) throws SQLException {
        OffsetDateTime deadline = rs.getObject("verification_deadline", OffsetDateTime.class);
        return new FraudCaseView(
                rs.getLong("id"),
                rs.getString("number"),
                rs.getString("operator_credit_code"),
                rs.getString("operator_name"),
                rs.getString("province_code"),
                rs.getString("carrier"),
                rs.getBigDecimal("score"),
                rs.getString("reasons"),
                CaseStatus.valueOf(rs.getString("status")),
                rs.getObject("detected_at", OffsetDateTime.class).toInstant(),
                deadline == null ? null : deadline.toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}
