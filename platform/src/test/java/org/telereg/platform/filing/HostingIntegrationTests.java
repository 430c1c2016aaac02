package org.telereg.platform.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.telereg.platform.SignIn.as;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.telereg.platform.PlatformIntegrationTest;
import org.telereg.platform.access.AccessManagement;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.access.Role;
import org.telereg.platform.audit.AuditTrail;
import org.telereg.platform.credit.CreditEvent;
import org.telereg.platform.shared.RejectedInputException;

@PlatformIntegrationTest
@RecordApplicationEvents
class HostingIntegrationTests {

    /** Each test gets its own providers, domains and a /24 of its own under 10.200.0.0/16. */
    private static final AtomicInteger FIXTURES = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcTemplate template;

    @Autowired
    HostedLists lists;

    @Autowired
    HostingChecks checks;

    @Autowired
    FilingTasks tasks;

    @Autowired
    ProviderAccuracy accuracy;

    @Autowired
    StaleFilings stale;

    @Autowired
    AccessManagement access;

    @Autowired
    AuditTrail audit;

    @Autowired
    Clock clock;

    @Autowired
    ApplicationEvents events;

    /** A fixture register and two providers of one test. */
    private final class Fixture {
        final int n = FIXTURES.incrementAndGet();
        final String tag = "t" + n + "x" + Long.toString(System.nanoTime() % 100000, 36);
        final String provider = code("P");
        final String other = code("O");
        final Actor providerActor = new Actor(
                "isp-" + tag, "测试接入商", Role.ACCESS_PROVIDER, -n, "测试接入商" + tag, DataScope.enterprise(provider));
        final Actor otherActor =
                new Actor("isp2-" + tag, "另一接入商", Role.ACCESS_PROVIDER, -n, "另一接入商" + tag, DataScope.enterprise(other));

        String code(String prefix) {
            String digits = String.format("%016d", Math.abs((tag + prefix).hashCode()) * 1000L + n);
            return "91" + prefix + digits.substring(digits.length() - 15);
        }

        String domain(String name) {
            return name + "-" + tag + ".cn";
        }

        String ip(int block, int host) {
            return "10.200." + ((n * 4 + block) % 256) + "." + host;
        }

        long subject(String province) {
            String number = "测ICP备" + tag + System.nanoTime() + "号";
            jdbc.sql("""
                    insert into filing_subject (subject_number, province_code, nature, sponsor_name, certificate_type,
                        certificate_number, certificate_hash, city_code, county_code, address, principal_name,
                        principal_id_number, principal_id_hash, principal_phone, status, approved_on, updated_at)
                    values (:number, :province, 'ENTERPRISE', :name, 'CREDIT_CODE', '91440000000000000X', 'h',
                        :city, :county, '测试路 1 号', '张三', '110101199003070000', 'h', '13800000000', 'ACTIVE',
                        '2025-01-01', current_timestamp)""")
                    .param("number", number.length() > 32 ? number.substring(0, 32) : number)
                    .param("province", province)
                    .param("name", "测试主办单位" + tag)
                    .param("city", province + "0100")
                    .param("county", province + "0103")
                    .update();
            return jdbc.sql("select max(id) from filing_subject")
                    .query(Long.class)
                    .single();
        }

        String service(
                long subject,
                String providerCode,
                String status,
                LocalDate withdrawnOn,
                List<String> domains,
                List<String> ips) {
            String number = "S-" + tag + "-" + System.nanoTime();
            jdbc.sql("""
                    insert into filing_service (subject_id, service_number, kind, name, home_url, responsible_name,
                        responsible_id_number, responsible_id_hash, responsible_phone, access_provider_credit_code,
                        access_provider_name, status, approved_on, access_withdrawn_on, updated_at)
                    values (:subject, :number, 'WEBSITE', '测试网站', 'https://example.cn', '李四',
                        '110101199003070000', 'h', '13800000000', :provider, :providerName, :status, '2025-01-02',
                        :withdrawn, current_timestamp)""")
                    .param("subject", subject)
                    .param("number", number)
                    .param("provider", providerCode)
                    .param("providerName", providerCode.equals(provider) ? "测试接入商" : "另一接入商")
                    .param("status", status)
                    .param("withdrawn", withdrawnOn)
                    .update();
            long id = jdbc.sql("select id from filing_service where service_number = :n")
                    .param("n", number)
                    .query(Long.class)
                    .single();
            for (String domain : domains) {
                jdbc.sql("insert into filing_service_domain (service_id, domain) values (:id, :domain)")
                        .param("id", id)
                        .param("domain", domain)
                        .update();
            }
            for (String ip : ips) {
                ServiceAddresses.addToService(jdbc, id, ip);
            }
            return number;
        }

        void range(String first, String last, String user, String isp) {
            jdbc.sql("""
                    insert into filing_ip_range (first_address, last_address, first_hex, last_hex, family,
                        user_unit_name, user_unit_credit_code, usage, allocating_isp_credit_code, allocating_isp_name,
                        province_code, status, filed_on, updated_at)
                    values (:first, :last, 'x', 'x', 4, '测试使用单位', :user, 'IDC', :isp, '测试运营商', '44', 'ACTIVE',
                        '2025-01-01', current_timestamp)""")
                    .param("first", first)
                    .param("last", last)
                    .param("user", user)
                    .param("isp", isp)
                    .update();
        }

        HostedUploadResult upload(String csv) {
            return lists.upload(providerActor, null, csv.getBytes(StandardCharsets.UTF_8));
        }

