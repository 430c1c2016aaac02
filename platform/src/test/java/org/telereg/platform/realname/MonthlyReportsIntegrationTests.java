package org.telereg.platform.realname;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.telereg.platform.SignIn.as;
import static org.telereg.platform.realname.Subscribers.CUCC_USER;
import static org.telereg.platform.realname.Subscribers.batchId;
import static org.telereg.platform.realname.Subscribers.csv;
import static org.telereg.platform.realname.Subscribers.resident;
import static org.telereg.platform.realname.Subscribers.residentId;

import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.test.web.servlet.MockMvc;
import org.telereg.platform.PlatformIntegrationTest;
import org.telereg.platform.SignIn;
import org.telereg.platform.access.AccessManagement;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.access.NewUser;
import org.telereg.platform.access.Role;
import org.telereg.platform.shared.FieldProblem;
import org.telereg.platform.shared.ProvinceCode;
import org.telereg.platform.shared.RejectedInputException;

/** Monthly real-name statistics: validation, the derived rate, resubmission, missing reports, scope, the queue check. */
@PlatformIntegrationTest
class MonthlyReportsIntegrationTests {

    @Autowired
    Clock clock;

    /** Months long before the demo's six, one per test, so tests never meet each other's reports. */
    private static final AtomicInteger MONTHS_BACK = new AtomicInteger(36);

    private static final AtomicInteger BEIJING_NUMBERS = new AtomicInteger(100_000);

    @Autowired
    MonthlyReports reports;

    @Autowired
    SnapshotImport imports;

    @Autowired
    Verifications verifications;

    @Autowired
    CardCounts cardCounts;

    @Autowired
    AccessManagement access;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @BeforeEach
    void secondOperator() {
        Subscribers.ensureCuccUser(access, users);
    }

    @AfterEach
    void signOut() {
        SignIn.signOut();
    }

    private YearMonth freshMonth() {
        return YearMonth.now(clock).minusMonths(MONTHS_BACK.incrementAndGet());
    }

    private static MonthlyReportInput input(String province, YearMonth month, long total, long registered) {
        return new MonthlyReportInput(
                province,
                month.toString(),
                Long.toString(total),
                Long.toString(registered),
                "100",
                "40",
                "30",
                "20",
                "10",
                "25",
                "2",
                "1");
    }

    private String creditCode(String organisation) {
        return access.organisation(organisation).orElseThrow().creditCode();
    }

    @Test
    void theRegistrationRateIsDerivedFromRegisteredAndTotalUsers() {
        YearMonth month = freshMonth();

        MonthlyReportView report = reports.submit(SignIn.actor(users, "cmcc"), input("11", month, 2000, 1991));

        assertThat(report.registrationRate()).isEqualByComparingTo("99.55");
        assertThat(report.revision()).isEqualTo(1);
        assertThat(report.operatorName()).isEqualTo("中国移动通信集团有限公司");
        assertThat(report.newUsers()).isEqualTo(100);
    }

