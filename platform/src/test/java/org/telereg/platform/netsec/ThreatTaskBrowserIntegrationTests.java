package org.telereg.platform.netsec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.telereg.platform.Browser;
import org.telereg.platform.BrowserIntegrationTest;
import org.telereg.platform.access.AccessManagement;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.filing.FiledSite;
import org.telereg.platform.filing.FiledSites;

/**
 * A threat task in a real browser, in Chinese: a phishing host under a site the demo access provider
 * gives access to is listed; the provider's user answers 误报 with its reason, and the ministry's
 * officer confirms it, closing the task.
 */
@BrowserIntegrationTest
class ThreatTaskBrowserIntegrationTests {

    @LocalServerPort
    private int port;

    @Autowired
    AccessManagement access;

    @Autowired
    FiledSites sites;

    @Autowired
    ThreatIndicators indicators;

    @Autowired
    ThreatTasks tasks;

    @Test
    void theProviderAnswersAFalsePositiveAndTheOfficerClosesTheTask() throws Exception {
        String provider = access.organisation("AP-DEMO").orElseThrow().creditCode();
        FiledSite site = sites.withDomains(400).stream()
                .filter(s -> s.providerCreditCode().equals(provider))
                .findFirst()
                .orElseThrow();
        String host = ThreatIndicatorsIntegrationTests.tag() + "." + site.matched();
        indicators.importBatch(
                Actor.system(),
                List.of(new NewThreatIndicator("DOMAIN", host, "国家互联网应急中心", "90", "PHISHING", null, null, null)));
        long indicatorId =
                indicators.find(ThreatKind.DOMAIN, host).orElseThrow().id();
        ThreatTaskView task = tasks.list(DataScope.all(), null, indicatorId).get(0);

        try (Browser browser = Browser.open(port)) {
            browser.signIn("isp");
            browser.get("/console/netsec/threats/tasks?lang=zh_CN");
            browser.submit(By.cssSelector("#task-" + task.id() + " a"));
            assertThat(browser.text("task-status")).isEqualTo("待处置");
            new Select(browser.find(By.id("answer-choice"))).selectByValue("FALSE_POSITIVE");
            browser.clickAndAccept(By.id("send-answer"));
            assertThat(browser.find(By.cssSelector(".invalid-feedback")).getText())
                    .isEqualTo("必填");
            new Select(browser.find(By.id("answer-choice"))).selectByValue("FALSE_POSITIVE");
            browser.find(By.id("note")).sendKeys("该地址为 CDN 共享节点，网站内容正常");
            browser.clickAndAccept(By.id("send-answer"));
            assertThat(browser.text("done")).isEqualTo("处置结果已提交，等待通信管理局确认。");
            assertThat(browser.text("task-status")).isEqualTo("待确认");
            browser.signOut();

            browser.signIn("officer");
            browser.get("/console/netsec/threats/tasks/" + task.id() + "?lang=zh_CN");
            assertThat(browser.text("answer")).isEqualTo("误报");
            browser.clickAndAccept(By.id("close-task"));
            assertThat(browser.text("task-status")).isEqualTo("已办结");
            assertThat(browser.find(By.id("timeline")).getText()).contains("开立", "接入服务商反馈", "确认办结");
            browser.screenshot("netsec-threat-task-closed.png");
        }
    }
}
