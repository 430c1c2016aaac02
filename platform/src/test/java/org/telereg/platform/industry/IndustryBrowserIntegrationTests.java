package org.telereg.platform.industry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.telereg.platform.industry.IndustryFixtures.MONTHLY;
import static org.telereg.platform.industry.IndustryFixtures.monthly;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.telereg.platform.Browser;
import org.telereg.platform.BrowserIntegrationTest;
import org.telereg.platform.access.AccessManagement;
import org.telereg.platform.industry.IndustryFixtures.Operator;

/**
 * A monthly report in a real browser, in Chinese: the operator opens it from the report list, types
 * its figures into the form the catalogue generated, submits, and sees it listed as submitted.
 */
@BrowserIntegrationTest
class IndustryBrowserIntegrationTests {

    @LocalServerPort
    private int port;

    @Autowired
    AccessManagement access;

    @Autowired
    OperatorReports reports;

    @Autowired
    ReportSchedules schedules;

    @Test
    void anOperatorSubmitsAMonthlyReportAndSeesItListed() throws Exception {
        Operator operator = IndustryFixtures.operator(access, "44");
        ReportView report = IndustryFixtures.reports(
                        schedules, reports, operator, MONTHLY, "44", LocalDate.of(2023, 1, 1), LocalDate.of(2023, 2, 1))
                .get("2023-01");

        try (Browser browser = Browser.open(port)) {
            browser.signIn(operator.username());
            browser.get("/console/industry/reports?lang=zh_CN");
            assertThat(browser.heading()).isEqualTo("统计报表");
            browser.submit(By.cssSelector("#report-" + report.id() + " a"));
            assertThat(browser.heading()).contains("宽带与移动业务发展月报", "2023-01");
            monthly().forEach((code, value) -> browser.find(By.id("m_" + code)).sendKeys(value));
            browser.clickAndAccept(By.id("submit-report"));

            assertThat(browser.text("done")).isEqualTo("报表已提交，等待管局接收。");
            assertThat(browser.text("report-status")).isEqualTo("已报送");
            assertThat(browser.text("m_SHARE_1000M")).isEqualTo("30");
            browser.get("/console/industry/reports?lang=zh_CN");
            assertThat(browser.find(By.id("report-" + report.id())).getText()).contains("2023-01", "已报送");
            browser.screenshot("industry-report-submitted.png");
        }
    }
}