        List<FilingTaskView> providerTasks() {
            return tasks.list(DataScope.enterprise(provider), null, null, null);
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    @Test
    void theCrossCheckReportsEachKindOfFindingAndOpensATaskForEach() {
        Fixture f = new Fixture();
        long subject = f.subject("44");
        f.service(subject, f.provider, "ACTIVE", null, List.of(f.domain("mine")), List.of());
        f.service(subject, f.other, "ACTIVE", null, List.of(f.domain("theirs")), List.of());
        String forgotten = f.service(subject, f.provider, "ACTIVE", null, List.of(f.domain("forgotten")), List.of());
        f.service(subject, f.provider, "CANCELLED", null, List.of(f.domain("cancelled")), List.of());
        f.range(f.ip(0, 0), f.ip(0, 255), f.provider, f.other);
        f.range(f.ip(1, 0), f.ip(1, 255), f.other, f.other);

        HostedUploadResult result = f.upload("kind,value\n"
                + "DOMAIN,www." + f.domain("mine") + "\n"
                + "DOMAIN," + f.domain("theirs") + "\n"
                + "DOMAIN," + f.domain("cancelled") + "\n"
                + "DOMAIN,not a domain!\n"
                + "IP," + f.ip(0, 7) + "\n"
                + "IP," + f.ip(1, 7) + "\n"
                + "IP," + f.ip(2, 7) + "\n"
                + "IP,300.1.1.1\n");

        assertThat(result.status()).isEqualTo(HostedUploadResult.Status.UPLOADED);
        assertThat(result.upload().domains()).isEqualTo(4);
        assertThat(result.upload().ips()).isEqualTo(4);
        HostingCheckResult check = result.check();
        assertThat(check.counts())
                .containsEntry(HostingFindingKind.DOMAIN_FILED_WITH_OTHER_PROVIDER, 1)
                .containsEntry(HostingFindingKind.UNFILED_DOMAIN, 1)
                .containsEntry(HostingFindingKind.INVALID_DOMAIN, 1)
                .containsEntry(HostingFindingKind.IP_FILED_BY_OTHER, 1)
                .containsEntry(HostingFindingKind.UNFILED_IP, 1)
                .containsEntry(HostingFindingKind.INVALID_IP, 1)
                .containsEntry(HostingFindingKind.FILED_NOT_HOSTED, 1)
                .hasSize(7);
        assertThat(check.findings())
                .filteredOn(x -> x.kind() == HostingFindingKind.FILED_NOT_HOSTED)
                .extracting(HostingFindingView::target)
                .containsExactly(forgotten);
        assertThat(check.findings())
                .filteredOn(x -> x.kind() == HostingFindingKind.UNFILED_DOMAIN)
                .extracting(HostingFindingView::target)
                .containsExactly(f.domain("cancelled"));
        assertThat(check.findings())
                .filteredOn(x -> x.kind() == HostingFindingKind.DOMAIN_FILED_WITH_OTHER_PROVIDER)
                .extracting(HostingFindingView::detail)
                .singleElement()
                .asString()
                .contains("另一接入商", f.other);
        assertThat(check.entries()).isEqualTo(8);
        assertThat(check.accuracy()).isEqualByComparingTo("0.25");
        assertThat(check.tasksOpened()).isEqualTo(7);
        assertThat(f.providerTasks())
                .extracting(FilingTaskView::kind)
                .containsExactlyInAnyOrder(
                        HostingFindingKind.UNFILED_DOMAIN,
                        HostingFindingKind.DOMAIN_FILED_WITH_OTHER_PROVIDER,
                        HostingFindingKind.INVALID_DOMAIN,
                        HostingFindingKind.UNFILED_IP,
                        HostingFindingKind.IP_FILED_BY_OTHER,
                        HostingFindingKind.INVALID_IP,
                        HostingFindingKind.FILED_NOT_HOSTED);
        assertThat(f.providerTasks()).allSatisfy(t -> {
            assertThat(t.status()).isEqualTo(FilingTaskStatus.OPEN);
            assertThat(t.dueOn()).isAfter(today());
        });
        // The other provider sees none of them.
        assertThat(tasks.list(DataScope.enterprise(f.other), null, null, null)).isEmpty();
        assertThat(accuracy.history(f.provider))
                .singleElement()
                .satisfies(p -> assertThat(p.low()).isTrue());
    }

    @Test
    void theSameFileTwiceIsOneUploadAndAFindingMadeAgainOpensNoSecondTask() {
        Fixture f = new Fixture();
        String csv = "kind,value\nDOMAIN," + f.domain("unfiled") + "\n";

        HostedUploadResult first = f.upload(csv);
        HostedUploadResult again = f.upload(csv);

        assertThat(first.status()).isEqualTo(HostedUploadResult.Status.UPLOADED);
        assertThat(again.status()).isEqualTo(HostedUploadResult.Status.ALREADY_UPLOADED);
        assertThat(again.upload().id()).isEqualTo(first.upload().id());
        assertThat(lists.uploads(DataScope.all(), f.provider)).hasSize(1);
        HostingCheckResult rerun = checks.check(f.providerActor, f.provider);
        assertThat(rerun.counts()).containsEntry(HostingFindingKind.UNFILED_DOMAIN, 1);
        assertThat(rerun.tasksOpened()).isZero();
        assertThat(f.providerTasks()).hasSize(1);
        assertThat(accuracy.history(f.provider)).hasSize(2);
    }

    @Test
    void twoChecksOfOneProviderAtTheSameMomentOpenEachTaskOnce() throws Exception {
        Fixture f = new Fixture();
        StringBuilder csv = new StringBuilder("kind,value\n");
        for (int i = 0; i < 300; i++) {
            csv.append("DOMAIN,").append(f.domain("unfiled" + i)).append('\n');
        }
        f.upload(csv.toString());
        // The upload's own check opened the tasks; without them, both checks below find every finding new.
        jdbc.sql("delete from filing_task_step where task_id in"
                        + " (select id from filing_task where provider_credit_code = :p)")
                .param("p", f.provider)
                .update();
        jdbc.sql("delete from filing_task where provider_credit_code = :p")
                .param("p", f.provider)
                .update();

        CyclicBarrier start = new CyclicBarrier(2);
        List<Integer> opened = new CopyOnWriteArrayList<>();
        List<Throwable> failed = new CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    opened.add(checks.check(f.providerActor, f.provider).tasksOpened());
                } catch (Throwable e) {
                    failed.add(e);
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(failed).isEmpty();
        assertThat(opened).containsExactlyInAnyOrder(300, 0);
        assertThat(f.providerTasks()).hasSize(300);
        assertThat(f.providerTasks().stream().map(FilingTaskView::target).distinct())
                .hasSize(300);
    }

    @Test
    void aNewUploadReplacesTheCurrentListButAnOlderOneIsRefused() {
        Fixture f = new Fixture();
        lists.upload(
                f.providerActor,
                today().minusDays(2).toString(),
                ("kind,value\nDOMAIN," + f.domain("a") + "\nDOMAIN," + f.domain("b") + "\n")
                        .getBytes(StandardCharsets.UTF_8));

        HostedUploadResult newer = lists.upload(
                f.providerActor,
                today().minusDays(1).toString(),
                ("kind,value\nIP," + f.ip(0, 1) + "\n").getBytes(StandardCharsets.UTF_8));

        assertThat(newer.upload().current()).isTrue();
        assertThat(lists.entries(f.provider, "DOMAIN")).isEmpty();
        assertThat(lists.entries(f.provider, "IP")).containsExactly(f.ip(0, 1));
        assertThat(lists.uploads(DataScope.all(), f.provider))
                .extracting(HostedUploadView::current)
                .containsExactly(true, false);
        assertThatThrownBy(() -> lists.upload(
                        f.providerActor,
                        today().minusDays(5).toString(),
                        ("kind,value\nIP," + f.ip(0, 2) + "\n").getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(
                        RejectedInputException.class,
                        e -> assertThat(e.problems()).extracting(p -> p.field()).containsExactly("asOf"));
        assertThat(lists.entries(f.provider, "IP")).containsExactly(f.ip(0, 1));
    }

    @Test
    void badLinesAreReportedByLineAndNothingIsWritten() {
        Fixture f = new Fixture();

        HostedUploadResult result = f.upload("kind,value\n"
                + "DOMAIN," + f.domain("ok") + "\n"
                + "CNAME,x.example.cn\n"
                + "IP,\n"
                + "domain," + f.domain("OK").toUpperCase() + "\n"
                + "IP,1.2.3.4\u0007\n");

        assertThat(result.status()).isEqualTo(HostedUploadResult.Status.REJECTED);
        assertThat(result.errors())
                .extracting(e -> e.line() + ":" + e.field() + ":" + e.code())
                .containsExactly(
                        "3:kind:filing.hosting.unknownKind",
                        "4:value:filing.hosting.emptyCell",
                        "5:value:filing.hosting.duplicate",
                        "6:value:filing.hosting.badText");
        assertThat(result.errors().get(2).arguments()).containsExactly(2L);
        assertThat(lists.uploads(DataScope.all(), f.provider)).isEmpty();
        assertThat(f.providerTasks()).isEmpty();
    }

    @Test
    void aFileWithoutTheColumnsOrWithoutEntriesOrEmptyIsRefused() {
        Fixture f = new Fixture();

        assertThat(f.upload("domain\nexample.cn\n").errors())
                .extracting(e -> e.line() + ":" + e.field() + ":" + e.code())
                .containsExactly("1:kind:filing.hosting.missingColumn", "1:value:filing.hosting.missingColumn");
        assertThat(f.upload("kind,value\n\n").errors())
                .extracting(e -> e.code())
                .containsExactly("filing.hosting.noEntries");
        assertThatThrownBy(() -> lists.upload(f.providerActor, null, new byte[0]))
                .isInstanceOfSatisfying(
                        RejectedInputException.class,
                        e -> assertThat(e.problems()).extracting(p -> p.field()).containsExactly("file"));
        assertThatThrownBy(() -> lists.upload(f.providerActor, null, new byte[] {(byte) 0xff, (byte) 0xfe, 0x41, 0}))
                .isInstanceOf(RejectedInputException.class);
        assertThat(lists.uploads(DataScope.all(), f.provider)).isEmpty();
    }

    @Test
    void aGbkFileFromExcelWithChineseHeaderAndKindsIsRead() {
        Fixture f = new Fixture();
        byte[] gbk =
                ("类型,域名或IP\n域名," + f.domain("gbk") + "\nIP地址," + f.ip(0, 9) + "\n").getBytes(Charset.forName("GBK"));

        HostedUploadResult result = lists.upload(f.providerActor, null, gbk);

        assertThat(result.status()).isEqualTo(HostedUploadResult.Status.UPLOADED);
        assertThat(result.charset()).isEqualTo("GB18030");
        assertThat(result.upload().domains()).isEqualTo(1);
        assertThat(result.upload().ips()).isEqualTo(1);
    }

    @Test
    void aListOfTwentyThousandEntriesOpensATaskPerFindingAndAShorterListClosesThoseNoLongerFound() {
        Fixture f = new Fixture();
        // 12,000 unfiled domains; 4,000 addresses inside a range the provider filed; 4,000 outside any.
        f.range("198.18.0.0", "198.18.255.255", f.provider, f.other);
        StringBuilder csv = new StringBuilder("kind,value\n");
        for (int i = 0; i < 12_000; i++) {
            csv.append("DOMAIN,site").append(i).append('-').append(f.tag).append(".cn\n");
        }
        for (int i = 0; i < 4_000; i++) {
            csv.append("IP,198.18.").append(i / 256).append('.').append(i % 256).append('\n');
        }
        for (int i = 0; i < 4_000; i++) {
            csv.append("IP,198.19.").append(i / 256).append('.').append(i % 256).append('\n');
        }

        HostedUploadResult result = f.upload(csv.toString());

        assertThat(result.upload().domains()).isEqualTo(12_000);
        assertThat(result.upload().ips()).isEqualTo(8_000);
        HostingCheckResult check = result.check();
        assertThat(check.entries()).isEqualTo(20_000);
        assertThat(check.counts())
                .containsEntry(HostingFindingKind.UNFILED_DOMAIN, 12_000)
                .containsEntry(HostingFindingKind.UNFILED_IP, 4_000)
                .hasSize(2);
        assertThat(check.accuracy()).isEqualByComparingTo("0.2");
        assertThat(check.findings()).hasSize(HostingCheckResult.LIMIT);
        assertThat(check.tasksOpened()).isEqualTo(16_000);
        assertThat(f.providerTasks())
                .hasSize(16_000)
                .allSatisfy(t -> assertThat(t.status()).isEqualTo(FilingTaskStatus.OPEN));
        assertThat(tasks.steps(f.providerTasks().get(15_999).id()))
                .extracting(FilingTaskStep::action)
                .containsExactly("OPENED");
        assertThat(jdbc.sql("select count(*) from filing_task_step s join filing_task t on t.id = s.task_id"
                                + " where t.provider_credit_code = :provider")
                        .param("provider", f.provider)
                        .query(Long.class)
                        .single())
                .isEqualTo(16_000L);

        // The provider stops hosting the first 10,000 unfiled sites and the unfiled addresses.
        StringBuilder shorter = new StringBuilder("kind,value\n");
        for (int i = 10_000; i < 12_000; i++) {
            shorter.append("DOMAIN,site").append(i).append('-').append(f.tag).append(".cn\n");
        }
        HostingCheckResult after = f.upload(shorter.toString()).check();

        assertThat(after.tasksOpened()).isZero();
        assertThat(after.tasksResolved()).isEqualTo(14_000);
        assertThat(tasks.list(DataScope.enterprise(f.provider), FilingTaskStatus.OPEN, null, null))
                .hasSize(2_000)
                .allSatisfy(t -> assertThat(t.kind()).isEqualTo(HostingFindingKind.UNFILED_DOMAIN));
        assertThat(tasks.list(DataScope.enterprise(f.provider), FilingTaskStatus.CLOSED, null, null))
                .hasSize(14_000)
                .allSatisfy(t -> assertThat(t.resolution()).isEqualTo(FilingTaskResolution.RESOLVED_BY_CHECK));
        assertThat(accuracy.history(f.provider))
                .extracting(p -> p.tasksOpened() + "/" + p.tasksResolved())
                .containsExactly("0/14000", "16000/0");
    }

    @Test
    void aListOverTheLimitsIsRefused() {
        StringBuilder csv = new StringBuilder("kind,value\n");
        for (int i = 0; i < 20; i++) {
            csv.append("DOMAIN,site").append(i).append(".example.cn\n");
        }
        HostingSettings small = new HostingSettings(200, 3, 10, 5, 20, 3, new BigDecimal("0.9"), 3, 30, 5, 10_485_760);
        HostedLists limited = new HostedLists(jdbc, template, access, checks, audit, small, clock);
        Fixture g = new Fixture();
        assertThat(limited.upload(
                                g.providerActor,
                                null,
                                "kind,value\nIP,10.0.0.1\nIP,10.0.0.2\nIP,10.0.0.3\nIP,10.0.0.4\n"
                                        .getBytes(StandardCharsets.UTF_8))
                        .errors())
                .extracting(e -> e.line() + ":" + e.code())
                .containsExactly("5:filing.hosting.tooManyEntries");
        assertThatThrownBy(() ->
                        limited.upload(g.providerActor, null, csv.toString().getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(
                        RejectedInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(p -> p.code())
                                .containsExactly("filing.hosting.tooLarge"));
    }

    @Test
    void theDnsCheckFindsFiledDomainsResolvingOutsideTheirFiledIpsAndDomainsThatNoLongerResolve() throws Exception {
        Fixture f = new Fixture();
        long subject = f.subject("44");
        f.service(subject, f.provider, "ACTIVE", null, List.of(f.domain("inside")), List.of("192.0.2.1"));
        String moved = f.service(subject, f.provider, "ACTIVE", null, List.of(f.domain("moved")), List.of("192.0.2.2"));
        String gone = f.service(subject, f.provider, "ACTIVE", null, List.of(f.domain("gone")), List.of("192.0.2.3"));
        f.upload("kind,value\nDOMAIN," + f.domain("inside") + "\nDOMAIN," + f.domain("moved") + "\nDOMAIN,"
                + f.domain("gone") + "\n");

        try (DnsTestServer server = new DnsTestServer()) {
            server.host(f.domain("inside"), "192.0.2.1")
                    .host(f.domain("moved"), "192.0.2.2", "198.51.100.9", "2001:db8::9");
            HostingCheckResult check = checks.check(f.providerActor, f.provider, new DnsChecks(server.settings()));

            assertThat(check.dnsChecked()).isTrue();
            assertThat(check.findings())
                    .extracting(x -> x.kind() + " " + x.target() + " " + x.serviceNumber() + " " + x.detail())
                    .containsExactlyInAnyOrder(
                            "RESOLVES_OUTSIDE_FILED_IPS " + f.domain("moved") + " " + moved
                                    + " 198.51.100.9, 2001:db8::9",
                            "DOES_NOT_RESOLVE " + f.domain("gone") + " " + gone + " NXDOMAIN");
        }
        assertThat(f.providerTasks())
                .extracting(FilingTaskView::kind)
                .containsExactly(HostingFindingKind.RESOLVES_OUTSIDE_FILED_IPS);
        assertThat(tasks.list(DataScope.province("44"), null, HostingFindingKind.DOES_NOT_RESOLVE, f.provider))
                .singleElement()
                .satisfies(t -> {
                    assertThat(t.assignee()).isEqualTo(HostingFindingKind.Assignee.PROVINCE);
                    assertThat(t.serviceNumber()).isEqualTo(gone);
                });
        assertThat(checks.check(f.providerActor, f.provider).dnsChecked())
                .as("the configured resolver is off in tests")
                .isFalse();
    }

    @Test
    void aProviderAnswersItsTaskAndTheOfficerClosesOrReopensIt() {
        Fixture f = new Fixture();
        f.upload("kind,value\nDOMAIN," + f.domain("one") + "\nDOMAIN," + f.domain("two") + "\n");
        List<FilingTaskView> open = f.providerTasks();
        long one = open.get(0).id();
        long two = open.get(1).id();
        Actor gd = new Actor("gd-test", "广东", Role.PROVINCIAL_OFFICER, 0, "广东省通信管理局", DataScope.province("00"));

        assertThatThrownBy(() -> tasks.answer(f.otherActor, one, "REMOVED", null, null))
                .isInstanceOf(java.util.NoSuchElementException.class);
        assertThatThrownBy(() -> tasks.answer(f.providerActor, one, "DISPUTED", " ", null))
                .isInstanceOfSatisfying(
                        RejectedInputException.class,
                        e -> assertThat(e.problems()).extracting(p -> p.field()).containsExactly("note"));
        assertThatThrownBy(() -> tasks.answer(f.providerActor, one, "CANCELLED", null, null))
                .isInstanceOfSatisfying(
                        RejectedInputException.class,
                        e -> assertThat(e.problems()).extracting(p -> p.field()).containsExactly("answer"));
        assertThatThrownBy(() -> tasks.close(gd, one, "CONFIRMED", null)).isInstanceOf(AccessDeniedException.class);

        FilingTaskView answered = tasks.answer(f.providerActor, one, "REMOVED", "已下线", null);
        assertThat(answered.status()).isEqualTo(FilingTaskStatus.ANSWERED);
        assertThat(answered.answer()).isEqualTo(FilingTaskAnswer.REMOVED);
        assertThatThrownBy(() -> tasks.close(f.providerActor, one, "CONFIRMED", null))
                .isInstanceOf(AccessDeniedException.class);
        FilingTaskView closed = tasks.close(gd, one, "confirmed", null);
        assertThat(closed.status()).isEqualTo(FilingTaskStatus.CLOSED);
        assertThat(tasks.steps(one))
                .extracting(FilingTaskStep::action)
                .containsExactly("OPENED", "REMOVED", "CONFIRMED");

        tasks.answer(f.providerActor, two, "DISPUTED", "该域名已于上月备案", "粤ICP备2026000001号-1");
        assertThatThrownBy(() -> tasks.close(gd, two, "REOPENED", null)).isInstanceOf(RejectedInputException.class);
        FilingTaskView reopened = tasks.close(gd, two, "REOPENED", "备案号不对应该域名");
        assertThat(reopened.status()).isEqualTo(FilingTaskStatus.OPEN);
        assertThat(reopened.answer()).isNull();

        // Found again after it was closed: the finding is back, so is a task.
        HostingCheckResult again = checks.check(f.providerActor, f.provider);
        assertThat(again.tasksOpened()).isEqualTo(1);
        assertThat(tasks.list(DataScope.enterprise(f.provider), FilingTaskStatus.OPEN, null, null))
                .hasSize(2);
    }

    @Test
    void overdueTasksPutTheProviderOnTheWatchListAndAnsweringThemTakesItOff() {
        Fixture f = new Fixture();
        f.upload("kind,value\nDOMAIN," + f.domain("a") + "\nDOMAIN," + f.domain("b") + "\nDOMAIN," + f.domain("c")
                + "\nDOMAIN,w." + f.domain("d") + "\n");
        long before = listings(f.provider, CreditEvent.Action.LIST);

        // A week has passed since the deadline (only this provider's tasks, so the job stays small).
        jdbc.sql("update filing_task set due_on = :due where provider_credit_code = :provider")
                .param("due", today().minusDays(7))
                .param("provider", f.provider)
                .update();
        int overdue = tasks.markOverdue(today());

        assertThat(overdue).isGreaterThanOrEqualTo(4);
        assertThat(f.providerTasks()).allSatisfy(t -> assertThat(t.status()).isEqualTo(FilingTaskStatus.OVERDUE));
        assertThat(listings(f.provider, CreditEvent.Action.LIST)).isEqualTo(before + 1);
        assertThat(accuracy.listedOn(f.provider)).isPresent();
        CreditEvent listed = events.stream(CreditEvent.class)
                .filter(e -> e.creditCode().equals(f.provider))
                .findFirst()
                .orElseThrow();
        assertThat(listed.list()).isEqualTo(ProviderAccuracy.LIST);
        assertThat(listed.reasonCode()).isEqualTo("HOSTING_TASKS_OVERDUE");

        List<FilingTaskView> all = f.providerTasks();
        tasks.answer(f.providerActor, all.get(0).id(), "REMOVED", null, null);
        assertThat(tasks.steps(all.get(0).id()))
                .extracting(x -> x.action() + " " + x.note())
                .containsExactly("OPENED null", "OVERDUE " + today().minusDays(7), "REMOVED null");
        assertThat(accuracy.listedOn(f.provider)).as("three still overdue").isPresent();
        tasks.answer(f.providerActor, all.get(1).id(), "REMOVED", null, null);

        assertThat(accuracy.listedOn(f.provider)).isEmpty();
        CreditEvent removed = events.stream(CreditEvent.class)
                .filter(e -> e.creditCode().equals(f.provider) && e.action() == CreditEvent.Action.REMOVE)
                .findFirst()
                .orElseThrow();
        assertThat(removed.source()).isEqualTo(listed.source());
    }

    @Test
    void lowAccuracyRunAfterRunListsTheProviderAndAnAccurateListTakesItOff() {
        Fixture f = new Fixture();
        long subject = f.subject("44");
        f.service(subject, f.provider, "ACTIVE", null, List.of(f.domain("good")), List.of());
        f.upload("kind,value\nDOMAIN," + f.domain("good") + "\nDOMAIN," + f.domain("bad") + "\n");
        checks.check(f.providerActor, f.provider);
        assertThat(accuracy.listedOn(f.provider)).as("two low runs").isEmpty();

        checks.check(f.providerActor, f.provider);

        assertThat(accuracy.listedOn(f.provider)).isPresent();
        assertThat(events.stream(CreditEvent.class).filter(e -> e.creditCode().equals(f.provider)))
                .singleElement()
                .satisfies(e -> assertThat(e.reasonCode()).isEqualTo("HOSTING_LIST_INACCURATE"));

        HostedUploadResult fixed = f.upload("kind,value\nDOMAIN," + f.domain("good") + "\n");

        assertThat(fixed.check().accuracy()).isEqualByComparingTo(BigDecimal.ONE);
        assertThat(accuracy.listedOn(f.provider)).isEmpty();
        assertThat(accuracy.history(f.provider))
                .extracting(ProviderAccuracyPoint::low)
                .containsExactly(false, true, true, true);
    }

    @Test
    void theStaleJobOpensOneTaskPerLapsedOrDeadFilingForTheReviewingProvince() throws Exception {
        Fixture f = new Fixture();
        long subject = f.subject("65");
        String old =
                f.service(subject, f.provider, "LAPSED", today().minusDays(45), List.of(f.domain("old")), List.of());
        f.service(subject, f.provider, "LAPSED", today().minusDays(10), List.of(f.domain("recent")), List.of());
        String dead = f.service(subject, f.provider, "ACTIVE", null, List.of(f.domain("dead")), List.of());
        f.service(subject, f.provider, "ACTIVE", null, List.of(f.domain("alive")), List.of());

        try (DnsTestServer server = new DnsTestServer()) {
            server.host(f.domain("alive"), "192.0.2.80");
            DnsChecks dns = new DnsChecks(server.settings());
            StaleFilings.Result first = stale.run(DataScope.province("65"), today(), dns);
            StaleFilings.Result second = stale.run(DataScope.province("65"), today(), dns);

            assertThat(first.dnsChecked()).isTrue();
            assertThat(first.tasksOpened()).isGreaterThanOrEqualTo(2);
            assertThat(second.tasksOpened()).isZero();
        }
        List<FilingTaskView> province = tasks.list(DataScope.province("65"), null, null, f.provider);
        assertThat(province)
                .extracting(t -> t.kind() + " " + t.serviceNumber())
                .containsExactlyInAnyOrder("ACCESS_LAPSED " + old, "DOES_NOT_RESOLVE " + dead);
        assertThat(province).allSatisfy(t -> assertThat(t.assignee()).isEqualTo(HostingFindingKind.Assignee.PROVINCE));
        assertThat(f.providerTasks()).isEmpty();
        Actor xj = new Actor("xj-test", "新疆", Role.PROVINCIAL_OFFICER, 0, "新疆", DataScope.province("65"));
        FilingTaskView lapsed = province.stream()
                .filter(t -> t.kind() == HostingFindingKind.ACCESS_LAPSED)
                .findFirst()
                .orElseThrow();
        assertThat(tasks.answer(xj, lapsed.id(), "CANCELLED", "已注销", null).status())
                .isEqualTo(FilingTaskStatus.ANSWERED);
        assertThat(stale.runNow(xj).dnsChecked()).as("no DNS server configured").isFalse();
    }

    @Test
    void theApiTakesAProvidersListAndAnswersRefusedLinesAsProblems() throws Exception {
        mvc.perform(post("/api/v1/filing/hosted-lists")
                        .with(as(users, "isp"))
                        .with(csrf())
                        .contentType("text/csv")
                        .content("kind,value\nDOMAIN,api-test-" + System.nanoTime() + ".cn\nIP,203.0.113.200\n"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UPLOADED"))
                .andExpect(jsonPath("$.upload.domains").value(1))
                .andExpect(jsonPath("$.check.entries").value(2));
        mvc.perform(post("/api/v1/filing/hosted-lists")
                        .with(as(users, "isp"))
                        .with(csrf())
                        .contentType("text/csv")
                        .content("kind,value\nFTP,x\n"))
                .andExpect(status().is(422))
                .andExpect(jsonPath("$.errors[0].line").value(2))
                .andExpect(jsonPath("$.errors[0].field").value("kind"));
        mvc.perform(post("/api/v1/filing/hosted-lists")
                        .with(as(users, "gd"))
                        .with(csrf())
                        .contentType("text/csv")
                        .content("kind,value\nDOMAIN,x.cn\n"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/filing/tasks").with(as(users, "isp")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].assignee").value("PROVIDER"));
        mvc.perform(get("/api/v1/filing/hosted-lists").with(as(users, "isp")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].current").value(true));
    }

    @Test
    void theConsolePagesShowEachRoleWhatItMayDo() throws Exception {
        mvc.perform(get("/console/filing/hosting").with(as(users, "isp")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"upload-form\"")))
                .andExpect(content().string(containsString("id=\"dns-off\"")));
        mvc.perform(get("/console/filing/hosting").with(as(users, "officer")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"check-all\"")))
                .andExpect(content().string(containsString("id=\"providers\"")))
                .andExpect(content().string(not(containsString("id=\"upload-form\""))));
        String ap = access.organisation("AP-DEMO").orElseThrow().creditCode();
        mvc.perform(get("/console/filing/hosting/providers/" + ap).with(as(users, "officer")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"history\"")));
        mvc.perform(get("/console/filing/hosting/providers/" + ap).with(as(users, "bj")))
                .andExpect(status().isNotFound());
        String fresh = "pages-" + System.nanoTime() + ".example.cn";
        mvc.perform(post("/api/v1/filing/hosted-lists")
                        .with(as(users, "isp"))
                        .with(csrf())
                        .contentType("text/csv")
                        .content("kind,value\nDOMAIN," + fresh + "\n"))
                .andExpect(status().isOk());
        FilingTaskView open = tasks.list(DataScope.enterprise(ap), FilingTaskStatus.OPEN, null, null).stream()
                .filter(t -> t.target().equals(fresh))
                .findFirst()
                .orElseThrow();
        mvc.perform(get("/console/filing/tasks").with(as(users, "isp")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"task-" + open.id() + "\"")));
        mvc.perform(get("/console/filing/tasks/" + open.id()).with(as(users, "isp")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"answer-form\"")));
        mvc.perform(post("/console/filing/tasks/" + open.id() + "/answer")
                        .with(as(users, "isp"))
                        .with(csrf())
                        .param("answer", "DISPUTED")
                        .param("note", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"problems\"")));
        mvc.perform(post("/console/filing/tasks/" + open.id() + "/answer")
                        .with(as(users, "isp"))
                        .with(csrf())
                        .param("answer", "REMOVED"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/console/filing/tasks/" + open.id()).with(as(users, "gd")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"decision-form\"")));
        mvc.perform(get("/console/filing/tasks/" + open.id()).with(as(users, "cmcc")))
                .andExpect(status().isNotFound());
    }

    @Test
    void aTaskClosesItselfWhenALaterCheckNoLongerFindsItsProblem() throws Exception {
        Fixture f = new Fixture();
        long subject = f.subject("44");
        String elsewhere = f.service(subject, f.other, "ACTIVE", null, List.of(f.domain("elsewhere")), List.of());
        f.service(subject, f.provider, "ACTIVE", null, List.of(f.domain("dns")), List.of("192.0.2.20"));
        f.upload("kind,value\nDOMAIN," + f.domain("unfiled") + "\nDOMAIN," + f.domain("elsewhere") + "\nDOMAIN,"
                + f.domain("dns") + "\nDOMAIN," + f.domain("stays") + "\n");
        try (DnsTestServer server = new DnsTestServer()) {
            server.host(f.domain("dns"), "198.51.100.20");
            DnsChecks dns = new DnsChecks(server.settings());
            checks.check(f.providerActor, f.provider, dns);
            assertThat(f.providerTasks())
                    .extracting(t -> t.kind() + " " + t.target())
                    .containsExactlyInAnyOrder(
                            "UNFILED_DOMAIN " + f.domain("unfiled"),
                            "UNFILED_DOMAIN " + f.domain("stays"),
                            "DOMAIN_FILED_WITH_OTHER_PROVIDER " + f.domain("elsewhere"),
                            "RESOLVES_OUTSIDE_FILED_IPS " + f.domain("dns"));
            long answered = task(f, f.domain("unfiled")).id();
            tasks.answer(f.providerActor, answered, "FILED", "主办者正在备案", null);

            // The site gets filed, the other filing moves to this provider, the domain points home again.
            f.service(subject, f.provider, "ACTIVE", null, List.of(f.domain("unfiled")), List.of());
            jdbc.sql("update filing_service set access_provider_credit_code = :provider where service_number = :n")
                    .param("provider", f.provider)
                    .param("n", elsewhere)
                    .update();
            server.forget(f.domain("dns"))
                    .host(f.domain("dns"), "192.0.2.20")
                    .host(f.domain("unfiled"), "192.0.2.21")
                    .host(f.domain("elsewhere"), "192.0.2.22");
            HostingCheckResult again = checks.check(f.providerActor, f.provider, dns);

            assertThat(again.tasksOpened()).isZero();
            assertThat(again.tasksResolved()).isEqualTo(3);
            assertThat(again.counts()).containsOnlyKeys(HostingFindingKind.UNFILED_DOMAIN);
            assertThat(f.providerTasks())
                    .extracting(t -> t.target() + " " + t.status() + " " + t.resolution())
                    .containsExactlyInAnyOrder(
                            f.domain("unfiled") + " CLOSED RESOLVED_BY_CHECK",
                            f.domain("elsewhere") + " CLOSED RESOLVED_BY_CHECK",
                            f.domain("dns") + " CLOSED RESOLVED_BY_CHECK",
                            f.domain("stays") + " OPEN null");
            assertThat(tasks.steps(answered))
                    .extracting(x -> x.action() + " " + x.actor() + " " + x.note())
                    .containsExactly(
                            "OPENED system null",
                            "FILED " + f.providerActor.username() + " 主办者正在备案",
                            "RESOLVED system 核查 #" + again.runId());
            assertThat(events.stream(org.telereg.platform.audit.StateChanged.class)
                            .filter(e -> e.entityType().equals("HostingCheck")
                                    && e.entityId().equals(Long.toString(again.runId()))
                                    && e.action().equals("tasksResolved")))
                    .singleElement()
                    .satisfies(e -> assertThat(e.after()).contains("\"count\":3", Long.toString(answered)));
            assertThat(accuracy.history(f.provider).get(0).tasksResolved()).isEqualTo(3);

            // A resolver that does not answer proves nothing: the DNS task of a later finding stays open.
            server.forget(f.domain("dns")).host(f.domain("dns"), "198.51.100.21");
            checks.check(f.providerActor, f.provider, dns);
        }
        FilingTaskView moved = tasks.list(
                        DataScope.enterprise(f.provider),
                        FilingTaskStatus.OPEN,
                        HostingFindingKind.RESOLVES_OUTSIDE_FILED_IPS,
                        null)
                .get(0);
        DnsChecks silent = new DnsChecks(new DnsSettings(List.of("127.0.0.1:9"), java.time.Duration.ofMillis(300), 2));
        HostingCheckResult blind = checks.check(f.providerActor, f.provider, silent);
        assertThat(blind.tasksResolved()).isZero();
        assertThat(tasks.find(DataScope.all(), moved.id()).orElseThrow().status())
                .isEqualTo(FilingTaskStatus.OPEN);
        assertThat(tasks.find(DataScope.all(), task(f, f.domain("stays")).id())
                        .orElseThrow()
                        .status())
                .isEqualTo(FilingTaskStatus.OPEN);
    }

    @Test
    void overdueTasksThatALaterListResolvesTakeTheProviderOffTheWatchList() {
        Fixture f = new Fixture();
        f.upload("kind,value\nDOMAIN," + f.domain("a") + "\nDOMAIN," + f.domain("b") + "\nDOMAIN," + f.domain("c")
                + "\n");
        jdbc.sql("update filing_task set due_on = :due where provider_credit_code = :provider")
                .param("due", today().minusDays(7))
                .param("provider", f.provider)
                .update();
        tasks.markOverdue(today());
        assertThat(accuracy.listedOn(f.provider)).isPresent();

        HostedUploadResult fixed = lists.upload(
                f.providerActor,
                null,
                ("kind,value,备注\nDOMAIN," + f.domain("a") + ",仍在接入\n").getBytes(StandardCharsets.UTF_8));

        assertThat(fixed.check().tasksResolved()).isEqualTo(2);
        assertThat(f.providerTasks())
                .extracting(t -> t.target() + " " + t.status())
                .containsExactlyInAnyOrder(
                        f.domain("a") + " OVERDUE", f.domain("b") + " CLOSED", f.domain("c") + " CLOSED");
        assertThat(accuracy.listedOn(f.provider))
                .as("one overdue task is under the threshold")
                .isEmpty();
        assertThat(listings(f.provider, CreditEvent.Action.REMOVE)).isEqualTo(1);
    }

    @Test
    void theStaleJobClosesTheTaskOfALapsedFilingThatWasRefiledAndOfADomainThatResolvesAgain() throws Exception {
        Fixture f = new Fixture();
        long subject = f.subject("63");
        String lapsed =
                f.service(subject, f.provider, "LAPSED", today().minusDays(45), List.of(f.domain("lapsed")), List.of());
        f.service(subject, f.provider, "ACTIVE", null, List.of(f.domain("dark")), List.of());
        try (DnsTestServer server = new DnsTestServer()) {
            DnsChecks dns = new DnsChecks(server.settings());
            assertThat(stale.run(DataScope.province("63"), today(), dns).tasksOpened())
                    .isGreaterThanOrEqualTo(2);
            assertThat(tasks.list(DataScope.province("63"), FilingTaskStatus.OPEN, null, f.provider))
                    .hasSize(2);

            jdbc.sql("update filing_service set status = 'ACTIVE', access_withdrawn_on = null"
                            + " where service_number = :n")
                    .param("n", lapsed)
                    .update();
            server.host(f.domain("dark"), "192.0.2.63").host(f.domain("lapsed"), "192.0.2.64");
            StaleFilings.Result after = stale.run(DataScope.province("63"), today(), dns);

            assertThat(after.tasksResolved()).isGreaterThanOrEqualTo(2);
        }
        assertThat(tasks.list(DataScope.province("63"), null, null, f.provider))
                .extracting(t -> t.kind() + " " + t.status() + " " + t.resolution())
                .containsExactlyInAnyOrder(
                        "ACCESS_LAPSED CLOSED RESOLVED_BY_CHECK", "DOES_NOT_RESOLVE CLOSED RESOLVED_BY_CHECK");
    }

    @Test
    void aProviderAnswersWithEvidenceFilesThatOnlyReadersOfTheTaskMayDownload() throws Exception {
        Fixture f = new Fixture();
        f.upload("kind,value\nDOMAIN," + f.domain("proof") + "\n");
        long id = task(f, f.domain("proof")).id();
        byte[] pdf = "%PDF-1.4\n%\u00e2\u00e3\n1 0 obj\n".getBytes(StandardCharsets.ISO_8859_1);

        FilingTaskView answered = tasks.answer(
                f.providerActor,
                id,
                "FILED",
                "已补办备案",
                "粤ICP备2026000001号-1",
                List.of(
                        new FilingTaskFile("C:\\Users\\证明<1>.png", FilingFixtures.PNG),
                        new FilingTaskFile("../../回执.pdf", pdf),
                        new FilingTaskFile(null, new byte[0])));

        assertThat(answered.status()).isEqualTo(FilingTaskStatus.ANSWERED);
        List<FilingTaskAttachment> files = tasks.attachments(id);
        assertThat(files)
                .extracting(a -> a.fileName() + " " + a.contentType() + " " + a.sizeBytes())
                .containsExactly(
                        "证明_1_.png image/png " + FilingFixtures.PNG.length, "回执.pdf application/pdf " + pdf.length);
        assertThat(tasks.steps(id)).last().satisfies(x -> assertThat(x.note()).contains("证明_1_.png", "回执.pdf"));
        assertThat(tasks.attachment(f.otherActor, id, files.get(0).id())).isEmpty();
        Actor ministry = new Actor("mi-test", "部", Role.MINISTRY_OFFICER, 0, "工业和信息化部", DataScope.all());
        FilingTasks.StoredAttachment stored =
                tasks.attachment(ministry, id, files.get(1).id()).orElseThrow();
        assertThat(java.nio.file.Files.readAllBytes(stored.path())).isEqualTo(pdf);
        assertThat(tasks.attachment(ministry, id, files.get(1).id() + 1000)).isEmpty();
        assertThat(events.stream(org.telereg.platform.audit.StateChanged.class)
                        .filter(e -> e.entityId().equals(Long.toString(id))
                                && e.action().equals("evidenceViewed")))
                .hasSize(1);
    }

    @Test
    void badEvidenceFilesAreRefusedByNameAndNothingIsKept() {
        Fixture f = new Fixture();
        f.upload("kind,value\nDOMAIN," + f.domain("bad") + "\n");
        long id = task(f, f.domain("bad")).id();
        byte[] png = FilingFixtures.PNG;

        assertThat(refusedFiles(f, id, List.of(new FilingTaskFile("empty.png", new byte[0]))))
                .containsExactly("filing.task.invalid.fileEmpty");
        assertThat(refusedFiles(
                        f,
                        id,
                        List.of(new FilingTaskFile(
                                "script.png", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)))))
                .containsExactly("filing.task.invalid.fileType");
        assertThat(refusedFiles(
                        f, id, List.of(new FilingTaskFile("huge.png", java.util.Arrays.copyOf(png, 10_485_761)))))
                .containsExactly("filing.task.invalid.fileTooLarge");
        assertThat(refusedFiles(f, id, java.util.Collections.nCopies(6, new FilingTaskFile("same.png", png))))
                .containsExactly("filing.task.invalid.tooManyFiles");
        // A good file beside a refused note keeps nothing either.
        assertThatThrownBy(() -> tasks.answer(
                        f.providerActor, id, "DISPUTED", "", null, List.of(new FilingTaskFile("ok.png", png))))
                .isInstanceOf(RejectedInputException.class);

        assertThat(tasks.attachments(id)).isEmpty();
        assertThat(tasks.find(DataScope.all(), id).orElseThrow().status()).isEqualTo(FilingTaskStatus.OPEN);
    }

