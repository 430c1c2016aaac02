package org.telereg.platform.filing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.telereg.platform.Browser;
import org.telereg.platform.BrowserIntegrationTest;
import org.telereg.platform.access.AccessManagement;

/**
 * A filing in a real browser, in Chinese: the sponsor applies on the portal for a website and an App
 * (the second row added by the form's script) and gets a tracking number;
 * the access provider (isp) checks it with its check-sheet and a photo; the sponsor enters the SMS code
 * the logging sender kept; Guangdong's officer approves, and the portal shows the numbers.
 */
@BrowserIntegrationTest
class FilingApplicationBrowserIntegrationTests {

    @LocalServerPort
    private int port;

    @Autowired
    DomainRegistrations registrations;

    @Autowired
    AccessManagement access;

    @Autowired
    LoggingSmsSender sms;

    @Test
    void fromPortalSubmissionThroughCheckAndSmsToTheApprovedNumber() throws Exception {
        String sponsor = FilingFixtures.sponsorName();
        String domain = FilingFixtures.domain();
        String identifier = "cn.example.browser" + System.nanoTime();
        FilingFixtures.register(registrations, domain, sponsor);
        String phone = FilingFixtures.mobile();
        Path photo = Files.createTempFile("check-", ".png");
        Files.write(photo, FilingFixtures.PNG);

        try (Browser browser = Browser.open(port)) {
            browser.get("/public/filing/apply?lang=zh_CN");
            type(browser, "sponsorName", sponsor);
            type(browser, "certificateNumber", FilingFixtures.creditCode());
            type(browser, "cityCode", "440100");
            type(browser, "countyCode", "440106");
            type(browser, "address", "广州市天河区测试路1号");
            type(browser, "principalName", "张三");
            type(browser, "principalIdNumber", FilingFixtures.residentId());
            type(browser, "principalPhone", phone);
            new Select(browser.find(By.id("accessProvider"))).selectByVisibleText("示例云计算服务有限公司");
            type(browser, "services[0].name", "浏览器测试网站");
            type(browser, "services[0].domains", domain);
            type(browser, "services[0].responsibleName", "李四");
            type(browser, "services[0].responsibleIdNumber", FilingFixtures.residentId());
            type(browser, "services[0].responsiblePhone", FilingFixtures.mobile());
            // A second service in the same application: a row the page's script adds, an App.
            browser.click(By.id("add-service"));
            new Select(browser.find(By.id("services[1].kind"))).selectByVisibleText("App");
            assertThat(browser.find(By.id("services[1].domains")).isDisplayed()).isFalse();
            type(browser, "services[1].name", "浏览器测试App");
            type(browser, "services[1].appIdentifier", identifier);
            type(browser, "services[1].responsibleName", "王五");
            type(browser, "services[1].responsibleIdNumber", FilingFixtures.residentId());
            type(browser, "services[1].responsiblePhone", FilingFixtures.mobile());
            browser.submit(By.id("submit-application"));
            assertThat(browser.text("submitted")).startsWith("备案申请已提交");
            String tracking = browser.text("tracking-number");
            assertThat(browser.text("status")).isEqualTo("待接入核验");

            browser.signIn("isp");
            browser.get("/console/filing/applications?status=SUBMITTED&lang=zh_CN");
            browser.submit(By.xpath("//tr[td[text()='" + tracking + "']]//a"));
            assertThat(browser.text("application-status")).isEqualTo("待接入核验");
            for (CheckItem item : CheckItem.values()) {
                browser.click(By.id("check-" + item.name()));
            }
            browser.find(By.id("photo")).sendKeys(photo.toString());
            browser.clickAndAccept(By.id("verify-application"));
            assertThat(browser.text("done")).isEqualTo("核验完成，短信验证码已发送至负责人手机。");
            assertThat(browser.text("application-status")).isEqualTo("待短信核验");
            browser.signOut();

            Matcher code = Pattern.compile("核验码为(\\d{6})")
                    .matcher(sms.lastMessage(phone).orElseThrow());
            assertThat(code.find()).isTrue();
            browser.get("/public/filing/apply/track?no=" + tracking + "&lang=zh_CN");
            type(browser, "code", code.group(1));
            browser.submit(By.id("confirm-code"));
            assertThat(browser.text("confirmed")).isEqualTo("短信核验通过，申请已提交管局审核。");
            assertThat(browser.text("status")).isEqualTo("管局审核中");

            browser.signIn("gd");
            browser.get("/console/filing/applications?status=UNDER_REVIEW&lang=zh_CN");
            assertThat(browser.find(By.xpath("//tr[td[text()='" + tracking + "']]"))
                            .getText())
                    .contains("剩余20个工作日");
            browser.submit(By.xpath("//tr[td[text()='" + tracking + "']]//a"));
            browser.clickAndAccept(By.id("approve-application"));
            assertThat(browser.text("application-status")).isEqualTo("审核通过");
            String subjectNumber = browser.text("subject-number");
            assertThat(subjectNumber).matches("粤ICP备\\d{10}号");
            browser.signOut();

            browser.get("/public/filing/apply/track?no=" + tracking + "&lang=zh_CN");
            assertThat(browser.text("subject-number")).isEqualTo(subjectNumber);
            assertThat(browser.driver().findElements(By.className("service-number")))
                    .extracting(org.openqa.selenium.WebElement::getText)
                    .containsExactly(subjectNumber + "-1 浏览器测试网站", subjectNumber + "-2A 浏览器测试App");
            browser.screenshot("filing-application-approved.png");
        } finally {
            Files.deleteIfExists(photo);
        }
    }

    private static void type(Browser browser, String id, String text) {
        browser.find(By.id(id)).sendKeys(text);
    }
}
