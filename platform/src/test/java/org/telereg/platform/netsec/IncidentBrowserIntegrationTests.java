package org.telereg.platform.netsec;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.telereg.platform.Browser;
import org.telereg.platform.BrowserIntegrationTest;

/**
 * An incident in a real browser, in Chinese: the console home loads the active warnings; 中国移动 reports a data leak of 1.5 million users and sees it
 * graded 较大; Guangdong's officer ticks the containment step, gives 中国移动 a task, which 中国移动 marks
 * done; 中国移动 writes the final report and the officer closes the incident.
 */
@BrowserIntegrationTest
class IncidentBrowserIntegrationTests {

    @Autowired
    Clock clock;

    @LocalServerPort
    private int port;

    @Test
    void anOperatorReportsALeakAndTheAdministrationWalksItToClosure() throws Exception {
        String title = "浏览器测试泄露 " + UUID.randomUUID().toString().substring(0, 6);
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.MINUTES);

        try (Browser browser = Browser.open(port)) {
            browser.signIn("cmcc");
            browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#active-warnings li")));
            browser.get("/console/netsec/incidents?lang=zh_CN");
            browser.submit(By.id("report-incident"));
            new Select(browser.find(By.id("type"))).selectByValue("DATA_LEAK");
            browser.find(By.id("title")).sendKeys(title);
            new Select(browser.find(By.id("provinces"))).selectByValue("44");
            browser.find(By.id("affectedUsers")).sendKeys("1500000");
            browser.find(By.id("services")).sendKeys("会员系统");
            dateTime(browser, "startedAt", now.minusHours(3));
            dateTime(browser, "detectedAt", now.minusHours(2));
            browser.find(By.id("description")).sendKeys("会员数据库备份被公开访问。");
            browser.submit(By.id("submit-incident"));

            assertThat(browser.text("done")).isEqualTo("事件已报告，级别已计算。");
            assertThat(browser.text("incident-level")).isEqualTo("较大（III级）");
            assertThat(browser.text("incident-status")).isEqualTo("响应中");
            assertThat(browser.text("check-NOTIFY_MINISTRY")).contains("✓ system");
            String incidentPath =
                    browser.driver().getCurrentUrl().replaceAll("^.*(/console/netsec/incidents/\\d+).*$", "$1");
            browser.signOut();

            browser.signIn("gd");
            browser.get(incidentPath + "?lang=zh_CN");
            browser.submit(By.id("tick-CONTAINMENT"));
            assertThat(browser.text("done")).isEqualTo("响应事项已标记完成。");
            assertThat(browser.text("check-CONTAINMENT")).contains("✓ gd");
            browser.find(By.id("title")).sendKeys("封堵泄露并通知受影响用户");
            new Select(browser.find(By.id("assignee"))).selectByValue("OP-CMCC");
            browser.date("dueOn", LocalDate.now(clock).plusDays(3));
            browser.submit(By.id("add-task"));
            assertThat(browser.text("done")).isEqualTo("任务已下达。");
            assertThat(browser.text("tasks")).contains("封堵泄露并通知受影响用户", "办理中");
            browser.signOut();

            browser.signIn("cmcc");
            browser.get(incidentPath + "?lang=zh_CN");
            browser.submit(By.cssSelector("#tasks button[id^='done-task-']"));
            assertThat(browser.text("tasks")).contains("已完成");
            browser.find(By.id("causes")).sendKeys("备份存储桶未设置访问控制。");
            browser.find(By.id("measure0")).sendKeys("全部存储桶启用访问控制");
            browser.date("dueOn0", LocalDate.now(clock).plusDays(30));
            browser.submit(By.id("submit-final"));
            assertThat(browser.text("done")).isEqualTo("总结报告已提交。");
            assertThat(browser.text("final-report")).contains("备份存储桶未设置访问控制。", "全部存储桶启用访问控制");
            browser.signOut();

            browser.signIn("gd");
            browser.get(incidentPath + "?lang=zh_CN");
            browser.clickAndAccept(By.id("close-incident"));
            assertThat(browser.text("done")).isEqualTo("事件已结案。");
            assertThat(browser.text("incident-status")).isEqualTo("已结案");
            assertThat(browser.text("timeline")).contains("报告", "下达任务", "任务完成", "提交总结报告", "结案");
            assertThat(browser.driver().findElements(By.id("close-incident"))).isEmpty();
            browser.screenshot("netsec-incident-closed.png");
        }
    }

    /** Sets a datetime-local input the way its picker would; typing depends on the browser's locale. */
    private static void dateTime(Browser browser, String id, LocalDateTime value) {
        ((JavascriptExecutor) browser.driver())
                .executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, value.toString());
    }
}
