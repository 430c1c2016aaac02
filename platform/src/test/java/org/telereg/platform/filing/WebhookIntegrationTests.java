package org.telereg.platform.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.telereg.platform.SignIn.as;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.telereg.platform.PlatformIntegrationTest;
import org.telereg.platform.SignIn;
import org.telereg.platform.access.Actor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The change feed and webhook deliveries against a real HTTP receiver on loopback, the dispatcher
 * driven with instants the test chooses instead of waiting.
 */
@PlatformIntegrationTest
class WebhookIntegrationTests {

    @Autowired
    Clock clock;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    WebhookSubscriptions subscriptions;

    @Autowired
    WebhookDispatcher dispatcher;

    @Autowired
    ChangeFeed feed;

    @Autowired
    JsonMapper json;

    /** What the receiver got: headers and body of each request. */
    record Received(Map<String, String> headers, String body) {}

    private HttpServer server;
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    /** The statuses the receiver answers, in turn; the last one repeats. */
    private volatile List<Integer> answers = List.of(200);

    private final AtomicInteger calls = new AtomicInteger();

    @BeforeEach
    void receiver() throws IOException {
        RegisterFixtures.insert(jdbc);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(
                    Map.of(
                            "event", String.valueOf(exchange.getRequestHeaders().getFirst("X-TeleReg-Event")),
                            "delivery",
                                    String.valueOf(exchange.getRequestHeaders().getFirst("X-TeleReg-Delivery")),
                            "timestamp",
                                    String.valueOf(exchange.getRequestHeaders().getFirst("X-TeleReg-Timestamp")),
                            "signature",
                                    String.valueOf(exchange.getRequestHeaders().getFirst("X-TeleReg-Signature"))),
                    body));
            int call = calls.getAndIncrement();
            int answer = answers.get(Math.min(call, answers.size() - 1));
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        SignIn.signOut();
        // Each test's receiver is gone: its subscriptions must not be dispatched to in the next test.
        jdbc.sql("update filing_webhook set deleted = true, status = 'SUSPENDED'")
                .update();
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    private WebhookCreated subscribe(List<String> provinces, List<String> changes) {
        Actor isp = SignIn.actor(users, "isp");
        return subscriptions.subscribe(isp, new NewWebhook(url(), provinces, changes));
    }

    private long publish(FilingChanged.Change change, String subject, String province, String sponsor) {
        new TransactionTemplate(transactions)
                .executeWithoutResult(s -> events.publishEvent(new FilingChanged(
                        change,
                        subject,
                        List.of(subject + "-1"),
                        province,
                        sponsor,
                        Instant.parse("2026-12-01T08:00:00Z"))));
        return feed.latest();
    }

    private Map<String, Object> delivery(long webhook, long change) {
        return jdbc.sql("select status, attempts, next_attempt_at from filing_webhook_delivery"
                        + " where webhook_id = :w and change_id = :c")
                .param("w", webhook)
                .param("c", change)
                .query()
                .singleRow();
    }

    @Test
    void aChangeIsDeliveredSignedWithTheSubscriptionsSecret() throws Exception {
        WebhookCreated created = subscribe(List.of(), List.of());
        long change =
                publish(FilingChanged.Change.APPROVED, RegisterFixtures.COMPANY_NUMBER, "44", RegisterFixtures.COMPANY);
        Instant now = clock.instant();

        dispatcher.dispatchDue(now);

        assertThat(received).hasSize(1);
        Received got = received.peek();
        assertThat(got.headers().get("event")).isEqualTo("filing.approved");
        assertThat(got.headers().get("timestamp")).isEqualTo(Long.toString(now.getEpochSecond()));
        assertThat(got.headers().get("signature"))
                .isEqualTo(WebhookSignature.sign(created.secret(), got.headers().get("timestamp"), got.body()))
                .isNotEqualTo(WebhookSignature.sign("whsec_wrong", got.headers().get("timestamp"), got.body()));
        JsonNode body = json.readTree(got.body());
        assertThat(body.get("id").asLong()).isEqualTo(change);
        assertThat(body.get("subjectNumber").asString()).isEqualTo(RegisterFixtures.COMPANY_NUMBER);
        assertThat(body.get("sponsorName").asString()).isEqualTo(RegisterFixtures.COMPANY);
        assertThat(delivery(created.webhook().id(), change)).containsEntry("status", "DELIVERED");

        dispatcher.dispatchDue(now.plus(Duration.ofHours(1)));
        assertThat(received).hasSize(1);
    }

