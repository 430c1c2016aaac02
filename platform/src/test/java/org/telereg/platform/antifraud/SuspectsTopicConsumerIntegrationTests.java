package org.telereg.platform.antifraud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.telereg.platform.SignIn.as;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.telereg.platform.PlatformIntegrationTest;
import org.telereg.platform.SignIn;
import org.telereg.platform.access.AccessManagement;
import org.telereg.platform.access.DataScope;

/**
 * The platform reading the fraud job's suspects topic from an in-process Kafka broker: the lines below are
 * what the job's transactional sink writes ({@code ScoredWindow.toCsv()}), published before the platform
 * starts, as a running job's verdicts would be waiting on the topic.
 */
@PlatformIntegrationTest
// The consumer reads a broker this class owns: the context must not outlive it.
@DirtiesContext
class SuspectsTopicConsumerIntegrationTests {

    private static final String TOPIC = "telereg.fraud.suspects";
    private static final String TO_DATE = "19800000101";
    private static final String COMPLETE = "19800000102";
    private static final String ABORTED = "19800000103";
    private static final String DAY_ONLY = "19800000104";
    private static final String NOT_FLAGGED = "19800000105";
    private static final String REPEATED = "19800000106";
    private static final String OPERATORS = "19800000108";
    private static final String MALFORMED = "19800000107,high,1,out_calls=400,to_date,2020-03-01,2020-03-05,0";

    private static InProcessKafka kafka;

    @Autowired
    FraudDisposal disposal;

    @Autowired
    StreamedVerdicts streamed;

