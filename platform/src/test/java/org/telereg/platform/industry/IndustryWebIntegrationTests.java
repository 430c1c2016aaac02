package org.telereg.platform.industry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.telereg.platform.SignIn.as;
import static org.telereg.platform.industry.IndustryFixtures.MONTHLY;
import static org.telereg.platform.industry.IndustryFixtures.monthly;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.telereg.platform.PlatformIntegrationTest;
import org.telereg.platform.access.AccessManagement;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.industry.IndustryFixtures.Operator;
import org.telereg.platform.shared.LineError;

/** The console pages and the REST API of operator reports, as operators and administrations use them. */
@PlatformIntegrationTest
class IndustryWebIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    AccessManagement access;

    @Autowired
    OperatorReports reports;

    @Autowired
    ReportSchedules schedules;

    private ReportView open(Operator operator, String province) {
        return IndustryFixtures.reports(
                        schedules,
                        reports,
                        operator,
                        MONTHLY,
                        province,
                        LocalDate.of(2023, 1, 1),
                        LocalDate.of(2023, 2, 1))
                .get("2023-01");
    }

    private static MockHttpServletRequestBuilder form(long id, Map<String, String> values, String action) {
        MockHttpServletRequestBuilder request = post("/console/industry/reports/{id}", id)
                .param("action", action)
                .with(csrf());
        values.forEach((code, value) -> request.param("m_" + code, value));
        return request;
    }

    private static byte[] csv(String text, Charset charset) {
        return text.getBytes(charset);
    }

    private static String csvOf(Map<String, String> values) {
        StringBuilder text = new StringBuilder("metric_code,value\n");
        values.forEach(
                (code, value) -> text.append(code).append(',').append(value).append('\n'));
        return text.toString();
    }

    @Test
    void theOperatorFillsTheFormGeneratedFromTheCatalogueAndSubmits() throws Exception {
        Operator operator = IndustryFixtures.operator(access, "44");
        ReportView report = open(operator, "44");

        mvc.perform(get("/console/industry/reports/{id}", report.id()).with(as(users, operator.username())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("固定互联网宽带接入用户")))
                .andExpect(content().string(containsString("name=\"m_BROADBAND_USERS\"")))
                .andExpect(content().string(not(containsString("name=\"m_SHARE_100M\""))));
        mvc.perform(form(report.id(), monthly(), "submit").with(as(users, operator.username())))
                .andExpect(status().is3xxRedirection());

        assertThat(reports.find(DataScope.all(), report.id()).orElseThrow().status())
                .isEqualTo(ReportStatus.SUBMITTED);
        mvc.perform(get("/console/industry/reports").with(as(users, operator.username())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"report-" + report.id() + "\"")))
                .andExpect(content().string(containsString("已报送")));
    }

    @Test
    void aRefusedValueIsShownBesideItsFieldAndTheFormKeepsWhatWasTyped() throws Exception {
        Operator operator = IndustryFixtures.operator(access, "44");
        ReportView report = open(operator, "44");

        mvc.perform(form(report.id(), IndustryFixtures.with(monthly(), "USERS_1000M", "960000"), "submit")
                        .with(as(users, operator.username())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("按速率分档的用户数应逐档不增：USERS_1000M（960000）大于 USERS_100M（950000）")))
                .andExpect(content().string(containsString("value=\"960000\"")))
                .andExpect(content().string(containsString("is-invalid")));
        assertThat(reports.find(DataScope.all(), report.id()).orElseThrow().status())
                .isEqualTo(ReportStatus.DRAFT);
    }

    @Test
    void theFormSpeaksEnglishWithTheCataloguesEnglishNames() throws Exception {
        Operator operator = IndustryFixtures.operator(access, "44");
        ReportView report = open(operator, "44");

        mvc.perform(get("/console/industry/reports/{id}", report.id())
                        .param("lang", "en")
                        .with(as(users, operator.username())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Fixed broadband subscribers")))
                .andExpect(content().string(containsString("Save draft")));
    }

    @Test
    void aGbkFileWithChineseHeaderAndNamesIsSubmitted() throws Exception {
        Operator operator = IndustryFixtures.operator(access, "44");
        ReportView report = open(operator, "44");
        String text = csvOf(monthly())
                .replace("metric_code,value", "指标代码,数值")
                .replace("BROADBAND_USERS,", "固定互联网宽带接入用户,")
                .replace("USERS_5G,", "5G 移动电话用户,");

        mvc.perform(multipart("/console/industry/reports/{id}/upload", report.id())
                        .file(new MockMultipartFile("file", "月报.csv", "text/csv", csv(text, Charset.forName("GBK"))))
                        .with(as(users, operator.username()))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());

        ReportView submitted = reports.find(DataScope.all(), report.id()).orElseThrow();
        assertThat(submitted.status()).isEqualTo(ReportStatus.SUBMITTED);
        assertThat(submitted.channel()).isEqualTo("UPLOAD");
        assertThat(reports.values(report.id()).get("SHARE_5G")).isEqualByComparingTo("60");
    }

    @Test
    void aFileWithBadLinesIsRefusedWholeWithEachLineNamed() throws Exception {
        Operator operator = IndustryFixtures.operator(access, "44");
        ReportView report = open(operator, "44");
        String text = csvOf(IndustryFixtures.with(monthly(), "USERS_1000M", "960000"))
                + "BROADBAND_USERS,1000000\n"
                + "NO_SUCH_METRIC,5\n";

        UploadResult result = reports.upload(operator.actor(), report.id(), csv(text, StandardCharsets.UTF_8));

        assertThat(result.status()).isEqualTo(UploadResult.Status.REJECTED);
        assertThat(result.errors())
                .extracting(LineError::line, LineError::code)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(13L, "industry.upload.duplicate"),
                        org.assertj.core.groups.Tuple.tuple(14L, "industry.upload.unknownMetric"));
        UploadResult rules = reports.upload(
                operator.actor(),
                report.id(),
                csv(csvOf(IndustryFixtures.with(monthly(), "USERS_1000M", "960000")), StandardCharsets.UTF_8));
        assertThat(rules.errors())
                .extracting(LineError::line, LineError::field, LineError::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(4L, "USERS_1000M", "industry.rule.speedTiers"));
        assertThat(reports.upload(operator.actor(), report.id(), new byte[0]).errors())
                .extracting(LineError::code)
                .containsExactly("invalid.file.empty");
        assertThat(reports.upload(operator.actor(), report.id(), csv("a,b\n1,2\n", StandardCharsets.UTF_8))
                        .errors())
                .extracting(LineError::line, LineError::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, "industry.upload.header"));
        assertThat(reports.upload(operator.actor(), report.id(), csv("metric_code,value\n", StandardCharsets.UTF_8))
                        .errors())
                .extracting(LineError::code)
                .containsExactly("industry.upload.noRows");
        assertThat(reports.upload(
                                operator.actor(),
                                report.id(),
                                csv("metric_code,value\nBROADBAND_USERS,\"1000\n", StandardCharsets.UTF_8))
                        .status())
                .isEqualTo(UploadResult.Status.REJECTED);
        assertThat(reports.values(report.id()))
                .as("nothing of a refused file is kept")
                .isEmpty();

        mvc.perform(multipart("/console/industry/reports/{id}/upload", report.id())
                        .file(new MockMultipartFile("file", "bad.csv", "text/csv", csv(text, StandardCharsets.UTF_8)))
                        .with(as(users, operator.username()))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"import-errors\"")))
                .andExpect(content().string(containsString("指标 BROADBAND_USERS 与第 2 行重复")));
    }

    @Test
    void theApiTakesJsonAndNamesEachRefusedMetricCode() throws Exception {
        Operator operator = IndustryFixtures.operator(access, "44");
        ReportView report = open(operator, "44");

        mvc.perform(post("/api/v1/industry/reports/{id}/submission", report.id())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"values\": {\"BROADBAND_USERS\": 1000000, \"USERS_100M\": 950000,"
                                + " \"USERS_1000M\": 1.2E6, \"MOBILE_USERS\": 3000000, \"USERS_5G\": 1800000,"
                                + " \"FIXED_DOWNLOAD_MBPS\": 105.5, \"MOBILE_DOWNLOAD_MBPS\": \"abc\","
                                + " \"FIXED_BROADBAND_REVENUE\": 4000, \"SUBSCRIBED_BANDWIDTH\": 35000,"
                                + " \"MOBILE_DATA_REVENUE\": 10000, \"MOBILE_DATA_TRAFFIC\": 5500}}")
                        .with(as(users, operator.username()))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[?(@.field == 'MOBILE_DOWNLOAD_MBPS')].code")
                        .value("industry.invalid.number"));

        mvc.perform(post("/api/v1/industry/reports/{id}/submission", report.id())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"values\": {\"BROADBAND_USERS\": 1000000, \"USERS_100M\": 950000,"
                                + " \"USERS_1000M\": 1.2E6, \"MOBILE_USERS\": 3000000, \"USERS_5G\": 1800000,"
                                + " \"FIXED_DOWNLOAD_MBPS\": 105.5, \"MOBILE_DOWNLOAD_MBPS\": 120,"
                                + " \"FIXED_BROADBAND_REVENUE\": 4000, \"SUBSCRIBED_BANDWIDTH\": 35000,"
                                + " \"MOBILE_DATA_REVENUE\": 10000, \"MOBILE_DATA_TRAFFIC\": 5500}}")
                        .with(as(users, operator.username()))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("USERS_1000M"))
                .andExpect(jsonPath("$.errors[0].code").value("industry.rule.speedTiers"));

        mvc.perform(post("/api/v1/industry/reports/{id}/submission", report.id())
                        .contentType("text/csv")
                        .content(csvOf(monthly()) + "USERS_5G,1\n")
                        .with(as(users, operator.username()))
                        .with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].line").value(13))
                .andExpect(jsonPath("$.errors[0].field").value("USERS_5G"));

        mvc.perform(post("/api/v1/industry/reports/{id}/submission", report.id())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"values\": {\"BROADBAND_USERS\": 1000000, \"USERS_100M\": 950000,"
                                + " \"USERS_1000M\": 300000, \"MOBILE_USERS\": 3000000, \"USERS_5G\": 1800000,"
                                + " \"FIXED_DOWNLOAD_MBPS\": 105.5, \"MOBILE_DOWNLOAD_MBPS\": 120,"
                                + " \"FIXED_BROADBAND_REVENUE\": 4000, \"SUBSCRIBED_BANDWIDTH\": 35000,"
                                + " \"MOBILE_DATA_REVENUE\": 10000, \"MOBILE_DATA_TRAFFIC\": 5500}}")
                        .with(as(users, operator.username()))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andExpect(jsonPath("$.channel").value("API"));

        mvc.perform(get("/api/v1/industry/reports/{id}", report.id()).with(as(users, operator.username())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.values.SHARE_1000M").value(30));
    }

    @Test
    void theProvinceReviewsItsOwnReportsAndNoOneElses() throws Exception {
        Operator operator = IndustryFixtures.operator(access, "44");
        ReportView report = open(operator, "44");
        reports.submit(operator.actor(), report.id(), monthly(), OperatorReports.Channel.API);

        mvc.perform(get("/console/industry/reports/{id}", report.id()).with(as(users, "bj")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/industry/reports/{id}", report.id()).with(as(users, "bj")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/console/industry/reports/{id}", report.id()).with(as(users, "cmcc")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/console/industry/reports/{id}", report.id()).with(as(users, "gd")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"accept\"")));
        mvc.perform(post("/console/industry/reports/{id}/accept", report.id())
                        .with(as(users, "gd"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());

        assertThat(reports.find(DataScope.all(), report.id()).orElseThrow().status())
                .isEqualTo(ReportStatus.ACCEPTED);
        mvc.perform(get("/api/v1/industry/reports").param("size", "500").with(as(users, "gd")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[?(@.provinceCode != '44')]").isEmpty());
        mvc.perform(get("/console/industry/reports").with(as(users, "isp"))).andExpect(status().isForbidden());
    }

    @Test
    void theListsOfLateAndMissingReportsAndTheCatalogueOpen() throws Exception {
        mvc.perform(get("/console/industry/overdue").with(as(users, "officer")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("逾期与迟报")));
        mvc.perform(get("/console/industry/catalogue").with(as(users, "officer")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("FTTH_PORTS / BROADBAND_PORTS * 100")))
                .andExpect(content().string(containsString("USERS_1000M &lt;= USERS_100M &lt;= BROADBAND_USERS")));
        mvc.perform(get("/api/v1/industry/reports").param("period", "2026-13").with(as(users, "gd")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("period"));
        mvc.perform(get("/api/v1/industry/reports/late-and-missing").with(as(users, "gd")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.provinceCode != '44')]").isEmpty());
        assertThat(reports.search(DataScope.all(), OperatorReports.Search.everything(), PageRequest.of(0, 1))
                        .getTotalElements())
                .isPositive();
    }

    @Test
    void theMinistryAssignsATemplateToAnOperatorAndABadFieldIsNamed() throws Exception {
        Operator operator = IndustryFixtures.operator(access, "36");

        mvc.perform(post("/console/industry/schedules")
                        .param("templateCode", MONTHLY)
                        .param("operatorCreditCode", operator.creditCode())
                        .param("provinceCode", "36")
                        .param("deadlineDay", "31")
                        .param("startsOn", "2023-01-01")
                        .with(as(users, "officer"))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("应为 1 至 28 之间的日期")));
        mvc.perform(post("/console/industry/schedules")
                        .param("templateCode", MONTHLY)
                        .param("operatorCreditCode", operator.creditCode())
                        .param("provinceCode", "36")
                        .param("deadlineDay", "15")
                        .param("startsOn", "2023-01-01")
                        .with(as(users, operator.username()))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/console/industry/schedules")
                        .param("templateCode", MONTHLY)
                        .param("operatorCreditCode", operator.creditCode())
                        .param("provinceCode", "36")
                        .param("deadlineDay", "15")
                        .param("startsOn", "2023-01-01")
                        .with(as(users, "officer"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());

        assertThat(schedules.schedules(operator.actor().scope()))
                .singleElement()
                .satisfies(schedule -> {
                    assertThat(schedule.provinceCode()).isEqualTo("36");
                    assertThat(schedule.deadlineDay()).isEqualTo(15);
                    assertThat(schedule.frequency()).isEqualTo(Frequency.MONTHLY);
                });
    }
}
