package org.telereg.platform.appeals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.telereg.platform.Browser;
import org.telereg.platform.BrowserIntegrationTest;

/**
 * An appeal in a real browser: a user appeals on the portal, the Guangdong administration accepts it,
 * China Mobile responds in its console, the administration mediates and closes it, and the user
 * follows it by tracking number and rates the outcome.
 */
@BrowserIntegrationTest
class AppealBrowserIntegrationTests {

    @Autowired
    Clock clock;

    @LocalServerPort
    private int port;

    @Test
    void aUserAppealsTheOperatorRespondsTheAdministrationClosesAndTheUserRates() throws Exception {
        LocalDate today = LocalDate.now(clock);
        String phone = "1361234" + (1000 + System.nanoTime() % 9000);

        try (Browser browser = Browser.open(port)) {
            browser.get("/public");
            browser.submit(By.id("portal-appeal"));
            browser.find(By.id("complainantName")).sendKeys("陈晓燕");
            browser.find(By.id("complainantPhone")).sendKeys(phone);
            new Select(browser.find(By.id("respondentCode"))).selectByValue("OP-CMCC");
            new Select(browser.find(By.id("provinceCode"))).selectByValue("44");
            new Select(browser.find(By.id("subject"))).selectByValue("VALUE_ADDED_CHARGES");
            browser.date("occurredOn", today.minusDays(35));
            browser.find(By.id("request")).sendKeys("退还未经同意订购的视频会员费 25 元");
            browser.find(By.id("facts")).sendKeys("十月账单出现视频会员费，本人从未订购，营业厅称无法退费。");
            browser.date("operatorContactedOn", today.minusDays(30));
            new Select(browser.find(By.id("operatorContact"))).selectByValue("STORE");
            browser.date("operatorAnsweredOn", today.minusDays(25));
            browser.find(By.id("operatorAnswer")).sendKeys("订购记录有效，不予退费。");
            browser.submit(By.id("submit-appeal"));
            String tracking = browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("tracking-number")))
                    .getText();
            assertThat(tracking).startsWith("SS");

            browser.signIn("gd");
            browser.get("/console/appeals");
            browser.find(By.xpath("//tr[td[normalize-space()='" + tracking + "']]//a"))
                    .click();
            assertThat(browser.text("rules-outcome")).isEqualTo("已受理");
            assertThat(browser.text("complainant")).contains(phone);
            browser.submit(By.id("decide"));
            browser.waitUntil(ExpectedConditions.textToBe(By.id("appeal-status"), "已受理"));
            String appealUrl = browser.driver().getCurrentUrl();
            browser.signOut();

            browser.signIn("cmcc");
            browser.driver().get(appealUrl);
            browser.find(By.id("response-input")).sendKeys("经核实为渠道违规代订，已全额退还 25 元并处理相关人员。");
            browser.submit(By.id("respond"));
            browser.waitUntil(ExpectedConditions.textToBe(By.id("appeal-status"), "企业已回复，管局调解中"));
            browser.signOut();

            browser.signIn("gd");
            browser.driver().get(appealUrl);
            assertThat(browser.text("response")).contains("全额退还");
            browser.find(By.id("mediationRecord")).sendKeys("电话调解：企业已退费，申诉人表示接受。");
            new Select(browser.find(By.id("close-outcome"))).selectByValue("SETTLED");
            browser.submit(By.id("close"));
            browser.waitUntil(ExpectedConditions.textToBe(By.id("appeal-status"), "已办结"));
            browser.screenshot("appeal-closed.png");
            browser.signOut();

            browser.get("/public/appeals/track?no=" + tracking);
            assertThat(browser.text("status")).isEqualTo("已办结");
            assertThat(browser.text("outcome")).isEqualTo("调解成功");
            browser.find(By.id("phone")).sendKeys(phone);
            browser.click(By.id("rating-5"));
            browser.submit(By.id("rate"));
            browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("rating")));
            assertThat(browser.text("rating")).isEqualTo("很满意");
            browser.screenshot("appeal-rated.png");
        }
    }
}