    @Test
    void aResubmissionReplacesTheReportAndTheAuditLogKeepsBothVersions() {
        YearMonth month = freshMonth();
        Actor cmcc = SignIn.actor(users, "cmcc");
        reports.submit(cmcc, input("31", month, 1000, 990));

        MonthlyReportView again = reports.submit(cmcc, input("31", month, 1000, 999));

        assertThat(again.revision()).isEqualTo(2);
        assertThat(again.registrationRate()).isEqualByComparingTo("99.90");
        assertThat(reports.list(DataScope.all(), "31", month, month, PageRequest.of(0, 50))
                        .getContent())
                .filteredOn(r -> r.operatorCreditCode().equals(creditCode("OP-CMCC")))
                .singleElement()
                .extracting(MonthlyReportView::registeredUsers)
                .isEqualTo(999L);
        String entity = creditCode("OP-CMCC") + "/31/" + month;
        // The audit module writes its log from the events after the commit, not necessarily in order.
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(jdbc.sql("select action, before_state from audit_log"
                                        + " where entity_type = 'MonthlyReport' and entity_id = :id")
                                .param("id", entity)
                                .query((rs, n) -> rs.getString(1) + ":" + rs.getString(2))
                                .list())
                        .hasSize(2)
                        .anySatisfy(entry -> assertThat(entry).startsWith("submitted:"))
                        .anySatisfy(entry -> assertThat(entry)
                                .startsWith("resubmitted:")
                                .contains("\"registeredUsers\":990", "\"revision\":1")));
    }

    @Test
    void theApiRefusesEveryBadFieldByNameAsProblemJson() throws Exception {
        YearMonth future = YearMonth.now(clock).plusMonths(2);
        String body = """
                {"province": "火星", "reportMonth": "%s", "totalUsers": 100, "registeredUsers": 200,
                 "newUsers": 10, "newOwnOutlets": 3, "newAgents": 3, "newOnline": 3, "newOther": 0,
                 "outlets": "许多", "overCapVerified": -1}""".formatted(future);

        mvc.perform(post("/api/v1/realname/monthly-reports")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body)
                        .with(as(users, "cmcc"))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field")
                        .value(Matchers.containsInAnyOrder(
                                "province",
                                "reportMonth",
                                "registeredUsers",
                                "newUsers",
                                "outlets",
                                "overCapVerified",
                                "overCapSuspended")))
                .andExpect(jsonPath("$.errors[?(@.field == 'registeredUsers')].code")
                        .value("realname.report.registeredOverTotal"))
                .andExpect(jsonPath("$.errors[?(@.field == 'newUsers')].code").value("realname.report.channelsSum"))
                .andExpect(
                        jsonPath("$.errors[?(@.field == 'reportMonth')].code").value("realname.report.futureMonth"))
                .andExpect(jsonPath("$.errors[?(@.field == 'overCapVerified')].code")
                        .value("realname.report.negative"))
                .andExpect(jsonPath("$.errors[?(@.field == 'outlets')].code").value("realname.report.notACount"))
                .andExpect(jsonPath("$.errors[?(@.field == 'overCapSuspended')].code")
                        .value("invalid.required"));
    }

    @Test
    void theApiTakesAReportAndAnswersWithTheDerivedRate() throws Exception {
        YearMonth month = freshMonth();
        String body = """
                {"province": "北京", "reportMonth": "%s", "totalUsers": 400, "registeredUsers": 399,
                 "newUsers": 10, "newOwnOutlets": 4, "newAgents": 3, "newOnline": 2, "newOther": 1,
                 "outlets": 12, "overCapVerified": 0, "overCapSuspended": 0}""".formatted(month);

        mvc.perform(post("/api/v1/realname/monthly-reports")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body)
                        .with(as(users, "cmcc"))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.provinceCode").value("11"))
                .andExpect(jsonPath("$.registrationRate").value(99.75));
    }

    @Test
    void aHugeCountIsRefusedRatherThanOverflowing() {
        MonthlyReportInput huge = new MonthlyReportInput(
                "11", freshMonth().toString(), "99999999999999999999999", "1", "0", "0", "0", "0", "0", "1", "0", "0");

        assertThatThrownBy(() -> reports.submit(SignIn.actor(users, "cmcc"), huge))
                .isInstanceOfSatisfying(
                        RejectedInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::field, FieldProblem::code)
                                .containsExactly(
                                        org.assertj.core.groups.Tuple.tuple("totalUsers", "realname.report.tooLarge")));
    }

    @Test
    void aProvinceOutsideTheOperatorsLicencesIsRefused() {
        try {
            users.loadUserByUsername("mvno-realname");
        } catch (UsernameNotFoundException e) {
            access.createUser(new NewUser("mvno-realname", "TeleReg@2026", "转售实名接口员", "OP-MVNO1", Role.OPERATOR));
        }
        Actor mvno = SignIn.actor(users, "mvno-realname");
        String outside = ProvinceCode.administered().stream()
                .map(ProvinceCode::code)
                .filter(code -> !reports.provincesOf(mvno.scope().creditCode()).contains(code))
                .findFirst()
                .orElseThrow();

        assertThatThrownBy(() -> reports.submit(mvno, input(outside, freshMonth(), 10, 10)))
                .isInstanceOfSatisfying(
                        RejectedInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::field, FieldProblem::code)
                                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                                        "province", "realname.report.provinceOutsideLicence")));
    }

    @Test
    void onlyAnOperatorSubmits() {
        assertThatThrownBy(() -> reports.submit(SignIn.actor(users, "gd"), input("44", freshMonth(), 10, 10)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theConsoleFormShowsTheProblemBesideTheField() throws Exception {
        mvc.perform(post("/console/realname/reports")
                        .param("province", "44")
                        .param("reportMonth", freshMonth().toString())
                        .param("totalUsers", "100")
                        .param("registeredUsers", "101")
                        .param("newUsers", "0")
                        .param("newOwnOutlets", "0")
                        .param("newAgents", "0")
                        .param("newOnline", "0")
                        .param("newOther", "0")
                        .param("outlets", "3")
                        .param("overCapVerified", "0")
                        .param("overCapSuspended", "0")
                        .with(as(users, "cmcc"))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"form-errors\"")))
                .andExpect(content().string(Matchers.containsString("实名登记用户数（101）不能大于用户总数（100）")))
                .andExpect(content().string(Matchers.containsString("value=\"101\"")));
    }

    @Test
    void theMissingListNamesEachCoveredProvinceWithoutAReportUntilItArrives() {
        YearMonth month = freshMonth();
        String cucc = creditCode("OP-CUCC");
        assertThat(reports.missing(DataScope.all(), null, month))
                .contains(new MonthlyReports.MissingReport(cucc, "中国联合网络通信集团有限公司", "44"));
        assertThat(reports.missing(DataScope.province("44"), null, month))
                .isNotEmpty()
                .allSatisfy(m -> assertThat(m.provinceCode()).isEqualTo("44"));

        reports.submit(SignIn.actor(users, CUCC_USER), input("44", month, 500, 500));

        assertThat(reports.missing(DataScope.all(), null, month))
                .doesNotContain(new MonthlyReports.MissingReport(cucc, "中国联合网络通信集团有限公司", "44"))
                .contains(new MonthlyReports.MissingReport(cucc, "中国联合网络通信集团有限公司", "11"));
    }

    @Test
    void provincialOfficersSeeTheirProvinceAndOperatorsTheirOwnReports() throws Exception {
        YearMonth month = freshMonth();
        reports.submit(SignIn.actor(users, "cmcc"), input("44", month, 100, 90));
        reports.submit(SignIn.actor(users, "cmcc"), input("11", month, 100, 95));
        reports.submit(SignIn.actor(users, CUCC_USER), input("44", month, 100, 99));

        assertThat(reports.list(DataScope.province("44"), null, month, month, PageRequest.of(0, 50))
                        .getContent())
                .extracting(MonthlyReportView::provinceCode)
                .containsOnly("44")
                .hasSize(2);
        assertThat(reports.list(DataScope.enterprise(creditCode("OP-CUCC")), null, month, month, PageRequest.of(0, 50))
                        .getContent())
                .extracting(MonthlyReportView::registeredUsers)
                .containsExactly(99L);
        mvc.perform(get("/api/v1/realname/monthly-reports")
                        .param("from", month.toString())
                        .param("to", month.toString())
                        .with(as(users, "bj")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].provinceCode").value("11"));
        mvc.perform(get("/api/v1/realname/monthly-reports").with(as(users, "isp")))
                .andExpect(status().isForbidden());
    }

    @Test
    void theTrendShowsEachOperatorsRateMonthByMonth() {
        YearMonth first = freshMonth();
        YearMonth second = first.plusMonths(1);
        MONTHS_BACK.incrementAndGet();
        Actor cucc = SignIn.actor(users, CUCC_USER);
        reports.submit(cucc, input("31", first, 1000, 980));
        reports.submit(cucc, input("31", second, 1000, 990));

        MonthlyReports.RegistrationTrend trend = reports.trend(DataScope.province("31"), "31", second, 2);

        assertThat(trend.months()).containsExactly(first.toString(), second.toString());
        assertThat(trend.operators())
                .filteredOn(o -> o.operatorCreditCode().equals(creditCode("OP-CUCC")))
                .singleElement()
                .satisfies(o -> {
                    assertThat(o.rates())
                            .usingElementComparator(java.math.BigDecimal::compareTo)
                            .containsExactly(new java.math.BigDecimal("98.00"), new java.math.BigDecimal("99.00"));
                    assertThat(o.change()).isEqualByComparingTo("1.00");
                });
    }

    @Test
    void aReportIsFlaggedWhenItsOverCapHandlingDiffersFromTheVerificationQueue() {
        Actor cmcc = SignIn.actor(users, "cmcc");
        String id = residentId();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i <= cardCounts.cardsPerOperator(); i++) {
            // A Beijing block (135 21…), so the task has a province to compare with the report.
            lines.add(resident("13521" + BEIJING_NUMBERS.incrementAndGet(), id, "月报人"));
        }
        imports.importCsv(cmcc, batchId(), "m.csv", csv(lines.toArray(String[]::new)));
        String masked = org.telereg.platform.shared.IdCardNumber.of(id).masked();
        VerificationView task =
                verifications
                        .list(DataScope.all(), VerificationStatus.PENDING, PageRequest.of(0, 10_000))
                        .getContent()
                        .stream()
                        .filter(t -> t.identityMasked().equals(masked))
                        .findFirst()
                        .orElseThrow();
        String province = jdbc.sql("select province_code from realname_verification where id = :id")
                .param("id", task.id())
                .query(String.class)
                .single();
        assertThat(province).isEqualTo("11");
        YearMonth now = reports.currentMonth();
        MonthlyReportView before = reports.submit(
                cmcc,
                new MonthlyReportInput(province, now.toString(), "100", "100", "0", "0", "0", "0", "0", "1", "0", "0"));

        verifications.decide(cmcc, task.id(), VerificationStatus.VERIFIED, "到厅核验");

        MonthlyReportView after = reports.find(DataScope.all(), before.id()).orElseThrow();
        assertThat(after.seenVerified()).isEqualTo(before.seenVerified() + 1);
        assertThat(after.differsFromPlatform()).isTrue();
        MonthlyReportView matching = reports.submit(
                cmcc,
                new MonthlyReportInput(
                        province,
                        now.toString(),
                        "100",
                        "100",
                        "0",
                        "0",
                        "0",
                        "0",
                        "0",
                        "1",
                        Integer.toString(after.seenVerified()),
                        Integer.toString(after.seenSuspended())));
        assertThat(matching.differsFromPlatform()).isFalse();
    }

    @Test
    void theConsolePageListsReportsTrendAndMissingOnes() throws Exception {
        mvc.perform(get("/console/realname/reports").with(as(users, "officer")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"missing\"")))
                .andExpect(content().string(Matchers.containsString("id=\"trend\"")))
                .andExpect(content().string(Matchers.containsString("id=\"reports\"")))
                .andExpect(content().string(Matchers.containsString("与平台记录不符")));
        mvc.perform(get("/console/realname/reports/new").with(as(users, "cmcc")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"report-form\"")));
        mvc.perform(get("/console/realname/reports/new").with(as(users, "gd"))).andExpect(status().isForbidden());
    }
}
