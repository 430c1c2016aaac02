package org.telereg.platform.filing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.telereg.engine.filing.CrossCheck;
import org.telereg.engine.filing.DomainIndex;
import org.telereg.engine.filing.HostingFinding;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.access.Role;
import org.telereg.platform.audit.AuditTrail;
import org.telereg.platform.shared.RejectedInputException;

/**
 * Checks a provider's current hosted list against the register with the engine's {@link CrossCheck}
 * (ACTIVE services' domains with their access provider; ACTIVE IP filings with their user unit and
 * allocating ISP), finds the websites filed through the provider that its list lacks, and, when DNS
 * checks are on, resolves the provider's filed domains. Each run is kept with its accuracy; each
 * finding opens a task (once), and the provider's tasks whose finding the run no longer makes close.
 */
@Service
public class HostingChecks {

    private final JdbcClient jdbc;
    private final FilingTasks tasks;
    private final ProviderAccuracy accuracy;
    private final DnsChecks dns;
    private final AuditTrail audit;
    private final Clock clock;

    HostingChecks(
            JdbcClient jdbc,
            FilingTasks tasks,
            ProviderAccuracy accuracy,
            DnsChecks dns,
            AuditTrail audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.accuracy = accuracy;
        this.dns = dns;
        this.audit = audit;
        this.clock = clock;
    }

    /** A provider checks its own list; the ministry any provider's, an administration its province's. */
    public static boolean canCheck(Actor actor, String providerCreditCode, String providerProvince) {
        if (!actor.role().writes()) {
            return false;
        }
        if (actor.role() == Role.ACCESS_PROVIDER || actor.role() == Role.OPERATOR) {
            return actor.scope().kind() == DataScope.Kind.ENTERPRISE
                    && actor.scope().creditCode().equals(providerCreditCode);
        }
        return actor.scope().coversProvince(providerProvince);
    }

    /** The ministry checks every provider at once. */
    public static boolean canCheckAll(Actor actor) {
        return (actor.role() == Role.MINISTRY_ADMIN || actor.role() == Role.MINISTRY_OFFICER)
                && actor.scope().kind() == DataScope.Kind.ALL;
    }

    public boolean dnsEnabled() {
        return dns.enabled();
    }

    /**
     * Checks one provider's current list.
     *
     * @throws RejectedInputException naming {@code provider} when it has no hosted list
     * @throws AccessDeniedException unless {@link #canCheck}
     */
    @Transactional
    public HostingCheckResult check(Actor actor, String providerCreditCode) {
        return check(actor, providerCreditCode, dns);
    }

    @Transactional
    HostingCheckResult check(Actor actor, String providerCreditCode, DnsChecks resolver) {
        Provider provider = provider(providerCreditCode);
        if (!canCheck(actor, provider.creditCode(), provider.provinceCode())) {
            throw new AccessDeniedException("this provider's list is not yours to check");
        }
        return run(actor, provider, register(), resolver);
    }

    /**
     * Checks every provider with a hosted list against one load of the register.
     *
     * @throws AccessDeniedException unless {@link #canCheckAll}
     */
    @Transactional
    public List<HostingCheckResult> checkAll(Actor actor) {
        if (!canCheckAll(actor)) {
            throw new AccessDeniedException("the ministry checks all providers");
        }
        Register register = register();
        List<HostingCheckResult> results = new ArrayList<>();
        for (String code : jdbc.sql("select distinct provider_credit_code from filing_hosted_upload"
                        + " order by provider_credit_code")
                .query(String.class)
                .list()) {
            results.add(run(actor, provider(code), register, dns));
        }
        return results;
    }

    private record Provider(String creditCode, String name, String provinceCode, long uploadId) {}

    private Provider provider(String creditCode) {
        return jdbc.sql(
                        "select id, provider_credit_code, provider_name, province_code from filing_hosted_upload"
                                + " where provider_credit_code = :provider order by as_of desc, id desc fetch first 1 rows only")
                .param("provider", creditCode == null ? "" : creditCode.strip())
                .query((rs, n) -> new Provider(
                        rs.getString("provider_credit_code"),
                        rs.getString("provider_name"),
                        rs.getString("province_code"),
                        rs.getLong("id")))
                .optional()
                .orElseThrow(() -> RejectedInputException.of(
                        "provider", "filing.hosting.noList", "the provider has no hosted list", creditCode));
    }

