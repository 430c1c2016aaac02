package org.telereg.platform.filing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.telereg.platform.PlatformIntegrationTest;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.shared.ProvinceCode;

@PlatformIntegrationTest
class DemoFilingRegisterIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DemoFilingRegister register;

    @Autowired
    IpFilings filings;

    @Autowired
    Clock clock;

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void theFiveRealRecordsArePresentWithTheirNumbers() {
        Map<String, String> numbers = jdbc
                .sql("select d.domain, s.service_number from filing_service_domain d"
                        + " join filing_service s on s.id = d.service_id where d.domain in"
                        + " ('mi.cn', 'baidu.com', 'bilibili.com', 'qq.com', 'zorelworld.com')")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(numbers)
                .containsEntry("mi.cn", "京ICP备10046444号-9")
                .containsEntry("baidu.com", "京ICP证030173号-1")
                .containsEntry("bilibili.com", "沪ICP备13002172号-3")
                .containsEntry("zorelworld.com", "京ICP备14031481号-1")
                // An ICP business licence number, not a filing number: kept as the record has it.
                .containsEntry("qq.com", "粤B2-20090059-5");

        FilingNumber xiaomi = FilingNumber.parse(numbers.get("mi.cn"));
        assertThat(xiaomi.provinceCode()).isEqualTo("11");
        assertThat(xiaomi.serial()).isEqualTo("10046444");
        assertThat(xiaomi.service()).isEqualTo(9);
        FilingNumber baidu = FilingNumber.parse(numbers.get("baidu.com"));
        assertThat(baidu.licence()).isTrue();
        assertThat(FilingNumber.parse(numbers.get("bilibili.com")).provinceCode())
                .isEqualTo("31");
        assertThat(jdbc.sql("select sponsor_name from filing_subject where subject_number = '沪ICP备13002172号'")
                        .query(String.class)
                        .single())
                .isEqualTo("上海宽娱数码科技有限公司");
        assertThat(jdbc.sql("select content_type from filing_service where service_number = '沪ICP备13002172号-3'")
                        .query(String.class)
                        .single())
                .isEqualTo("广播电影电视节目");
    }

    @Test
    void theGeneratedRegisterSpansEveryProvinceStatusAndKindWithParsableNumbers() {
        Map<String, Long> byStatus = jdbc
                .sql("select status, count(*) from filing_service group by status")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(byStatus.get("ACTIVE")).isGreaterThan(300);
        assertThat(byStatus.get("LAPSED")).isGreaterThan(20);
        assertThat(byStatus.get("CANCELLED")).isGreaterThan(10);
        assertThat(byStatus.get("ACTIVE")).isGreaterThan(byStatus.get("LAPSED") + byStatus.get("CANCELLED"));

        assertThat(jdbc.sql("select distinct province_code from filing_subject")
                        .query(String.class)
                        .list())
                .containsAll(ProvinceCode.administered().stream()
                        .map(ProvinceCode::code)
                        .toList());

        LocalDate today = LocalDate.now(clock);
        // The seeded register's numbers are of 2019–2025; the workflow's tests and demo withdraw 2026 filings.
        List<LocalDate> withdrawn = jdbc.sql("select access_withdrawn_on from filing_service where status = 'LAPSED'"
                        + " and service_number like '%ICP备%' and service_number not like '%ICP备2026%'")
                .query(LocalDate.class)
                .list();
        assertThat(withdrawn)
                .isNotEmpty()
                .allSatisfy(day -> assertThat(day).isBetween(today.minusDays(90), today.minusDays(10)));

        List<String> numbers = jdbc.sql("select service_number from filing_service where service_number like '%ICP备%'")
                .query(String.class)
                .list();
        assertThat(numbers)
                .allSatisfy(number ->
                        assertThat(FilingNumber.parse(number).isSubject()).isFalse());
        assertThat(numbers.stream().map(FilingNumber::parse).filter(FilingNumber::app))
                .isNotEmpty();
        assertThat(numbers.stream()
                        .map(n -> FilingNumber.parse(n).serial().length())
                        .distinct())
                .containsExactlyInAnyOrder(8, 10);
        assertThat(count("select count(*) from filing_service where kind in ('APP', 'MINI_PROGRAM')"
                        + " and app_identifier is not null and service_number like '%A'"))
                .isGreaterThan(10);
        assertThat(count("select count(distinct access_provider_credit_code) from filing_service"))
                .isGreaterThanOrEqualTo(4);
        // Every seeded service's addresses lie in a filed range of its access provider (2026 numbers are the
        // workflow's, whose demo uses documentation addresses).
        List<String> addresses = jdbc.sql("select i.address from filing_service_ip i join filing_service s"
                        + " on s.id = i.service_id where s.service_number like '%ICP备%'"
                        + " and s.service_number not like '%ICP备2026%'"
                        + " order by i.service_id, i.address limit 40")
                .query(String.class)
                .list();
        assertThat(addresses)
                .isNotEmpty()
                .allSatisfy(address ->
                        assertThat(filings.covering(DataScope.all(), address)).isNotEmpty());
    }

    @Test
    void ipRangesAndTheBlacklistCoverEveryKind() {
        assertThat(count("select count(*) from filing_ip_range where family = 6 and status = 'ACTIVE'"))
                .isGreaterThan(5);
        assertThat(count("select count(*) from filing_ip_range where status = 'WITHDRAWN'"))
                .isGreaterThan(0);
        // The four demo allocators (three basic operators and AP-DEMO); other tests may file ranges of their own.
        assertThat(count("select count(distinct allocating_isp_credit_code) from filing_ip_range"))
                .isGreaterThanOrEqualTo(4);
        assertThat(jdbc.sql(
                                "select distinct target_kind || severity from filing_blacklist where authority_code = 'MIIT'"
                                        + " or authority_code in ('44', '31', '11', '33')")
                        .query(String.class)
                        .list())
                .contains("DOMAIN1", "DOMAIN2", "DOMAIN3", "APP1", "APP2", "APP3", "IP1", "IP2", "IP3");
        assertThat(
                        count(
                                "select count(*) from filing_blacklist b join filing_service_domain d on d.domain = b.target"
                                        + " join filing_service s on s.id = d.service_id where b.status = 'ACTIVE' and s.status = 'ACTIVE'"))
                .isGreaterThanOrEqualTo(1);
        assertThat(count("select count(*) from filing_blacklist where status = 'LIFTED'"))
                .isGreaterThan(0);
    }

    @Test
    void runningAgainChangesNothing() throws Exception {
        long subjects = count("select count(*) from filing_subject");
        long ranges = count("select count(*) from filing_ip_range");
        long entries = count("select count(*) from filing_blacklist");
        register.run(null);
        assertThat(count("select count(*) from filing_subject")).isEqualTo(subjects);
        assertThat(count("select count(*) from filing_ip_range")).isEqualTo(ranges);
        assertThat(count("select count(*) from filing_blacklist")).isEqualTo(entries);
    }
}