    @Autowired
    AccessManagement access;

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) throws Exception {
        kafka = new InProcessKafka();
        // One partition, so that a line read proves every line before it was read.
        kafka.createTopic(TOPIC, 1);
        kafka.sendInTransaction(
                TOPIC,
                List.of(
                        TO_DATE + ",0.9987,1,sequential_ratio=0.739;short_call_ratio=0.807,to_date,2020-03-01,"
                                + "2020-03-05,0",
                        COMPLETE + ",0.8512,1,out_calls=412;night_ratio=0.31,to_date,2020-03-01,2020-03-30,1",
                        DAY_ONLY + ",0.9100,1,out_calls=380,day,2020-03-05,2020-03-05,1",
                        MALFORMED,
                        NOT_FLAGGED + ",0.1200,0,,to_date,2020-03-01,2020-03-05,0"),
                true);
        kafka.sendInTransaction(
                TOPIC, List.of(ABORTED + ",0.9700,1,out_calls=500,to_date,2020-03-01,2020-03-05,0"), false);
        registry.add("telereg.antifraud.kafka.enabled", () -> "true");
        registry.add("telereg.antifraud.kafka.bootstrap-servers", kafka::bootstrapServers);
        registry.add("telereg.antifraud.kafka.topic", () -> TOPIC);
        registry.add("telereg.antifraud.kafka.poll-interval", () -> "200ms");
        registry.add("telereg.antifraud.kafka.retry-interval", () -> "500ms");
    }

    @AfterAll
    static void stopKafka() throws Exception {
        kafka.close();
    }

    @AfterEach
    void signOut() {
        SignIn.signOut();
    }

    private Optional<FraudCaseView> caseOf(String number) {
        return disposal
                .search(DataScope.all(), new CaseSearch(null, null, number), PageRequest.of(0, 5))
                .getContent()
                .stream()
                .filter(c -> c.number().equals(number))
                .findFirst();
    }

    private FraudCaseView awaitCase(String number) {
        return await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> caseOf(number), Optional::isPresent)
                .orElseThrow();
    }

    /** Publishes a committed verdict after the others and waits until the platform took it. */
    private void awaitEverythingPublishedSoFar(String sentinel) {
        kafka.sendInTransaction(
                TOPIC, List.of(sentinel + ",0.9000,1,out_calls=300,to_date,2020-03-01,2020-03-06,0"), true);
        awaitCase(sentinel);
    }

    @Test
    void flaggedToDateVerdictsBecomeSuspectsWithTheirScoresAndReasons() throws Exception {
        FraudCaseView early = awaitCase(TO_DATE);
        FraudCaseView complete = awaitCase(COMPLETE);

        assertThat(early.status()).isEqualTo(CaseStatus.SUSPECTED);
        assertThat(early.score()).isEqualByComparingTo(new BigDecimal("0.9987"));
        assertThat(early.reasonList())
                .containsExactly(
                        new FraudCaseView.Reason("sequential_ratio", "0.739"),
                        new FraudCaseView.Reason("short_call_ratio", "0.807"));
        assertThat(complete.score()).isEqualByComparingTo(new BigDecimal("0.8512"));
        assertThat(complete.reasons()).isEqualTo("out_calls=412;night_ratio=0.31");
        mvc.perform(get("/console/antifraud").param("number", "1980000010").with(as(users, "admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("198****0101")))
                .andExpect(content().string(Matchers.containsString("0.999")))
                .andExpect(content().string(Matchers.containsString("顺序拨号比例 0.739")))
                .andExpect(content().string(Matchers.containsString("短时通话占比 0.807")));
    }

    @Test
    void abortedDayAndUnflaggedVerdictsRegisterNoSuspect() {
        awaitEverythingPublishedSoFar("19800000201");

        assertThat(caseOf(ABORTED)).isEmpty();
        assertThat(caseOf(DAY_ONLY)).isEmpty();
        assertThat(caseOf(NOT_FLAGGED)).isEmpty();
    }

    @Test
    void theSameVerdictDeliveredAgainRegistersOnceAndLeavesADismissedCaseClosed() {
        String verdict = REPEATED + ",0.9300,1,out_calls=450,to_date,2020-03-01,2020-03-05,0";
        kafka.sendInTransaction(TOPIC, List.of(verdict), true);
        FraudCaseView first = awaitCase(REPEATED);
        disposal.dismiss(SignIn.actor(users, "admin"), first.id());

        // As after a consumer restart that reads again from its last committed offset.
        kafka.sendInTransaction(TOPIC, List.of(verdict), true);
        awaitEverythingPublishedSoFar("19800000202");

        FraudCaseView after = caseOf(REPEATED).orElseThrow();
        assertThat(after.status()).isEqualTo(CaseStatus.DISMISSED);
        assertThat(after.detectedAt()).isEqualTo(first.detectedAt());
    }

    @Test
    void aStreamedVerdictOnAnOperatorsCaseRefreshesItsScoreAndKeepsItsOperator() {
        var cmcc = access.organisation("OP-CMCC").orElseThrow();
        disposal.registerSuspect(
                new NewSuspect(OPERATORS, cmcc.creditCode(), cmcc.name(), new BigDecimal("0.7000"), "out_calls=90"));

        kafka.sendInTransaction(
                TOPIC, List.of(OPERATORS + ",0.9600,1,out_calls=610,to_date,2020-03-01,2020-03-07,0"), true);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> caseOf(OPERATORS).orElseThrow().score().compareTo(new BigDecimal("0.9600")) == 0);

        FraudCaseView refreshed = caseOf(OPERATORS).orElseThrow();
        assertThat(refreshed.reasons()).isEqualTo("out_calls=610");
        assertThat(refreshed.operatorCreditCode()).isEqualTo(cmcc.creditCode());
        assertThat(refreshed.operatorName()).isEqualTo(cmcc.name());
        assertThat(disposal.search(
                                DataScope.enterprise(cmcc.creditCode()),
                                new CaseSearch(null, null, OPERATORS),
                                PageRequest.of(0, 5))
                        .getContent())
                .extracting(FraudCaseView::number)
                .containsExactly(OPERATORS);
    }

    @Test
    void aLineThatIsNotAVerdictIsCountedAndShownWithItsOffset() throws Exception {
        StreamedVerdicts.RejectedLine rejected = await().atMost(Duration.ofSeconds(60))
                .until(() -> streamed.status(20).latestRejected(), lines -> !lines.isEmpty())
                .get(0);

        assertThat(streamed.status(20).rejectedLines()).isEqualTo(1);
        assertThat(rejected.partition()).isZero();
        assertThat(rejected.offset()).isEqualTo(3);
        assertThat(rejected.problem()).isEqualTo("score is not a number: high");
        assertThat(caseOf("19800000107")).isEmpty();
        mvc.perform(get("/console/antifraud/dashboard").with(as(users, "admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("score is not a number: high")))
                .andExpect(content().string(Matchers.containsString("198****0107,high,1,out_calls=400")));
        mvc.perform(get("/actuator/prometheus"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(Matchers.containsString(
                                "telereg_antifraud_suspects_topic_records_total{outcome=\"rejected\"," + "topic=\""
                                        + TOPIC + "\"} 1.0")));
    }

    @Test
    void aConsumerStartedWhileTheBrokerIsDownReadsOnceItIsUp() throws Exception {
        awaitCase(TO_DATE);
        awaitCase(COMPLETE);
        try (ServerSocket reserved = new ServerSocket(0)) {
            int port = reserved.getLocalPort();
            reserved.close();
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            SuspectsTopicConsumer late = new SuspectsTopicConsumer(
                    streamed,
                    new SuspectsTopicSettings(
                            true,
                            "127.0.0.1:" + port,
                            TOPIC,
                            "telereg-platform-late",
                            Duration.ofMillis(200),
                            Duration.ofMillis(500)),
                    meters);
            long started = System.nanoTime();
            late.start();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
            Thread.sleep(2000);
            assertThat(late.isRunning()).isTrue();

            // The broker "comes up": its bootstrap address starts answering.
            try (Forwarder ignored = new Forwarder(port, kafka.bootstrapServers())) {
                // A new group reads the topic from its start: the verdicts already taken are duplicates, and the
                // line that is not a verdict is rejected again but listed once.
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> count(meters, "duplicate") >= 2 && count(meters, "rejected") >= 1);
                assertThat(count(meters, "imported")).isZero();
            } finally {
                late.stop();
            }
            assertThat(late.isRunning()).isFalse();
            assertThat(Thread.getAllStackTraces().keySet().stream()
                            .filter(t -> t.getName().equals(SuspectsTopicConsumer.THREAD))
                            .count())
                    .as("only the platform's own consumer thread is left")
                    .isEqualTo(1);
        }
        assertThat(streamed.status(20).rejectedLines()).isEqualTo(1);
    }

    private static double count(SimpleMeterRegistry meters, String outcome) {
        return meters.get(SuspectsTopicConsumer.METRIC)
                .tag("outcome", outcome)
                .counter()
                .count();
    }

    /** Forwards connections on a local port to the broker: a bootstrap address that answers from now on. */
    private static final class Forwarder implements AutoCloseable {

        private final ServerSocket server;

        Forwarder(int port, String target) throws IOException {
            String[] hostPort = target.split(",")[0].split(":");
            server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress("127.0.0.1", port));
            Thread accept = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket client = server.accept();
                        Socket broker = new Socket(hostPort[0], Integer.parseInt(hostPort[1]));
                        pipe(client, broker);
                        pipe(broker, client);
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            accept.setDaemon(true);
            accept.start();
        }

        private static void pipe(Socket from, Socket to) {
            Thread thread = new Thread(() -> {
                try (InputStream in = from.getInputStream();
                        OutputStream out = to.getOutputStream()) {
                    in.transferTo(out);
                } catch (IOException e) {
                    // A side closed: the other follows.
                } finally {
                    try {
                        from.close();
                        to.close();
                    } catch (IOException ignored) {
                        // closing anyway
                    }
                }
            });
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