    /** The register as the engine sees it, with what findings need to name the filings. */
    private static final class Register {
        final Map<String, Integer> parties = new HashMap<>();
        final List<String> domainService = new ArrayList<>();
        final List<String> domainProviderName = new ArrayList<>();
        final List<String> rangeText = new ArrayList<>();
        CrossCheck check;

        int party(String creditCode) {
            if (creditCode == null || creditCode.isBlank()) {
                return -2;
            }
            return parties.computeIfAbsent(creditCode, c -> parties.size());
        }
    }

    private Register register() {
        Register register = new Register();
        CrossCheck.Builder builder = CrossCheck.builder();
        jdbc.sql("""
                        select d.domain, s.service_number, s.access_provider_credit_code, s.access_provider_name
                        from filing_service_domain d join filing_service s on s.id = d.service_id
                        where s.status = 'ACTIVE' order by s.id, d.domain""").query(rs -> {
            try {
                builder.filedDomain(rs.getString(1), register.party(rs.getString(3)));
                register.domainService.add(rs.getString(2));
                register.domainProviderName.add(rs.getString(4) + "（" + rs.getString(3) + "）");
            } catch (IllegalArgumentException e) {
                // A register domain the index cannot hold covers nothing; the filing helper validates them.
            }
        });
        jdbc.sql("""
                        select first_address, last_address, user_unit_credit_code, allocating_isp_credit_code,
                            user_unit_name
                        from filing_ip_range where status = 'ACTIVE' order by id""").query(rs -> {
            try {
                builder.filedIpRange(
                        rs.getString(1),
                        rs.getString(2),
                        register.party(rs.getString(3)),
                        register.party(rs.getString(4)));
                register.rangeText.add(rs.getString(1) + "–" + rs.getString(2) + " " + rs.getString(5));
            } catch (IllegalArgumentException e) {
                // As above: a malformed range covers nothing.
            }
        });
        register.check = builder.build();
        return register;
    }

    /** A website filed through the provider, with its domains and filed addresses. */
    private record FiledSite(String serviceNumber, String provinceCode, List<String> domains, Set<String> ips) {}

    private List<FiledSite> filedSites(String providerCreditCode) {
        Map<Long, FiledSite> sites = new LinkedHashMap<>();
        jdbc.sql("""
                        select s.id, s.service_number, sub.province_code from filing_service s
                        join filing_subject sub on sub.id = s.subject_id
                        where s.access_provider_credit_code = :provider and s.status = 'ACTIVE' and s.kind = 'WEBSITE'
                        order by s.id""").param("provider", providerCreditCode).query(rs -> {
            sites.put(
                    rs.getLong(1),
                    new FiledSite(rs.getString(2), rs.getString(3), new ArrayList<>(), new LinkedHashSet<>()));
        });
        if (sites.isEmpty()) {
            return List.of();
        }
        String ids = " in (select s.id from filing_service s where s.access_provider_credit_code = :provider"
                + " and s.status = 'ACTIVE' and s.kind = 'WEBSITE')";
        jdbc.sql("select service_id, domain from filing_service_domain where service_id" + ids + " order by domain")
                .param("provider", providerCreditCode)
                .query(rs -> {
                    FiledSite site = sites.get(rs.getLong(1));
                    if (site != null) {
                        site.domains().add(rs.getString(2));
                    }
                });
        jdbc.sql("select service_id, address from filing_service_ip where service_id" + ids)
                .param("provider", providerCreditCode)
                .query(rs -> {
                    FiledSite site = sites.get(rs.getLong(1));
                    if (site != null) {
                        site.ips().add(canonicalIp(rs.getString(2)));
                    }
                });
        return new ArrayList<>(sites.values());
    }

