package org.telereg.platform.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DnsChecksTests {

    @Test
    void resolvesAddressesOfBothFamiliesAndTellsMissingNamesFromNamesWithoutAddresses() throws Exception {
        try (DnsTestServer server = new DnsTestServer()) {
            server.host("www.example.cn", "192.0.2.10", "2001:db8::10")
                    .host("v4only.example.cn", "198.51.100.7")
                    .emptyName("mail-only.example.cn");
            DnsChecks dns = new DnsChecks(server.settings());

            Map<String, DnsAnswer> answers = dns.resolve(
                    List.of("www.example.cn", "v4only.example.cn", "mail-only.example.cn", "gone.example.cn"));

            assertThat(answers.get("www.example.cn").outcome()).isEqualTo(DnsAnswer.Outcome.RESOLVED);
            assertThat(answers.get("www.example.cn").addresses())
                    .containsExactlyInAnyOrder("192.0.2.10", "2001:db8::10");
            assertThat(answers.get("v4only.example.cn").addresses()).containsExactly("198.51.100.7");
            assertThat(answers.get("mail-only.example.cn").outcome()).isEqualTo(DnsAnswer.Outcome.NO_ADDRESS);
            assertThat(answers.get("mail-only.example.cn").doesNotResolve()).isTrue();
            assertThat(answers.get("gone.example.cn").outcome()).isEqualTo(DnsAnswer.Outcome.NXDOMAIN);
        }
    }

    @Test
    void aServerThatNeverAnswersIsAFailureNotADeadDomain() throws Exception {
        try (DatagramSocket silent = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            DnsChecks dns = new DnsChecks(
                    new DnsSettings(List.of("127.0.0.1:" + silent.getLocalPort()), Duration.ofMillis(300), 2));

            DnsAnswer answer = dns.resolve(List.of("www.example.cn")).get("www.example.cn");

            assertThat(answer.outcome()).isEqualTo(DnsAnswer.Outcome.FAILED);
            assertThat(answer.doesNotResolve()).isFalse();
        }
    }

    @Test
    void withNoServerConfiguredTheChecksAreOff() {
        DnsChecks dns = new DnsChecks(new DnsSettings(List.of(" "), Duration.ofSeconds(1), 1));

        assertThat(dns.enabled()).isFalse();
        assertThatThrownBy(() -> dns.resolve(List.of("example.cn"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void serverAddressesTakeAnOptionalPort() {
        assertThat(DnsChecks.address("127.0.0.1:5353").getPort()).isEqualTo(5353);
        assertThat(DnsChecks.address("192.0.2.53").getPort()).isEqualTo(53);
        assertThat(DnsChecks.address("[::1]:5300").getPort()).isEqualTo(5300);
    }
}
