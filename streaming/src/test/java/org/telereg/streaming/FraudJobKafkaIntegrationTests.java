package org.telereg.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.telereg.engine.fraud.FraudModel;

class FraudJobKafkaIntegrationTests {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .build());

    static InProcessKafka kafka;

    @TempDir
    Path dir;

    @BeforeAll
    static void startKafka() throws Exception {
        kafka = new InProcessKafka();
    }

    @AfterAll
    static void stopKafka() throws Exception {
        kafka.close();
    }

    @Test
    void writesTheBatchScansSuspectsToTheSuspectsTopicOnceEachAndReportsBadLines() throws Exception {
        ScannedCdrs cdrs = ScannedCdrs.generate(dir, 20201102, 200, 3);
        kafka.createTopic("e2e.calls", 2);
        kafka.createTopic("e2e.sms", 2);
        kafka.createTopic("e2e.suspects", 1);
        kafka.createTopic("e2e.rejected", 1);
        List<String> calls = ScannedCdrs.records(cdrs.calls());
        calls.add(5, "13812345678,13900000000,1,2020-03-01 25:00:00,30,,,");
        kafka.send("e2e.calls", calls);
        // A producer may put several lines in one record value.
        kafka.send("e2e.sms", linesPerValue(3, ScannedCdrs.records(cdrs.sms())));

        FraudJobSettings settings = FraudJobSettings.parse(List.of(
                "--bootstrap-servers",
                kafka.bootstrapServers(),
                "--calls-topic",
                "e2e.calls",
                "--sms-topic",
                "e2e.sms",
                "--suspects-topic",
                "e2e.suspects",
                "--rejected-topic",
                "e2e.rejected",
                "--calls-header",
                cdrs.callsHeader(),
                "--sms-header",
                cdrs.smsHeader(),
                "--group-id",
                "e2e",
                "--bounded",
                "--period-days",
                "3",
                "--period-anchor",
                "2020-03-01",
                "--allowed-lateness",
                "4d",
                "--parallelism",
                "2",
                "--state-backend",
                "hashmap",
                "--checkpoint-interval",
                "1s",
                "--checkpoint-dir",
                dir.resolve("checkpoints").toUri().toString(),
                "--transactional-id-prefix",
                "e2e"));
        FraudJob.of(settings, FraudModel.standard()).execute(environment(settings));

        List<String> suspects = kafka.readCommitted("e2e.suspects");
        assertThat(completePeriods(suspects)).isEqualTo(cdrs.flagged());
        assertThat(cdrs.flagged()).hasSizeGreaterThan(5);
        assertNoDuplicates(suspects);
        assertThat(suspects).allMatch(line -> line.split(",", -1)[2].equals("1"));
        assertThat(kafka.readCommitted("e2e.rejected"))
                .containsExactly("bad,calls,start_datetime is not a date and time as yyyy-MM-dd HH:mm:ss,"
                        + "\"13812345678;13900000000;1;2020-03-01 25:00:00;30;;;\"".replace(';', ','));
    }

    /**
     * The failure test: the task manager running every task of the job dies after the job has checkpointed and
     * written suspects; a new one takes over, the job restores its last checkpoint and reads on. Every weekly
     * suspect the batch scan finds is in the topic, and no verdict twice, as a {@code read_committed} consumer
     * sees it. The state lives in RocksDB, so the accumulators go through their serializer on every access and
     * through the checkpoint on the way back.
     */
    @Test
    void recoversFromItsCheckpointAfterTheTaskManagerDiesWithNoSuspectLostOrDuplicated(
            @InjectMiniCluster MiniCluster miniCluster) throws Exception {
        ScannedCdrs cdrs = ScannedCdrs.generate(dir, 20201103, 200, 3);
        for (String topic : List.of("r.calls", "r.sms")) {
            kafka.createTopic(topic, 2);
        }
        kafka.createTopic("r.suspects", 1);
        kafka.createTopic("r.rejected", 1);
        List<String> calls = ScannedCdrs.records(cdrs.calls());
        // The file's first-second call was appended at its end; sent first, it is in time order like the rest.
        calls.add(0, calls.remove(calls.size() - 2));
        List<String> sms = ScannedCdrs.records(cdrs.sms());
        kafka.send("r.calls", calls.subList(0, calls.size() / 2));
        kafka.send("r.sms", sms.subList(0, sms.size() / 2));

        FraudJobSettings settings = FraudJobSettings.parse(List.of(
                "--bootstrap-servers", kafka.bootstrapServers(),
                "--calls-topic", "r.calls",
                "--sms-topic", "r.sms",
                "--suspects-topic", "r.suspects",
                "--rejected-topic", "r.rejected",
                "--calls-header", cdrs.callsHeader(),
                "--sms-header", cdrs.smsHeader(),
                "--group-id", "recovery",
                "--period-days", "3",
                "--period-anchor", "2020-03-01",
                "--allowed-lateness", "1h",
                "--parallelism", "2",
                "--state-backend", "rocksdb",
                "--checkpoint-interval", "500ms",
                "--checkpoint-dir", dir.resolve("checkpoints").toUri().toString(),
                "--transactional-id-prefix", "recovery"));
        StreamExecutionEnvironment env = environment(settings);
        FraudJob.of(settings, FraudModel.standard()).build(env);
        JobClient job = env.executeAsync("telereg fraud (recovery test)");
        try {
            await(
                    "two checkpoints and the first day's suspects",
                    () -> completedCheckpoints(miniCluster, job) >= 2
                            && !kafka.readCommitted("r.suspects").isEmpty());
            long before = completedCheckpoints(miniCluster, job);

            miniCluster.terminateTaskManager(0).get();
            miniCluster.startTaskManager();
            kafka.send("r.calls", calls.subList(calls.size() / 2, calls.size()));
            kafka.send("r.sms", sms.subList(sms.size() / 2, sms.size()));
            // Records two days on, in every partition, move event time past the period's end.
            for (int partition = 0; partition < 2; partition++) {
                kafka.send("r.calls", List.of(later(cdrs.callsHeader())), partition);
                kafka.send("r.sms", List.of(later(cdrs.smsHeader())), partition);
            }
            await(
                    "the weekly suspects",
                    () -> completePeriods(kafka.readCommitted("r.suspects")).size()
                            >= cdrs.flagged().size());
            await("a checkpoint after the failure", () -> completedCheckpoints(miniCluster, job) > before);

            assertThat(miniCluster.getExecutionGraphInfo(job.getJobID()).get().getExceptionHistory())
                    .as("the failure the job recovered from")
                    .isNotEmpty();
        } finally {
            job.cancel().get();
        }
        List<String> suspects = kafka.readCommitted("r.suspects");
        assertThat(completePeriods(suspects)).isEqualTo(cdrs.flagged());
        assertNoDuplicates(suspects);
        assertThat(kafka.readCommitted("r.rejected")).as("late or bad records").isEmpty();
    }

    /** A record of subscriber 19900000009 on 2020-03-05, in the columns of {@code header}. */
    private static String later(String header) {
        List<String> values = new ArrayList<>();
        for (String column : header.split(",")) {
            values.add(
                    switch (column.strip()) {
                        case "phone_no_m" -> "19900000009";
                        case "opposite_no_m" -> "19900000001";
                        case "calltype_id" -> "1";
                        case "start_datetime", "request_datetime" -> "2020-03-05 12:00:00";
                        case "call_dur" -> "10";
                        default -> "";
                    });
        }
        return String.join(",", values);
    }

    private static long completedCheckpoints(MiniCluster miniCluster, JobClient job) throws Exception {
        return miniCluster
                .getExecutionGraph(job.getJobID())
                .get()
                .getCheckpointStatsSnapshot()
                .getCounts()
                .getNumberOfCompletedCheckpoints();
    }

    private static void await(String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited 90 s for " + what);
            }
            Thread.sleep(250);
        }
    }

    /** The job's environment, failing the test rather than restarting for ever. */
    static StreamExecutionEnvironment environment(FraudJobSettings settings) {
        Configuration config = FraudJob.configuration(settings);
        config.setString("restart-strategy.type", "fixed-delay");
        config.setString("restart-strategy.fixed-delay.attempts", "3");
        config.setString("restart-strategy.fixed-delay.delay", "1 s");
        return StreamExecutionEnvironment.getExecutionEnvironment(config);
    }

    /** The lines joined {@code count} to a record value, separated by line feeds. */
    private static List<String> linesPerValue(int count, List<String> lines) {
        List<String> values = new ArrayList<>();
        for (int at = 0; at < lines.size(); at += count) {
            values.add(String.join("\n", lines.subList(at, Math.min(lines.size(), at + count))));
        }
        return values;
    }

    /** The {@code fraud-scan} lines of the complete {@code to_date} verdicts, by number. */
    static Map<String, String> completePeriods(List<String> suspects) {
        Map<String, String> lines = new TreeMap<>();
        for (String line : suspects) {
            String[] f = line.split(",", -1);
            if (f[4].equals("to_date") && f[7].equals("1")) {
                lines.put(f[0], String.join(",", f[0], f[1], f[2], f[3]));
            }
        }
        return lines;
    }

    static void assertNoDuplicates(List<String> suspects) {
        Set<String> windows = new HashSet<>();
        List<String> twice = new ArrayList<>();
        for (String line : suspects) {
            String[] f = line.split(",", -1);
            if (!windows.add(f[0] + " " + f[4] + " " + f[5] + " " + f[6])) {
                twice.add(line);
            }
        }
        assertThat(twice).as("verdicts written twice").isEmpty();
    }
}
