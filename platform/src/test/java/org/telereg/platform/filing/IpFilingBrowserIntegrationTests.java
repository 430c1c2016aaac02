package org.telereg.platform.filing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.telereg.platform.Browser;
import org.telereg.platform.BrowserIntegrationTest;
import org.telereg.platform.access.AccessManagement;

/**
 * IP filings and the blacklist in a real browser, in Chinese: Guangdong's officer files an access
 * provider's block, is refused a range overlapping it with the first address named, files a customer's
 * sub-allocation inside it; lists a gambling site; and a citizen finds the site on the public query page.
 */
@BrowserIntegrationTest
class IpFilingBrowserIntegrationTests {

    @LocalServerPort
    private int port;

    @Autowired
    AccessManagement access;

    @Test
    void anOfficerFilesRangesAndListsASiteThatACitizenThenFinds() throws Exception {
        // Two /24s of the shared address space that no other test files.
        int second = ThreadLocalRandom.current().nextInt(64, 128);
        int third = ThreadLocalRandom.current().nextInt(255);
        String block = "100." + second + "." + third;
        String next = "100." + second + "." + (third + 1);
        String provider = access.organisation("AP-DEMO").orElseThrow().creditCode();
        String site = "bt" + UUID.randomUUID().toString().substring(0, 8) + ".bet-test.cn";

        try (Browser browser = Browser.open(port)) {
            browser.signIn("gd");
            browser.get("/console/filing/ip?lang=zh_CN");
            fileRange(browser, block + ".0", block + ".255", "示例云计算服务有限公司", provider, "中国电信");
            assertThat(browser.text("done")).isEqualTo("已备案 " + block + ".0–" + block + ".255");

            fileRange(browser, block + ".200", next + ".10", "乙网络有限公司", "", "中国联通");
            WebElement first = browser.find(By.id("firstAddress"));
            assertThat(first.getAttribute("class")).contains("is-invalid");
            assertThat(first.findElement(By.xpath("following-sibling::div[contains(@class, 'invalid-feedback')]"))
                            .getText())
                    .contains("重叠", block + ".0–" + block + ".255", "示例云计算服务有限公司");
            assertThat(browser.find(By.id("userUnitName")).getAttribute("value"))
                    .isEqualTo("乙网络有限公司");

            browser.get("/console/filing/ip?lang=zh_CN");
            fileRange(browser, block + ".16", block + ".31", "客户甲科技有限公司", "", provider);
            assertThat(browser.text("done")).isEqualTo("已备案 " + block + ".16–" + block + ".31");
            browser.get("/console/filing/ip?lang=zh_CN&address=" + block + ".20");
            assertThat(browser.text("lookup-result")).contains("客户甲科技有限公司", "示例云计算服务有限公司");

            browser.get("/console/filing/blacklist?lang=zh_CN");
            new Select(browser.find(By.id("kind"))).selectByValue("DOMAIN");
            browser.find(By.id("target")).sendKeys("https://" + site + "/index.html");
            browser.find(By.id("name")).sendKeys("测试博彩网站");
            new Select(browser.find(By.id("severity"))).selectByValue("1");
            new Select(browser.find(By.id("category"))).selectByValue("GAMBLING");
            browser.find(By.id("reason")).sendKeys("境外赌博网站，公安机关通报");
            browser.submit(By.id("add-entry"));
            assertThat(browser.text("done")).isEqualTo("已列入名单");
            browser.signOut();

            browser.get("/public/filings?tab=blacklist&lang=zh_CN");
            browser.find(By.id("q")).sendKeys("m." + site);
            browser.submit(By.cssSelector("#register-search button[type=submit]"));
            String row = browser.find(By.cssSelector("#blacklist tbody tr")).getText();
            assertThat(row).contains(site, "测试博彩网站", "境外赌博网站");
            browser.screenshot("filing-blacklist-public.png");
        }
    }

    private static void fileRange(
            Browser browser, String first, String last, String unit, String unitCreditCode, String isp) {
        type(browser, "firstAddress", first);
        type(browser, "lastAddress", last);
        type(browser, "userUnitName", unit);
        type(browser, "userUnitCreditCode", unitCreditCode);
        new Select(browser.find(By.id("usage"))).selectByValue("IDC");
        type(browser, "allocatingIsp", isp);
        browser.submit(By.id("file-range"));
    }

    private static void type(Browser browser, String id, String text) {
        WebElement input = browser.find(By.id(id));
        input.clear();
        input.sendKeys(text);
    }
}
