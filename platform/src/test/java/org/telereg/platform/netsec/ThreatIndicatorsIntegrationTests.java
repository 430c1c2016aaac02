package org.telereg.platform.netsec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.telereg.platform.SignIn.as;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.telereg.platform.PlatformIntegrationTest;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.access.Role;
import org.telereg.platform.shared.LineError;

@PlatformIntegrationTest
class ThreatIndicatorsIntegrationTests {

    private static final String HEADER = "kind,indicator,source,confidence,category,first_seen,last_seen,expires_on\n";

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ThreatIndicators indicators;

    @Autowired
    Clock clock;

    private final Actor ministry = Actor.system();

    @Test
    void refusesEachBadLineNamingLineColumnAndReasonAndStoresNothing() {
        String tag = tag();
        long before = count();

        ThreatImportResult result = indicators.importCsv(
                ministry,
                csv("DOMAIN," + tag + ".example.com,CNCERT,90,PHISHING,,,\n"
                        + "IP,256.1.1.1,CNCERT,80,MALWARE,,,\n"
                        + "CIDR,10.0.0.0/33,CNCERT,80,MALWARE,,,\n"
                        + "CIDR,10.0.0.1/24,CNCERT,80,MALWARE,,,\n"
                        + "APP_HASH,abc123,CNCERT,80,FRAUD,,,\n"
                        + "APP_HASH,xyz1d8cd98f00b204e9800998ecf8427e,CNCERT,80,FRAUD,,,\n"
                        + "DOMAIN,b-" + tag + ".example.com,CNCERT,101,PHISHING,,,\n"
                        + "EMAIL,a@example.com,CNCERT,50,SPAM,,,\n"
                        + "URL,ftp://" + tag + ".example.com/x,CNCERT,50,SPAM,,,\n"
                        + "DOMAIN,c-" + tag + ".example.com,,-1,WORM,2026-13-01,,2020-01-01\n"));

        assertThat(result.accepted()).isFalse();
        assertThat(result.errors())
                .extracting(e -> e.line() + ":" + e.field() + ":" + e.code())
                .containsExactly(
                        "3:indicator:netsec.threat.invalid.ip",
                        "4:indicator:netsec.threat.invalid.cidr",
                        "5:indicator:netsec.threat.invalid.cidrHostBits",
                        "6:indicator:netsec.threat.invalid.hashLength",
                        "7:indicator:netsec.threat.invalid.hashDigits",
                        "8:confidence:netsec.threat.invalid.confidence",
                        "9:kind:invalid.choice",
                        "10:indicator:netsec.threat.invalid.url",
                        "11:source:invalid.required",
                        "11:confidence:netsec.threat.invalid.confidence",
                        "11:category:invalid.choice",
                        "11:first_seen:invalid.date",
                        "11:expires_on:netsec.threat.invalid.expired");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void acceptsConfidenceAtItsBoundsAndBothHashLengths() {
        String tag = tag();
        String sha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

        ThreatImportResult result = indicators.importCsv(
                ministry,
                csv("DOMAIN,a-" + tag + ".example.com,CNCERT,0,PHISHING,,,\n"
                        + "DOMAIN,b-" + tag + ".example.com,CNCERT,100,PHISHING,,,\n"
                        + "APP_HASH," + sha256.toUpperCase() + ",CNCERT,90,FRAUD,,,\n"
                        + "APP_HASH,D41D8CD98F00B204E9800998ECF8427E,CNCERT,90,FRAUD,,,\n"
                        + "CIDR,2001:DB8:" + Integer.toHexString(tag.hashCode() & 0xfff) + "::/48,CNCERT,60,MINING,,,\n"
                        + "URL,HTTPS://Login." + tag + ".Example.com:8443/a/B?c=D#frag,CNCERT,60,PHISHING,,,\n"));

        assertThat(result.errors()).isEmpty();
        assertThat(indicators.find(ThreatKind.APP_HASH, sha256).orElseThrow().indicator())
                .isEqualTo(sha256);
        assertThat(indicators
                        .find(ThreatKind.DOMAIN, "A-" + tag + ".EXAMPLE.COM.")
                        .orElseThrow()
                        .confidence())
                .isZero();
        assertThat(indicators
                        .find(ThreatKind.URL, "https://login." + tag + ".example.com:8443/a/B?c=D")
                        .orElseThrow()
                        .indicator())
                .isEqualTo("https://login." + tag + ".example.com:8443/a/B?c=D");
    }

    @Test
    void refusesOverlongAndMaliciousTextAtItsBounds() {
        String tag = tag();
        ThreatImportResult refused = indicators.importCsv(
                ministry,
                csv("DOMAIN,a-" + tag + ".example.com," + "源".repeat(101) + ",50,SPAM,,,\n"
                        + "DOMAIN,<script>alert(1)</script>.example.com,CNCERT,50,SPAM,,,\n"
                        + "URL,javascript:alert(1),CNCERT,50,SPAM,,,\n"
                        + "URL,http://user:pw@" + tag + ".example.com/,CNCERT,50,SPAM,,,\n"
                        + "URL,http://" + tag + ".example.com/" + "a".repeat(2000) + ",CNCERT,50,SPAM,,,\n"
                        + "DOMAIN,b-" + tag + ".example.com,\"CN\u0007CERT\",50,SPAM,,,\n"
                        + "DOMAIN,c-" + tag + ".example.com,CNCERT,100000000000000000000,SPAM,,,\n"));
        assertThat(refused.errors())
                .extracting(e -> e.line() + ":" + e.field() + ":" + e.code())
                .containsExactly(
                        "2:source:invalid.tooLong",
                        "3:indicator:netsec.threat.invalid.domain",
                        "4:indicator:netsec.threat.invalid.url",
                        "5:indicator:netsec.threat.invalid.url",
                        "6:indicator:netsec.threat.invalid.url",
                        "7:source:invalid.control",
                        "8:confidence:netsec.threat.invalid.confidence");

        ThreatImportResult accepted = indicators.importCsv(
                ministry, csv("DOMAIN,a-" + tag + ".example.com," + "源".repeat(100) + ",50,SPAM,,,\n"));
        assertThat(accepted.added()).isEqualTo(1);
    }

    @Test
    void readsAGbkFileWithChineseColumnNamesInAnyOrder() {
        String tag = tag();
        byte[] file = ("置信度,类型,指标,类别,来源\n" + "88,域名," + tag + ".example.cn,PHISHING,国家互联网应急中心\n")
                .replace("域名", "DOMAIN")
                .getBytes(Charset.forName("GBK"));

        ThreatImportResult result = indicators.importCsv(ministry, file);

        assertThat(result.accepted()).isTrue();
        assertThat(result.charset()).isEqualTo("GB18030");
        ThreatIndicator stored =
                indicators.find(ThreatKind.DOMAIN, tag + ".example.cn").orElseThrow();
        assertThat(stored.source()).isEqualTo("国家互联网应急中心");
        assertThat(stored.confidence()).isEqualTo(88);
        assertThat(stored.firstSeen()).isEqualTo(LocalDate.now(clock)).isEqualTo(stored.lastSeen());
    }

    @Test
    void refusesAnEmptyFileAHeaderWithoutLinesAMissingColumnAndBinaryContent() {
        assertThat(indicators.importCsv(ministry, new byte[0]).errors())
                .extracting(LineError::code)
                .containsExactly("invalid.file.empty");
        assertThat(indicators.importCsv(ministry, csv("")).errors())
                .extracting(LineError::code)
                .containsExactly("netsec.threat.import.noRows");
        assertThat(indicators
                        .importCsv(
                                ministry,
                                "kind,indicator,source,category\nIP,192.0.2.1,x,MALWARE\n"
                                        .getBytes(StandardCharsets.UTF_8))
                        .errors())
                .extracting(e -> e.line() + ":" + e.field() + ":" + e.code())
                .containsExactly("1:confidence:netsec.threat.import.missingColumn");
        assertThat(indicators
                        .importCsv(ministry, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, (byte) 0xff, (byte) 0xfe})
                        .errors())
                .extracting(LineError::code)
                .containsExactly("invalid.file.encoding");
        assertThat(indicators
                        .importCsv(ministry, csv("DOMAIN,\"unclosed.example.com,CNCERT,50,SPAM,,,\n"))
                        .accepted())
                .isFalse();
    }

