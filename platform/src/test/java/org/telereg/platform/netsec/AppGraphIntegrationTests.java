package org.telereg.platform.netsec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.telereg.platform.SignIn.as;
import static org.telereg.platform.netsec.AppCheckFixtures.app;
import static org.telereg.platform.netsec.AppCheckFixtures.creditCode;
import static org.telereg.platform.netsec.AppCheckFixtures.finding;
import static org.telereg.platform.netsec.AppCheckFixtures.packageName;
import static org.telereg.platform.netsec.AppCheckFixtures.unique;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.telereg.platform.PlatformIntegrationTest;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.credit.CreditList;
import org.telereg.platform.credit.CreditRegistry;
import org.telereg.platform.entity.CompanyInput;
import org.telereg.platform.entity.CompanyRegistry;

@PlatformIntegrationTest
class AppGraphIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    AppChecks checks;

    @Autowired
    AppGraph graph;

    @Autowired
    AppNotices notices;

    @Autowired
    CreditRegistry credit;

    @Autowired
    CompanyRegistry companies;

    private boolean offender(String creditCode) {
        return graph.offenders(DataScope.all()).stream()
                .anyMatch(o -> o.creditCode().equals(creditCode));
    }

    @Test
    void findingsInOneBatchAreNoRepeatButASecondBatchMakesARepeatOffender() {
        String company = creditCode("44");
        String shop = packageName();
        AppCheckBatchView first = AppCheckFixtures.batch(checks, "首批 ");
        AppCheckFixtures.imported(
                checks,
                first.id(),
                app("商城", shop, "1.0", company, finding(AppRule.OVER_COLLECTION), finding(AppRule.FORCED_ADS)),
                app("视频", packageName(), "2.0", company, finding(AppRule.DELETION_BARRIER)));
        assertThat(offender(company)).isFalse();
        assertThat(graph.listedOn(company)).isEmpty();

        AppCheckBatchView second = AppCheckFixtures.batch(checks, "次批 ");
        AppCheckFixtures.imported(
                checks, second.id(), app("新应用", packageName(), "1.0", company, finding(AppRule.EXCESSIVE_PERMISSION)));

        AppGraphOffender found = graph.offenders(DataScope.all()).stream()
                .filter(o -> o.creditCode().equals(company))
                .findFirst()
                .orElseThrow();
        assertThat(found.acrossBatches()).isTrue();
        assertThat(found.acrossVersions()).isFalse();
        assertThat(found.batches()).containsExactly(first.name(), second.name());
        assertThat(found.rules())
                .containsExactlyInAnyOrder(
                        AppRule.OVER_COLLECTION,
                        AppRule.FORCED_ADS,
                        AppRule.DELETION_BARRIER,
                        AppRule.EXCESSIVE_PERMISSION);
        assertThat(graph.listedOn(company)).contains(checks.today());
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(credit.ofCompany(company))
                        .singleElement()
                        .satisfies(entry -> {
                            assertThat(entry.list()).isEqualTo(CreditList.WATCH);
                            assertThat(entry.reasonCode()).isEqualTo("APP_REPEAT_OFFENDER");
                            assertThat(entry.reason()).contains(first.name()).contains(second.name());
                        }));
    }

    @Test
    void twoVersionsOfOneAppWithFindingsMakeARepeatOffenderAndOneVersionDoesNot() {
        String repeat = creditCode("11");
        String once = creditCode("11");
        String pkg = packageName();
        AppCheckBatchView batch = AppCheckFixtures.batch(checks, "版本 ");
        AppCheckFixtures.imported(
                checks,
                batch.id(),
                app("记账", pkg, "4.0", repeat, finding(AppRule.FREQUENT_SELF_START)),
                app("记账", pkg, "4.1", repeat, finding(AppRule.FREQUENT_SELF_START)),
                app("天气", packageName(), "1.0", once, finding(AppRule.OVER_COLLECTION), finding(AppRule.FORCED_ADS)));

        assertThat(graph.offenders(DataScope.all()))
                .filteredOn(o -> o.creditCode().equals(repeat))
                .singleElement()
                .satisfies(o -> {
                    assertThat(o.acrossVersions()).isTrue();
                    assertThat(o.acrossBatches()).isFalse();
                    assertThat(o.versions()).hasSize(2).allMatch(v -> v.startsWith("记账 4."));
                });
        assertThat(offender(once)).isFalse();
    }

    @Test
    void anSdkBlamedInAppsOfTwoCompaniesIsImplicatedAndInOneCompanyIsNot() {
        String shared = unique("共享广告SDK");
        String single = unique("独家SDK");
        String one = creditCode("44");
        AppCheckBatchView batch = AppCheckFixtures.batch(checks, "SDK ");
        AppCheckFixtures.imported(
                checks,
                batch.id(),
                app(
                        "甲",
                        packageName(),
                        "1.0",
                        one,
                        finding(AppRule.SDK_BEHAVIOUR, shared),
                        finding(AppRule.SDK_BEHAVIOUR, single)),
                app("乙", packageName(), "1.0", creditCode("31"), finding(AppRule.FORCED_ADS, shared)),
                app("丙", packageName(), "2.0", one, finding(AppRule.SDK_BEHAVIOUR, single)));

        List<AppGraphSdk> sdks = graph.sdks(DataScope.all());
        assertThat(sdks)
                .filteredOn(s -> s.name().equals(shared))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.companies()).hasSize(2);
                    assertThat(s.apps()).containsExactlyInAnyOrder("甲 1.0", "乙 1.0");
                    assertThat(s.rules()).containsExactly(AppRule.FORCED_ADS, AppRule.SDK_BEHAVIOUR);
                });
        assertThat(sdks).noneMatch(s -> s.name().equals(single));
    }

    @Test
    void theGraphFlagsRepeatOffendersAndTheCompanyPageShowsThem() throws Exception {
        String company = creditCode("44");
        String name = unique("屡犯测试科技有限公司");
        companies.save(
                Actor.system(),
                new CompanyInput(company, name, "LIMITED_LIABILITY", "张三", "1000000", "44", "广东省深圳市科技路1号", null));
        String pkg = packageName();
        AppCheckFixtures.imported(
                checks,
                AppCheckFixtures.batch(checks, "图一 ").id(),
                app("图应用", pkg, "1.0", company, finding(AppRule.FORCED_ADS)));
        AppCheckFixtures.imported(
                checks,
                AppCheckFixtures.batch(checks, "图二 ").id(),
                app("图应用", pkg, "1.1", company, finding(AppRule.FORCED_ADS)));

        mvc.perform(get("/console/netsec/apps/graph-data").with(as(users, "officer")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.nodes[?(@.id == 'c:" + company + "')].flagged", hasItem(true)))
                .andExpect(jsonPath("$.links[?(@.source == 'c:" + company + "')].target", hasItem("a:" + pkg)))
                .andExpect(jsonPath("$.categories[0].name").value("企业"));
        mvc.perform(get("/console/netsec/apps/offenders").with(as(users, "officer")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"offender-" + company + "\"")));
        mvc.perform(get("/console/entities/" + company).with(as(users, "officer")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("屡查屡犯")));
        mvc.perform(get("/console/netsec/apps/offenders").with(as(users, "cmcc")))
                .andExpect(status().isForbidden());
    }

    @Test
    void theOffendersExportDefusesAFormulaInACompanyName() throws Exception {
        String company = creditCode("44");
        String name = "=HYPERLINK(\"http://evil\")" + unique("");
        String pkg = packageName();
        for (String version : List.of("1.0", "1.1")) {
            AppCheckFixtures.imported(
                    checks,
                    AppCheckFixtures.batch(checks, "导出 ").id(),
                    new AppCheckReport.App(
                            "导出应用",
                            pkg,
                            version,
                            company,
                            name,
                            "应用宝",
                            List.of(),
                            List.of(finding(AppRule.OVER_COLLECTION))));
        }

        String csv = mvc.perform(get("/console/netsec/apps/offenders.csv").with(as(users, "officer")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF\"开发运营企业\"");
        assertThat(csv.lines().filter(l -> l.contains(company)))
                .singleElement()
                .satisfies(line -> assertThat(line)
                        .startsWith("\"'=HYPERLINK(\"\"http://evil\"\")")
                        .contains("多批次、多版本")
                        .contains("超范围收集个人信息"));
    }

    @Test
    void theDemoHasEveryStateEveryRuleARepeatOffenderAndAnSdkAcrossCompanies() {
        List<AppCheckView> apps = checks.apps(DataScope.all(), null, null, true);
        assertThat(apps.stream().flatMap(a -> a.findings().stream()).map(AppFindingView::rule))
                .contains(AppRule.values());
        assertThat(graph.offenders(DataScope.all())).anyMatch(o -> o.acrossBatches() && o.acrossVersions());
        assertThat(graph.sdks(DataScope.all()))
                .anyMatch(s -> s.name().equals("示例聚合广告SDK") && s.companies().size() >= 3);
        List<AppNoticeItemView> items = notices.items(DataScope.all(), (AppNoticeItemStatus) null);
        assertThat(items).extracting(AppNoticeItemView::status).contains(AppNoticeItemStatus.values());
        assertThat(items.stream()
                        .filter(i -> i.takedown() != null)
                        .map(i -> i.takedown().status()))
                .contains(TakedownStatus.values());
    }
}
