package org.telereg.platform.netsec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.telereg.platform.Browser;
import org.telereg.platform.BrowserIntegrationTest;

/**
 * A grading filing in a real browser, in Chinese: 中国移动's user registers a Guangdong unit, grades it
 * with the expert review and files it; Guangdong's officer finds it in the queue and approves it.
 */
@BrowserIntegrationTest
class ProtectionBrowserIntegrationTests {

    @LocalServerPort
    private int port;

    @Autowired
    ProtectionUnits units;

    @Test
    void anOperatorFilesAGradingAndItsProvinceApprovesIt() throws Exception {
        String name = "浏览器测试单元-" + UUID.randomUUID().toString().substring(0, 6);
        try (Browser browser = Browser.open(port)) {
            browser.signIn("cmcc");
            browser.get("/console/netsec/units?lang=zh_CN");
            browser.submit(By.id("new-unit"));
            browser.find(By.id("name")).sendKeys(name);
            new Select(browser.find(By.id("kind"))).selectByValue("IDC");
            new Select(browser.find(By.id("provinceCode"))).selectByValue("44");
            browser.submit(By.id("register-unit"));
            assertThat(browser.text("done")).isEqualTo("网络单元已登记，请定级并组织专家评审。");
            assertThat(browser.text("unit-status")).isEqualTo("未定级");
            String url = browser.driver().getCurrentUrl();
            long id = Long.parseLong(url.substring(url.lastIndexOf('/') + 1));

            new Select(browser.find(By.id("grade"))).selectByValue("3");
            browser.find(By.id("impactObjects")).sendKeys("社会秩序、公共利益");
            browser.find(By.id("impactDegree")).sendKeys("严重损害");
            browser.date("reviewedOn", units.today());
            browser.find(By.id("experts")).sendKeys("张三、李四、王五");
            browser.find(By.id("reviewConclusion")).sendKeys("定级准确，同意按三级防护");
            browser.submit(By.id("save-grading"));
            assertThat(browser.text("unit-status")).isEqualTo("待备案");
            assertThat(browser.text("filing-due")).contains("剩余 30 天");
            browser.clickAndAccept(By.id("file-grading"));
            assertThat(browser.text("done")).isEqualTo("定级备案已提交，等待主管部门审核。");
            assertThat(browser.text("unit-status")).isEqualTo("已备案待审核");
            browser.signOut();

            browser.signIn("gd");
            browser.get("/console/netsec/units/queue?lang=zh_CN");
            browser.submit(By.cssSelector("#queued-" + id + " a"));
            browser.clickAndAccept(By.id("approve"));
            assertThat(browser.text("done")).isEqualTo("定级备案已通过。");
            assertThat(browser.text("unit-status")).isEqualTo("备案通过");
            assertThat(browser.text("unit-grade")).isEqualTo("3级（" + units.today() + " 备案通过）");
            assertThat(browser.find(By.id("unit-schedule")).getText()).contains("符合性评测", "风险评估");
        }
    }
}
