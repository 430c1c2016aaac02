package org.telereg.platform.antifraud;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.telereg.engine.fraud.CdrGenerator;
import org.telereg.engine.fraud.GeneratedCdrs;
import org.telereg.engine.fraud.GeneratorSettings;
import org.telereg.platform.Browser;
import org.telereg.platform.BrowserIntegrationTest;

/**
 * The anti-fraud loop in a real browser: an operator uploads a gzip call-record file and watches
 * the scan finish, the ministry confirms the top suspect from its number page, and the operator,
 * failing the second real-person check, suspends the number.
 */
@BrowserIntegrationTest
class FraudWorkflowBrowserIntegrationTests {

    @LocalServerPort
    private int port;

    @TempDir
    Path directory;

    @Test
    void operatorUploadsCallRecordsAndTheTopSuspectEndsSuspended() throws Exception {
        GeneratedCdrs generated =
                new CdrGenerator(GeneratorSettings.of(23, 300).withDays(7).withGzip(true)).writeTo(directory);

        try (Browser browser = Browser.open(port)) {
            browser.signIn("cmcc");
            browser.get("/console/antifraud/batches");
            browser.find(By.id("file"))
                    .sendKeys(generated.calls().toAbsolutePath().toString());
            browser.find(By.id("upload-batch")).click();
            // The table polls while the scan runs; the new batch is the first row.
            By firstStatus = By.cssSelector("#batches tbody tr:first-child td:nth-child(2) .badge");
            browser.waitUntil(ExpectedConditions.textToBe(firstStatus, "已完成"));
            assertThat(browser.find(By.cssSelector("#batches tbody tr:first-child .progress-bar"))
                            .getText())
                    .isEqualTo("100%");
            browser.find(By.cssSelector("#batches tbody tr:first-child a")).click();

            browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.id("scan-results")));
            assertThat(browser.find(By.cssSelector("#scan-results tbody tr:first-child td:nth-child(4)"))
                            .getText())
                    .isEqualTo("待研判");
            String caseUrl = browser.find(By.cssSelector("#scan-results tbody tr:first-child a"))
                    .getDomProperty("href");
            browser.screenshot("fraud-batch.png");
            browser.signOut();

            browser.signIn("officer");
            browser.driver().get(caseUrl);
            assertThat(browser.text("case-status")).isEqualTo("待研判");
            browser.waitUntil(
                    ExpectedConditions.attributeToBeNotEmpty(browser.find(By.id("day-chart")), "data-rendered"));
            assertThat(browser.text("case-reasons")).isNotBlank();
            browser.clickAndAccept(By.id("confirm"));
            browser.waitUntil(ExpectedConditions.textToBe(By.id("case-status"), "已确认，待核验"));
            assertThat(browser.text("deadline")).isNotBlank();
            browser.screenshot("fraud-confirmed.png");
            browser.signOut();

            browser.signIn("cmcc");
            browser.driver().get(caseUrl);
            browser.clickAndAccept(By.id("failed"));
            browser.waitUntil(ExpectedConditions.textToBe(By.id("case-status"), "已停机"));
            assertThat(browser.text("case-history")).contains("确认").contains("停机");
            browser.screenshot("fraud-suspended.png");
        }
    }
}
