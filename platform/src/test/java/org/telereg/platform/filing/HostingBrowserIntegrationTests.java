package org.telereg.platform.filing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.telereg.platform.Browser;
import org.telereg.platform.BrowserIntegrationTest;
import org.telereg.platform.access.AccessManagement;
import org.telereg.platform.access.DataScope;

/**
 * Supervision in a real browser, in Chinese: the access provider (isp, AP-DEMO) uploads its hosted list
 * with an unfiled site; Guangdong's officer checks the provider; the provider finds the task, answers it
 * with a screenshot as evidence; the officer opens the evidence and confirms, and the task is closed.
 */
@BrowserIntegrationTest
class HostingBrowserIntegrationTests {

    @LocalServerPort
    private int port;

    @Autowired
    AccessManagement access;

    @Autowired
    FilingTasks tasks;

    @Test
    void fromAnUploadedListThroughTheOfficersCheckAndTheProvidersEvidenceToAClosedTask() throws Exception {
        String provider = access.organisation("AP-DEMO").orElseThrow().creditCode();
        String unfiled = "browser-" + System.nanoTime() + ".example.cn";
        Path list = Files.createTempFile("hosted-", ".csv");
        Files.writeString(list, "kind,value\nDOMAIN," + unfiled + "\nIP,203.0.113.77\n", StandardCharsets.UTF_8);
        Path screenshot = Files.createTempFile("stopped-", ".png");
        Files.write(screenshot, FilingFixtures.PNG);

        try (Browser browser = Browser.open(port)) {
            browser.signIn("isp");
            browser.get("/console/filing/hosting?lang=zh_CN");
            browser.find(By.id("file")).sendKeys(list.toString());
            browser.submit(By.id("upload"));
            assertThat(browser.text("upload-result")).startsWith("已上传");
            browser.signOut();

            browser.signIn("gd");
            browser.get("/console/filing/hosting/providers/" + provider + "?lang=zh_CN");
            browser.submit(By.id("check-now"));
            assertThat(browser.text("checked")).startsWith("已核查 2 条");
            browser.signOut();

            browser.signIn("isp");
            browser.get("/console/filing/tasks?status=OPEN&lang=zh_CN");
            FilingTaskView task = tasks.list(DataScope.enterprise(provider), FilingTaskStatus.OPEN, null, null).stream()
                    .filter(t -> t.target().equals(unfiled))
                    .findFirst()
                    .orElseThrow();
            assertThat(browser.text("task-" + task.id())).contains(unfiled, "未备案");
            browser.submit(By.cssSelector("#task-" + task.id() + " a"));
            assertThat(browser.text("task-status")).isEqualTo("待处理");
            new Select(browser.find(By.id("answer-choice"))).selectByVisibleText("已停止接入");
            browser.find(By.id("note")).sendKeys("已于今日停止接入该网站");
            browser.find(By.id("files")).sendKeys(screenshot.toString());
            browser.clickAndAccept(By.id("send-answer"));
            assertThat(browser.text("done")).isEqualTo("已提交答复");
            assertThat(browser.text("task-status")).isEqualTo("已答复");
            assertThat(browser.text("attachments"))
                    .contains(screenshot.getFileName().toString());
            browser.signOut();

            browser.signIn("gd");
            browser.get("/console/filing/tasks/" + task.id() + "?lang=zh_CN");
            assertThat(browser.text("answer")).isEqualTo("已停止接入 — 已于今日停止接入该网站");
            assertThat(browser.find(By.cssSelector("#attachments a")).getAttribute("href"))
                    .endsWith("/console/filing/tasks/" + task.id() + "/attachments/"
                            + tasks.attachments(task.id()).get(0).id());
            browser.clickAndAccept(By.id("confirm-task"));
            assertThat(browser.text("done")).isEqualTo("任务已办结");
            assertThat(browser.text("task-status")).isEqualTo("已办结");
            assertThat(browser.text("resolution")).startsWith("确认办结");
            assertThat(browser.text("timeline")).contains("发现", "答复：已停止接入", "确认办结");
            browser.screenshot("filing-task-closed.png");
        } finally {
            Files.deleteIfExists(list);
            Files.deleteIfExists(screenshot);
        }
    }
}
