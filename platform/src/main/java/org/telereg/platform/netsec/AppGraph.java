package org.telereg.platform.netsec;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.audit.AuditTrail;
import org.telereg.platform.credit.CreditEvent;
import org.telereg.platform.credit.CreditList;

/**
 * Apps, their companies and their SDKs as a graph, and what it shows: repeat offenders (companies
 * whose Apps had findings in two or more batches, or in two or more versions of one App) and SDKs
 * blamed in Apps of two or more companies. A company found a repeat offender goes on the credit
 * watch list once.
 */
@Service
public class AppGraph {

    /** Most Apps the graph draws; beyond it a page would not be readable anyway. */
    static final int MAX_APPS = 400;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;

    AppGraph(JdbcClient jdbc, ApplicationEventPublisher events, AuditTrail audit) {
        this.jdbc = jdbc;
        this.events = events;
        this.audit = audit;
    }

    /** One finding with its App and batch. */
    private record Hit(
            long appId,
            String creditCode,
            String companyName,
            long batchId,
            String batchName,
            String appName,
            String packageName,
            String version,
            AppRule rule,
            String sdk) {

        String versionLabel() {
            return appName + " " + version + "（" + batchName + "）";
        }
    }

    private List<Hit> hits(DataScope scope) {
        Map<String, Object> params = new HashMap<>();
        String condition = scope.sqlCondition("a.province_code", "a.credit_code", params);
        return jdbc.sql("select a.id, a.credit_code, a.company_name, a.batch_id, b.name as batch_name, a.app_name,"
                        + " a.package_name, a.app_version, f.rule_code, f.sdk_name from netsec_app_finding f"
                        + " join netsec_app a on a.id = f.app_id join netsec_app_batch b on b.id = a.batch_id"
                        + " where " + condition + " order by b.period_to, b.id, a.id, f.id")
                .params(params)
                .query((rs, n) -> new Hit(
                        rs.getLong("id"),
                        rs.getString("credit_code"),
                        rs.getString("company_name"),
                        rs.getLong("batch_id"),
                        rs.getString("batch_name"),
                        rs.getString("app_name"),
                        rs.getString("package_name"),
                        rs.getString("app_version"),
                        AppRule.valueOf(rs.getString("rule_code")),
                        rs.getString("sdk_name")))
                .list();
    }

    /** The repeat offenders among the companies the scope covers, by name. */
    @Transactional(readOnly = true)
    public List<AppGraphOffender> offenders(DataScope scope) {
        return offenders(hits(scope));
    }

    private static List<AppGraphOffender> offenders(List<Hit> hits) {
        Map<String, List<Hit>> byCompany = new LinkedHashMap<>();
        for (Hit hit : hits) {
            byCompany.computeIfAbsent(hit.creditCode(), k -> new ArrayList<>()).add(hit);
        }
        List<AppGraphOffender> offenders = new ArrayList<>();
        for (List<Hit> company : byCompany.values()) {
            Set<Long> batches = new LinkedHashSet<>();
            Set<String> batchNames = new LinkedHashSet<>();
            Map<String, Set<String>> versionsByPackage = new HashMap<>();
            Set<String> versions = new LinkedHashSet<>();
            Set<AppRule> rules = new TreeSet<>();
            for (Hit hit : company) {
                batches.add(hit.batchId());
                batchNames.add(hit.batchName());
                versionsByPackage
                        .computeIfAbsent(hit.packageName(), k -> new LinkedHashSet<>())
                        .add(hit.version());
                versions.add(hit.versionLabel());
                rules.add(hit.rule());
            }
            boolean acrossBatches = batches.size() >= 2;
            boolean acrossVersions = versionsByPackage.values().stream().anyMatch(v -> v.size() >= 2);
            if (acrossBatches || acrossVersions) {
                Hit first = company.get(0);
                offenders.add(new AppGraphOffender(
                        first.creditCode(),
                        company.get(company.size() - 1).companyName(),
                        List.copyOf(batchNames),
                        List.copyOf(versions),
                        List.copyOf(rules),
                        acrossBatches,
                        acrossVersions));
            }
        }
        offenders.sort(java.util.Comparator.comparing(AppGraphOffender::companyName));
        return offenders;
    }

    /** The SDKs blamed in findings of Apps of two or more companies the scope covers, by name. */
    @Transactional(readOnly = true)
    public List<AppGraphSdk> sdks(DataScope scope) {
        Map<String, List<Hit>> bySdk = new LinkedHashMap<>();
        for (Hit hit : hits(scope)) {
            if (hit.sdk() != null) {
                bySdk.computeIfAbsent(hit.sdk(), k -> new ArrayList<>()).add(hit);
            }
        }
        List<AppGraphSdk> sdks = new ArrayList<>();
        for (Map.Entry<String, List<Hit>> sdk : bySdk.entrySet()) {
            Map<String, String> companies = new LinkedHashMap<>();
            Set<String> apps = new LinkedHashSet<>();
            Set<AppRule> rules = new TreeSet<>();
            for (Hit hit : sdk.getValue()) {
                companies.put(hit.creditCode(), hit.companyName());
                apps.add(hit.appName() + " " + hit.version());
                rules.add(hit.rule());
            }
            if (companies.size() >= 2) {
                String company = jdbc.sql("select max(sdk_company) from netsec_app_sdk where sdk_name = :name")
                        .param("name", sdk.getKey())
                        .query(String.class)
                        .optional()
                        .orElse(null);
                sdks.add(new AppGraphSdk(
                        sdk.getKey(), company, List.copyOf(companies.values()), List.copyOf(apps), List.copyOf(rules)));
            }
        }
        sdks.sort(java.util.Comparator.comparing(AppGraphSdk::name));
        return sdks;
    }

