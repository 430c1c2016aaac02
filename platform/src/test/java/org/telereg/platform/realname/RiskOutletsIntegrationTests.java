package org.telereg.platform.realname;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.telereg.platform.SignIn.as;
import static org.telereg.platform.realname.Subscribers.batchId;
import static org.telereg.platform.realname.Subscribers.cmccNumber;
import static org.telereg.platform.realname.Subscribers.csv;
import static org.telereg.platform.realname.Subscribers.line;
import static org.telereg.platform.realname.Subscribers.residentId;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import org.telereg.platform.PlatformIntegrationTest;
import org.telereg.platform.SignIn;
import org.telereg.platform.access.AccessManagement;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.antifraud.FraudNumberConfirmed;
import org.telereg.platform.shared.PhoneNumber;

/** Risky outlets: fraud-confirmed numbers traced to their outlet once each, and the weighted ranking. */
@PlatformIntegrationTest
class RiskOutletsIntegrationTests {

    /** Every outlet: the demo and the other tests add many, and a test's outlet may rank low. */
    private static final int ALL = 100_000;

    /** CMCC numbers of a Beijing block (135 20…) that neither the demo nor the other tests use. */
    private static final AtomicLong BEIJING_NUMBERS = new AtomicLong(100_000);

    private static final AtomicLong CASES = new AtomicLong(900_000);

    @Autowired
    Clock clock;

    @Autowired
    RiskOutlets risks;

    @Autowired
    StoreInspections inspections;

    @Autowired
    FraudNumberOutlets fraudOutlets;

    @Autowired
    SnapshotImport imports;

    @Autowired
    CardCounts cardCounts;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    AccessManagement access;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @AfterEach
    void signOut() {
        SignIn.signOut();
    }

    private String cmcc() {
        return access.organisation("OP-CMCC").orElseThrow().creditCode();
    }

    private static String outlet() {
        return "风险营业厅-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String beijingNumber() {
        return "13520" + BEIJING_NUMBERS.incrementAndGet();
    }