    @Test
    void aFailedDeliveryIsRetriedAfterTheBackoffAndDeliveredOnce() {
        answers = List.of(500, 200);
        WebhookCreated created = subscribe(List.of("44"), List.of("CHANGED"));
        long change =
                publish(FilingChanged.Change.CHANGED, RegisterFixtures.COMPANY_NUMBER, "44", RegisterFixtures.COMPANY);
        Instant now = clock.instant();

        dispatcher.dispatchDue(now);
        assertThat(received).hasSize(1);
        assertThat(delivery(created.webhook().id(), change))
                .containsEntry("status", "PENDING")
                .containsEntry("attempts", 1);

        dispatcher.dispatchDue(now.plusSeconds(30));
        assertThat(received).as("the first retry waits a minute").hasSize(1);

        dispatcher.dispatchDue(now.plusSeconds(61));
        assertThat(received).hasSize(2);
        assertThat(delivery(created.webhook().id(), change))
                .containsEntry("status", "DELIVERED")
                .containsEntry("attempts", 2);
        List<String> deliveryIds = received.stream()
                .map(r -> r.headers().get("delivery"))
                .distinct()
                .toList();
        assertThat(deliveryIds).hasSize(1);

        dispatcher.dispatchDue(now.plus(Duration.ofDays(1)));
        assertThat(received).hasSize(2);
    }

    @Test
    void filtersKeepOtherProvincesAndKindsOut() {
        WebhookCreated created = subscribe(List.of("广东"), List.of("CANCELLED"));
        long otherProvince = publish(FilingChanged.Change.CANCELLED, RegisterFixtures.CANCELLED_NUMBER, "11", "某公司");
        long otherKind =
                publish(FilingChanged.Change.APPROVED, RegisterFixtures.COMPANY_NUMBER, "44", RegisterFixtures.COMPANY);
        long wanted = publish(
                FilingChanged.Change.CANCELLED, RegisterFixtures.COMPANY_NUMBER, "44", RegisterFixtures.COMPANY);
        List<Long> queued = jdbc.sql("select change_id from filing_webhook_delivery where webhook_id = :w")
                .param("w", created.webhook().id())
                .query(Long.class)
                .list();
        assertThat(queued).containsExactly(wanted).doesNotContain(otherProvince, otherKind);
    }

