package org.telereg.platform.industry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.telereg.platform.industry.IndustryFixtures.MONTHLY;
import static org.telereg.platform.industry.IndustryFixtures.QUARTERLY;

import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.telereg.platform.Browser;
import org.telereg.platform.BrowserIntegrationTest;
import org.telereg.platform.access.AccessManagement;
import org.telereg.platform.industry.IndustryFixtures.Operator;
import org.telereg.platform.notices.Notices;

/**
 * In a real browser, in Chinese: the ministry's officer assigns a quarterly report to an operator in
 * two provinces on the schedules page; the operator, reminded of its monthly report, sees the bell's
 * count, opens the notice, lands on the report, and the count is gone.
 */
@BrowserIntegrationTest
class SchedulesAndNoticesBrowserIntegrationTests {

    @LocalServerPort
    private int port;

    @Autowired
    AccessManagement access;

    @Autowired
    OperatorReports reports;

    @Autowired
    ReportSchedules schedules;

    @Autowired
    Notices notices;

    @Test
    void theOfficerAssignsAndTheOperatorFollowsItsReminder() throws Exception {
        Operator operator = IndustryFixtures.operator(access, "45");
        ReportView march = IndustryFixtures.reports(
                        schedules, reports, operator, MONTHLY, "45", LocalDate.of(2023, 3, 1), LocalDate.of(2023, 4, 2))
                .get("2023-03");
        schedules.remind(LocalDate.of(2023, 4, 5));
        await().atMost(Duration.ofSeconds(20)).until(() -> notices.unread(operator.actor()) == 1);

        try (Browser browser = Browser.open(port)) {
            browser.signIn("officer");
            browser.get("/console/industry/schedules?lang=zh_CN");
            assertThat(browser.heading()).isEqualTo("报送安排");
            new Select(browser.find(By.id("templateCode"))).selectByValue(QUARTERLY);
            new Select(browser.find(By.id("operatorCreditCode"))).selectByValue(operator.creditCode());
            browser.find(By.id("deadlineDay")).clear();
            browser.find(By.id("deadlineDay")).sendKeys("20");
            browser.date("startsOn", LocalDate.of(2023, 1, 1));
            browser.click(By.id("province-45"));
            browser.click(By.id("province-46"));
            browser.submit(By.id("assign-submit"));
            assertThat(browser.text("done")).contains("已布置 2 项报送安排");
            browser.signOut();

            browser.signIn(operator.username());
            browser.get("/console/industry/reports?lang=zh_CN");
            assertThat(browser.text("notice-count")).isEqualTo("1");
            browser.submit(By.id("notice-bell"));
            assertThat(browser.heading()).isEqualTo("站内通知");
            assertThat(browser.find(By.id("notices")).getText()).contains("2023-03（广西壮族自治区）将于 2023-04-10 截止");
            browser.screenshot("notices-inbox.png");
            long id = notices.inbox(operator.actor(), true, 1).get(0).id();
            browser.submit(By.id("open-" + id));
            browser.waitUntil(ExpectedConditions.urlContains("/console/industry/reports/" + march.id()));
            assertThat(browser.heading()).contains("2023-03");
            assertThat(browser.driver().findElements(By.id("notice-count"))).isEmpty();
        }
        assertThat(schedules.schedules(operator.actor().scope()))
                .extracting(ScheduleView::templateCode, ScheduleView::provinceCode)
                .contains(
                        org.assertj.core.api.Assertions.tuple(QUARTERLY, "45"),
                        org.assertj.core.api.Assertions.tuple(QUARTERLY, "46"));
    }
}