    private HostingCheckResult run(Actor actor, Provider provider, Register register, DnsChecks resolver) {
        List<String> domains = entries(provider.creditCode(), "DOMAIN");
        List<String> ips = entries(provider.creditCode(), "IP");
        int party = register.party(provider.creditCode());
        List<HostingFindingView> findings = new ArrayList<>();
        Set<String> flagged = new HashSet<>();
        register.check.checkDomains(party, domains, f -> {
            findings.add(view(f, register, true));
            flagged.add("D " + f.value());
        });
        register.check.checkIps(party, ips, f -> {
            findings.add(view(f, register, false));
            flagged.add("I " + f.value());
        });
        List<FiledSite> sites = filedSites(provider.creditCode());
        Set<String> hostedSuffixes = new HashSet<>();
        for (String domain : domains) {
            try {
                String name = DomainIndex.normalise(domain);
                while (true) {
                    hostedSuffixes.add(name);
                    int dot = name.indexOf('.');
                    if (dot < 0) {
                        break;
                    }
                    name = name.substring(dot + 1);
                }
            } catch (IllegalArgumentException e) {
                // Reported as INVALID_DOMAIN above.
            }
        }
        for (FiledSite site : sites) {
            if (!site.domains().isEmpty() && site.domains().stream().noneMatch(hostedSuffixes::contains)) {
                findings.add(new HostingFindingView(
                        HostingFindingKind.FILED_NOT_HOSTED,
                        site.serviceNumber(),
                        site.serviceNumber(),
                        String.join(", ", site.domains())));
            }
        }
        List<HostingFindingView> provinceFindings = new ArrayList<>();
        List<String> provinceOf = new ArrayList<>();
        boolean dnsChecked = resolver.enabled() && !sites.isEmpty();
        Map<String, DnsAnswer> answers = Map.of();
        if (dnsChecked) {
            List<String> names =
                    sites.stream().flatMap(s -> s.domains().stream()).toList();
            answers = resolver.resolve(names);
            for (FiledSite site : sites) {
                for (String domain : site.domains()) {
                    DnsAnswer answer = answers.get(domain);
                    if (answer == null) {
                        continue;
                    }
                    if (answer.doesNotResolve()) {
                        provinceFindings.add(new HostingFindingView(
                                HostingFindingKind.DOES_NOT_RESOLVE,
                                domain,
                                site.serviceNumber(),
                                answer.outcome().name()));
                        provinceOf.add(site.provinceCode());
                    } else if (answer.outcome() == DnsAnswer.Outcome.RESOLVED
                            && !site.ips().isEmpty()) {
                        List<String> outside = answer.addresses().stream()
                                .filter(a -> !site.ips().contains(a))
                                .toList();
                        if (!outside.isEmpty()) {
                            findings.add(new HostingFindingView(
                                    HostingFindingKind.RESOLVES_OUTSIDE_FILED_IPS,
                                    domain,
                                    site.serviceNumber(),
                                    String.join(", ", outside)));
                        }
                    }
                }
            }
        }
        int entries = domains.size() + ips.size();
        BigDecimal share = entries == 0
                ? null
                : BigDecimal.valueOf(entries - flagged.size())
                        .divide(BigDecimal.valueOf(entries), 6, RoundingMode.HALF_UP);
        Map<HostingFindingKind, Integer> counts = new EnumMap<>(HostingFindingKind.class);
        findings.forEach(f -> counts.merge(f.kind(), 1, Integer::sum));
        provinceFindings.forEach(f -> counts.merge(f.kind(), 1, Integer::sum));
        int total = findings.size() + provinceFindings.size();
        jdbc.sql("""
                insert into filing_check_run (provider_credit_code, provider_name, upload_id, checked_at, checked_by,
                    entries, entries_with_findings, findings, accuracy, dns_checked, tasks_opened)
                values (:provider, :name, :upload, :at, :by, :entries, :flagged, :findings, :accuracy, :dns, 0)""")
                .param("provider", provider.creditCode())
                .param("name", provider.name())
                .param("upload", provider.uploadId())
                .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .param("by", HostedLists.truncate(actor.username(), 100))
                .param("entries", entries)
                .param("flagged", flagged.size())
                .param("findings", total)
                .param("accuracy", share)
                .param("dns", dnsChecked)
                .update();
        long runId = jdbc.sql("select max(id) from filing_check_run where provider_credit_code = :provider")
                .param("provider", provider.creditCode())
                .query(Long.class)
                .single();
        List<FilingTasks.Finding> all = new ArrayList<>();
        for (HostingFindingView finding : findings) {
            all.add(new FilingTasks.Finding(finding, provider.creditCode(), provider.name(), provider.provinceCode()));
        }
        for (int i = 0; i < provinceFindings.size(); i++) {
            all.add(new FilingTasks.Finding(
                    provinceFindings.get(i), provider.creditCode(), provider.name(), provinceOf.get(i)));
        }
        String run = Long.toString(runId);
        List<FilingTasks.Finding> opened = tasks.open(all, runId, "HostingCheck", run);
        int resolved = tasks.resolve(
                resolvedTasks(provider.creditCode(), all, sites, dnsChecked ? answers : null),
                "核查 #" + runId,
                "HostingCheck",
                run);
        jdbc.sql("update filing_check_run set tasks_opened = :opened, tasks_resolved = :resolved where id = :id")
                .param("opened", opened.size())
                .param("resolved", resolved)
                .param("id", runId)
                .update();
        Map<String, Integer> openedByProvince = new LinkedHashMap<>();
        int openedForProvider = 0;
        for (FilingTasks.Finding finding : opened) {
            if (finding.view().kind().assignee() == HostingFindingKind.Assignee.PROVIDER) {
                openedForProvider++;
            } else {
                openedByProvince.merge(finding.provinceCode(), 1, Integer::sum);
            }
        }
        tasks.notifyOpened(HostingFindingKind.Assignee.PROVIDER, provider.creditCode(), openedForProvider);
        openedByProvince.forEach(
                (province, count) -> tasks.notifyOpened(HostingFindingKind.Assignee.PROVINCE, province, count));
        accuracy.review(provider.creditCode(), provider.name());
        audit.record(
                "filing",
                "HostingCheck",
                Long.toString(runId),
                "recorded",
                null,
                Map.of(
                        "provider",
                        provider.creditCode(),
                        "entries",
                        entries,
                        "findings",
                        total,
                        "accuracy",
                        share == null ? "" : share.toPlainString(),
                        "tasksOpened",
                        opened.size(),
                        "tasksResolved",
                        resolved));
        List<HostingFindingView> shown = new ArrayList<>(findings);
        shown.addAll(provinceFindings);
        return new HostingCheckResult(
                runId,
                provider.creditCode(),
                entries,
                flagged.size(),
                share,
                dnsChecked,
                counts,
                shown.size() > HostingCheckResult.LIMIT ? shown.subList(0, HostingCheckResult.LIMIT) : shown,
                opened.size(),
                resolved);
    }

