package org.telereg.platform.broadband;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.telereg.platform.Browser;
import org.telereg.platform.BrowserIntegrationTest;
import org.telereg.platform.access.AccessManagement;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.entity.CompanyAliases;
import org.telereg.platform.entity.CompanyRegistry;
import org.telereg.platform.industry.OperatorReports;
import org.telereg.platform.industry.ReportSchedules;

/**
 * A challenge in a real browser, in Chinese: the operator finds the challenge its overstated report
 * drew in the 质疑 list, reads the declared and measured figures, and concedes with a corrected figure.
 */
@BrowserIntegrationTest
class ChallengesBrowserIntegrationTests {

    @LocalServerPort
    private int port;

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

    @Autowired
    SpeedChallenges challenges;

    @Test
    void anOperatorConcedesAChallengeWithACorrectedFigure() throws Exception {
        ChallengeFixtures fixtures = new ChallengeFixtures(access, companies, aliases, schedules, reports, imports);
        ChallengeFixtures.Operator operator = fixtures.operator("44");
        fixtures.declare(operator, "44", "200", "120");
        fixtures.tests(operator.alias(), "440305", "FTTH", 30, 100);
        YearMonth month = fixtures.month();
        challenges.reconcile(Actor.system(), month, month);
        ChallengeView challenge = challenges
                .search(DataScope.enterprise(operator.creditCode()), null, null, null, 10)
                .get(0);

        try (Browser browser = Browser.open(port)) {
            browser.signIn(operator.username());
            browser.get("/console/broadband/challenges?lang=zh_CN");
            assertThat(browser.heading()).isEqualTo("质疑");
            assertThat(browser.find(By.id("challenge-" + challenge.id())).getText())
                    .contains("固定宽带速率", "广东省", month.toString(), "待答复");
            browser.submit(By.cssSelector("#challenge-" + challenge.id() + " a"));
            assertThat(browser.text("declared")).isEqualTo("200 Mbit/s");
            assertThat(browser.text("measured")).isEqualTo("100 Mbit/s");
            assertThat(browser.text("days-left")).isEqualTo("剩余 15 天");
            browser.find(By.id("correctedFigure")).sendKeys("100");
            browser.find(By.id("statement")).sendKeys("报表误将签约速率填为实测速率");
            browser.clickAndAccept(By.id("concede"));

            assertThat(browser.text("done")).isEqualTo("已承认该质疑。");
            assertThat(browser.text("challenge-status")).isEqualTo("已承认");
            assertThat(browser.text("steps")).contains("发起质疑", "企业承认", operator.username());
            assertThat(browser.driver().findElements(By.id("rebut"))).isEmpty();
            browser.screenshot("broadband-challenge-conceded.png");
        }
    }
}
