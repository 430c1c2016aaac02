package org.telereg.platform.interconnect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.telereg.platform.Browser;
import org.telereg.platform.BrowserIntegrationTest;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;

/**
 * A capacity-expansion task in a real browser, in Chinese: two bad tests open it; 中国移动's user sees
 * the link's quality chart with the bad tests marked, records the new capacity on the task, and the
 * ministry's officer verifies it.
 */
@BrowserIntegrationTest
class InterconnectBrowserIntegrationTests {

    @Autowired
    Clock clock;

    @LocalServerPort
    private int port;

    @Autowired
    InterconnectPoints points;

    @Autowired
    InterconnectLinks links;

    @Autowired
    QualityImport imports;

    @Autowired
    ExpansionTasks tasks;

    @Test
    void anOperatorRecordsTheExpansionAndTheMinistryVerifiesIt() throws Exception {
        Actor ministry = Actor.system();
        String code = "B-" + UUID.randomUUID().toString().substring(0, 6);
        PointView point =
                points.add(ministry, new NewPoint(code, "浏览器测试直联点", "BACKBONE_POINT", "440100", "2020-01-01"));
        LinkView link =
                links.create(ministry, new NewLink(code, "中国移动", "中国电信", "100", "PAID", "50000", "中国移动", "2024-01-01"));
        String month = LocalDate.now(clock).minusMonths(1).toString().substring(0, 7);
        imports.importFile(
                ministry,
                UUID.randomUUID().toString(),
                "tests.csv",
                ("time,point,from_operator,to_operator,delay_ms,loss_percent,internal_delay_ms,internal_loss_percent\n"
                                + month + "-03 20:00," + code + ",中国移动,中国电信,48,0.1,20,0.1\n"
                                + month + "-10 20:00," + code + ",中国电信,中国移动,22,0.1,20,0.1\n"
                                + month + "-17 20:00," + code + ",中国移动,中国电信,20,0.9,20,0.2\n")
                        .getBytes(StandardCharsets.UTF_8));
        TaskView task = tasks.list(DataScope.all(), TaskStatus.OPEN, link.id()).get(0);

        try (Browser browser = Browser.open(port)) {
            browser.signIn("cmcc");
            browser.get("/console/interconnect/links/" + link.id() + "?lang=zh_CN");
            browser.waitUntil(ExpectedConditions.attributeToBe(By.id("quality-chart"), "data-rendered", "3"));
            assertThat(browser.text("bad-tests")).isEqualTo("不合格测试 2 / 3");
            browser.get("/console/interconnect/tasks?lang=zh_CN");
            browser.submit(By.cssSelector("#task-" + task.id() + " a"));
            assertThat(browser.text("task-status")).isEqualTo("待扩容");
            browser.find(By.id("capacityGbps")).sendKeys("250");
            browser.date("effectiveOn", LocalDate.now(clock));
            browser.clickAndAccept(By.id("record-expansion"));
            assertThat(browser.text("done")).isEqualTo("扩容已记录，等待部里核验。");
            assertThat(browser.text("task-status")).isEqualTo("已扩容待核验");
            assertThat(browser.text("capacity-after")).startsWith("250 Gbps");
            browser.signOut();

            browser.signIn("officer");
            browser.get("/console/interconnect/tasks/" + task.id() + "?lang=zh_CN");
            browser.clickAndAccept(By.id("verify-task"));
            assertThat(browser.text("task-status")).isEqualTo("已核验");
            browser.get("/console/interconnect/points/" + point.id() + "?lang=zh_CN");
            assertThat(browser.find(By.id("link-" + link.id())).getText()).contains("250 Gbps");
            browser.screenshot("interconnect-task-verified.png");
        }
    }
}