    /**
     * The provider's tasks whose finding this run would have made again and did not: an entry that is no
     * longer listed or is now filed through it, a filed site now in its list or no longer its, and, when
     * DNS was checked, a domain that answered within its filed addresses (or is no longer its) or that
     * resolves again. A domain the resolver failed on proves nothing and closes nothing.
     *
     * @param answers the resolver's answers, null when DNS was not checked
     */
    private List<Long> resolvedTasks(
            String providerCreditCode,
            List<FilingTasks.Finding> made,
            List<FiledSite> sites,
            Map<String, DnsAnswer> answers) {
        Set<String> keys = new HashSet<>();
        made.forEach(f -> keys.add(f.key()));
        Set<String> filedDomains = new HashSet<>();
        sites.forEach(site -> filedDomains.addAll(site.domains()));
        List<Long> resolved = new ArrayList<>();
        for (FilingTasks.OpenTask task : tasks.notClosedOf(providerCreditCode)) {
            if (keys.contains(task.key())) {
                continue;
            }
            boolean gone = switch (task.kind()) {
                case RESOLVES_OUTSIDE_FILED_IPS ->
                    answers != null && (!filedDomains.contains(task.target()) || definite(answers.get(task.target())));
                case DOES_NOT_RESOLVE ->
                    answers != null
                            && answers.get(task.target()) != null
                            && answers.get(task.target()).outcome() == DnsAnswer.Outcome.RESOLVED;
                case ACCESS_LAPSED -> false;
                default -> true;
            };
            if (gone) {
                resolved.add(task.id());
            }
        }
        return resolved;
    }

    private static boolean definite(DnsAnswer answer) {
        return answer != null && (answer.outcome() == DnsAnswer.Outcome.RESOLVED || answer.doesNotResolve());
    }

    private List<String> entries(String provider, String kind) {
        return jdbc.sql("select entry from filing_hosted_entry where provider_credit_code = :provider"
                        + " and entry_kind = :kind order by line_number")
                .param("provider", provider)
                .param("kind", kind)
                .query(String.class)
                .list();
    }

    private static HostingFindingView view(HostingFinding finding, Register register, boolean domain) {
        HostingFindingKind kind = HostingFindingKind.valueOf(finding.kind().name());
        String service = null;
        String detail = null;
        if (finding.filing() >= 0) {
            if (domain) {
                service = register.domainService.get(finding.filing());
                detail = register.domainProviderName.get(finding.filing());
            } else {
                detail = register.rangeText.get(finding.filing());
            }
        }
        return new HostingFindingView(kind, finding.value(), service, detail);
    }

    static String canonicalIp(String text) {
        try {
            return org.telereg.engine.filing.IpAddresses.normalise(text);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
