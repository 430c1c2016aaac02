package org.telereg.platform.netsec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.telereg.platform.SignIn.as;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.telereg.platform.PlatformIntegrationTest;
import org.telereg.platform.access.Actor;

@PlatformIntegrationTest
class ThreatFeedIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    ThreatIndicators indicators;

    @Autowired
    ThreatFeed feed;

    @Autowired
    Clock clock;

    @Autowired
    JdbcClient jdbc;

    private final Actor ministry = Actor.system();

    @Test
    void pollingPageByPageNeverSkipsNorRepeatsAChangeAcrossWithdrawalsAndRelistings() {
        String tag = ThreatIndicatorsIntegrationTests.tag();
        long start = feed.latest();
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 7; i++) {
            lines.append("DOMAIN,d").append(i).append('.').append(tag).append(".example.com,CNCERT,60,PHISHING,,,\n");
        }
        indicators.importCsv(ministry, csv(lines.toString()));
        long first = indicators
                .find(ThreatKind.DOMAIN, "d0." + tag + ".example.com")
                .orElseThrow()
                .id();
        long third = indicators
                .find(ThreatKind.DOMAIN, "d2." + tag + ".example.com")
                .orElseThrow()
                .id();
        List<ThreatChange> seen = new ArrayList<>();
        long cursor = start;
        // A first page is read before the withdrawals: the poller resumes from its cursor afterwards.
        ThreatChangePage page = feed.after(cursor, 3);
        seen.addAll(page.changes());
        cursor = page.nextCursor();
        indicators.withdraw(ministry, first, "误报");
        indicators.withdraw(ministry, third, "误报");
        indicators.importCsv(
                ministry,
                csv("DOMAIN,d0." + tag + ".example.com,CNCERT,60,PHISHING,,,\n" + "DOMAIN,d1." + tag
                        + ".example.com,CNCERT,99,PHISHING,,,\n"));
        do {
            page = feed.after(cursor, 3);
            seen.addAll(page.changes());
            assertThat(page.changes()).hasSizeLessThanOrEqualTo(3);
            cursor = page.nextCursor();
        } while (page.more());

        List<ThreatChange> ours = seen.stream()
                .filter(c -> c.indicator().endsWith("." + tag + ".example.com"))
                .toList();
        Set<Long> cursors = new HashSet<>();
        long previous = start;
        for (ThreatChange change : seen) {
            assertThat(change.cursor()).isGreaterThan(previous);
            assertThat(cursors.add(change.cursor())).isTrue();
            previous = change.cursor();
        }
        assertThat(ours).hasSize(7 + 2 + 2);
        assertThat(ours.stream().filter(c -> c.indicatorId() == first).map(ThreatChange::change))
                .containsExactly(ThreatChangeKind.ADDED, ThreatChangeKind.WITHDRAWN, ThreatChangeKind.ADDED);
        assertThat(ours.stream().filter(c -> c.indicatorId() == third).map(ThreatChange::change))
                .containsExactly(ThreatChangeKind.ADDED, ThreatChangeKind.WITHDRAWN);
        assertThat(ours.stream()
                        .filter(c -> c.indicator().equals("d1." + tag + ".example.com"))
                        .map(c -> c.change() + ":" + c.confidence()))
                .containsExactly("ADDED:60", "UPDATED:99");
        assertThat(feed.after(cursor, 3).changes()).isEmpty();
        assertThat(feed.after(cursor, 3).nextCursor()).isEqualTo(cursor);
    }

    @Test
    void expiryReachesTheFeedOnceAndTheIndicatorLeavesTheActiveList() {
        String tag = ThreatIndicatorsIntegrationTests.tag();
        String today = LocalDate.now(clock).toString();
        indicators.importCsv(ministry, csv("DOMAIN," + tag + ".example.com,CNCERT,60,SPAM,,," + today + "\n"));
        ThreatIndicator listed =
                indicators.find(ThreatKind.DOMAIN, tag + ".example.com").orElseThrow();
        long cursor = feed.latest();

        indicators.expire();
        assertThat(indicators.find(listed.id()).orElseThrow().status()).isEqualTo(ThreatStatus.ACTIVE);
        expireYesterday(listed.id());
        indicators.expire();
        indicators.expire();

        assertThat(indicators.find(listed.id()).orElseThrow().status()).isEqualTo(ThreatStatus.EXPIRED);
        assertThat(feed.after(cursor, 1000).changes().stream()
                        .filter(c -> c.indicatorId() == listed.id())
                        .map(ThreatChange::change))
                .containsExactly(ThreatChangeKind.EXPIRED);
    }

    @Test
    void operatorsPollTheFeedOverTheApiWithTheNextCursor() throws Exception {
        String tag = ThreatIndicatorsIntegrationTests.tag();
        long start = feed.latest();
        indicators.importCsv(
                ministry,
                csv("IP,2001:db8:ffff::" + Integer.toHexString(tag.hashCode() & 0xffff)
                        + ",CNCERT,70,BOTNET_C2,,,\nURL,http://" + tag + ".example.com/a,CNCERT,70,FRAUD,,,\n"));

        mvc.perform(get("/api/v1/netsec/threats/changes")
                        .param("after", Long.toString(start))
                        .param("limit", "1")
                        .with(as(users, "cmcc")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.changes.length()").value(1))
                .andExpect(jsonPath("$.changes[0].change").value("ADDED"))
                .andExpect(jsonPath("$.changes[0].kind").value("IP"))
                .andExpect(jsonPath("$.nextCursor").value(start + 1))
                .andExpect(jsonPath("$.more").value(true));
        mvc.perform(get("/api/v1/netsec/threats/changes")
                        .param("after", Long.toString(start + 1))
                        .param("limit", "5")
                        .with(as(users, "isp")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.changes[0].indicator").value("http://" + tag + ".example.com/a"))
                .andExpect(jsonPath("$.changes[0].cursor").value(start + 2));
    }

    private void expireYesterday(long id) {
        jdbc.sql("update netsec_threat_indicator set expires_on = :day where id = :id")
                .param("day", LocalDate.now(clock).minusDays(1))
                .param("id", id)
                .update();
    }

    private static byte[] csv(String lines) {
        return ("kind,indicator,source,confidence,category,first_seen,last_seen,expires_on\n" + lines)
                .getBytes(StandardCharsets.UTF_8);
    }
}
