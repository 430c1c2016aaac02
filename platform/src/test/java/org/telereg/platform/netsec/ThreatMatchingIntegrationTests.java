package org.telereg.platform.netsec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.telereg.platform.PlatformIntegrationTest;
import org.telereg.platform.SignIn;
import org.telereg.platform.access.AccessManagement;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.calendar.WorkingDays;
import org.telereg.platform.filing.FiledSite;
import org.telereg.platform.filing.FiledSites;
import org.telereg.platform.shared.RejectedInputException;

@PlatformIntegrationTest
class ThreatMatchingIntegrationTests {

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccessManagement access;

    @Autowired
    ThreatIndicators indicators;

    @Autowired
    ThreatMatching matching;

    @Autowired
    ThreatTasks tasks;

    @Autowired
    FiledSites sites;

    @Autowired
    WorkingDays workingDays;

    @Autowired
    Clock clock;

    private final Actor ministry = Actor.system();

    @AfterEach
    void signOut() {
        SignIn.signOut();
    }

    @Test
    void aFiledDomainUnderAListedHostOpensOneTaskForItsProviderAndNeverASecond() {
        Filed filed = filedDomainOf(access.organisation("AP-DEMO").orElseThrow().creditCode(), 5);
        String host = ThreatIndicatorsIntegrationTests.tag() + "." + filed.domain();

        ThreatImportResult result = indicators.importCsv(ministry, csv("DOMAIN," + host + ",CNCERT,90,PHISHING\n"));
        assertThat(result.tasksOpened()).isEqualTo(1);
        ThreatIndicator indicator = indicators.find(ThreatKind.DOMAIN, host).orElseThrow();

        matching.matchAll();
        matching.matchAll();
        indicators.importCsv(ministry, csv("DOMAIN," + host + ",CNCERT,95,PHISHING\n"));

        List<ThreatTaskView> opened = tasks.list(DataScope.all(), null, indicator.id());
        assertThat(opened).singleElement().satisfies(task -> {
            assertThat(task.serviceId()).isEqualTo(filed.serviceId());
            assertThat(task.matched()).isEqualTo(filed.domain());
            assertThat(task.providerCreditCode()).isEqualTo(filed.provider());
            assertThat(task.provinceCode()).isEqualTo(filed.province());
            assertThat(task.status()).isEqualTo(ThreatTaskStatus.OPEN);
            assertThat(task.dueOn()).isEqualTo(workingDays.plus(LocalDate.now(clock), 3));
        });
        long id = opened.get(0).id();
        assertThat(jdbc.sql("select count(*) from notice where once_key = :key")
                        .param("key", "netsec.threat.task:" + id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(tasks.find(DataScope.enterprise(filed.provider()), id)).isPresent();
        assertThat(tasks.find(DataScope.province(filed.province()), id)).isPresent();
        assertThat(tasks.find(DataScope.province(filed.province().equals("11") ? "44" : "11"), id))
                .isEmpty();
        assertThat(tasks.find(DataScope.enterprise("91110000000000000X"), id)).isEmpty();
    }

    @Test
    void anAddressAndABlockOpenATaskForEverySiteFiledThereOnceEach() {
        String address = unlistedFiledAddress();
        List<FiledSite> at = sites.atAddress(address);
        String block = address.substring(0, address.lastIndexOf('.')) + ".0/24";
        List<FiledSite> within = sites.inBlock(ThreatRules.network(block), 24);
        assertThat(within)
                .extracting(FiledSite::serviceId)
                .containsAll(at.stream().map(FiledSite::serviceId).toList());

        ThreatImportResult result = indicators.importCsv(
                ministry, csv("IP," + address + ",CNCERT,80,BOTNET_C2\n" + "CIDR," + block + ",CNCERT,60,MALWARE\n"));
        matching.matchAll();

        ThreatIndicator ip = indicators.find(ThreatKind.IP, address).orElseThrow();
        ThreatIndicator cidr = indicators.find(ThreatKind.CIDR, block).orElseThrow();
        assertThat(tasks.list(DataScope.all(), null, ip.id())).hasSize(at.size());
        assertThat(tasks.list(DataScope.all(), null, cidr.id()))
                .extracting(ThreatTaskView::serviceId)
                .containsExactlyInAnyOrderElementsOf(
                        within.stream().map(FiledSite::serviceId).toList());
        assertThat(result.tasksOpened()).isEqualTo(at.size() + within.size());
    }

    @Test
    void theProviderAnswersTheOfficerReturnsThenClosesAndOthersCannot() {
        Filed filed = filedDomainOf(access.organisation("AP-DEMO").orElseThrow().creditCode(), 9);
        String host = ThreatIndicatorsIntegrationTests.tag() + "." + filed.domain();
        indicators.importCsv(ministry, csv("DOMAIN," + host + ",CNCERT,90,PHISHING\n"));
        long id = tasks.list(
                        DataScope.all(),
                        null,
                        indicators.find(ThreatKind.DOMAIN, host).orElseThrow().id())
                .get(0)
                .id();

        Actor cmcc = SignIn.actor(users, "cmcc");
        assertThatThrownBy(() -> tasks.answer(cmcc, id, "TAKEN_DOWN", null)).isInstanceOf(NoSuchElementException.class);
        Actor isp = SignIn.actor(users, "isp");
        assertThatThrownBy(() -> tasks.answer(isp, id, "FALSE_POSITIVE", " "))
                .isInstanceOfSatisfying(
                        RejectedInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(p -> p.field() + ":" + p.code())
                                .containsExactly("note:invalid.required"));
        assertThatThrownBy(() -> tasks.answer(isp, id, "DELETED", null))
                .isInstanceOfSatisfying(
                        RejectedInputException.class,
                        e -> assertThat(e.problems()).extracting(p -> p.field()).containsExactly("answer"));
        assertThatThrownBy(() -> tasks.close(isp, id, null)).isInstanceOf(AccessDeniedException.class);
        assertThat(tasks.answer(isp, id, "FALSE_POSITIVE", "CDN 共享地址").status()).isEqualTo(ThreatTaskStatus.ANSWERED);
        assertThatThrownBy(() -> tasks.answer(isp, id, "TAKEN_DOWN", null)).isInstanceOf(AccessDeniedException.class);

        Actor officer = SignIn.actor(users, "officer");
        assertThatThrownBy(() -> tasks.returnToProvider(officer, id, "")).isInstanceOf(RejectedInputException.class);
        ThreatTaskView returned = tasks.returnToProvider(officer, id, "页面仍可访问");
        assertThat(returned.status()).isEqualTo(ThreatTaskStatus.OPEN);
        assertThat(returned.answer()).isNull();

        tasks.answer(SignIn.actor(users, "isp"), id, "TAKEN_DOWN", null);
        ThreatTaskView closed = tasks.close(SignIn.actor(users, "officer"), id, "核实已关停");
        assertThat(closed.status()).isEqualTo(ThreatTaskStatus.CLOSED);
        assertThat(closed.answer()).isEqualTo(ThreatTaskAnswer.TAKEN_DOWN);
        assertThat(tasks.steps(id))
                .extracting(ThreatTaskStep::action)
                .containsExactly("opened", "answered", "returned", "answered", "closed");
        // The audit log is written after each commit, by a listener of its own, so quick steps may land
        // in either order; the task's time line above holds the order.
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(jdbc.sql("select action from audit_log"
                                        + " where entity_type = 'ThreatTask' and entity_id = :id")
                                .param("id", Long.toString(id))
                                .query(String.class)
                                .list())
                        .containsExactlyInAnyOrder("opened", "answered", "returned", "answered", "closed"));
    }

    @Test
    void anAppHashOrAnUnfiledHostOpensNothing() {
        String tag = ThreatIndicatorsIntegrationTests.tag();
        ThreatImportResult result = indicators.importCsv(
                ministry,
                csv("APP_HASH," + "ab".repeat(32) + ",CNCERT,90,FRAUD\n" + "DOMAIN," + tag
                        + ".invalid-tld-n3,CNCERT,90,FRAUD\n" + "URL,http://" + tag
                        + ".example.org/login,CNCERT,90,PHISHING\n"));
        assertThat(result.accepted()).isTrue();
        assertThat(result.tasksOpened()).isZero();
    }

    record Filed(long serviceId, String domain, String provider, String province) {}

    private Filed filedDomainOf(String provider, int offset) {
        return jdbc.sql("""
                        select s.id, d.domain, s.access_provider_credit_code, j.province_code
                        from filing_service_domain d join filing_service s on s.id = d.service_id
                        join filing_subject j on j.id = s.subject_id
                        where s.status = 'ACTIVE' and s.access_provider_credit_code = :provider
                        order by s.id limit 1 offset :offset""")
                .param("provider", provider)
                .param("offset", offset)
                .query((rs, n) -> new Filed(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .single();
    }

    /** A filed IPv4 address whose /24 block is not on the list yet (the demo lists a few). */
    private String unlistedFiledAddress() {
        List<String> addresses = jdbc.sql("""
                        select distinct i.address from filing_service_ip i join filing_service s on s.id = i.service_id
                        where s.status = 'ACTIVE' and i.address not like '%:%' order by i.address""").query(String.class).list();
        for (String address : addresses) {
            String block = address.substring(0, address.lastIndexOf('.')) + ".0/24";
            if (indicators.find(ThreatKind.IP, address).isEmpty()
                    && indicators.find(ThreatKind.CIDR, block).isEmpty()) {
                return address;
            }
        }
        throw new IllegalStateException("every filed address is listed");
    }

    private static byte[] csv(String lines) {
        return ("kind,indicator,source,confidence,category\n" + lines).getBytes(StandardCharsets.UTF_8);
    }
}