    @Test
    void aRepeatedLineCountsOnceAConflictingOneIsRefusedAndTheSameFileAgainChangesNothing() {
        String tag = tag();
        String domain = "DOMAIN," + tag + ".example.net,src-" + tag + ",70,FRAUD,2026-11-01,2026-11-20,\n";

        ThreatImportResult conflicting = indicators.importCsv(ministry, csv(domain + domain.replace(",70,", ",71,")));
        assertThat(conflicting.errors())
                .extracting(e -> e.line() + ":" + e.code())
                .containsExactly("3:netsec.threat.import.conflictingLine");

        ThreatImportResult first = indicators.importCsv(ministry, csv(domain + domain + domain));
        assertThat(first.accepted()).isTrue();
        assertThat(first.added()).isEqualTo(1);
        assertThat(first.repeated()).isEqualTo(2);

        ThreatImportResult again = indicators.importCsv(ministry, csv(domain));
        assertThat(again.added()).isZero();
        assertThat(again.updated()).isZero();
        assertThat(again.unchanged()).isEqualTo(1);

        ThreatImportResult later = indicators.importCsv(
                ministry,
                csv(domain.replace(",70,", ",90,")
                        .replace("2026-11-20", "2026-11-25")
                        .replace("2026-11-01", "2026-11-10")));
        assertThat(later.updated()).isEqualTo(1);
        ThreatIndicator updated =
                indicators.find(ThreatKind.DOMAIN, tag + ".example.net").orElseThrow();
        assertThat(updated.confidence()).isEqualTo(90);
        assertThat(updated.firstSeen()).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(updated.lastSeen()).isEqualTo(LocalDate.of(2026, 11, 25));
    }

