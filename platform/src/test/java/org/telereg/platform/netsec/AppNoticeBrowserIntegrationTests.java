package org.telereg.platform.netsec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.telereg.platform.netsec.AppCheckFixtures.app;
import static org.telereg.platform.netsec.AppCheckFixtures.finding;
import static org.telereg.platform.netsec.AppCheckFixtures.packageName;
import static org.telereg.platform.netsec.AppCheckFixtures.unique;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.telereg.platform.Browser;
import org.telereg.platform.BrowserIntegrationTest;
import org.telereg.platform.access.AccessManagement;

/**
 * A notice in a real browser, in Chinese: the ministry's officer ticks an App with problems on its batch
 * page and publishes the notice; the portal lists it; 中国移动's user finds the App under 我的 App and
 * answers with the fixed version; the repeat-offender graph draws.
 */
@BrowserIntegrationTest
class AppNoticeBrowserIntegrationTests {

    @LocalServerPort
    private int port;

    @Autowired
    AppChecks checks;

    @Autowired
    AccessManagement access;

    @Test
    void theOfficerPublishesANoticeAndTheCompanyAnswersIt() throws Exception {
        AppCheckBatchView batch = AppCheckFixtures.batch(checks, "浏览器批次 ");
        String appName = unique("浏览器应用");
        AppCheckView tested = AppCheckFixtures.imported(
                        checks,
                        batch.id(),
                        app(
                                appName,
                                packageName(),
                                "2.0",
                                access.organisation("OP-CMCC").orElseThrow().creditCode(),
                                finding(AppRule.EXCESSIVE_PERMISSION)))
                .get(0);
        String number = unique("工信部信管函〔2026〕浏览器");

        try (Browser browser = Browser.open(port)) {
            browser.signIn("officer");
            browser.get("/console/netsec/apps/batches/" + batch.id() + "?lang=zh_CN");
            browser.click(By.cssSelector("#app-" + tested.id() + " input[type=checkbox]"));
            browser.find(By.id("noticeNumber")).sendKeys(number);
            browser.find(By.id("title")).sendKeys("关于侵害用户权益行为的 App 的通报（浏览器测试）");
            browser.clickAndAccept(By.id("publish-notice"));
            assertThat(browser.text("done")).isEqualTo("通报已发布，已在门户公开并通知相关企业。");
            assertThat(browser.find(By.id("items")).getText())
                    .contains(appName)
                    .contains("过度索取权限")
                    .contains("待整改");
            browser.get("/console/netsec/apps/offenders?lang=zh_CN");
            browser.waitUntil(
                    ExpectedConditions.attributeToBeNotEmpty(browser.find(By.id("app-graph")), "data-rendered"));
            browser.signOut();

            browser.get("/public/app-notices?lang=zh_CN");
            browser.submit(By.linkText("关于侵害用户权益行为的 App 的通报（浏览器测试）"));
            assertThat(browser.find(By.id("public-items")).getText()).contains(appName);

            browser.signIn("cmcc");
            browser.get("/console/netsec/apps?lang=zh_CN");
            for (var row : browser.driver().findElements(By.cssSelector("#items tr"))) {
                if (row.getText().contains(appName)) {
                    row.findElement(By.tagName("a")).click();
                    break;
                }
            }
            assertThat(browser.text("item-status")).isEqualTo("待整改");
            browser.find(By.id("version")).sendKeys("2.0.1");
            browser.find(By.id("answer")).sendKeys("已移除读取短信权限");
            browser.submit(By.id("submit-answer"));
            assertThat(browser.text("done")).isEqualTo("整改情况已反馈。");
            assertThat(browser.text("item-status")).isEqualTo("已反馈");
            assertThat(browser.text("answer")).contains("2.0.1");
            browser.screenshot("netsec-app-answered.png");
        }
    }
}
