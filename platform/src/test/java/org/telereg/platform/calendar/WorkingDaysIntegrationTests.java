package org.telereg.platform.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.telereg.platform.SignIn.as;

import java.time.LocalDate;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.telereg.platform.PlatformIntegrationTest;
import org.telereg.platform.SignIn;
import org.telereg.platform.shared.RejectedInputException;

@PlatformIntegrationTest
class WorkingDaysIntegrationTests {

    @Autowired
    WorkingDays workingDays;

    @Autowired
    UserDetailsService users;

    @Autowired
    MockMvc mvc;

    @AfterEach
    void signOut() {
        SignIn.signOut();
    }

    @Test
    void countsThe2026HolidaysAndMakeUpWorkingDays() {
        assertThat(workingDays.isWorkingDay(LocalDate.of(2026, 2, 14)))
                .as("Saturday worked before 春节")
                .isTrue();
        assertThat(workingDays.isWorkingDay(LocalDate.of(2026, 2, 16)))
                .as("Monday of 春节")
                .isFalse();
        assertThat(workingDays.isWorkingDay(LocalDate.of(2026, 3, 2)))
                .as("an ordinary Monday")
                .isTrue();
        assertThat(workingDays.isWorkingDay(LocalDate.of(2026, 3, 7)))
                .as("an ordinary Saturday")
                .isFalse();

        // Within 5 working days of 30 September: 8, 9, 10 (a Saturday worked), 12 and 13 October.
        assertThat(workingDays.plus(LocalDate.of(2026, 9, 30), 5)).isEqualTo(LocalDate.of(2026, 10, 13));
        // Received on the Friday before 春节: the 14th is worked, then nothing until the 24th.
        assertThat(workingDays.plus(LocalDate.of(2026, 2, 13), 2)).isEqualTo(LocalDate.of(2026, 2, 24));
        assertThat(workingDays.between(LocalDate.of(2026, 9, 30), LocalDate.of(2026, 10, 13)))
                .isEqualTo(5);
        assertThat(workingDays.between(LocalDate.of(2026, 10, 13), LocalDate.of(2026, 9, 30)))
                .isEqualTo(-5);
        assertThat(workingDays.plus(LocalDate.of(2026, 5, 8), 0)).isEqualTo(LocalDate.of(2026, 5, 8));

        assertThat(workingDays.knows(2026)).isTrue();
        assertThat(workingDays.knows(2031)).isFalse();
    }

    @Test
    void theMinistryKeepsTheCalendarAndDeadlinesFollowAtOnce() {
        LocalDate friday = LocalDate.of(2031, 5, 2);
        assertThat(workingDays.plus(LocalDate.of(2031, 5, 1), 1)).isEqualTo(friday);

        workingDays.list(SignIn.actor(users, "admin"), "2031-05-02", "HOLIDAY", "劳动节", "测试用安排");

        assertThat(workingDays.isWorkingDay(friday)).isFalse();
        assertThat(workingDays.plus(LocalDate.of(2031, 5, 1), 1)).isEqualTo(LocalDate.of(2031, 5, 5));
        assertThat(workingDays.knows(2031)).isTrue();

        workingDays.unlist(SignIn.actor(users, "admin"), friday);
        assertThat(workingDays.isWorkingDay(friday)).isTrue();

        assertThatThrownBy(() -> workingDays.list(SignIn.actor(users, "gd"), "2031-05-02", "HOLIDAY", "劳动节", null))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> workingDays.list(SignIn.actor(users, "admin"), "2031-02-30", "DAY_OFF", "", null))
                .isInstanceOfSatisfying(
                        RejectedInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(p -> p.field())
                                .containsExactlyInAnyOrder("day", "kind", "name"));
    }

    @Test
    void consoleShowsTheYearAndWarnsWhenItsArrangementIsMissing() throws Exception {
        mvc.perform(get("/console/calendar").param("year", "2026").with(as(users, "gd")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("春节调休上班")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("calendar-save"))));
        mvc.perform(get("/console/calendar").param("year", "2035").with(as(users, "admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("2035 年的放假安排尚未登记")))
                .andExpect(content().string(Matchers.containsString("calendar-save")));
        mvc.perform(post("/console/calendar")
                        .param("day", "yesterday")
                        .param("kind", "HOLIDAY")
                        .param("name", "测试")
                        .with(as(users, "admin"))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("不是有效日期（格式如 2026-12-01）")));
    }
}
