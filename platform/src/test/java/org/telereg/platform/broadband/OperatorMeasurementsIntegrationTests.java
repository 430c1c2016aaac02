package org.telereg.platform.broadband;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.telereg.platform.SignIn.as;

import java.time.YearMonth;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.telereg.platform.PlatformIntegrationTest;
import org.telereg.platform.access.AccessManagement;
import org.telereg.platform.entity.CompanyAliases;
import org.telereg.platform.entity.CompanyRegistry;
import org.telereg.platform.industry.OperatorReports;
import org.telereg.platform.industry.ReportSchedules;

/** Measurements tied to the enterprise their operator name stands for, and operators reading their own. */
@PlatformIntegrationTest
class OperatorMeasurementsIntegrationTests {

    // A month no demo data and no other test uses, so the figures are this test's alone.
    private static final YearMonth MONTH = YearMonth.of(2013, 7);

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccessManagement access;

    @Autowired
    CompanyRegistry companies;

    @Autowired
    CompanyAliases aliases;

    @Autowired
    ReportSchedules schedules;

    @Autowired
    OperatorReports reports;

    @Autowired
    MeasurementImport imports;

    private ChallengeFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new ChallengeFixtures(access, companies, aliases, schedules, reports, imports);
    }

    private List<String> codesOf(String operatorName) {
        return jdbc.sql("select distinct operator_credit_code from broadband_measurement where operator_name = :name")
                .param("name", operatorName)
                .query(String.class)
                .list();
    }

    @Test
    void anImportTiesEachTestToTheCompanyItsOperatorNameStandsFor() {
        ChallengeFixtures.Operator operator = fixtures.operator("44");
        String shouted = "  " + operator.alias().replace("质疑测试", "质疑 测试") + "  ";
        fixtures.tests(operator.alias(), "440305", "FTTH", 2, 100, MONTH);
        fixtures.tests(shouted, "440305", "FTTH", 1, 100, MONTH);
        fixtures.tests("中国移动", "440305", "FTTH", 1, 100, MONTH);
        String unknown = "无名宽带" + operator.creditCode().substring(8, 16);
        fixtures.tests(unknown, "440305", "FTTH", 3, 100, MONTH);

        assertThat(codesOf(operator.alias())).containsExactly(operator.creditCode());
        assertThat(jdbc.sql("select count(*) from broadband_measurement where operator_credit_code = :code")
                        .param("code", operator.creditCode())
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
        assertThat(codesOf("中国移动")).containsExactly(aliases.creditCode("CMCC").orElseThrow());
        assertThat(codesOf(unknown)).containsOnlyNulls();
    }

    @Test
    void anAliasAddedLaterTiesTheTestsAlreadyStored() throws Exception {
        ChallengeFixtures.Operator operator = fixtures.operator("44");
        String later = "后补简称" + operator.creditCode().substring(8, 16);
        fixtures.tests(later, "440305", "FTTH", 3, 100, MONTH);
        assertThat(codesOf(later)).containsOnlyNulls();

        mvc.perform(post("/api/v1/broadband/aliases")
                        .param("creditCode", operator.creditCode())
                        .param("alias", later)
                        .with(as(users, "gd"))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/broadband/aliases")
                        .param("creditCode", operator.creditCode())
                        .param("alias", later)
                        .with(as(users, "admin"))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.measurementsTied").value(Matchers.greaterThanOrEqualTo(3)));
        assertThat(codesOf(later)).containsExactly(operator.creditCode());
        mvc.perform(post("/api/v1/broadband/aliases")
                        .param("creditCode", operator.creditCode())
                        .param("alias", "中国移动")
                        .with(as(users, "admin"))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("alias"));
    }

    @Test
    void anOperatorSeesTheStatisticsOfItsOwnMeasurementsOnly() throws Exception {
        ChallengeFixtures.Operator operator = fixtures.operator("44");
        ChallengeFixtures.Operator other = fixtures.operator("11");
        fixtures.tests(operator.alias(), "440305", "FTTH", 4, 100, MONTH);
        fixtures.tests(operator.alias(), "110101", "5G", 2, 300, MONTH);
        fixtures.tests(other.alias(), "440305", "FTTH", 5, 20, MONTH);
        String period = "from=" + MONTH.atDay(1) + "&to=" + MONTH.atEndOfMonth();

        mvc.perform(get("/api/v1/broadband/speeds?by=operator,province&" + period)
                        .with(as(users, operator.username())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.groups.length()").value(2))
                .andExpect(jsonPath("$.groups[*].operator").value(Matchers.everyItem(Matchers.is(operator.alias()))))
                .andExpect(jsonPath("$.groups[*].count").value(Matchers.containsInAnyOrder(4, 2)));
        mvc.perform(get("/api/v1/broadband/speeds?by=operator&" + period).with(as(users, "cmcc")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.groups[*].operator")
                        .value(Matchers.not(Matchers.hasItems(operator.alias(), other.alias()))));
        mvc.perform(get("/api/v1/broadband/speeds?by=operator&" + period).with(as(users, "gd")))
                .andExpect(jsonPath("$.groups[*].operator").value(Matchers.hasItems(operator.alias(), other.alias())));
        mvc.perform(get("/console/broadband?by=operator&from=" + MONTH.atDay(1) + "&to=" + MONTH.atEndOfMonth())
                        .with(as(users, operator.username())))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(operator.alias())))
                .andExpect(content().string(Matchers.not(Matchers.containsString(other.alias()))))
                .andExpect(content().string(Matchers.not(Matchers.containsString("id=\"import-link\""))));
    }
}