    /** Sells {@code numbers} Beijing numbers at the outlet, each to its own person; returns them. */
    private List<String> sell(String outlet, int numbers) {
        List<String> sold = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < numbers; i++) {
            sold.add(beijingNumber());
            lines.add(line(sold.get(i), "RESIDENT_ID", residentId(), "售卡人", "2024-03-01", "NORMAL")
                    .replace("朝阳营业厅", outlet));
        }
        imports.importCsv(SignIn.actor(users, "cmcc"), batchId(), "s.csv", csv(lines.toArray(String[]::new)));
        return sold;
    }

    /** Sells one identity more numbers than the cap at the outlet. */
    private void sellOverCap(String outlet) {
        String id = residentId();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i <= cardCounts.cardsPerOperator(); i++) {
            lines.add(line(beijingNumber(), "RESIDENT_ID", id, "超限人", "2024-03-01", "NORMAL")
                    .replace("朝阳营业厅", outlet));
        }
        imports.importCsv(SignIn.actor(users, "cmcc"), batchId(), "o.csv", csv(lines.toArray(String[]::new)));
    }

    private FraudNumberConfirmed confirmed(String number) {
        return new FraudNumberConfirmed(
                CASES.incrementAndGet(), number, cmcc(), null, new BigDecimal("0.95"), clock.instant());
    }

    private void confirm(String number) {
        FraudNumberConfirmed confirmed = confirmed(number);
        transactions.executeWithoutResult(status -> events.publishEvent(confirmed));
    }

    private long pendingDeliveries(String number) {
        return jdbc.sql("select count(*) from event_publication where listener_id like '%FraudNumberOutlets%'"
                        + " and serialized_event like :number")
                .param("number", "%" + number + "%")
                .query(Long.class)
                .single();
    }

    private OutletRisk suggestion(DataScope scope, String outlet) {
        return risks.suggestions(scope, ALL).stream()
                .filter(o -> o.outletName().equals(outlet))
                .findFirst()
                .orElseThrow(() -> new AssertionError(outlet + " is not suggested"));
    }

    @Test
    void aConfirmedFraudNumberRaisesItsOutletsCount() {
        String outlet = outlet();
        List<String> sold = sell(outlet, 2);

        confirm(sold.get(0));

        await().atMost(Duration.ofSeconds(10)).until(() -> risks.fraudNumbers(cmcc(), outlet) == 1);
        OutletRisk risk = suggestion(DataScope.all(), outlet);
        assertThat(risk.fraudExamples())
                .containsExactly(PhoneNumber.of(sold.get(0)).masked());
        assertThat(risk.score()).isEqualByComparingTo(risks.fraudWeight());
    }

    @Test
    void theSameNumberConfirmedTwiceCountsOnce() {
        String outlet = outlet();
        String number = sell(outlet, 1).get(0);

        confirm(number);
        confirm(number);

        await().atMost(Duration.ofSeconds(10)).until(() -> pendingDeliveries(number) == 0);
        assertThat(risks.fraudNumbers(cmcc(), outlet)).isEqualTo(1);
        // A redelivery of the very same event, as the outbox does after a restart, counts nothing either.
        assertThat(fraudOutlets.count(confirmed(number))).isFalse();
        assertThat(risks.fraudNumbers(cmcc(), outlet)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from realname_fraud_number where phone_number = :n")
                        .param("n", number)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aNumberSoldNowhereWeKnowCountsNowhere() {
        String unknown = cmccNumber();

        confirm(unknown);

        await().atMost(Duration.ofSeconds(10)).until(() -> pendingDeliveries(unknown) == 0);
        assertThat(jdbc.sql("select count(*) from realname_fraud_number where phone_number = :n")
                        .param("n", unknown)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void outletsRankByWeightedEvidenceAndRecentlyInspectedOnesDropDown() {
        String fraudOutlet = outlet();
        String overCapOutlet = outlet();
        String inspectedOutlet = outlet();
        List<String> fraudNumbers = sell(fraudOutlet, 3);
        fraudNumbers.forEach(this::confirm);
        sellOverCap(overCapOutlet);
        List<String> inspectedNumbers = sell(inspectedOutlet, 4);
        inspectedNumbers.forEach(this::confirm);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> risks.fraudNumbers(cmcc(), fraudOutlet) == 3
                        && risks.fraudNumbers(cmcc(), inspectedOutlet) == 4);
        Actor ministry = SignIn.actor(users, "officer");
        String province = suggestion(DataScope.all(), inspectedOutlet).provinceCode();
        InspectionView visit = inspections.plan(
                ministry,
                new InspectionPlanInput(
                        cmcc(),
                        inspectedOutlet,
                        province,
                        null,
                        inspections.today().toString(),
                        "王"));
        inspections.record(
                ministry,
                visit.id(),
                new InspectionResultInput(inspections.today().toString(), "true", null, null, null));

        List<String> ranked = risks.suggestions(DataScope.all(), ALL).stream()
                .map(OutletRisk::outletName)
                .filter(name ->
                        List.of(fraudOutlet, overCapOutlet, inspectedOutlet).contains(name))
                .toList();

        BigDecimal fraudScore = risks.fraudWeight().multiply(BigDecimal.valueOf(3));
        BigDecimal overCapScore = risks.overCapWeight().multiply(BigDecimal.valueOf(cardCounts.cardsPerOperator() + 1));
        assertThat(suggestion(DataScope.all(), fraudOutlet).score()).isEqualByComparingTo(fraudScore);
        OutletRisk overCap = suggestion(DataScope.all(), overCapOutlet);
        assertThat(overCap.score()).isEqualByComparingTo(overCapScore);
        assertThat(overCap.overCapIdentities()).isEqualTo(1);
        OutletRisk inspected = suggestion(DataScope.all(), inspectedOutlet);
        assertThat(inspected.recentlyInspected()).isTrue();
        assertThat(inspected.lastInspected()).isEqualTo(inspections.today());
        // 3 × 3 = 9 over 6 × 1 = 6 with the default weights; the inspected outlet (score 12) comes last.
        assertThat(ranked)
                .containsExactly(
                        fraudScore.compareTo(overCapScore) >= 0 ? fraudOutlet : overCapOutlet,
                        fraudScore.compareTo(overCapScore) >= 0 ? overCapOutlet : fraudOutlet,
                        inspectedOutlet);
    }

    @Test
    void suggestionsKeepToTheReadersScope() throws Exception {
        String outlet = outlet();
        String number = sell(outlet, 1).get(0);
        confirm(number);
        await().atMost(Duration.ofSeconds(10)).until(() -> risks.fraudNumbers(cmcc(), outlet) == 1);
        assertThat(PhoneNumber.of(number).provinceCode()).isEqualTo("11");

        assertThat(risks.suggestions(DataScope.province("11"), ALL))
                .extracting(OutletRisk::outletName)
                .contains(outlet);
        assertThat(risks.suggestions(DataScope.province("44"), ALL))
                .extracting(OutletRisk::outletName)
                .doesNotContain(outlet);
        assertThat(risks.suggestions(
                        DataScope.enterprise(
                                access.organisation("OP-CUCC").orElseThrow().creditCode()),
                        ALL))
                .extracting(OutletRisk::outletName)
                .doesNotContain(outlet);
    }

    @Test
    void theRiskPageLinksEachOutletToAPrefilledPlan() throws Exception {
        String outlet = outlet();
        // Six fraud numbers put the outlet among the first the page lists, above the demo's outlets.
        sell(outlet, 6).forEach(this::confirm);
        await().atMost(Duration.ofSeconds(10)).until(() -> risks.fraudNumbers(cmcc(), outlet) == 6);

        mvc.perform(get("/console/realname/risk").with(as(users, "officer")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(outlet)))
                .andExpect(content().string(Matchers.containsString("/console/realname/inspections/new?operator=")));
        mvc.perform(get("/console/realname/inspections/new")
                        .param("operator", cmcc())
                        .param("outletName", outlet)
                        .param("province", "44")
                        .with(as(users, "officer")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("value=\"" + outlet + "\"")))
                .andExpect(content().string(Matchers.containsString("id=\"from-suggestion\"")));
        mvc.perform(get("/console/realname/risk").with(as(users, "isp"))).andExpect(status().isForbidden());
    }
}