    @Test
    void exhaustedAttemptsFailTheDeliveryAndALongFailureSuspendsTheSubscription() throws Exception {
        answers = List.of(503);
        WebhookCreated created = subscribe(List.of(), List.of());
        long change =
                publish(FilingChanged.Change.LAPSED, RegisterFixtures.COMPANY_NUMBER, "44", RegisterFixtures.COMPANY);
        Instant at = clock.instant();
        long[] waits = {1, 2, 4, 8, 16, 32, 64};
        dispatcher.dispatchDue(at);
        for (long minutes : waits) {
            at = at.plus(Duration.ofMinutes(minutes));
            dispatcher.dispatchDue(at);
        }
        assertThat(received).hasSize(8);
        assertThat(delivery(created.webhook().id(), change))
                .containsEntry("status", "FAILED")
                .containsEntry("attempts", 8);

        long later =
                publish(FilingChanged.Change.CHANGED, RegisterFixtures.COMPANY_NUMBER, "44", RegisterFixtures.COMPANY);
        dispatcher.dispatchDue(at.plus(Duration.ofDays(4)));
        assertThat(subscriptions.find(
                        SignIn.actor(users, "isp"), created.webhook().id()))
                .hasValueSatisfying(w -> assertThat(w.status()).isEqualTo("SUSPENDED"));
        dispatcher.dispatchDue(at.plus(Duration.ofDays(5)));
        assertThat(received).as("a suspended subscription gets nothing").hasSize(9);
        List<Map<String, Object>> notices = jdbc.sql(
                        "select organisation_id, message_key, arguments, link from notice where once_key like :once")
                .param("once", "filing.webhook.suspended:" + created.webhook().id() + ":%")
                .query()
                .listOfRows();
        assertThat(notices).as("the owner is told once").hasSize(1);
        assertThat(notices.get(0))
                .containsEntry("message_key", "filing.webhook.notice.suspended")
                .containsEntry(
                        "link", "/console/filing/webhooks/" + created.webhook().id());
        assertThat(((Number) notices.get(0).get("organisation_id")).longValue())
                .isEqualTo(SignIn.actor(users, "isp").organisationId());
        assertThat((String) notices.get(0).get("arguments")).contains(url());

        mvc.perform(get("/console/filing/webhooks/{id}", created.webhook().id()).with(as(users, "isp")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("已暂停")))
                .andExpect(content().string(containsString("id=\"suspended-hint\"")))
                .andExpect(content().string(containsString("id=\"resume\"")))
                .andExpect(content().string(containsString("id=\"redeliver-")));
        long failedDelivery = jdbc.sql(
                        "select id from filing_webhook_delivery where webhook_id = :w and change_id = :c")
                .param("w", created.webhook().id())
                .param("c", change)
                .query(Long.class)
                .single();
        answers = List.of(200);
        calls.set(0);
        mvc.perform(post(
                                "/console/filing/webhooks/{id}/resume",
                                created.webhook().id())
                        .with(as(users, "isp"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/console/filing/webhooks/deliveries/{id}/redeliver", failedDelivery)
                        .with(as(users, "isp"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        dispatcher.dispatchDue(clock.instant().plus(Duration.ofDays(6)));
        assertThat(delivery(created.webhook().id(), change)).containsEntry("status", "DELIVERED");
        assertThat(delivery(created.webhook().id(), later)).containsEntry("status", "DELIVERED");
    }

    @Test
    void theConsoleNamesTheProvincesAndKindsOfChangeASubscriptionFilters() throws Exception {
        WebhookCreated created = subscribe(List.of("44", "51"), List.of("APPROVED", "CANCELLED"));
        mvc.perform(get("/console/filing/webhooks").with(as(users, "isp")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("广东省、四川省")))
                .andExpect(content().string(containsString("备案通过、")))
                .andExpect(content().string(not(containsString("44, 51"))))
                .andExpect(content().string(not(containsString("APPROVED, CANCELLED"))));
        mvc.perform(get("/console/filing/webhooks/{id}", created.webhook().id())
                        .with(as(users, "isp"))
                        .param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("广东省、四川省")))
                .andExpect(content().string(containsString("Approved")));
    }

    @Test
    void internalAndPlainHttpAddressesAreRefusedNamingTheUrl() throws Exception {
        for (String[] refused : new String[][] {
            {"https://10.1.2.3/hook", "filing.webhook.invalid.address"},
            {"https://169.254.169.254/latest/meta-data", "filing.webhook.invalid.address"},
            {"https://[fd00::1]/hook", "filing.webhook.invalid.address"},
            {"http://93.184.216.34/hook", "filing.webhook.invalid.scheme"},
            {"ftp://93.184.216.34/hook", "filing.webhook.invalid.scheme"},
            {"not a url", "filing.webhook.invalid.url"}
        }) {
            mvc.perform(post("/api/v1/filing/webhooks")
                            .with(as(users, "isp"))
                            .with(csrf())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(json.writeValueAsString(Map.of("url", refused[0]))))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("url"))
                    .andExpect(jsonPath("$.errors[0].code").value(refused[1]));
        }
        mvc.perform(post("/api/v1/filing/webhooks")
                        .with(as(users, "isp"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(
                                Map.of("url", url(), "provinces", List.of("99"), "changes", List.of("EATEN")))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'provinces')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'changes')]").exists());
    }

    @Test
    void theConsoleShowsTheSecretOnceAndOnlyTheOwnersSubscriptions() throws Exception {
        String location = mvc.perform(post("/console/filing/webhooks")
                        .with(as(users, "isp"))
                        .with(csrf())
                        .param("url", url())
                        .param("changes", "APPROVED"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("secret", org.hamcrest.Matchers.startsWith("whsec_")))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        mvc.perform(get(location).with(as(users, "isp")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("whsec_"))));
        mvc.perform(get(location).with(as(users, "cmcc"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/filing/webhooks").with(as(users, "cmcc")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(url()))));
        mvc.perform(post("/console/filing/webhooks")
                        .with(as(users, "isp"))
                        .with(csrf())
                        .param("url", "https://192.168.1.1/x"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("is-invalid")))
                .andExpect(content().string(containsString("服务器端请求伪造")));
    }

    @Test
    void theFeedReturnsChangesAfterTheCursorInOrderWithTheNextCursor() throws Exception {
        long start = feed.latest();
        long first =
                publish(FilingChanged.Change.APPROVED, RegisterFixtures.PERSON_NUMBER, "51", RegisterFixtures.PERSON);
        long second =
                publish(FilingChanged.Change.CHANGED, RegisterFixtures.COMPANY_NUMBER, "44", RegisterFixtures.COMPANY);
        long third = publish(
                FilingChanged.Change.CANCELLED, RegisterFixtures.COMPANY_NUMBER, "44", RegisterFixtures.COMPANY);
        assertThat(List.of(first, second, third)).containsExactly(start + 1, start + 2, start + 3);

        mvc.perform(get("/api/v1/public/filing-changes")
                        .param("after", Long.toString(start))
                        .param("limit", "2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.changes", hasSize(2)))
                .andExpect(jsonPath("$.changes[0].id").value(first))
                .andExpect(jsonPath("$.changes[0].sponsorName").value("欧***"))
                .andExpect(jsonPath("$.changes[1].change").value("CHANGED"))
                .andExpect(jsonPath("$.next").value(second))
                .andExpect(jsonPath("$.more").value(true))
                .andExpect(content().string(not(containsString(RegisterFixtures.PERSON))));
        mvc.perform(get("/api/v1/public/filing-changes").param("after", Long.toString(second)))
                .andExpect(jsonPath("$.changes", hasSize(1)))
                .andExpect(jsonPath("$.changes[0].serviceNumbers[0]").value(RegisterFixtures.COMPANY_NUMBER + "-1"))
                .andExpect(jsonPath("$.next").value(third))
                .andExpect(jsonPath("$.more").value(false));
        mvc.perform(get("/api/v1/public/filing-changes").param("after", Long.toString(third)))
                .andExpect(jsonPath("$.changes", hasSize(0)))
                .andExpect(jsonPath("$.next").value(third));
        mvc.perform(get("/api/v1/public/filing-changes").param("after", "-1"))
                .andExpect(jsonPath("$.next").value(third));
    }
}