    @Test
    void onlyTheMinistryImportsAndWithdrawsAndAWithdrawalNeedsAReason() throws Exception {
        String tag = tag();
        Actor province = new Actor("gd", "gd", Role.PROVINCIAL_OFFICER, 1, "广东", DataScope.province("44"));
        assertThatThrownBy(() -> indicators.importCsv(province, csv("DOMAIN," + tag + ".example.org,x,50,SPAM,,,\n")))
                .isInstanceOf(AccessDeniedException.class);
        indicators.importCsv(ministry, csv("DOMAIN," + tag + ".example.org,x,50,SPAM,,,\n"));
        ThreatIndicator listed =
                indicators.find(ThreatKind.DOMAIN, tag + ".example.org").orElseThrow();

        mvc.perform(post("/api/v1/netsec/threats/" + listed.id() + "/withdrawal")
                        .with(as(users, "cmcc"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"误报\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/netsec/threats/" + listed.id() + "/withdrawal")
                        .with(as(users, "officer"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"  \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(post("/api/v1/netsec/threats/" + listed.id() + "/withdrawal")
                        .with(as(users, "officer"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"情报源更正\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("WITHDRAWN"));
        mvc.perform(post("/api/v1/netsec/threats/" + listed.id() + "/withdrawal")
                        .with(as(users, "officer"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"again\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("netsec.threat.invalid.notActive"));
        // The audit log is written after the commit, by a listener of its own.
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(jdbc.sql(
                                        "select count(*) from audit_log"
                                                + " where entity_type = 'ThreatIndicator' and entity_id = :id and action = 'threatWithdrawn'")
                                .param("id", Long.toString(listed.id()))
                                .query(Long.class)
                                .single())
                        .isEqualTo(1));
    }

    @Test
    void theApiBatchIsAllOrNothingNumberingItsItems() throws Exception {
        String tag = tag();
        mvc.perform(post("/api/v1/netsec/threats")
                        .with(as(users, "officer"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"indicators\": [{\"kind\": \"DOMAIN\", \"indicator\": \"" + tag
                                + ".example.io\", \"source\": \"CNCERT\", \"confidence\": \"60\", \"category\": \"PHISHING\"},"
                                + " {\"kind\": \"IP\", \"indicator\": \"1.2.3\", \"source\": \"CNCERT\", \"confidence\": \"60\","
                                + " \"category\": \"PHISHING\"}]}"))
                .andExpect(status().is(422))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors", Matchers.hasSize(1)))
                .andExpect(jsonPath("$.errors[0].line").value(2))
                .andExpect(jsonPath("$.errors[0].field").value("indicator"))
                .andExpect(jsonPath("$.errors[0].code").value("netsec.threat.invalid.ip"));
        assertThat(indicators.find(ThreatKind.DOMAIN, tag + ".example.io")).isEmpty();

        mvc.perform(post("/api/v1/netsec/threats")
                        .with(as(users, "officer"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"indicators\": []}"))
                .andExpect(status().is(422))
                .andExpect(jsonPath("$.errors[0].code").value("netsec.threat.import.noRows"));
        mvc.perform(
                        post("/api/v1/netsec/threats")
                                .with(as(users, "officer"))
                                .with(csrf())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"indicators\": [{\"kind\": \"DOMAIN\", \"indicator\": \"" + tag
                                                + ".example.io\", \"source\": \"CNCERT\", \"confidence\": \"60\", \"category\": \"PHISHING\"}]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.added").value(1));
    }

    @Test
    void theConsoleImportShowsTheRefusedLinesInChinese() throws Exception {
        String tag = tag();
        mvc.perform(multipart("/console/netsec/threats/import")
                        .file(new MockMultipartFile(
                                "file", "t.csv", "text/csv", csv("IP," + tag + ",CNCERT,50,MALWARE,,,\n")))
                        .param("lang", "zh_CN")
                        .with(as(users, "officer"))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("文件有 1 处错误，未导入任何指标。")))
                .andExpect(content().string(Matchers.containsString("不是有效的 IP 地址")));
        mvc.perform(multipart("/console/netsec/threats/import")
                        .file(new MockMultipartFile("file", "t.csv", "text/csv", csv("IP,192.0.2.1,x,50,MALWARE,,,\n")))
                        .with(as(users, "cmcc"))
                        .with(csrf()))
                .andExpect(status().isForbidden());
    }

    private long count() {
        return jdbc.sql("select count(*) from netsec_threat_indicator")
                .query(Long.class)
                .single();
    }

    private static byte[] csv(String lines) {
        return (HEADER + lines).getBytes(StandardCharsets.UTF_8);
    }

    static String tag() {
        return "n3" + UUID.randomUUID().toString().substring(0, 8);
    }
}