    @Test
    void theConsoleAndTheApiTakeEvidenceFilesAndSayWhichFileIsWrongInBothLanguages() throws Exception {
        String ap = access.organisation("AP-DEMO").orElseThrow().creditCode();
        String fresh = "evidence-" + System.nanoTime() + ".example.cn";
        mvc.perform(post("/api/v1/filing/hosted-lists")
                        .with(as(users, "isp"))
                        .with(csrf())
                        .contentType("text/csv")
                        .content("kind,value\nDOMAIN," + fresh + "\n"))
                .andExpect(status().isOk());
        long id = tasks.list(DataScope.enterprise(ap), FilingTaskStatus.OPEN, null, null).stream()
                .filter(t -> t.target().equals(fresh))
                .findFirst()
                .orElseThrow()
                .id();
        MockMultipartFile text = new MockMultipartFile("files", "回执.pdf", "application/pdf", "not a pdf".getBytes());

        mvc.perform(multipart("/console/filing/tasks/" + id + "/answer")
                        .file(text)
                        .param("answer", "REMOVED")
                        .param("lang", "zh_CN")
                        .with(as(users, "isp"))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("文件 回执.pdf 不是图片或PDF")));
        mvc.perform(multipart("/api/v1/filing/tasks/" + id + "/answer")
                        .file(text)
                        .param("answer", "REMOVED")
                        .param("lang", "en")
                        .with(as(users, "isp"))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("files"))
                .andExpect(jsonPath("$.errors[0].message").value("File 回执.pdf is not an image or PDF"));

