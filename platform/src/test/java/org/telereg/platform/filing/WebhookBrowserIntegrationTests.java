package org.telereg.platform.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.telereg.platform.filing.FilingFixtures.enterprise;
import static org.telereg.platform.filing.FilingFixtures.register;
import static org.telereg.platform.filing.FilingFixtures.website;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
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
import org.telereg.platform.access.OrganisationView;

/**
 * A change subscription in a real browser, in Chinese: the access provider subscribes its receiver (a
 * real HTTP server on loopback) to Guangdong's approvals and sees the secret once; a filing is approved;
 * the delivery shows on the subscription's page as delivered, and the receiver got the signed body.
 */
@BrowserIntegrationTest
class WebhookBrowserIntegrationTests {

    private static final Pattern CODE = Pattern.compile("核验码为(\\d{6})");

    @LocalServerPort
    private int port;

    @Autowired
    Clock clock;

    @Autowired
    FilingApplications applications;

    @Autowired
    DomainRegistrations registrations;

    @Autowired
    AccessManagement access;

    @Autowired
    LoggingSmsSender sms;

    @Autowired
    WebhookDispatcher dispatcher;

    @Test
    void aProviderSubscribesAndSeesTheDeliveryOfAnApproval() throws Exception {
        ConcurrentLinkedQueue<List<String>> received = new ConcurrentLinkedQueue<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            received.add(List.of(
                    exchange.getRequestHeaders().getFirst("X-TeleReg-Signature"),
                    exchange.getRequestHeaders().getFirst("X-TeleReg-Timestamp"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
        try (Browser browser = Browser.open(port)) {
            browser.signIn("isp");
            browser.get("/console/filing/webhooks?lang=zh_CN");
            browser.find(By.id("url")).clear();
            browser.find(By.id("url")).sendKeys(url);
            new Select(browser.find(By.id("provinces"))).selectByVisibleText("广东省");
            browser.click(By.id("change-APPROVED"));
            browser.submit(By.id("subscribe"));
            String secret = browser.text("secret");
            assertThat(secret).startsWith("whsec_");
            assertThat(browser.text("webhook-provinces")).isEqualTo("广东省");
            assertThat(browser.text("webhook-changes")).isEqualTo("备案通过");
            assertThat(browser.text("no-deliveries")).isEqualTo("还没有投递。备案发生变更后将在这里列出。");
            String page = browser.driver().getCurrentUrl();

            ApplicationView approved = approveAFiling();
            dispatcher.dispatchDue(clock.instant());

            browser.driver().get(page);
            String delivery =
                    browser.find(By.cssSelector("#deliveries tbody tr")).getText();
            assertThat(delivery).contains("备案通过", approved.subjectNumber(), "已投递", "HTTP 204");
            assertThat(browser.text("webhook-status")).isEqualTo("正常");
            assertThat(received).hasSize(1);
            List<String> request = received.peek();
            assertThat(request.get(2)).contains("\"event\":\"filing.approved\"", approved.subjectNumber());
            assertThat(request.get(0)).isEqualTo(WebhookSignature.sign(secret, request.get(1), request.get(2)));

            browser.get("/console/filing/webhooks?lang=zh_CN");
            assertThat(browser.find(By.xpath("//tr[td[text()='" + url + "']]")).getText())
                    .contains("广东省", "备案通过", "正常", "1 / 0 / 0");
            browser.screenshot("filing-webhook-delivered.png");
        } finally {
            receiver.stop(0);
        }
    }

    /** A Guangdong enterprise's website, submitted, checked by its provider, confirmed by SMS and approved. */
    private ApplicationView approveAFiling() {
        OrganisationView provider = FilingFixtures.apDemo(access);
        String sponsor = FilingFixtures.sponsorName();
        String domain = FilingFixtures.domain();
        register(registrations, domain, sponsor);
        ApplicationView submitted = applications.submit(
                null,
                enterprise(
                        sponsor,
                        FilingFixtures.creditCode(),
                        provider.creditCode(),
                        List.of(website("订阅测试网站", domain))));
        ApplicationView checked = applications.verify(
                FilingFixtures.provider(provider),
                submitted.id(),
                EnumSet.allOf(CheckItem.class),
                "photo.png",
                FilingFixtures.PNG);
        Matcher code = CODE.matcher(sms.lastMessage(checked.principalPhone()).orElseThrow());
        assertThat(code.find()).isTrue();
        ApplicationView reviewing = applications.confirmSms(checked.trackingNumber(), code.group(1));
        return applications.approve(FilingFixtures.officer("44"), reviewing.id(), null);
    }
}
