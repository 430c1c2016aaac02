package org.telereg.engine.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.telereg.engine.filing.HostingFinding.Kind.DOMAIN_FILED_WITH_OTHER_PROVIDER;
import static org.telereg.engine.filing.HostingFinding.Kind.INVALID_DOMAIN;
import static org.telereg.engine.filing.HostingFinding.Kind.INVALID_IP;
import static org.telereg.engine.filing.HostingFinding.Kind.IP_FILED_BY_OTHER;
import static org.telereg.engine.filing.HostingFinding.Kind.UNFILED_DOMAIN;
import static org.telereg.engine.filing.HostingFinding.Kind.UNFILED_IP;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrossCheckTests {

    private static final int ALIYUN = 1;
    private static final int TENCENT = 2;
    private static final int TELECOM = 3;
    private static final int SPONSOR = 4;

    private final CrossCheck.Builder builder = CrossCheck.builder();
    private final int exampleFiling = builder.filedDomain("example.com", ALIYUN);
    private final int shopFiling = builder.filedDomain("shop.example.com", TENCENT);
    private final int chineseFiling = builder.filedDomain("例子.中国", ALIYUN);
    private final int aliyunRange = builder.filedIpRange("203.0.113.0", "203.0.113.127", ALIYUN, TELECOM);
    private final int sponsorRange = builder.filedIpRange("203.0.113.128", "203.0.113.255", SPONSOR, TELECOM);
    private final int ipv6Range = builder.filedIpRange("240e:1::", "240e:1::ffff", TENCENT, TELECOM);
    private final CrossCheck check = builder.build();

    @Test
    void reportsNothingForDomainsFiledThroughTheProvider() {
        assertThat(domains(ALIYUN, "example.com", "WWW.EXAMPLE.COM.", "www.例子.中国"))
                .isEmpty();
    }

    @Test
    void reportsUnfiledDomainsAndDomainsFiledWithAnotherProviderInListOrder() {
        List<HostingFinding> findings =
                domains(ALIYUN, "unfiled.cn", "www.example.com", "m.shop.example.com", "例子.中国", "其他.中国");

        assertThat(findings)
                .containsExactly(
                        new HostingFinding(UNFILED_DOMAIN, "unfiled.cn", -1, -1),
                        new HostingFinding(DOMAIN_FILED_WITH_OTHER_PROVIDER, "m.shop.example.com", shopFiling, TENCENT),
                        new HostingFinding(UNFILED_DOMAIN, "其他.中国", -1, -1));
    }

    @Test
    void reportsTextThatIsNotADomainAndGoesOn() {
        List<HostingFinding> findings =
                domains(TENCENT, "", "exa_mple.com", "http://shop.example.com", "shop.example.com", "example.com");

        assertThat(findings)
                .extracting(HostingFinding::kind)
                .containsExactly(INVALID_DOMAIN, INVALID_DOMAIN, INVALID_DOMAIN, DOMAIN_FILED_WITH_OTHER_PROVIDER);
        assertThat(findings.get(3))
                .isEqualTo(new HostingFinding(DOMAIN_FILED_WITH_OTHER_PROVIDER, "example.com", exampleFiling, ALIYUN));
        assertThat(findings.get(1).value()).isEqualTo("exa_mple.com");
    }

    @Test
    void acceptsAddressesFiledWithTheProviderAsUserOrAllocatingIsp() {
        assertThat(ips(ALIYUN, "203.0.113.0", "203.0.113.127", "::ffff:203.0.113.5"))
                .isEmpty();
        assertThat(ips(TELECOM, "203.0.113.1", "203.0.113.200", "240e:1::1")).isEmpty();
        assertThat(ips(TENCENT, "240E:1:0::ABCD")).isEmpty();
    }

    @Test
    void reportsUnfiledAddressesAndAddressesFiledByAnotherUnit() {
        List<HostingFinding> findings =
                ips(ALIYUN, "203.0.113.128", "198.51.100.1", "203.0.113.127", "240e:1::1", "240e:1::1:0");

        assertThat(findings)
                .containsExactly(
                        new HostingFinding(IP_FILED_BY_OTHER, "203.0.113.128", sponsorRange, SPONSOR),
                        new HostingFinding(UNFILED_IP, "198.51.100.1", -1, -1),
                        new HostingFinding(IP_FILED_BY_OTHER, "240e:1::1", ipv6Range, TENCENT),
                        new HostingFinding(UNFILED_IP, "240e:1::1:0", -1, -1));
    }

    @Test
    void reportsTextThatIsNotAnAddressAndGoesOn() {
        List<HostingFinding> findings = ips(ALIYUN, "203.0.113.010", "203.0.113", "example.com", "", "203.0.113.9");

        assertThat(findings)
                .extracting(HostingFinding::kind)
                .containsOnly(INVALID_IP)
                .hasSize(4);
        assertThat(findings)
                .extracting(HostingFinding::value)
                .containsExactly("203.0.113.010", "203.0.113", "example.com", "");
    }

    @Test
    void numbersFilingsInTheOrderAddedPerKind() {
        assertThat(List.of(exampleFiling, shopFiling, chineseFiling)).containsExactly(0, 1, 2);
        assertThat(List.of(aliyunRange, sponsorRange, ipv6Range)).containsExactly(0, 1, 2);
    }

    @Test
    void refusesABadFilingWithoutCountingIt() {
        CrossCheck.Builder bad = CrossCheck.builder();

        assertThatThrownBy(() -> bad.filedDomain("not a domain", ALIYUN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> bad.filedIpRange("10.0.0.9", "10.0.0.1", ALIYUN, TELECOM))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> bad.filedIpRange("10.0.0.1", "::1", ALIYUN, TELECOM))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(bad.filedDomain("example.com", ALIYUN)).isZero();
        assertThat(bad.filedIpRange("10.0.0.0", "10.0.0.255", ALIYUN, TELECOM)).isZero();
    }

    @Test
    void growsPastItsFirstArrays() {
        CrossCheck.Builder many = CrossCheck.builder();
        for (int i = 0; i < 1_000; i++) {
            many.filedDomain("site" + i + ".cn", i);
            many.filedIpRange("10.0." + i / 256 + "." + i % 256, "10.0." + i / 256 + "." + i % 256, i, TELECOM);
        }
        CrossCheck big = many.build();
        List<HostingFinding> findings = new ArrayList<>();

        big.checkDomains(999, List.of("www.site999.cn", "site998.cn"), findings::add);
        big.checkIps(999, List.of("10.0.3.231", "10.0.3.230"), findings::add);

        assertThat(findings)
                .containsExactly(
                        new HostingFinding(DOMAIN_FILED_WITH_OTHER_PROVIDER, "site998.cn", 998, 998),
                        new HostingFinding(IP_FILED_BY_OTHER, "10.0.3.230", 998, 998));
    }

    private List<HostingFinding> domains(int provider, String... hosted) {
        List<HostingFinding> findings = new ArrayList<>();
        check.checkDomains(provider, Arrays.asList(hosted), findings::add);
        return findings;
    }

    private List<HostingFinding> ips(int provider, String... hosted) {
        List<HostingFinding> findings = new ArrayList<>();
        check.checkIps(provider, Arrays.asList(hosted), findings::add);
        return findings;
    }
}
