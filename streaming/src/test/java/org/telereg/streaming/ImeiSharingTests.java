package org.telereg.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

class ImeiSharingTests {

    private static final long DAY = 86_400L;
    private static final long MARCH_1 = LocalDate.of(2020, 3, 1).toEpochDay() * DAY;

    @Test
    void tellsEveryUserOfAnImeiOnceASecondOneAppearsAndForgetsItAfterThePeriod() throws Exception {
        FraudWindows windows = new FraudWindows(LocalDate.of(2020, 3, 1), 2, 0);
        var harness = new KeyedOneInputStreamOperatorTestHarness<Integer, CdrBatch, ImeiShared>(
                new KeyedProcessOperator<>(new ImeiSharing(windows)), CdrBatch::bucket, Types.INT);
        harness.open();
        send(harness, "13800000001", MARCH_1 + 100);
        send(harness, "13800000001", MARCH_1 + 200);
        assertThat(harness.extractOutputValues()).isEmpty();

        send(harness, "13800000002", MARCH_1 + DAY + 300);
        send(harness, "13800000003", MARCH_1 + DAY + 400);

        assertThat(harness.extractOutputValues())
                .extracting(ImeiShared::subscriber)
                .containsExactly("13800000001", "13800000002", "13800000003");
        assertThat(harness.extractOutputValues()).allMatch(event -> "86000001".equals(event.imei()));

        harness.processWatermark((MARCH_1 + 2 * DAY) * 1000);
        assertThat(harness.numKeyedStateEntries()).isZero();
        send(harness, "13800000004", MARCH_1 + 2 * DAY + 10);
        assertThat(harness.extractOutputValues())
                .as("a new period starts unshared")
                .hasSize(3);
        harness.close();
    }

    private static void send(
            KeyedOneInputStreamOperatorTestHarness<Integer, CdrBatch, ImeiShared> harness,
            String subscriber,
            long seconds)
            throws Exception {
        // A batch of one call's IMEI use, in the IMEI's bucket, as the job sends it.
        CdrBatch batch = Batches.calls(
                new CdrBatch(CdrBatch.bucket("86000001", FraudJob.BUCKETS), 1),
                true,
                subscriber + ",13900000000,1," + time(seconds) + ",10,,,86000001");
        harness.processElement(batch, seconds * 1000);
    }

    private static String time(long seconds) {
        return LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
    }
}
