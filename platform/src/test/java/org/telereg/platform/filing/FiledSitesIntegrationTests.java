package org.telereg.platform.filing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.telereg.engine.filing.IpAddresses;
import org.telereg.platform.PlatformIntegrationTest;

@PlatformIntegrationTest
class FiledSitesIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FiledSites sites;

    @Autowired
    FiledAddressBackfill backfill;

    @Test
    void aBlockFindsTheActiveServicesFiledInsideItAndOnlyThose() {
        long subject = RegisterFixtures.subject(
                jdbc, "浙ICP备2026990101号", "33", "ENTERPRISE", "地址块测试有限公司", "91330100MA2BLOCK1X", "ACTIVE");
        long inside = service(subject, "浙ICP备2026990101号-1", "ACTIVE");
        long upper = service(subject, "浙ICP备2026990101号-2", "ACTIVE");
        long lapsed = service(subject, "浙ICP备2026990101号-3", "LAPSED");
        long outside = service(subject, "浙ICP备2026990101号-4", "ACTIVE");
        ServiceAddresses.addToService(jdbc, inside, "198.18.7.1");
        ServiceAddresses.addToService(jdbc, inside, "2001:db8:7::1");
        ServiceAddresses.addToService(jdbc, upper, "198.18.7.200");
        ServiceAddresses.addToService(jdbc, lapsed, "198.18.7.5");
        ServiceAddresses.addToService(jdbc, outside, "198.18.8.0");

        assertThat(hexOf(inside, "198.18.7.1")).isEqualTo("00000000000000000000ffffc6120701");
        assertThat(found("198.18.7.0", 24)).containsExactly(inside + " 198.18.7.1", upper + " 198.18.7.200");
        assertThat(found("198.18.7.128", 25)).containsExactly(upper + " 198.18.7.200");
        assertThat(found("198.18.0.0", 15))
                .filteredOn(site -> site.startsWith(outside + " ") || site.startsWith(inside + " "))
                .containsExactly(inside + " 198.18.7.1", outside + " 198.18.8.0");
        assertThat(found("2001:db8:7::", 48)).containsExactly(inside + " 2001:db8:7::1");
        // The IPv4-mapped range holds the hex form of every IPv4 address, but an IPv6 block finds IPv6 addresses.
        assertThat(found("::ffff:0:0", 96)).noneMatch(site -> site.startsWith(inside + " "));
    }

    @Test
    void addressesWrittenBeforeTheHexFormAreFoundThenFilledWhenThePlatformStarts() {
        long subject = RegisterFixtures.subject(
                jdbc, "浙ICP备2026990102号", "33", "ENTERPRISE", "旧地址测试有限公司", "91330100MA2BLOCK2X", "ACTIVE");
        long site = service(subject, "浙ICP备2026990102号-1", "ACTIVE");
        // As the register held them before migration V9: no hex form, and text that a hand edit left behind.
        for (String address : List.of("198.18.9.9", "2001:db8:9::9", "198.18.9.x")) {
            jdbc.sql("insert into filing_service_ip (service_id, address) values (:id, :address)")
                    .param("id", site)
                    .param("address", address)
                    .update();
        }
        assertThat(found("198.18.9.0", 24)).containsExactly(site + " 198.18.9.9");

        assertThat(backfill.fill("filing_service_ip", "service_id")).isGreaterThanOrEqualTo(2);

        assertThat(hexOf(site, "198.18.9.9")).isEqualTo("00000000000000000000ffffc6120909");
        assertThat(hexOf(site, "2001:db8:9::9")).isEqualTo("20010db8000900000000000000000009");
        assertThat(hexOf(site, "198.18.9.x")).isNull();
        assertThat(found("198.18.9.0", 24)).containsExactly(site + " 198.18.9.9");
        assertThat(found("2001:db8:9::", 48)).containsExactly(site + " 2001:db8:9::9");
        assertThat(backfill.fill("filing_service_ip", "service_id")).isZero();
    }

    @Test
    void proposedAddressesWrittenBeforeTheHexFormAreFilledToo() {
        long proposed = jdbc.sql("select min(id) from filing_application_service")
                .query(Long.class)
                .single();
        jdbc.sql("insert into filing_application_ip (application_service_id, address) values (:id, '198.18.10.1')")
                .param("id", proposed)
                .update();
        try {
            assertThat(backfill.fill("filing_application_ip", "application_service_id"))
                    .isEqualTo(1);
            assertThat(jdbc.sql("select address_hex from filing_application_ip where application_service_id = :id"
                                    + " and address = '198.18.10.1'")
                            .param("id", proposed)
                            .query(String.class)
                            .single())
                    .isEqualTo("00000000000000000000ffffc6120a01");
        } finally {
            jdbc.sql("delete from filing_application_ip where application_service_id = :id and address = '198.18.10.1'")
                    .param("id", proposed)
                    .update();
        }
    }

    private long service(long subject, String number, String status) {
        return RegisterFixtures.service(jdbc, subject, number, "WEBSITE", "地址块测试站", null, null, status);
    }

    private List<String> found(String network, int prefixLength) {
        return sites.inBlock(IpAddresses.parse(network), prefixLength).stream()
                .map(site -> site.serviceId() + " " + site.matched())
                .toList();
    }

    private String hexOf(long service, String address) {
        List<String> hex = jdbc.sql(
                        "select address_hex from filing_service_ip where service_id = :id and address = :address")
                .param("id", service)
                .param("address", address)
                .query((rs, row) -> rs.getString(1))
                .list();
        assertThat(hex).hasSize(1);
        return hex.get(0);
    }
}
