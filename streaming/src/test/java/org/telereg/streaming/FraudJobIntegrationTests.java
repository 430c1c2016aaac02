package org.telereg.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.telereg.engine.fraud.CdrGenerator;
import org.telereg.engine.fraud.FraudModel;
import org.telereg.engine.fraud.FraudScanCommand;
import org.telereg.engine.fraud.GeneratedCdrs;
import org.telereg.engine.fraud.GeneratorSettings;

class FraudJobIntegrationTests {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .build());

    @TempDir
    Path dir;

    /**
     * The golden test: one week of generated calls and SMS through {@code telereg fraud-scan} and through the job
     * (MiniCluster, parallelism 2); every subscriber's features, score, flag and reasons over the week agree.
     */
    @Test
    void givesTheSameFeaturesAndFlagsAsTheBatchScan() throws Exception {
        GeneratedCdrs cdrs =
                new CdrGenerator(GeneratorSettings.of(20201101, 400).withDays(7)).writeTo(dir);
        // The batch scan's window runs from the input's first record to its last, the job's over the calendar
        // period; a call in the period's first and last second makes them the same window.
        appendCall(cdrs.calls(), "19900000000", "2020-03-01 00:00:00");
        appendCall(cdrs.calls(), "19900000000", "2020-03-07 23:59:59");
        Path scanned = dir.resolve("suspects.csv");
        Path features = dir.resolve("features.csv");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(log, true, StandardCharsets.UTF_8);
        int exit = FraudScanCommand.run(
                List.of(
                        "--calls", cdrs.calls().toString(),
                        "--sms", cdrs.sms().toString(),
                        "--out", scanned.toString(),
                        "--features", features.toString()),
                print,
                print);
        assertThat(exit).as(log.toString(StandardCharsets.UTF_8)).isZero();

        FraudJobSettings settings = FraudJobSettings.parse(List.of(
                "--bootstrap-servers",
                "unused:9092",
                "--calls-files",
                cdrs.calls().toString(),
                "--sms-files",
                cdrs.sms().toString(),
                "--calls-header",
                firstLine(cdrs.calls()),
                "--sms-header",
                firstLine(cdrs.sms()),
                "--period-days",
                "7",
                "--period-anchor",
                "2020-03-01",
                // Generated files are in time order per day only: a week of lateness keeps every record.
                "--allowed-lateness",
                "8d",
                "--parallelism",
                "2",
                "--state-backend",
                "hashmap",
                "--checkpoint-interval",
                "2s",
                "--all-verdicts"));
        CollectingSink<ScoredWindow> verdicts = new CollectingSink<>();
        CollectingSink<Rejected> rejected = new CollectingSink<>();
        FraudJob job = new FraudJob(
                FraudJob.fileLines(List.of(cdrs.calls())),
                FraudJob.fileLines(List.of(cdrs.sms())),
                verdicts,
                rejected,
                settings,
                FraudModel.standard());
        job.execute(StreamExecutionEnvironment.getExecutionEnvironment(FraudJob.configuration(settings)));

        Map<String, String> batchLines = rows(scanned);
        Map<String, String> batchFeatures = rows(features);
        Map<String, String> jobLines = new TreeMap<>();
        Map<String, String> jobFeatures = new TreeMap<>();
        for (ScoredWindow verdict : verdicts.received()) {
            if (verdict.window().equals(ScoredWindow.TO_DATE) && verdict.complete()) {
                assertThat(jobLines.put(verdict.subscriber(), verdict.scanLine()))
                        .as("one weekly verdict for %s", verdict.subscriber())
                        .isNull();
                jobFeatures.put(verdict.subscriber(), verdict.subscriber() + "," + verdict.features());
            }
        }
        assertThat(batchLines).hasSizeGreaterThan(400);
        assertThat(batchLines.values().stream().filter(line -> line.contains(",1,")))
                .as("flagged subscribers")
                .hasSizeGreaterThan(10);
        assertThat(jobFeatures).isEqualTo(batchFeatures);
        assertThat(jobLines).isEqualTo(batchLines);
        assertThat(rejected.received()).isEmpty();
        assertThat(verdicts.received().stream().filter(v -> v.window().equals(ScoredWindow.DAY)))
                .as("daily verdicts")
                .hasSizeGreaterThan(7 * 300);
    }

    private static void appendCall(Path calls, String subscriber, String time) throws IOException {
        String[] columns = firstLine(calls).split(",");
        List<String> values = new ArrayList<>();
        for (String column : columns) {
            values.add(
                    switch (column.strip()) {
                        case "phone_no_m" -> subscriber;
                        case "opposite_no_m" -> "19900000001";
                        case "calltype_id" -> "2";
                        case "start_datetime" -> time;
                        case "call_dur" -> "30";
                        default -> "";
                    });
        }
        Files.writeString(
                calls,
                String.join(",", values) + "\n",
                StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
    }

    static String firstLine(Path file) throws IOException {
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.findFirst().orElseThrow();
        }
    }

    /** The data rows of a CSV by their first field. */
    private static Map<String, String> rows(Path csv) throws IOException {
        Map<String, String> rows = new TreeMap<>();
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            rows.put(line.substring(0, line.indexOf(',')), line);
        }
        return rows;
    }
}
