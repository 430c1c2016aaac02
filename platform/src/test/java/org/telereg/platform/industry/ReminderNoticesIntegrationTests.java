package org.telereg.platform.industry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.telereg.platform.SignIn.as;
import static org.telereg.platform.industry.IndustryFixtures.MONTHLY;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.telereg.platform.PlatformIntegrationTest;
import org.telereg.platform.access.AccessManagement;
import org.telereg.platform.industry.IndustryFixtures.Operator;
import org.telereg.platform.notices.NoticeView;
import org.telereg.platform.notices.Notices;

/** The daily job's reminders reach the operator's inbox: once, only the operator's, with a bell. */
@PlatformIntegrationTest
class ReminderNoticesIntegrationTests {

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
    Notices notices;

    @Autowired
    ReminderNotices listener;

    @Test
    void theDailyReminderEndsInTheOperatorsInboxExactlyOnce() throws Exception {
        Operator operator = IndustryFixtures.operator(access, "43");
        Operator other = IndustryFixtures.operator(access, "43");
        ReportView march = IndustryFixtures.reports(
                        schedules, reports, operator, MONTHLY, "43", LocalDate.of(2023, 3, 1), LocalDate.of(2023, 4, 2))
                .get("2023-03");
        assertThat(march.dueOn()).isEqualTo(LocalDate.of(2023, 4, 10));

        schedules.remind(LocalDate.of(2023, 4, 5));
        schedules.remind(LocalDate.of(2023, 4, 5));

        List<NoticeView> inbox = await().atMost(Duration.ofSeconds(20))
                .until(() -> notices.inbox(operator.actor(), true, 10), list -> !list.isEmpty());
        assertThat(inbox).singleElement().satisfies(notice -> {
            assertThat(notice.link()).isEqualTo("/console/industry/reports/" + march.id());
            assertThat(notices.text(notice, Locale.SIMPLIFIED_CHINESE))
                    .isEqualTo("统计报表 宽带与移动业务发展月报 2023-03（湖南省）将于 2023-04-10 截止，请及时报送。");
            assertThat(notices.text(notice, Locale.ENGLISH)).contains("2023-03 (湖南省) is due on 2023-04-10");
        });

        // The same event delivered again (a restart republishes incomplete publications) writes nothing.
        ReportReminderSent again = new ReportReminderSent(
                march.id(), operator.creditCode(), "43", MONTHLY, "2023-03", march.dueOn(), LocalDate.of(2023, 4, 5));
        listener.remind(again);
        listener.remind(again);
        assertThat(notices.inbox(operator.actor(), false, 10)).hasSize(1);
        assertThat(notices.unread(operator.actor())).isEqualTo(1);

        // The reminder a day before is a second notice.
        schedules.remind(LocalDate.of(2023, 4, 9));
        await().atMost(Duration.ofSeconds(20)).until(() -> notices.unread(operator.actor()) == 2);

        mvc.perform(get("/console/industry/reports").with(as(users, operator.username())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"notice-bell\"")))
                .andExpect(content()
                        .string(containsString(
                                "<span id=\"notice-count\" class=\"badge rounded-pill text-bg-danger\">2</span>")));
        mvc.perform(get("/api/v1/notices").param("unread", "true").with(as(users, operator.username())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].link").value("/console/industry/reports/" + march.id()))
                .andExpect(jsonPath("$[0].text").value(containsString("将于 2023-04-10 截止")));

        assertThat(notices.inbox(other.actor(), false, 10)).isEmpty();
        mvc.perform(get("/api/v1/notices").with(as(users, other.username())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(0));
        mvc.perform(get("/console/industry/reports").with(as(users, other.username())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"notice-bell\"")))
                .andExpect(content().string(not(containsString("id=\"notice-count\""))));
    }
}
