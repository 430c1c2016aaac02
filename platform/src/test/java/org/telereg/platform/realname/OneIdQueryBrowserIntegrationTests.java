package org.telereg.platform.realname;

import static org.assertj.core.api.Assertions.assertThat;
import static org.telereg.platform.realname.Subscribers.register;
import static org.telereg.platform.realname.Subscribers.residentId;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.telereg.platform.Browser;
import org.telereg.platform.BrowserIntegrationTest;
import org.telereg.platform.access.AccessManagement;

/**
 * 一证通查 in a real browser, in Chinese: from the portal home, the citizen gives ID, name and phone,
 * types the code the phone received and reads how many numbers each operator holds under the ID.
 */
@BrowserIntegrationTest
class OneIdQueryBrowserIntegrationTests {

    @LocalServerPort
    private int port;

    @Autowired
    SnapshotImport imports;

    @Autowired
    AccessManagement access;

    @Autowired
    UserDetailsService users;

    @Autowired
    LoggingOneTimeCodeSender sender;

    @Test
    void aCitizenLooksUpTheNumbersUnderTheirId() throws Exception {
        String id = residentId();
        List<String> numbers = register(imports, access, users, id, "网查用户", 2, 1);

        try (Browser browser = Browser.open(port)) {
            browser.get("/public?lang=zh_CN");
            browser.submit(By.id("portal-cards"));
            assertThat(browser.heading()).isEqualTo("一证通查");
            browser.find(By.id("idNumber")).sendKeys(id);
            browser.find(By.id("name")).sendKeys("网查用户");
            browser.find(By.id("phone")).sendKeys(numbers.get(2));
            browser.submit(By.id("request-code"));
            String sent = browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("code-sent")))
                    .getText();
            assertThat(sent).isEqualTo("如填写的信息无误，验证码已发送到该手机号码，5 分钟内有效。");

            browser.find(By.id("code"))
                    .sendKeys(sender.lastCodeTo(numbers.get(2)).orElseThrow());
            browser.submit(By.id("submit-code"));
            String total = browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("query-total")))
                    .getText();

            assertThat(total).isEqualTo("您的证件名下共有 3 个电话号码（不含已销户号码）：");
            List<WebElement> rows = browser.driver().findElements(By.cssSelector("#query-operators tbody tr"));
            assertThat(rows)
                    .extracting(row -> row.findElement(By.className("operator-name"))
                                    .getText() + " "
                            + row.findElement(By.className("operator-cards")).getText())
                    .containsExactly("中国移动通信集团有限公司 2", "中国联合网络通信集团有限公司 1");
            assertThat(browser.driver().getPageSource()).doesNotContain(numbers.get(0), numbers.get(2));
            browser.screenshot("one-id-query.png");
        }
    }
}
