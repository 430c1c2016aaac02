package org.telereg.platform.netsec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.telereg.platform.SignIn.as;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.telereg.platform.PlatformIntegrationTest;
import org.telereg.platform.SignIn;
import org.telereg.platform.access.AccessManagement;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.filing.FiledSite;
import org.telereg.platform.filing.FiledSites;

/** The console pages of assurance and threats for the roles that work there, on the demo data. */
@PlatformIntegrationTest
class ThreatAndAssuranceWebIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AssurancePlans plans;

    @Autowired
    ThreatTasks tasks;

    @Autowired
    ThreatIndicators indicators;

    @Autowired
    FiledSites sites;

    @Autowired
    Clock clock;

    @Autowired
    Incidents incidents;

    @Autowired
    AccessManagement access;

    @Test
    void theDemoReachesEveryStateOfPlansIndicatorsAndTasks() {
        LocalDate today = LocalDate.now(clock);
        List<AssurancePlanView> all = plans.plans(Actor.system());
        AssurancePlanView running = plan(DemoThreatsAndAssurance.RUNNING_PLAN);
        AssurancePlanView finished = plan(DemoThreatsAndAssurance.FINISHED_PLAN);
        assertThat(running.status(today)).isEqualTo(AssuranceStatus.RUNNING);
        assertThat(finished.status(today)).isEqualTo(AssuranceStatus.FINISHED);
        assertThat(plans.grid(running, today).missing()).isEqualTo(2);
        assertThat(plans.grid(finished, today).missing()).isEqualTo(1);
        assertThat(plans.roster(Actor.system(), running.id())).isNotEmpty();
        assertThat(all).hasSizeGreaterThanOrEqualTo(2);

        for (ThreatKind kind : ThreatKind.values()) {
            assertThat(indicators
                            .search(kind, ThreatStatus.ACTIVE, null, null, 0, 1)
                            .getTotalElements())
                    .as(kind.name())
                    .isPositive();
        }
        assertThat(indicators
                        .search(null, null, null, DemoThreatsAndAssurance.SOURCE, 0, 1)
                        .getTotalElements())
                .isGreaterThanOrEqualTo(300);
        assertThat(indicators
                        .search(null, ThreatStatus.WITHDRAWN, null, null, 0, 1)
                        .getTotalElements())
                .isPositive();
        assertThat(indicators
                        .search(null, ThreatStatus.EXPIRED, null, null, 0, 1)
                        .getTotalElements())
                .isPositive();
        List<ThreatTaskView> demoTasks = tasks.list(DataScope.all(), null, null);
        assertThat(demoTasks).extracting(ThreatTaskView::status).contains(ThreatTaskStatus.values());
        assertThat(demoTasks).anyMatch(t -> t.overdue(today));
        assertThat(demoTasks).anyMatch(t -> t.status() == ThreatTaskStatus.OPEN && !t.overdue(today));
    }

    @Test
    void aUnitSeesItsPlanWithTheMissingReportsAndTheFormsItMayUse() throws Exception {
        AssurancePlanView running = plan(DemoThreatsAndAssurance.RUNNING_PLAN);
        mvc.perform(get("/console/netsec/assurance/" + running.id())
                        .param("lang", "zh_CN")
                        .with(as(users, "cmcc")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("缺报 2 份")))
                .andExpect(content().string(Matchers.containsString("id=\"report-form\"")))
                .andExpect(content().string(Matchers.containsString("id=\"duty-form\"")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("查看完整信息"))));
        mvc.perform(get("/console/netsec/assurance/" + running.id()).with(as(users, "gd")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/console/netsec/assurance").param("lang", "zh_CN").with(as(users, "gd")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(DemoThreatsAndAssurance.FINISHED_PLAN)))
                .andExpect(
                        content().string(Matchers.not(Matchers.containsString(DemoThreatsAndAssurance.RUNNING_PLAN))))
                .andExpect(content().string(Matchers.containsString("id=\"plan-form\"")));
        mvc.perform(get("/console/netsec/assurance").with(as(users, "auditor")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString("id=\"plan-form\""))));
    }

    @Test
    void aPlanListsTheIncidentsOfItsDaysAndProvincesThatTheReaderMaySee() throws Exception {
        AssurancePlanView running = plan(DemoThreatsAndAssurance.RUNNING_PLAN);
        String started = LocalDateTime.now(clock.withZone(ZoneId.of("Asia/Shanghai")))
                .truncatedTo(ChronoUnit.MINUTES)
                .minusHours(2)
                .toString();
        String title = "峰会期间电信会员库泄露" + System.nanoTime();
        IncidentView leak = incidents.report(
                SignIn.actor(users, "officer"),
                new IncidentReport(
                        "DATA_LEAK",
                        title,
                        List.of(running.provinces().get(0)),
                        null,
                        "200000",
                        "会员系统",
                        access.organisation("OP-CTCC").orElseThrow().creditCode(),
                        started,
                        started,
                        started,
                        "会员库备份被公开访问。",
                        "姓名、手机号码"));

        mvc.perform(get("/console/netsec/assurance/" + running.id())
                        .param("lang", "zh_CN")
                        .with(as(users, "officer")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"event-incidents\"")))
                .andExpect(content().string(Matchers.containsString(title)))
                .andExpect(content().string(Matchers.containsString("/console/netsec/incidents/" + leak.id())));
        // China Mobile works on the event but does not read China Telecom's incident.
        mvc.perform(get("/console/netsec/assurance/" + running.id())
                        .param("lang", "zh_CN")
                        .with(as(users, "cmcc")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString(title))));
    }

    @Test
    void anOfficerRevealsARosterLineAndABadReportShowsBesideItsField() throws Exception {
        AssurancePlanView running = plan(DemoThreatsAndAssurance.RUNNING_PLAN);
        DutyEntry first = plans.roster(Actor.system(), running.id()).get(0);
        mvc.perform(post("/console/netsec/assurance/" + running.id() + "/duties/" + first.id() + "/reveal")
                        .param("lang", "zh_CN")
                        .with(as(users, "officer"))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("本次查看已记入审计日志")));
        mvc.perform(post("/console/netsec/assurance/" + running.id() + "/reports")
                        .param("lang", "zh_CN")
                        .param("reportDate", LocalDate.now(clock).toString())
                        .param("outcome", "EVENTS")
                        .with(as(users, "cmcc"))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("有 2 处需要修改")));
    }

    @Test
    void theThreatPagesServeEachRoleItsActions() throws Exception {
        mvc.perform(get("/console/netsec/threats")
                        .param("kind", "CIDR")
                        .param("lang", "zh_CN")
                        .with(as(users, "cmcc")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("IP 地址段")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("id=\"import-link\""))));
        mvc.perform(get("/console/netsec/threats/import").with(as(users, "cmcc")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/console/netsec/threats/import").with(as(users, "officer")))
                .andExpect(status().isOk());

        String provider = providerOf("isp");
        FiledSite site = sites.withDomains(400).stream()
                .filter(s -> s.providerCreditCode().equals(provider))
                .findFirst()
                .orElseThrow();
        String host = ThreatIndicatorsIntegrationTests.tag() + "." + site.matched();
        indicators.importBatch(
                Actor.system(),
                List.of(new NewThreatIndicator("DOMAIN", host, "CNCERT", "90", "PHISHING", null, null, null)));
        ThreatTaskView task = tasks.list(
                        DataScope.all(),
                        null,
                        indicators.find(ThreatKind.DOMAIN, host).orElseThrow().id())
                .get(0);
        mvc.perform(get("/console/netsec/threats/" + task.indicatorId())
                        .param("lang", "zh_CN")
                        .with(as(users, "officer")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(task.serviceNumber())))
                .andExpect(content().string(Matchers.containsString("id=\"withdraw-form\"")));
        mvc.perform(get("/console/netsec/threats/tasks").param("lang", "zh_CN").with(as(users, "isp")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("task-" + task.id())));
        mvc.perform(get("/console/netsec/threats/tasks/" + task.id())
                        .param("lang", "zh_CN")
                        .with(as(users, "isp")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"answer-form\"")));
        mvc.perform(get("/console/netsec/threats/tasks/" + task.id()).with(as(users, "cmcc")))
                .andExpect(status().isNotFound());
        mvc.perform(post("/console/netsec/threats/tasks/" + task.id() + "/answer")
                        .param("lang", "zh_CN")
                        .param("answer", "FALSE_POSITIVE")
                        .with(as(users, "isp"))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("有 1 处需要修改")));
        ThreatTaskView answered =
                tasks.list(DataScope.all(), ThreatTaskStatus.ANSWERED, null).get(0);
        mvc.perform(get("/console/netsec/threats/tasks/" + answered.id())
                        .param("lang", "zh_CN")
                        .with(as(users, "officer")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"close-form\"")))
                .andExpect(content().string(Matchers.containsString("id=\"return-form\"")));
    }

    @Test
    void theExportImportsAgainAndDefusesSpreadsheetFormulas() throws Exception {
        String tag = ThreatIndicatorsIntegrationTests.tag();
        indicators.importBatch(
                Actor.system(),
                List.of(new NewThreatIndicator(
                        "DOMAIN", tag + ".example.com", "=HYPERLINK(1)", "77", "SPAM", null, null, null)));

        byte[] csv = mvc.perform(get("/console/netsec/threats/export.csv")
                        .param("q", tag)
                        .with(as(users, "cmcc")))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        String text = new String(csv, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text)
                .startsWith("\uFEFFkind,indicator,source,confidence,category,first_seen,last_seen,expires_on,status")
                .contains("DOMAIN," + tag + ".example.com,'=HYPERLINK(1),77,SPAM,");

        ThreatImportResult again = indicators.importCsv(
                Actor.system(),
                text.replace("'=HYPERLINK(1)", "=HYPERLINK(1)").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(again.accepted()).isTrue();
        assertThat(again.unchanged()).isEqualTo(1);
    }

    private String providerOf(String username) {
        return jdbc.sql("select o.credit_code from access_user u join access_organisation o on o.id = u.organisation_id"
                        + " where u.username = :name")
                .param("name", username)
                .query(String.class)
                .single();
    }

    private AssurancePlanView plan(String name) {
        return plans.plans(Actor.system()).stream()
                .filter(p -> p.name().equals(name))
                .findFirst()
                .orElseThrow();
    }
}
