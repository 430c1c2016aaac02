package org.telereg.platform.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Detecting what a search box holds, the webhook address rules, backoff and signature. */
class FilingQueryTests {

    private static WebhookSettings settings(boolean loopback, boolean internal) {
        return new WebhookSettings(
                Duration.ofSeconds(30),
                8,
                Duration.ofMinutes(1),
                Duration.ofSeconds(10),
                Duration.ofDays(3),
                loopback,
                internal,
                200,
                20);
    }

    @Test
    void detectsNumbersDomainsUrlsAndSponsorNames() {
        assertThat(FilingQuery.detect("粤ICP备2026012345号-1").by()).isEqualTo(FilingQuery.By.NUMBER);
        assertThat(FilingQuery.detect("粤icp备12号").by())
                .as("a mistyped number is still a number")
                .isEqualTo(FilingQuery.By.NUMBER);
        assertThat(FilingQuery.detect(" www.example.com ").by()).isEqualTo(FilingQuery.By.DOMAIN);
        assertThat(FilingQuery.detect("https://例子。中国/path").by()).isEqualTo(FilingQuery.By.DOMAIN);
        assertThat(FilingQuery.detect("深圳市腾讯计算机系统有限公司").by()).isEqualTo(FilingQuery.By.SPONSOR);
        assertThat(FilingQuery.detect("Example Co. Ltd").by()).isEqualTo(FilingQuery.By.SPONSOR);
    }

    @Test
    void takesTheHostOutOfAPastedUrl() {
        assertThat(FilingQuery.host("https://user:pw@www.Example.com:8443/a/b?c=d#e"))
                .isEqualTo("www.Example.com");
        assertThat(FilingQuery.host("example.com/path")).isEqualTo("example.com");
        assertThat(FilingQuery.host("例子。中国")).isEqualTo("例子.中国");
    }

    @Test
    void refusesInternalAddressesAndPlainHttpUnlessAllowed() throws Exception {
        assertThat(WebhookAddresses.check("https://203.0.113.9/hook", settings(false, false))
                        .getHost())
                .isEqualTo("203.0.113.9");
        for (String url : new String[] {
            "https://127.0.0.1/x", "https://10.0.0.1/x", "https://172.16.5.4/x", "https://192.168.0.1/x",
            "https://100.64.0.1/x", "https://169.254.169.254/x", "https://0.0.0.0/x", "https://[::1]/x",
            "https://[fe80::1]/x", "https://[fc00::1]/x", "https://[::ffff:10.0.0.1]/x"
        }) {
            assertThatThrownBy(() -> WebhookAddresses.check(url, settings(false, false)))
                    .as(url)
                    .isInstanceOfSatisfying(
                            WebhookAddresses.Refused.class,
                            e -> assertThat(e.reason).isEqualTo("address"));
        }
        assertThatThrownBy(() -> WebhookAddresses.check("http://203.0.113.9/x", settings(true, true)))
                .isInstanceOfSatisfying(
                        WebhookAddresses.Refused.class,
                        e -> assertThat(e.reason).isEqualTo("scheme"));
        assertThatThrownBy(() -> WebhookAddresses.check("https://u:p@203.0.113.9/x", settings(false, false)))
                .isInstanceOfSatisfying(
                        WebhookAddresses.Refused.class,
                        e -> assertThat(e.reason).isEqualTo("url"));
        assertThat(WebhookAddresses.check("http://127.0.0.1:8080/x", settings(true, false))
                        .getPort())
                .isEqualTo(8080);
        assertThat(WebhookAddresses.check("https://10.0.0.1/x", settings(false, true))
                        .getHost())
                .isEqualTo("10.0.0.1");
        assertThat(WebhookAddresses.internal(InetAddress.getByName("8.8.8.8"))).isFalse();
    }

    @Test
    void backoffDoublesFromTheFirstRetry() {
        WebhookSettings settings = settings(false, false);
        assertThat(settings.backoff(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.backoff(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(settings.backoff(4)).isEqualTo(Duration.ofMinutes(8));
    }

    @Test
    void theSignatureIsTheHmacOfTimestampDotBody() {
        // Reference value: printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac whsec_test
        assertThat(WebhookSignature.sign("whsec_test", "1700000000", "{\"a\":1}"))
                .isEqualTo("sha256=38877139021993b830af32feea6e18a8da83eb2f6e49ee50bd9e4cf4ca4d3789");
        assertThat(WebhookSignature.sign("whsec_test", "1700000000", "{\"a\":1}"))
                .isNotEqualTo(WebhookSignature.sign("whsec_test", "1700000001", "{\"a\":1}"));
    }
}
