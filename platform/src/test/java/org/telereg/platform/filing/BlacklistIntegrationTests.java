package org.telereg.platform.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.telereg.platform.SignIn.as;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.telereg.platform.PlatformIntegrationTest;
import org.telereg.platform.SignIn;
import org.telereg.platform.access.Actor;
import org.telereg.platform.shared.FieldProblem;
import org.telereg.platform.shared.RejectedInputException;

@PlatformIntegrationTest
class BlacklistIntegrationTests {

    private static final AtomicInteger NAMES = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Blacklist blacklist;

    private final Actor ministry = Actor.system();

    @AfterEach
    void signOut() {
        SignIn.signOut();
    }

    /** A domain no other test lists. */
    private static String domain() {
        return "test-blacklist-" + NAMES.incrementAndGet() + "-" + System.nanoTime() % 100_000 + ".cn";
    }

    private static NewBlacklistEntry entry(String kind, String target, String severity) {
        return new NewBlacklistEntry(kind, target, "测试对象", severity, "FRAUD", "涉诈网站，公安机关通报");
    }

    private long audits(long id, String action) {
        return jdbc.sql("select count(*) from audit_log where entity_type = 'BlacklistEntry' and entity_id = :id"
                        + " and action = :action")
                .param("id", Long.toString(id))
                .param("action", action)
                .query(Long.class)
                .single();
    }

    @Test
    void aTargetIsListedNormalisedOnceAndFoundByAnySpelling() {
        String domain = domain();
        BlacklistEntry entry =
                blacklist.list(ministry, entry("DOMAIN", "https://" + domain.toUpperCase() + "/pay?x=1", "1"));
        assertThat(entry.target()).isEqualTo(domain);
        assertThat(entry.authorityCode()).isEqualTo("MIIT");
        assertThat(blacklist.find(BlacklistKind.DOMAIN, domain + "."))
                .map(BlacklistEntry::id)
                .contains(entry.id());
        assertThat(blacklist.find(BlacklistKind.DOMAIN, "other-" + domain)).isEmpty();
        assertThat(blacklist.find(BlacklistKind.DOMAIN, "not a domain")).isEmpty();
        await().atMost(Duration.ofSeconds(20)).until(() -> audits(entry.id(), "listed") == 1);

        Actor gd = SignIn.actor(users, "gd");
        assertThatThrownBy(() -> blacklist.list(gd, entry("DOMAIN", domain, "2")))
                .isInstanceOfSatisfying(RejectedInputException.class, e -> {
                    FieldProblem problem = e.problems().get(0);
                    assertThat(problem.field()).isEqualTo("target");
                    assertThat(problem.code()).isEqualTo("filing.blacklist.invalid.duplicate");
                    assertThat(problem.arguments()).contains(entry.id(), "MIIT");
                });

        BlacklistEntry ip = blacklist.list(gd, entry("IP", "2001:DB8:0:0::1", "3"));
        assertThat(ip.target()).isEqualTo("2001:db8::1");
        assertThat(ip.authorityCode()).isEqualTo("44");
        assertThat(blacklist.find(BlacklistKind.IP, "2001:db8::0:1")).isPresent();
    }

