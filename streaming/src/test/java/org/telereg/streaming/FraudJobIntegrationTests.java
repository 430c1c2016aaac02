package org.telereg.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.telereg.engine.fraud.FraudModel;

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
        // ScannedCdrs adds a call in the period's first and last second: the batch scan's window (first to last
        // record) is then the job's calendar period.
        ScannedCdrs cdrs = ScannedCdrs.generate(dir, 20201101, 400, 7);

        FraudJobSettings settings = FraudJobSettings.parse(List.of(
                "--bootstrap-servers",
                "unused:9092",
                "--calls-files",
                cdrs.calls().toString(),
                "--sms-files",
                cdrs.sms().toString(),
                "--calls-header",
                cdrs.callsHeader(),
                "--sms-header",
                cdrs.smsHeader(),
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

        Map<String, String> batchLines = cdrs.suspects();
        Map<String, String> batchFeatures = cdrs.features();
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
}
