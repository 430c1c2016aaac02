package org.telereg.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;
import org.telereg.engine.fraud.CallRecord;

class ImeiSharingTests {

    private static final long DAY = 86_400L;
    private static final long MARCH_1 = LocalDate.of(2020, 3, 1).toEpochDay() * DAY;

    @Test
    void tellsEveryUserOfAnImeiOnceASecondOneAppearsAndForgetsItAfterThePeriod() throws Exception {
        FraudWindows windows = new FraudWindows(LocalDate.of(2020, 3, 1), 2, 0);
        var harness = new KeyedOneInputStreamOperatorTestHarness<Integer, CdrBatch, SubscriberEvent>(
                new KeyedProcessOperator<>(new ImeiSharing(windows)), CdrBatch::bucket, Types.INT);
        harness.open();
        send(harness, "13800000001", MARCH_1 + 100);
        send(harness, "13800000001", MARCH_1 + 200);
        assertThat(harness.extractOutputValues()).isEmpty();

        send(harness, "13800000002", MARCH_1 + DAY + 300);
        send(harness, "13800000003", MARCH_1 + DAY + 400);

        assertThat(harness.extractOutputValues())
                .extracting(SubscriberEvent::subscriber)
                .containsExactly("13800000001", "13800000002", "13800000003");
        assertThat(harness.extractOutputValues()).allMatch(event -> "86000001".equals(event.sharedImei()));

        harness.processWatermark((MARCH_1 + 2 * DAY) * 1000);
        assertThat(harness.numKeyedStateEntries()).isZero();
        send(harness, "13800000004", MARCH_1 + 2 * DAY + 10);
        assertThat(harness.extractOutputValues())
                .as("a new period starts unshared")
                .hasSize(3);
        harness.close();
    }

    private static void send(
            KeyedOneInputStreamOperatorTestHarness<Integer, CdrBatch, SubscriberEvent> harness,
            String subscriber,
            long seconds)
            throws Exception {
        SubscriberEvent call =
                SubscriberEvent.of(new CallRecord(subscriber, "13900000000", 1, seconds, 10, "", "", "86000001"));
        // A batch of one call's IMEI use, in the IMEI's bucket, as the job sends it.
        CdrBatch batch = new CdrBatch(BucketBatches.bucket("86000001", FraudJob.BUCKETS), 1);
        batch.addImeiUse(call);
        harness.processElement(batch, seconds * 1000);
    }
}
