package org.telereg.platform.industry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.telereg.platform.SignIn.as;
import static org.telereg.platform.industry.IndustryFixtures.MONTHLY;
import static org.telereg.platform.industry.IndustryFixtures.QUARTERLY;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.telereg.platform.PlatformIntegrationTest;
import org.telereg.platform.access.AccessManagement;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.industry.IndustryFixtures.Operator;
import org.telereg.platform.shared.ProvinceCode;

/** The schedules page: the ministry and the provinces assign, change and deactivate report schedules. */
@PlatformIntegrationTest
class ReportSchedulesWebIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    AccessManagement access;

    @Autowired
    ReportSchedules schedules;

    @Autowired
    OperatorReports reports;

    @Autowired
    JdbcClient jdbc;

    private static MockHttpServletRequestBuilder assign(
            Operator operator, String template, String day, String... provinces) {
        return post("/console/industry/schedules")
                .param("templateCode", template)
                .param("operatorCreditCode", operator.creditCode())
                .param("provinceCodes", provinces)
                .param("deadlineDay", day)
                .param("startsOn", "2023-01-01")
                .with(csrf());
    }

    private List<ScheduleView> of(Operator operator) {
        return schedules.schedules(operator.actor().scope());
    }

    @Test
    void theMinistryAssignsSeveralProvincesThenAllThirtyOneAtOnce() throws Exception {
        Operator operator = IndustryFixtures.operator(access, "11");

        mvc.perform(assign(operator, MONTHLY, "12", "36", "44").with(as(users, "officer")))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("assigned", 2));
        assertThat(of(operator))
                .extracting(ScheduleView::provinceCode, ScheduleView::deadlineDay)
                .containsExactlyInAnyOrder(
                        org.assertj.core.api.Assertions.tuple("36", 12),
                        org.assertj.core.api.Assertions.tuple("44", 12));

        mvc.perform(assign(operator, MONTHLY, "10", ReportSchedules.ALL_PROVINCES)
                        .with(as(users, "officer")))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("assigned", 29))
                .andExpect(flash().attribute("skipped", "36, 44"));
        assertThat(of(operator)).hasSize(ProvinceCode.administered().size()).hasSize(31);

        mvc.perform(assign(operator, MONTHLY, "10", ReportSchedules.ALL_PROVINCES)
                        .with(as(users, "officer")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("已向该企业布置过此报表")));
        mvc.perform(get("/console/industry/schedules")
                        .param("operator", operator.creditCode())
                        .with(as(users, "officer")))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(containsString(
                                "id=\"schedule-" + of(operator).get(0).id() + "\"")))
                .andExpect(content().string(containsString("全部 31 个省（区、市）")));
    }

    @Test
    void badFieldsAreNamedAndNothingIsAssigned() throws Exception {
        Operator operator = IndustryFixtures.operator(access, "12");

        mvc.perform(post("/console/industry/schedules")
                        .param("templateCode", "NO_SUCH")
                        .param("operatorCreditCode", "<script>alert(1)</script>")
                        .param("provinceCodes", "")
                        .param("deadlineDay", "29")
                        .param("startsOn", "2023-02-30")
                        .with(as(users, "officer"))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("没有这个报表")))
                .andExpect(content().string(containsString("不是已登记的电信企业")))
                .andExpect(content().string(containsString("应为 1 至 28 之间的日期")))
                .andExpect(content().string(not(containsString("<script>alert(1)"))));
        mvc.perform(assign(operator, MONTHLY, "abc", "99", "12").with(as(users, "officer")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("应为 1 至 28 之间的日期")));
        mvc.perform(assign(operator, MONTHLY, "10").with(as(users, "officer")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"problems\"")));

        assertThat(of(operator)).isEmpty();
    }

    @Test
    void aProvinceAssignsInItsOwnProvinceOnly() throws Exception {
        Operator operator = IndustryFixtures.operator(access, "44");

        mvc.perform(get("/console/industry/schedules").with(as(users, "gd")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"province-44\"")))
                .andExpect(content().string(not(containsString("id=\"province-11\""))))
                .andExpect(content().string(not(containsString("id=\"province-all\""))));
        mvc.perform(assign(operator, MONTHLY, "10", "44", "11").with(as(users, "gd")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("不在本单位管辖范围内：11")));
        assertThat(of(operator)).isEmpty();

        mvc.perform(assign(operator, QUARTERLY, "20", ReportSchedules.ALL_PROVINCES)
                        .with(as(users, "gd")))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("assigned", 1));
        assertThat(of(operator))
                .singleElement()
                .satisfies(s -> assertThat(s.provinceCode()).isEqualTo("44"));

        mvc.perform(assign(operator, MONTHLY, "10", "44").with(as(users, operator.username())))
                .andExpect(status().isForbidden());
        mvc.perform(assign(operator, MONTHLY, "10", "44").with(as(users, "auditor")))
                .andExpect(status().isForbidden());
        assertThat(of(operator)).hasSize(1);
    }

    @Test
    void aScheduleIsEditedAndDeactivatedWithinScope() throws Exception {
        Operator operator = IndustryFixtures.operator(access, "36");
        ScheduleView schedule = schedules.assign(
                org.telereg.platform.access.Actor.system(), MONTHLY, operator.creditCode(), "36", "10", "2023-01-01");

        mvc.perform(post("/console/industry/schedules/{id}", schedule.id())
                        .param("deadlineDay", "0")
                        .param("active", "true")
                        .with(as(users, "officer"))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("应为 1 至 28 之间的日期")));
        assertThat(schedules
                        .schedule(DataScope.all(), schedule.id())
                        .orElseThrow()
                        .deadlineDay())
                .isEqualTo(10);

        mvc.perform(post("/console/industry/schedules/{id}", schedule.id())
                        .param("deadlineDay", "15")
                        .param("active", "true")
                        .with(as(users, "gd"))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/console/industry/schedules/{id}/deactivate", schedule.id())
                        .with(as(users, operator.username()))
                        .with(csrf()))
                .andExpect(status().isForbidden());

        mvc.perform(post("/console/industry/schedules/{id}", schedule.id())
                        .param("deadlineDay", "15")
                        .param("active", "true")
                        .with(as(users, "officer"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(schedules
                        .schedule(DataScope.all(), schedule.id())
                        .orElseThrow()
                        .deadlineDay())
                .isEqualTo(15);
        schedules.open(LocalDate.of(2023, 2, 1));
        assertThat(reports.search(
                                operator.actor().scope(),
                                OperatorReports.Search.everything(),
                                org.springframework.data.domain.PageRequest.of(0, 10))
                        .getContent())
                .singleElement()
                .satisfies(r -> assertThat(r.dueOn()).isEqualTo(LocalDate.of(2023, 2, 15)));

        mvc.perform(post("/console/industry/schedules/{id}/deactivate", schedule.id())
                        .with(as(users, "officer"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(schedules
                        .schedule(DataScope.all(), schedule.id())
                        .orElseThrow()
                        .active())
                .isFalse();
        schedules.open(LocalDate.of(2023, 6, 1));
        assertThat(reports.search(
                                operator.actor().scope(),
                                OperatorReports.Search.everything(),
                                org.springframework.data.domain.PageRequest.of(0, 10))
                        .getTotalElements())
                .as("an inactive schedule opens nothing")
                .isEqualTo(1);

        String key = MONTHLY + "/" + operator.creditCode() + "/36";
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(jdbc.sql("select action from audit_log where module = 'industry'"
                                        + " and entity_id = :key")
                                .param("key", key)
                                .query(String.class)
                                .list())
                        .contains("scheduleAssigned", "scheduleChanged", "scheduleDeactivated"));
    }
}