        mvc.perform(multipart("/console/filing/tasks/" + id + "/answer")
                        .file(new MockMultipartFile("files", "检查照片.png", "image/png", FilingFixtures.PNG))
                        .param("answer", "REMOVED")
                        .param("note", "已停止接入")
                        .with(as(users, "isp"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        long file = tasks.attachments(id).get(0).id();
        mvc.perform(get("/console/filing/tasks/" + id).with(as(users, "gd")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"attachment-" + file + "\"")));
        mvc.perform(get("/console/filing/tasks/" + id + "/attachments/" + file).with(as(users, "gd")))
                .andExpect(status().isOk())
                .andExpect(content().contentType("image/png"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(content().bytes(FilingFixtures.PNG));
        mvc.perform(get("/api/v1/filing/tasks/" + id + "/attachments/" + file).with(as(users, "cmcc")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/filing/tasks/" + id + "/attachments").with(as(users, "isp")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].fileName").value("检查照片.png"));
    }

    private List<String> refusedFiles(Fixture f, long id, List<FilingTaskFile> files) {
        try {
            tasks.answer(f.providerActor, id, "REMOVED", null, null, files);
        } catch (RejectedInputException e) {
            assertThat(e.problems()).allSatisfy(p -> assertThat(p.field()).isEqualTo("files"));
            return e.problems().stream().map(p -> p.code()).toList();
        }
        throw new AssertionError("the files were accepted");
    }

    private FilingTaskView task(Fixture f, String target) {
        return f.providerTasks().stream()
                .filter(t -> t.target().equals(target))
                .findFirst()
                .orElseThrow();
    }

    private long listings(String provider, CreditEvent.Action action) {
        return events.stream(CreditEvent.class)
                .filter(e -> e.creditCode().equals(provider) && e.action() == action)
                .count();
    }
}
