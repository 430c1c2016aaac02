package org.telereg.platform.spam;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.telereg.platform.Browser;
import org.telereg.platform.BrowserIntegrationTest;

/**
 * A citizen's report in a real browser, from the public form to the operator's answer and back to
 * the citizen's tracking page.
 */
@BrowserIntegrationTest
class ReportBrowserIntegrationTests {

    @LocalServerPort
    private int port;

    @TempDir
    Path directory;

    @Test
    void citizenReportsAFraudSmsTheOperatorAnswersAndTheCitizenSeesTheOutcome() throws Exception {
        Path screenshot = directory.resolve("短信截图.png");
        ImageIO.write(new BufferedImage(120, 200, BufferedImage.TYPE_INT_RGB), "png", screenshot.toFile());
        // A China Mobile number: the report goes to China Mobile's queue.
        String sender = "13800138" + (100 + (System.nanoTime() % 900));

        try (Browser browser = Browser.open(port)) {
            browser.get("/public/reports/new");
            new Select(browser.find(By.id("category"))).selectByValue("FRAUD_SMS");
            browser.find(By.id("reportedParty")).sendKeys(sender);
            browser.find(By.id("content")).sendKeys("【顺丰】您的快递丢失，理赔请加微信 kf8899 或点击 http://sf-lp.cn/p 办理，逾期作废");
            browser.find(By.id("reporterPhone")).sendKeys("13912345678");
            browser.find(By.id("screenshot"))
                    .sendKeys(screenshot.toAbsolutePath().toString());
            browser.find(By.id("submit-report")).click();
            String tracking = browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("tracking-number")))
                    .getText();
            assertThat(tracking).isNotBlank();

            browser.signIn("cmcc");
            browser.get("/console/spam");
            browser.find(By.xpath("//tr[td[normalize-space()='" + tracking + "']]//a"))
                    .click();
            assertThat(browser.text("report-status")).isEqualTo("已转交责任企业");
            assertThat(browser.text("screening")).contains("诈骗");
            new Select(browser.find(By.id("action"))).selectByValue("NUMBER_STOPPED");
            browser.find(By.id("note")).sendKeys("已核实，关停该号码");
            browser.find(By.id("answer")).click();
            browser.waitUntil(ExpectedConditions.textToBe(By.id("report-status"), "已处理"));
            browser.screenshot("spam-answered.png");
            browser.signOut();

            browser.get("/public/reports/track?no=" + tracking);
            assertThat(browser.text("report-status")).contains("已处理").contains("停止号码服务");
        }
    }
}