    /**
     * The graph of the Apps with findings the scope covers: companies, Apps (by package name) and the
     * SDKs found in them, as ECharts draws a graph: {@code categories}, {@code nodes} ({@code id},
     * {@code name}, {@code category}, {@code value} = findings, {@code flagged} for repeat offenders and
     * SDKs across companies) and {@code links}.
     */
    @Transactional(readOnly = true)
    public Map<String, Object> graph(DataScope scope) {
        List<Hit> hits = hits(scope);
        Set<String> offenders = new java.util.HashSet<>();
        offenders(hits).forEach(o -> offenders.add(o.creditCode()));
        Set<String> flaggedSdks = new java.util.HashSet<>();
        sdks(scope).forEach(s -> flaggedSdks.add(s.name()));
        Map<String, Map<String, Object>> nodes = new LinkedHashMap<>();
        Set<List<String>> links = new LinkedHashSet<>();
        Set<Long> apps = new LinkedHashSet<>();
        for (Hit hit : hits) {
            if (!apps.contains(hit.appId()) && apps.size() >= MAX_APPS) {
                continue;
            }
            apps.add(hit.appId());
            String company = "c:" + hit.creditCode();
            String app = "a:" + hit.packageName();
            node(nodes, company, hit.companyName(), 0, offenders.contains(hit.creditCode()));
            node(nodes, app, hit.appName(), 1, false);
            links.add(List.of(company, app));
            if (hit.sdk() != null) {
                String sdk = "s:" + hit.sdk();
                node(nodes, sdk, hit.sdk(), 2, flaggedSdks.contains(hit.sdk()));
                links.add(List.of(app, sdk));
            }
        }
        if (!apps.isEmpty()) {
            jdbc.sql("select s.sdk_name, a.package_name from netsec_app_sdk s join netsec_app a on a.id = s.app_id"
                            + " where s.app_id in (:ids)")
                    .param("ids", List.copyOf(apps).subList(0, Math.min(apps.size(), MAX_APPS)))
                    .query((rs, n) -> {
                        String sdk = "s:" + rs.getString("sdk_name");
                        node(nodes, sdk, rs.getString("sdk_name"), 2, flaggedSdks.contains(rs.getString("sdk_name")));
                        links.add(List.of("a:" + rs.getString("package_name"), sdk));
                        return null;
                    })
                    .list();
        }
        for (Hit hit : hits) {
            Map<String, Object> app = nodes.get("a:" + hit.packageName());
            if (app != null && apps.contains(hit.appId())) {
                app.merge("value", 1, (a, b) -> (Integer) a + (Integer) b);
            }
        }
        Map<String, Object> graph = new LinkedHashMap<>();
        graph.put("nodes", List.copyOf(nodes.values()));
        graph.put(
                "links",
                links.stream()
                        .map(l -> Map.of("source", l.get(0), "target", l.get(1)))
                        .toList());
        return graph;
    }

    private static void node(
            Map<String, Map<String, Object>> nodes, String id, String name, int category, boolean flagged) {
        nodes.computeIfAbsent(id, k -> {
            Map<String, Object> node = new LinkedHashMap<>();
            node.put("id", id);
            node.put("name", name);
            node.put("category", category);
            node.put("value", 0);
            node.put("flagged", flagged);
            return node;
        });
    }

    /** Whether the company is (as of its findings so far) a repeat offender. */
    @Transactional(readOnly = true)
    public boolean isOffender(String creditCode) {
        return offenders(DataScope.enterprise(creditCode)).stream()
                .anyMatch(o -> o.creditCode().equals(creditCode));
    }

    /**
     * Puts every repeat offender not yet listed on the credit watch list, with the evidence as the
     * reason; called in the transaction that imported the findings.
     *
     * @return the companies listed now
     */
    @Transactional
    public List<AppGraphOffender> listRepeatOffenders(LocalDate today) {
        List<AppGraphOffender> listed = new ArrayList<>();
        for (AppGraphOffender offender : offenders(DataScope.all())) {
            if (listedOn(offender.creditCode()).isPresent()) {
                continue;
            }
            jdbc.sql(
                            "insert into netsec_app_offender (credit_code, company_name, listed_on) values (:code, :name, :today)")
                    .param("code", offender.creditCode())
                    .param("name", offender.companyName())
                    .param("today", today)
                    .update();
            String reason = "App 屡次检出违规收集使用个人信息问题：" + offender.batches().size() + " 个检测批次（"
                    + String.join("、", offender.batches()) + "），问题版本 " + String.join("；", offender.versions());
            if (reason.length() > 900) {
                reason = reason.substring(0, 899) + "…";
            }
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("batches", offender.batches());
            after.put("versions", offender.versions());
            after.put("rules", offender.rules().stream().map(Enum::name).toList());
            audit.record("netsec", "AppRepeatOffender", offender.creditCode(), "netsecAppRepeatOffender", null, after);
            events.publishEvent(CreditEvent.listing(
                    CreditList.WATCH,
                    offender.creditCode(),
                    offender.companyName(),
                    null,
                    "APP_REPEAT_OFFENDER",
                    reason,
                    new CreditEvent.Source("netsec", "AppRepeatOffender", offender.creditCode()),
                    today,
                    "MIIT",
                    "工业和信息化部"));
            listed.add(offender);
        }
        return listed;
    }

    /** The day a company was found a repeat offender, if it was. */
    @Transactional(readOnly = true)
    public java.util.Optional<LocalDate> listedOn(String creditCode) {
        return jdbc.sql("select listed_on from netsec_app_offender where credit_code = :code")
                .param("code", creditCode)
                .query(LocalDate.class)
                .optional();
    }
}
