package org.telereg.platform.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.telereg.platform.Browser;
import org.telereg.platform.BrowserIntegrationTest;

/**
 * The console in a real browser (Debian's chromium, headless): signing in, the dashboard map
 * rendered by ECharts, and the language switch. Chinese text is asserted on purpose, since a
 * wrong charset only shows in a browser.
 */
@BrowserIntegrationTest
class ConsoleBrowserIntegrationTests {

    /** Provinces, autonomous regions and municipalities with a communications administration. */
    private static final String PROVINCES_ON_THE_MAP = "31";

    @LocalServerPort
    private int port;

    @Test
    void provincialOfficerSeesTheMapInChineseAndSwitchesToEnglishAndBack() throws IOException {
        try (Browser browser = Browser.open(port)) {
            browser.get("/login");
            assertThat(browser.driver().getTitle()).isEqualTo("登录");
            browser.signIn("gd");

            assertThat(browser.driver().getTitle()).isEqualTo("监管总览");
            assertThat(browser.heading()).isEqualTo("监管总览");
            assertThat(browser.text("current-organisation")).isEqualTo("广东省通信管理局");
            assertThat(browser.text("current-role")).isEqualTo("省管局业务人员");
            assertThat(browser.find(By.tagName("html")).getDomAttribute("lang")).isEqualTo("zh-CN");

            browser.waitUntil(ExpectedConditions.and(
                    ExpectedConditions.attributeToBe(By.id("china-map"), "data-rendered", PROVINCES_ON_THE_MAP),
                    ExpectedConditions.presenceOfNestedElementLocatedBy(By.id("china-map"), By.tagName("canvas"))));
            browser.screenshot("dashboard.png");

            browser.find(By.id("lang-en")).click();
            browser.waitUntil(ExpectedConditions.textToBe(By.tagName("h1"), "Overview"));
            assertThat(browser.text("current-role")).isEqualTo("Provincial officer");
            assertThat(browser.find(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");
            // Organisation names are data, not labels: they stay as registered.
            assertThat(browser.text("current-organisation")).isEqualTo("广东省通信管理局");

            // The choice sticks (a cookie) on pages opened without ?lang.
            browser.find(By.linkText("Companies")).click();
            browser.waitUntil(ExpectedConditions.textToBe(By.tagName("h1"), "Companies"));
            browser.find(By.linkText("Overview")).click();
            browser.waitUntil(ExpectedConditions.textToBe(By.tagName("h1"), "Overview"));

            browser.find(By.id("lang-zh")).click();
            browser.waitUntil(ExpectedConditions.textToBe(By.tagName("h1"), "监管总览"));
            assertThat(browser.text("current-role")).isEqualTo("省管局业务人员");
            assertThat(browser.find(By.linkText("企业名录")).isDisplayed()).isTrue();
        }
    }
}
