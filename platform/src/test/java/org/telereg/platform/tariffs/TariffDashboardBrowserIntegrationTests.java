package org.telereg.platform.tariffs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.telereg.platform.Browser;
import org.telereg.platform.BrowserIntegrationTest;
import org.telereg.platform.access.AccessManagement;
import org.telereg.platform.entity.CompanyRegistry;
import org.telereg.platform.industry.OperatorReports;
import org.telereg.platform.industry.ReportSchedules;
import org.telereg.platform.industry.ReportView;
import org.telereg.platform.tariffs.TariffFixtures.Operator;

/**
 * From a monthly report to the dashboard in a real browser, in Chinese: a new operator types its
 * figures into the report form and submits, Guangdong's administration accepts the report, and the
 * 提速降费看板 of that month shows the report's unit prices and download rate for the operator in
 * Guangdong — to the administration and to the operator itself.
 */
@BrowserIntegrationTest
class TariffDashboardBrowserIntegrationTests {

    @Autowired
    Clock clock;

    @LocalServerPort
    private int port;

    @Autowired
    AccessManagement access;

    @Autowired
    CompanyRegistry companies;

    @Autowired
    OperatorReports reports;

    @Autowired
    ReportSchedules schedules;

    @Test
    void aSubmittedMonthlyReportShowsOnTheDashboard() throws Exception {
        Operator operator = TariffFixtures.operator(access, companies, "44");
        ReportView report = TariffFixtures.reports(
                        schedules, reports, operator, "44", LocalDate.of(2022, 6, 1), LocalDate.of(2022, 7, 1))
                .get("2022-06");
        // 4000 万元 / 35000 万Mbps = 0.1143 yuan per Mbps; 10000 万元 / 5500 万GB = 1.8182 yuan per GB.
        Map<String, String> figures = TariffFixtures.monthly("4000", "35000", "10000", "5500", "105.5");

        try (Browser browser = Browser.open(port)) {
            browser.signIn(operator.username());
            browser.get("/console/industry/reports?lang=zh_CN");
            browser.submit(By.cssSelector("#report-" + report.id() + " a"));
            assertThat(browser.heading()).contains("2022-06");
            figures.forEach((code, value) -> browser.find(By.id("m_" + code)).sendKeys(value));
            browser.clickAndAccept(By.id("submit-report"));
            assertThat(browser.text("report-status")).isEqualTo("已报送");
            browser.signOut();

            browser.signIn("gd");
            browser.get("/console/industry/reports/" + report.id() + "?lang=zh_CN");
            browser.clickAndAccept(By.id("accept"));
            browser.waitUntil(ExpectedConditions.textToBe(By.id("report-status"), "已接收"));

            browser.submit(By.id("menu-tariffs-dashboard"));
            assertThat(browser.heading()).isEqualTo("提速降费看板");
            browser.find(By.id("operator")).sendKeys(operator.creditCode());
            setMonth(browser, "2022-06");
            browser.submit(By.id("apply-filter"));
            WebElement row = browser.find(By.id("row-" + operator.creditCode() + "-44"));
            assertThat(row.getText()).contains(operator.name(), "广东省");
            assertThat(row.findElement(By.className("fixed-price")).getText()).isEqualTo("0.1143");
            assertThat(row.findElement(By.className("mobile-price")).getText()).isEqualTo("1.8182");
            assertThat(row.findElement(By.className("reported-download")).getText())
                    .isEqualTo("105.5");
            browser.waitUntil(
                    ExpectedConditions.attributeToBeNotEmpty(browser.find(By.id("fixed-trend")), "data-rendered"));
            browser.screenshot("tariff-dashboard-gd.png");
            browser.signOut();

            browser.signIn(operator.username());
            browser.get("/console/tariffs/dashboard?month=2022-06&lang=zh_CN");
            WebElement own = browser.find(By.id("row-" + operator.creditCode()));
            assertThat(own.findElement(By.className("fixed-price")).getText()).isEqualTo("0.1143");
            assertThat(browser.driver().findElements(By.cssSelector("#dashboard-table tbody tr")))
                    .hasSize(1);
        }
    }

    @Test
    void theMinistrySeesTheDemoOperatorsSideBySideWithChartsAndMap() throws Exception {
        String month = java.time.YearMonth.now(clock).minusMonths(2).toString();
        try (Browser browser = Browser.open(port)) {
            browser.signIn("admin");
            browser.get("/console/tariffs/dashboard?lang=zh_CN&month=" + month);
            assertThat(browser.driver().findElements(By.cssSelector("#dashboard-table tbody tr")))
                    .hasSizeGreaterThanOrEqualTo(3);
            assertThat(browser.find(By.id("dashboard-table")).getText()).contains("中国移动");
            browser.waitUntil(
                    ExpectedConditions.attributeToBeNotEmpty(browser.find(By.id("fixed-trend")), "data-rendered"));
            browser.waitUntil(
                    ExpectedConditions.attributeToBeNotEmpty(browser.find(By.id("price-map")), "data-rendered"));
            browser.screenshot("tariff-dashboard-ministry.png");
        }
    }

    /** Sets the month input the way its picker would: typing into one depends on the browser's locale. */
    private static void setMonth(Browser browser, String month) {
        ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("document.getElementById('month').value = arguments[0];", month);
    }
}