    @Test
    void badEntriesAreRefusedFieldByField() {
        assertThatThrownBy(
                        () -> blacklist.list(ministry, new NewBlacklistEntry("IP", "300.1.1.1", "", "4", "NOPE", " ")))
                .isInstanceOfSatisfying(
                        RejectedInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::field, FieldProblem::code)
                                .containsExactlyInAnyOrder(
                                        org.assertj.core.groups.Tuple.tuple(
                                                "target", "filing.blacklist.invalid.target.IP"),
                                        org.assertj.core.groups.Tuple.tuple(
                                                "severity", "filing.blacklist.invalid.severity"),
                                        org.assertj.core.groups.Tuple.tuple("category", "invalid.choice"),
                                        org.assertj.core.groups.Tuple.tuple("reason", "invalid.required")));
        assertThatThrownBy(() -> blacklist.list(ministry, entry("APP", "com.example app", "1")))
                .isInstanceOfSatisfying(
                        RejectedInputException.class,
                        e -> assertThat(e.problems().get(0).code()).isEqualTo("filing.blacklist.invalid.target.APP"));
        assertThatThrownBy(() -> blacklist.list(SignIn.actor(users, "cmcc"), entry("DOMAIN", domain(), "1")))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void severityChangesAndLiftingAreKeptWithTheirReasonsAndOnlyByTheListingAuthority() throws Exception {
        String app = "com.test" + NAMES.incrementAndGet() + ".loan";
        BlacklistEntry entry = blacklist.list(ministry, entry("APP", app, "1"));
        Actor gd = SignIn.actor(users, "gd");
        assertThatThrownBy(() -> blacklist.changeSeverity(gd, entry.id(), "2", "省局试图调整"))
                .isInstanceOf(AccessDeniedException.class);
        SignIn.signOut();

        assertThatThrownBy(() -> blacklist.changeSeverity(ministry, entry.id(), "1", "同级"))
                .isInstanceOfSatisfying(
                        RejectedInputException.class,
                        e -> assertThat(e.problems().get(0).code()).isEqualTo("filing.blacklist.invalid.sameSeverity"));
        assertThat(blacklist
                        .changeSeverity(ministry, entry.id(), "3", "已下架，降为警示")
                        .severity())
                .isEqualTo(3);
        await().atMost(Duration.ofSeconds(20)).until(() -> audits(entry.id(), "changed") == 1);

        assertThatThrownBy(() -> blacklist.lift(ministry, entry.id(), ""))
                .isInstanceOfSatisfying(
                        RejectedInputException.class,
                        e -> assertThat(e.problems().get(0).field()).isEqualTo("reason"));
        BlacklistEntry lifted = blacklist.lift(ministry, entry.id(), "已完成整改");
        assertThat(lifted.status()).isEqualTo("LIFTED");
        assertThat(lifted.liftReason()).isEqualTo("已完成整改");
        assertThat(lifted.liftedOn()).isNotNull();
        await().atMost(Duration.ofSeconds(20)).until(() -> audits(entry.id(), "removed") == 1);
        assertThat(blacklist.find(BlacklistKind.APP, app)).isEmpty();
        assertThatThrownBy(() -> blacklist.lift(ministry, entry.id(), "再次")).isInstanceOf(RejectedInputException.class);

        // Once lifted, the target may be listed again.
        assertThat(blacklist.list(ministry, entry("APP", app, "2")).active()).isTrue();

        mvc.perform(post("/console/filing/blacklist/" + entry.id() + "/lift")
                        .with(as(users, "isp"))
                        .with(csrf())
                        .param("reason", "接入商无权移出"))
                .andExpect(status().isForbidden());
    }

    @Test
    void operatorsAndAccessProvidersReadTheListTheyMustBlockButDoNotWriteIt() throws Exception {
        String domain = domain();
        BlacklistEntry entry = blacklist.list(ministry, entry("DOMAIN", domain, "1"));
        for (String user : new String[] {"cmcc", "isp", "auditor"}) {
            mvc.perform(get("/console/filing/blacklist").param("q", domain).with(as(users, user)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(Matchers.containsString(domain)))
                    .andExpect(content().string(Matchers.not(Matchers.containsString("id=\"entry-form\""))));
        }
        mvc.perform(get("/console/filing/blacklist").with(as(users, "gd")))
                .andExpect(content().string(Matchers.containsString("id=\"entry-form\"")));
        mvc.perform(get("/api/v1/filing/blacklist")
                        .param("kind", "DOMAIN")
                        .param("q", domain)
                        .with(as(users, "isp")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.entries[0].id").value((int) entry.id()))
                .andExpect(jsonPath("$.entries[0].severity").value(1));
        mvc.perform(post("/console/filing/blacklist")
                        .with(as(users, "cmcc"))
                        .with(csrf())
                        .param("kind", "DOMAIN")
                        .param("target", domain())
                        .param("severity", "1")
                        .param("category", "FRAUD")
                        .param("reason", "运营商无权列入"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/console/filing/blacklist/" + entry.id()).with(as(users, "cmcc")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString("id=\"lift-form\""))));
        mvc.perform(get("/console/filing/blacklist/" + entry.id()).with(as(users, "officer")))
                .andExpect(content().string(Matchers.containsString("id=\"lift-form\"")));
    }

    @Test
    void aBlacklistedDomainThatIsFiledShowsItsFilingNumber() throws Exception {
        String filed = jdbc.sql("select max(d.domain) from filing_service_domain d join filing_service s"
                        + " on s.id = d.service_id where s.status = 'ACTIVE' and not exists (select 1 from"
                        + " filing_blacklist b where b.target = d.domain and b.status = 'ACTIVE')")
                .query(String.class)
                .single();
        String number = jdbc.sql("select min(s.service_number) from filing_service_domain d join filing_service s"
                        + " on s.id = d.service_id where d.domain = :domain and s.status = 'ACTIVE'")
                .param("domain", filed)
                .query(String.class)
                .single();
        BlacklistEntry entry = blacklist.list(ministry, entry("DOMAIN", filed, "2"));
        assertThat(entry.filedNumber()).isEqualTo(number);
        assertThat(FilingNumber.parse(number).isSubject()).isFalse();
        mvc.perform(get("/console/filing/blacklist/" + entry.id()).with(as(users, "gd")))
                .andExpect(content().string(Matchers.containsString(number)));
        assertThat(blacklist.list(ministry, entry("DOMAIN", domain(), "2")).filedNumber())
                .isNull();
    }

    @Test
    void anImportIsAllOrNothingUnderTheImportersAuthorityAndRepeatsWithoutEffect() throws Exception {
        String a = domain();
        String b = domain();
        String good = "类型,对象,名称,级别,类别,原因\n"
                + "DOMAIN," + a + ",博彩站,1,GAMBLING,网络赌博\n"
                + "APP,com." + a.replace('.', '_').replace('-', '_') + ".app,借贷App,2,FRAUD,涉诈\n"
                + "IP,198.51.100." + (NAMES.incrementAndGet() % 250) + ",,3,MALWARE,恶意程序服务器\n";
        String bad = good
                + "DOMAIN," + a + ",重复,1,GAMBLING,同一文件重复\n"
                + "DOMAIN,bad domain,坏,1,GAMBLING,坏域名\n"
                + "WEBSITE," + b + ",类型错,5,GAMBLING,\n";
        long before = jdbc.sql("select count(*) from filing_blacklist")
                .query(Long.class)
                .single();
        mvc.perform(multipart("/console/filing/blacklist/import")
                        .file(new org.springframework.mock.web.MockMultipartFile(
                                "file", "bad.csv", "text/csv", bad.getBytes(StandardCharsets.UTF_8)))
                        .with(as(users, "gd"))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"import-errors\"")));
        SignIn.actor(users, "gd");
        BlacklistImportResult rejected =
                blacklist.importCsv(SignIn.actor(users, "gd"), bad.getBytes(StandardCharsets.UTF_8));
        assertThat(rejected.imported()).isFalse();
        assertThat(rejected.errors()).extracting(e -> e.line()).containsExactly(5L, 6L, 7L, 7L, 7L);
        assertThat(jdbc.sql("select count(*) from filing_blacklist")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);

