package org.telereg.platform.antifraud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.telereg.platform.SignIn.as;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.telereg.engine.numbering.PhoneNumbers;
import org.telereg.platform.PlatformIntegrationTest;
import org.telereg.platform.SignIn;
import org.telereg.platform.access.AccessManagement;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.IssuedToken;
import org.telereg.platform.access.OrganisationView;

@PlatformIntegrationTest
@RecordApplicationEvents
class FraudDisposalIntegrationTests {

    private static final AtomicInteger SERIAL = new AtomicInteger();

    @Autowired
    Clock clock;

    @Autowired
    FraudDisposal disposal;

    @Autowired
    AccessManagement access;

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    /** A fresh China Mobile number (138 blocks) whose home is in the province; never the same twice. */
    private static String numberIn(String province) {
        String suffix = String.format("%04d", SERIAL.incrementAndGet());
        for (int prefix = 1380000; prefix < 1390000; prefix++) {
            String number = prefix + suffix;
            var lookup = PhoneNumbers.standard().lookup(number);
            if (lookup.valid() && province.equals(lookup.provinceCode())) {
                return number;
            }
        }
        throw new IllegalStateException("no 138 block in province " + province);
    }

    private Actor actor(String username) {
        return SignIn.actor(users, username);
    }

    @org.junit.jupiter.api.AfterEach
    void signOut() {
        SignIn.signOut();
    }

    private FraudCaseView suspect(String number) {
        OrganisationView cmcc = access.organisation("OP-CMCC").orElseThrow();
        return disposal.registerSuspect(new NewSuspect(
                number, cmcc.creditCode(), cmcc.name(), new BigDecimal("0.930"), "OUT_CALLS=412;CONNECTED_RATIO=0.18"));
    }

    private long blocklistCursor() {
        List<BlocklistChange> all = disposal.blocklistChangesAfter(0, 1000);
        return all.isEmpty() ? 0 : all.get(all.size() - 1).seq();
    }

    @Test
    void confirmedNumberGoesOnTheBlocklistAndFailedVerificationSuspendsIt() {
        String number = numberIn("44");
        FraudCaseView detected = suspect(number);
        assertThat(detected.provinceCode()).isEqualTo("44");
        assertThat(detected.carrier()).isEqualTo("CHINA_MOBILE");
        long cursor = blocklistCursor();

        FraudCaseView confirmed = disposal.confirm(actor("gd"), detected.id());

        assertThat(confirmed.status()).isEqualTo(CaseStatus.CONFIRMED);
        assertThat(Duration.between(confirmed.updatedAt(), confirmed.verificationDeadline()))
                .isEqualTo(Duration.ofHours(24));
        assertThat(disposal.blocklistChangesAfter(cursor, 10))
                .extracting(BlocklistChange::number, BlocklistChange::action)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(number, "ADD"));
        assertThat(events.stream(FraudNumberConfirmed.class))
                .anyMatch(e -> e.number().equals(number));

        FraudCaseView suspended = disposal.reportVerification(actor("cmcc"), detected.id(), false);

