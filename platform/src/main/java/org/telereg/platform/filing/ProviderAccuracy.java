package org.telereg.platform.filing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.telereg.platform.audit.AuditTrail;
import org.telereg.platform.credit.CreditEvent;
import org.telereg.platform.credit.CreditList;

/**
 * Each provider's accuracy (the share of its hosted entries with no finding, per check run) and its
 * standing: a provider with {@link HostingSettings#overdueTasks()} overdue tasks or more, or whose last
 * {@link HostingSettings#lowRuns()} runs were all below {@link HostingSettings#accuracyThreshold()}, is
 * put on the credit watch list (重点关注); when neither holds any more it is taken off with the same source.
 */
@Service
public class ProviderAccuracy {

    /** The list supervision findings put a provider on: a regulator's record, not a published sanction. */
    public static final CreditList LIST = CreditList.WATCH;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;
    private final HostingSettings settings;
    private final Clock clock;

    ProviderAccuracy(
            JdbcClient jdbc,
            ApplicationEventPublisher events,
            AuditTrail audit,
            HostingSettings settings,
            Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    /** The provider's check runs, newest first. */
    @Transactional(readOnly = true)
    public List<ProviderAccuracyPoint> history(String providerCreditCode) {
        return jdbc.sql("select * from filing_check_run where provider_credit_code = :provider order by id desc")
                .param("provider", providerCreditCode)
                .query((rs, n) -> {
                    BigDecimal accuracy = rs.getBigDecimal("accuracy");
                    return new ProviderAccuracyPoint(
                            rs.getLong("id"),
                            rs.getObject("checked_at", OffsetDateTime.class).toInstant(),
                            rs.getString("checked_by"),
                            rs.getInt("entries"),
                            rs.getInt("entries_with_findings"),
                            rs.getInt("findings"),
                            accuracy,
                            low(accuracy),
                            rs.getInt("tasks_opened"),
                            rs.getInt("tasks_resolved"));
                })
                .list();
    }

    /** The date the provider was put on the watch list by supervision, if it is on it. */
    @Transactional(readOnly = true)
    public Optional<LocalDate> listedOn(String providerCreditCode) {
        return jdbc.sql("select listed_on from filing_provider_listing where provider_credit_code = :provider")
                .param("provider", providerCreditCode)
                .query(LocalDate.class)
                .optional();
    }

    /**
     * Lists or removes the provider as its overdue tasks and recent accuracy now say; publishes the
     * credit event inside the caller's transaction.
     *
     * @return whether the provider is listed afterwards
     */
    @Transactional
    public boolean review(String providerCreditCode, String providerName) {
        LocalDate today = LocalDate.now(clock);
        long overdue = jdbc.sql("select count(*) from filing_task where provider_credit_code = :provider"
                        + " and assignee = 'PROVIDER' and status = 'OVERDUE'")
                .param("provider", providerCreditCode)
                .query(Long.class)
                .single();
        List<BigDecimal> recent = jdbc.sql(
                        "select accuracy from filing_check_run where provider_credit_code = :provider"
                                + " and accuracy is not null order by id desc fetch first " + settings.lowRuns()
                                + " rows only")
                .param("provider", providerCreditCode)
                .query(BigDecimal.class)
                .list();
        boolean lowRuns = recent.size() >= settings.lowRuns() && recent.stream().allMatch(this::low);
        boolean tooManyOverdue = overdue >= settings.overdueTasks();
        Optional<String> source = jdbc.sql(
                        "select source_id from filing_provider_listing" + " where provider_credit_code = :provider")
                .param("provider", providerCreditCode)
                .query(String.class)
                .optional();
        if ((lowRuns || tooManyOverdue) && source.isEmpty()) {
            String reasonCode = tooManyOverdue ? "HOSTING_TASKS_OVERDUE" : "HOSTING_LIST_INACCURATE";
            String reason = tooManyOverdue
                    ? "接入服务商有 " + overdue + " 项备案核查任务逾期未处理"
                    : "接入服务商连续 " + settings.lowRuns() + " 次接入资源核查准确率低于 "
                            + settings.accuracyThreshold()
                                    .movePointRight(2)
                                    .stripTrailingZeros()
                                    .toPlainString() + "%";
            String sourceId = providerCreditCode + "/" + today;
            jdbc.sql("insert into filing_provider_listing (provider_credit_code, source_id, reason_code, listed_on)"
                            + " values (:provider, :source, :reason, :today)")
                    .param("provider", providerCreditCode)
                    .param("source", sourceId)
                    .param("reason", reasonCode)
                    .param("today", today)
                    .update();
            events.publishEvent(CreditEvent.listing(
                    LIST,
                    providerCreditCode,
                    providerName,
                    null,
                    reasonCode,
                    reason,
                    source(sourceId),
                    today,
                    "MIIT",
                    "工业和信息化部"));
            audit.record(
                    "filing", "ProviderStanding", providerCreditCode, "listed", null, Map.of("reason", reasonCode));
            return true;
        }
        if (!lowRuns && !tooManyOverdue && source.isPresent()) {
            jdbc.sql("delete from filing_provider_listing where provider_credit_code = :provider")
                    .param("provider", providerCreditCode)
                    .update();
            events.publishEvent(
                    CreditEvent.removal(LIST, providerCreditCode, "逾期任务已处理且接入资源核查准确率恢复", source(source.get()), today));
            audit.record(
                    "filing", "ProviderStanding", providerCreditCode, "removed", Map.of("source", source.get()), null);
            return false;
        }
        return source.isPresent();
    }

    /** The source of a supervision listing; a removal names the same one. */
    public static CreditEvent.Source source(String id) {
        return new CreditEvent.Source("filing", "HostingSupervision", id);
    }

    boolean low(BigDecimal accuracy) {
        return accuracy != null && accuracy.compareTo(settings.accuracyThreshold()) < 0;
    }
}
