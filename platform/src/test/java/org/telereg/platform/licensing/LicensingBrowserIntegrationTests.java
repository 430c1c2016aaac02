package org.telereg.platform.licensing;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.telereg.platform.Browser;
import org.telereg.platform.BrowserIntegrationTest;

/**
 * A licence application in a real browser: China Mobile applies in its console with an attachment,
 * the Beijing administration accepts it and grants it, and the certificate downloads as a PDF that
 * carries the new number and the company's Chinese name.
 */
@BrowserIntegrationTest
class LicensingBrowserIntegrationTests {

    @LocalServerPort
    private int port;

    @Test
    void anOperatorAppliesTheAdministrationGrantsAndTheCertificateDownloads() throws Exception {
        Path plan = Files.createTempFile("technical-plan", ".pdf");
        Files.write(
                plan,
                "%PDF-1.4\n% 技术方案\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.UTF_8));

        try (Browser browser = Browser.open(port)) {
            browser.signIn("cmcc");
            browser.get("/console/licensing/applications");
            browser.submit(By.id("new-application"));
            browser.find(By.id("legalRepresentative")).sendKeys("杨杰");
            browser.find(By.id("address")).sendKeys("北京市西城区金融大街 29 号");
            browser.find(By.id("registeredCapital")).sendKeys("3000万");
            new Select(browser.find(By.id("kinds"))).selectByValue("B25");
            new Select(browser.find(By.id("coverage"))).selectByValue("11");
            browser.find(By.id("investors[0].name")).sendKeys("中国移动通信有限公司");
            browser.find(By.id("investors[0].idNumber")).sendKeys("110105198001010032");
            browser.find(By.id("investors[0].share")).sendKeys("100");
            browser.find(By.id("managers[0].name")).sendKeys("李华");
            browser.find(By.id("managers[0].idNumber")).sendKeys("110105198203150017");
            browser.find(By.id("managers[0].position")).sendKeys("总经理");
            browser.find(By.id("files")).sendKeys(plan.toAbsolutePath().toString());
            browser.submit(By.id("submit-application"));
            browser.waitUntil(ExpectedConditions.textToBe(By.id("application-status"), "待审查"));
            assertThat(browser.find(By.id("attachments")).getText()).contains("technical-plan");
            assertThat(browser.find(By.id("parties")).getText())
                    .contains("110105********0032")
                    .doesNotContain("110105198001010032");
            String applicationUrl = browser.driver().getCurrentUrl();
            browser.signOut();

            browser.signIn("bj");
            browser.driver().get(applicationUrl);
            assertThat(browser.text("countdown")).contains("材料审查期限");
            browser.submit(By.id("accept"));
            browser.waitUntil(ExpectedConditions.textToBe(By.id("application-status"), "已受理"));
            // China Mobile's demo network units carry overdue security duties: the gate names them as
            // hints, and nothing stops the grant.
            assertThat(browser.text("gate")).contains("提示", "网络单元“移动核心网（全国）”").doesNotContain("拦截");
            assertThat(browser.text("conditions")).contains("注册资本不少于 1,000,000 元");
            browser.clickAndAccept(By.id("grant"));
            browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("licence-number")));
            String number = browser.text("licence-number");
            assertThat(number).matches("京B2-\\d{8}");
            assertThat(browser.text("licence-status")).isEqualTo("有效");
            browser.screenshot("licence-granted.png");

            String certificate = browser.find(By.id("certificate")).getAttribute("href");
            Cookie session = browser.driver().manage().getCookieNamed("JSESSIONID");
            HttpResponse<byte[]> pdf = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(certificate))
                                    .header("Cookie", "JSESSIONID=" + session.getValue())
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
            assertThat(pdf.statusCode()).isEqualTo(200);
            assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
            PdfReader reader = new PdfReader(pdf.body());
            String text = new PdfTextExtractor(reader).getTextFromPage(1);
            assertThat(text).contains(number).contains("中国移动通信集团有限公司").contains("北京市通信管理局");
        } finally {
            Files.deleteIfExists(plan);
        }
    }
}