        assertThat(suspended.status()).isEqualTo(CaseStatus.SUSPENDED);
        assertThat(events.stream(FraudNumberSuspended.class))
                .anyMatch(e -> e.number().equals(number));
        assertThat(disposal.blocklistChangesAfter(cursor, 10)).hasSize(1);
    }

    @Test
    void upheldAppealRestoresTheNumberAndTakesItOffTheBlocklist() {
        String number = numberIn("44");
        long id = suspect(number).id();
        disposal.confirm(actor("officer"), id);
        disposal.reportVerification(actor("cmcc"), id, false);
        long cursor = blocklistCursor();

        disposal.appeal(actor("cmcc"), id);
        FraudCaseView restored = disposal.decideAppeal(actor("gd"), id, true);

        assertThat(restored.status()).isEqualTo(CaseStatus.RESTORED);
        assertThat(disposal.blocklistChangesAfter(cursor, 10))
                .extracting(BlocklistChange::number, BlocklistChange::action)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(number, "REMOVE"));
        // Entries are appended by a listener after each commit, so under load the append order (seq) can
        // differ from the order of the changes; the time they happened is what orders a history.
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(jdbc.sql("select action from audit_log where module = 'antifraud'"
                                        + " and entity_id = :number order by occurred_at, seq")
                                .param("number", number)
                                .query(String.class)
                                .list())
                        .containsExactly("detected", "confirmed", "suspended", "appealed", "restored"));
    }

    @Test
    void missedVerificationDeadlineSuspendsTheNumber() {
        long id = suspect(numberIn("11")).id();
        disposal.confirm(actor("officer"), id);
        jdbc.sql("update antifraud_case set verification_deadline = :past where id = :id")
                .param("past", java.time.OffsetDateTime.now(clock).minusMinutes(1))
                .param("id", id)
                .update();

        assertThat(disposal.suspendOverdue()).isGreaterThanOrEqualTo(1);

        assertThat(disposal.find(org.telereg.platform.access.DataScope.all(), id)
                        .orElseThrow()
                        .status())
                .isEqualTo(CaseStatus.SUSPENDED);
    }

    @Test
    void clearedNumberFlaggedAgainReopensItsCase() {
        String number = numberIn("11");
        long id = suspect(number).id();
        disposal.confirm(actor("officer"), id);
        disposal.reportVerification(actor("cmcc"), id, true);

        FraudCaseView again = suspect(number);

        assertThat(again.id()).isEqualTo(id);
        assertThat(again.status()).isEqualTo(CaseStatus.SUSPECTED);
    }

    @Test
    void rolesAndScopesDecideWhoDisposes() {
        long beijing = suspect(numberIn("11")).id();

        assertThatThrownBy(() -> disposal.confirm(actor("gd"), beijing))
                .isInstanceOf(java.util.NoSuchElementException.class);
        assertThatThrownBy(() -> disposal.confirm(actor("cmcc"), beijing)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> disposal.reportVerification(actor("bj"), beijing, true))
                .isInstanceOf(InvalidTransitionException.class);
    }

    @Test
    void operatorSystemReadsTheBlocklistFromItsCursorAndReportsVerification() throws Exception {
        OrganisationView cmcc = access.organisation("OP-CMCC").orElseThrow();
        IssuedToken token = access.issueToken(actor("admin"), cmcc.id(), "反诈平台对接");
        String number = numberIn("44");
        long id = suspect(number).id();
        long cursor = blocklistCursor();
        disposal.confirm(actor("gd"), id);

        mvc.perform(get("/api/v1/antifraud/blocklist")
                        .param("after", Long.toString(cursor))
                        .header("Authorization", "Bearer " + token.secret()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.changes[0].number").value(number))
                .andExpect(jsonPath("$.changes[0].action").value("ADD"))
                .andExpect(jsonPath("$.next").value(Matchers.greaterThan((int) cursor)));
        mvc.perform(post("/api/v1/antifraud/cases/{id}/verification", id)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"passed\": true}")
                        .header("Authorization", "Bearer " + token.secret()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CLEARED"));
        mvc.perform(post("/api/v1/antifraud/cases/{id}/verification", id)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"passed\": false}")
                        .header("Authorization", "Bearer " + token.secret()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.caseStatus").value("CLEARED"));
        mvc.perform(post("/api/v1/antifraud/cases/{id}/verification", id)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}")
                        .header("Authorization", "Bearer " + token.secret()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("passed"));
        // The operator system's reads and changes are in the audit log under its token.
        String tokenActor = "token:" + token.secret().substring(0, 12);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(auditLog.search(
                                        new org.telereg.platform.audit.AuditQuery(
                                                "antifraud", tokenActor, null, null, null, null, null),
                                        org.springframework.data.domain.PageRequest.of(0, 20))
                                .getContent())
                        .extracting(entry -> entry.action())
                        .contains("disclosed", "cleared"));
    }

    @Test
    void consoleShowsTheCaseWithOnlyTheActionsTheUserMayTake() throws Exception {
        long id = suspect(numberIn("44")).id();

        mvc.perform(get("/console/antifraud/{id}", id).with(as(users, "gd")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("确认涉诈")))
                .andExpect(content().string(Matchers.containsString("待研判")));
        mvc.perform(get("/console/antifraud/{id}", id).with(as(users, "cmcc")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString("id=\"confirm\""))));
        mvc.perform(get("/console/antifraud/{id}", id).with(as(users, "bj"))).andExpect(status().isNotFound());

        mvc.perform(post("/console/antifraud/{id}/confirm", id)
                        .with(as(users, "gd"))
                        .with(csrf()))
                .andExpect(redirectedUrl("/console/antifraud/" + id));
        mvc.perform(get("/console/antifraud/{id}", id).with(as(users, "gd")))
                .andExpect(content().string(Matchers.containsString("已确认，待核验")))
                .andExpect(content().string(Matchers.containsString("id=\"deadline\"")));
        mvc.perform(post("/console/antifraud/{id}/confirm", id)
                        .with(as(users, "gd"))
                        .with(csrf()))
                .andExpect(redirectedUrl("/console/antifraud/" + id));
        mvc.perform(get("/console/antifraud").param("status", "CONFIRMED").with(as(users, "gd")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"cases\"")));
    }

    @Test
    void dashboardCountsOnlyWhatTheUserMaySee() throws Exception {
        suspect(numberIn("44"));

        mvc.perform(get("/console/antifraud/dashboard/provinces").with(as(users, "gd")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(31))
                .andExpect(jsonPath("$[?(@.code == '11')].value").value(0))
                .andExpect(jsonPath("$[?(@.code == '44')].value").value(Matchers.contains(Matchers.greaterThan(0))));
        mvc.perform(get("/console/antifraud/dashboard/operators").with(as(users, "cmcc")))
                .andExpect(jsonPath("$.categories").value(Matchers.contains("中国移动通信集团有限公司")))
                .andExpect(jsonPath("$.series.length()").value(3));
        mvc.perform(get("/console/antifraud/dashboard/daily").with(as(users, "officer")))
                .andExpect(jsonPath("$.categories.length()").value(30))
                .andExpect(jsonPath("$.series[0].data[29]").value(Matchers.greaterThan(0)));
        mvc.perform(get("/console/antifraud/dashboard").with(as(users, "officer")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("fraud-map")));
    }

    @Test
    void suspectsListSortsByScoreNewestOrNearestDeadline() throws Exception {
        long confirmed = suspect(numberIn("44")).id();
        disposal.confirm(actor("gd"), confirmed);
        var all = org.telereg.platform.access.DataScope.all();
        var anything = new CaseSearch(null, null, null);

        List<FraudCaseView> byScore = disposal.search(
                        all, anything, org.springframework.data.domain.PageRequest.of(0, 50))
                .getContent();
        List<FraudCaseView> byDeadline = disposal.search(
                        all,
                        anything,
                        org.springframework.data.domain.PageRequest.of(
                                0, 50, org.springframework.data.domain.Sort.by("verificationDeadline")))
                .getContent();
        List<FraudCaseView> newest = disposal.search(
                        all,
                        anything,
                        org.springframework.data.domain.PageRequest.of(
                                0, 50, org.springframework.data.domain.Sort.by("detectedAt")))
                .getContent();

        assertThat(byScore).extracting(FraudCaseView::score).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(byDeadline.get(0).verificationDeadline()).isNotNull();
        assertThat(byDeadline.stream().map(FraudCaseView::verificationDeadline).filter(java.util.Objects::nonNull))
                .isSorted();
        assertThat(newest)
                .extracting(FraudCaseView::detectedAt)
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
        mvc.perform(get("/console/antifraud")
                        .param("sort", "verificationDeadline")
                        .with(as(users, "officer")))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(Matchers.matchesPattern("(?s).*value=\"verificationDeadline\"\\s+selected.*")));
    }

    @Test
    void listsMaskTheNumberAndEveryFullReadIsAudited() throws Exception {
        String number = numberIn("44");
        long id = suspect(number).id();
        String masked = number.substring(0, 3) + "****" + number.substring(7);

        mvc.perform(get("/console/antifraud")
                        .param("number", number.substring(0, 7))
                        .with(as(users, "gd")))
                .andExpect(content().string(Matchers.containsString(masked)))
                .andExpect(content().string(Matchers.not(Matchers.containsString(number))));
        mvc.perform(get("/console/antifraud/{id}", id).with(as(users, "gd")))
                .andExpect(content().string(Matchers.containsString(number)));

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(jdbc.sql("select actor from audit_log where entity_id = :number"
                                        + " and action = 'viewed'")
                                .param("number", number)
                                .query(String.class)
                                .list())
                        .containsExactly("gd"));
    }

    @Autowired
    org.telereg.platform.spam.ReportDesk reports;

    @Autowired
    org.telereg.platform.audit.AuditLog auditLog;

    @Autowired
    org.telereg.platform.appeals.AppealDesk appeals;

    @Test
    void theNumberPageListsTheAppealsItsUserMade() throws Exception {
        String number = numberIn("44");
        long id = suspect(number).id();
        java.time.LocalDate today = appeals.today();
        var appeal = appeals.submit(
                org.telereg.platform.appeals.AppealChannel.PORTAL,
                new org.telereg.platform.appeals.NewAppeal(
                        "孙八",
                        number,
                        "OP-CMCC",
                        "44",
                        "SERVICE_CONDUCT",
                        "恢复被误停的号码",
                        "号码被当作涉诈号码停机，本人未参与诈骗。",
                        today.minusDays(20).toString(),
                        today.minusDays(19).toString(),
                        "STORE",
                        "需本人到营业厅核验。",
                        today.minusDays(17).toString(),
                        "false",
                        "false",
                        "false"));

        mvc.perform(get("/console/antifraud/{id}", id).with(as(users, "officer")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(appeal.trackingNumber())));
        mvc.perform(get("/console/antifraud/{id}", suspect(numberIn("44")).id()).with(as(users, "officer")))
                .andExpect(content().string(Matchers.containsString("没有提出过申诉")));
    }

    @Test
    void numberReportedRepeatedlyBecomesASuspect() {
        String number = numberIn("44");
        for (String text : List.of("冒充公安说我涉案", "让我转账到安全账户", "又打来了")) {
            reports.submit(
                    org.telereg.platform.spam.ReportChannel.WEB,
                    new org.telereg.platform.spam.NewReport("FRAUD_CALL", number, text, null));
        }

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            FraudCaseView suspect = disposal.search(
                            org.telereg.platform.access.DataScope.all(),
                            new CaseSearch(null, null, number),
                            org.springframework.data.domain.PageRequest.of(0, 1))
                    .getContent()
                    .get(0);
            assertThat(suspect.reasons()).isEqualTo("reports_12321=3;fraud_reports_12321=3");
            assertThat(suspect.score()).isEqualByComparingTo("1.000");
            assertThat(suspect.operatorName()).isEqualTo("中国移动通信集团有限公司");
        });
    }
}
