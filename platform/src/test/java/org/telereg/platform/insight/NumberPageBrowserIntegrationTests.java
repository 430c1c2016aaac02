package org.telereg.platform.insight;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.telereg.platform.Browser;
import org.telereg.platform.BrowserIntegrationTest;

/**
 * The number page in a real browser: an officer types a number as people write it into the top
 * bar's box and lands on its page; a mistyped number comes back with the reason beside the field.
 */
@BrowserIntegrationTest
class NumberPageBrowserIntegrationTests {

    @LocalServerPort
    private int port;

    @Test
    void aNumberTypedInTheTopBarOpensItsPageAndAMistypedOneSaysWhy() throws Exception {
        try (Browser browser = Browser.open(port)) {
            browser.signIn("officer");
            browser.find(By.id("header-number")).sendKeys("+86 138-0013-8000", Keys.ENTER);

            browser.waitUntil(ExpectedConditions.urlToBe(browser.url("/console/numbers/13800138000")));
            assertThat(browser.heading()).isEqualTo("13800138000");
            assertThat(browser.text("reference-carrier")).isEqualTo("中国移动");
            assertThat(browser.text("panels")).contains("号段归属", "中国移动通信集团有限公司", "138");
            browser.screenshot("number-page.png");

            browser.find(By.id("header-number")).sendKeys("138 0013", Keys.ENTER);
            browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("number-problem")));
            assertThat(browser.text("number-problem")).isEqualTo("电话号码位数不对");
            assertThat(browser.find(By.id("number")).getDomProperty("value")).isEqualTo("138 0013");
        }
    }
}