        byte[] gbk = good.getBytes(Charset.forName("GBK"));
        BlacklistImportResult imported = blacklist.importCsv(SignIn.actor(users, "gd"), gbk);
        assertThat(imported.imported()).isTrue();
        assertThat(imported.listed()).isEqualTo(3);
        assertThat(blacklist.find(BlacklistKind.DOMAIN, a).orElseThrow().authorityCode())
                .isEqualTo("44");
        BlacklistImportResult again = blacklist.importCsv(SignIn.actor(users, "gd"), gbk);
        assertThat(again.listed()).isZero();
        assertThat(again.unchanged()).isEqualTo(3);
    }

    @Test
    void theListExportsEveryFilteredEntryAsCsvWithFormulaCellsDefusedAndAudited() throws Exception {
        String domain = domain();
        BlacklistEntry listed = blacklist.list(
                ministry,
                new NewBlacklistEntry(
                        "DOMAIN", domain, "=HYPERLINK(\"http://evil.example\",\"点我\")", "1", "GAMBLING", "境外赌博网站"));
        BlacklistEntry lifted = blacklist.list(ministry, entry("DOMAIN", domain(), "2"));
        blacklist.lift(ministry, lifted.id(), "已整改");

        byte[] csv = mvc.perform(get("/console/filing/blacklist/export")
                        .param("kind", "DOMAIN")
                        .param("q", domain)
                        .with(as(users, "cmcc")))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(Arrays.copyOf(csv, 3)).as("UTF-8 byte-order mark").containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(csv, StandardCharsets.UTF_8);
        List<String> lines = text.lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("\uFEFF\"类型\",\"域名 / App标识 / IP\"");
        assertThat(lines.get(1))
                .contains("\"" + domain + "\"", "\"一级\"", "工业和信息化部", "\"在列\"")
                .contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"点我\"\")\"");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql("select count(*) from audit_log where entity_type = 'BlacklistExport'"
                                        + " and entity_id = 'cmcc' and action = 'exported'")
                                .query(Long.class)
                                .single()
                        >= 1);

        String all = mvc.perform(get("/console/filing/blacklist/export")
                        .param("status", "")
                        .param("q", "test-blacklist-")
                        .with(as(users, "cmcc")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(all).contains(listed.target(), lifted.target(), "\"已移出\"");
    }
}
