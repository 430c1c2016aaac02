package org.telereg.platform.filing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.access.Role;

/**
 * Stale and shell filings (空壳备案): ACTIVE websites whose domains no longer resolve (when DNS checks are
 * on) and LAPSED services whose access was withdrawn more than {@link HostingSettings#lapsedDays()} days
 * ago. Each opens a task for the reviewing administration: cancel the filing or have it re-filed.
 */
@Service
public class StaleFilings {

    /**
     * What a run found and opened.
     *
     * @param dnsChecked whether domains were resolved
     * @param domainsResolved how many filed domains were resolved
     * @param notResolving filed domains that do not resolve
     * @param lapsed lapsed services past the grace period
     * @param tasksOpened tasks opened (a stale filing that already has a task opens none)
     * @param tasksResolved tasks closed because the run no longer found their filing stale
     */
    public record Result(
            boolean dnsChecked,
            int domainsResolved,
            int notResolving,
            int lapsed,
            int tasksOpened,
            int tasksResolved) {}

    private final JdbcClient jdbc;
    private final FilingTasks tasks;
    private final DnsChecks dns;
    private final HostingSettings settings;
    private final Clock clock;

    StaleFilings(JdbcClient jdbc, FilingTasks tasks, DnsChecks dns, HostingSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.dns = dns;
        this.settings = settings;
        this.clock = clock;
    }

    /** Officers of the ministry and the administrations run the job now. */
    public static boolean canRun(Actor actor) {
        return (actor.role() == Role.MINISTRY_ADMIN
                        || actor.role() == Role.MINISTRY_OFFICER
                        || actor.role() == Role.PROVINCIAL_OFFICER)
                && actor.scope().kind() != DataScope.Kind.NONE;
    }

    /**
     * Runs now for the actor's scope (an administration: its own province's filings).
     *
     * @throws AccessDeniedException unless {@link #canRun}
     */
    @Transactional
    public Result runNow(Actor actor) {
        if (!canRun(actor)) {
            throw new AccessDeniedException("officers run the stale-filing check");
        }
        return run(actor.scope(), LocalDate.now(clock), dns);
    }

    /** Every morning over the whole register; transactional so its work commits as one. */
    @Scheduled(cron = "${telereg.filing.supervision.stale-cron:0 40 2 * * *}", zone = "Asia/Shanghai")
    @Transactional
    public void daily() {
        run(DataScope.all(), LocalDate.now(clock), dns);
    }

    @Transactional
    Result run(DataScope scope, LocalDate today, DnsChecks resolver) {
        String province = scope.kind() == DataScope.Kind.PROVINCE ? scope.provinceCode() : null;
        List<FilingTasks.Finding> findings = new ArrayList<>();
        List<FilingTasks.Finding> lapsed = jdbc.sql("""
                        select s.service_number, s.access_provider_credit_code, s.access_provider_name,
                            sub.province_code, s.access_withdrawn_on, s.name
                        from filing_service s join filing_subject sub on sub.id = s.subject_id
                        where s.status = 'LAPSED' and s.access_withdrawn_on < :before
                          and (cast(:province as varchar(2)) is null or sub.province_code = :province)
                        order by s.id""")
                .param("before", today.minusDays(settings.lapsedDays()))
                .param("province", province)
                .query((rs, n) -> new FilingTasks.Finding(
                        new HostingFindingView(
                                HostingFindingKind.ACCESS_LAPSED,
                                rs.getString(1),
                                rs.getString(1),
                                rs.getString(6) + " · " + rs.getObject(5, LocalDate.class)),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4)))
                .list();
        findings.addAll(lapsed);
        int resolved = 0;
        int notResolving = 0;
        Map<String, DnsAnswer> answers = Map.of();
        if (resolver.enabled()) {
            List<Object[]> domains = jdbc.sql("""
                            select d.domain, s.service_number, s.access_provider_credit_code, s.access_provider_name,
                                sub.province_code
                            from filing_service_domain d join filing_service s on s.id = d.service_id
                            join filing_subject sub on sub.id = s.subject_id
                            where s.status = 'ACTIVE'
                              and (cast(:province as varchar(2)) is null or sub.province_code = :province)
                            order by s.id, d.domain""")
                    .param("province", province)
                    .query((rs, n) -> new Object[] {
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)
                    })
                    .list();
            List<String> names = new ArrayList<>();
            domains.forEach(row -> names.add((String) row[0]));
            answers = resolver.resolve(names);
            resolved = answers.size();
            for (Object[] row : domains) {
                DnsAnswer answer = answers.get((String) row[0]);
                if (answer != null && answer.doesNotResolve()) {
                    notResolving++;
                    findings.add(new FilingTasks.Finding(
                            new HostingFindingView(
                                    HostingFindingKind.DOES_NOT_RESOLVE,
                                    (String) row[0],
                                    (String) row[1],
                                    answer.outcome().name()),
                            (String) row[2],
                            (String) row[3],
                            (String) row[4]));
                }
            }
        }
        String run = (province == null ? "all" : province) + "/" + today;
        List<FilingTasks.Finding> opened = tasks.open(findings, null, "StaleFilings", run);
        int closed = tasks.resolve(resolvedTasks(province, findings, answers), "空壳备案核查 " + today, "StaleFilings", run);
        Map<String, Integer> openedByProvince = new LinkedHashMap<>();
        opened.forEach(f -> openedByProvince.merge(f.provinceCode(), 1, Integer::sum));
        openedByProvince.forEach(
                (code, count) -> tasks.notifyOpened(HostingFindingKind.Assignee.PROVINCE, code, count));
        return new Result(resolver.enabled(), resolved, notResolving, lapsed.size(), opened.size(), closed);
    }

    /**
     * The stale-filing tasks of the run's scope it no longer finds: a lapsed filing that was re-filed or
     * cancelled, and (when DNS is on) a domain that resolves again. A failed query closes nothing.
     */
    private List<Long> resolvedTasks(String province, List<FilingTasks.Finding> made, Map<String, DnsAnswer> answers) {
        Set<String> keys = new HashSet<>();
        made.forEach(f -> keys.add(f.key()));
        List<Long> resolved = new ArrayList<>();
        for (FilingTasks.OpenTask task : tasks.notClosedOf(
                List.of(HostingFindingKind.ACCESS_LAPSED, HostingFindingKind.DOES_NOT_RESOLVE), province)) {
            if (keys.contains(task.key())) {
                continue;
            }
            DnsAnswer answer = answers.get(task.target());
            if (task.kind() == HostingFindingKind.ACCESS_LAPSED
                    || (answer != null && answer.outcome() == DnsAnswer.Outcome.RESOLVED)) {
                resolved.add(task.id());
            }
        }
        return resolved;
    }
}
