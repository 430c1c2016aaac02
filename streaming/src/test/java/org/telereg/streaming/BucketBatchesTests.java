package org.telereg.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telereg.engine.fraud.CallRecord;

class BucketBatchesTests {

    private static final long HOUR = 3_600_000L;
    /** Days open an hour after their end. */
    private final FraudWindows windows = new FraudWindows(LocalDate.of(2020, 3, 1), 30, HOUR);

    private OneInputStreamOperatorTestHarness<SubscriberEvent, CdrBatch> harness;

    @BeforeEach
    void open() throws Exception {
        harness = new OneInputStreamOperatorTestHarness<>(BucketBatches.bySubscriber(FraudJob.BUCKETS, windows));
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void call(String subscriber, String time) throws Exception {
        long seconds = LocalDateTime.parse(time).toEpochSecond(ZoneOffset.UTC);
        harness.processElement(
                SubscriberEvent.of(new CallRecord(subscriber, "13900000002", 1, seconds, 5, "成都", "锦江区", "")),
                seconds * 1000);
    }

    private static long millis(String time) {
        return LocalDateTime.parse(time).toEpochSecond(ZoneOffset.UTC) * 1000;
    }

    /** What left the operator, in order: the subscribers of each batch, or "watermark". */
    private List<String> output() {
        List<String> out = new ArrayList<>();
        for (Object element : harness.getOutput()) {
            if (element instanceof Watermark) {
                out.add("watermark");
            } else {
                CdrBatch batch = (CdrBatch) ((StreamRecord<?>) element).getValue();
                List<String> subscribers = new ArrayList<>();
                for (int at = 0; at < batch.size; at++) {
                    subscribers.add(batch.subscriber(at));
                }
                out.add(String.join(" ", subscribers));
            }
        }
        return out;
    }

    @Test
    void holdsRecordsAndWatermarksUntilAWatermarkClosesADayThenSendsTheRecordsFirst() throws Exception {
        harness.processWatermark(millis("2020-03-01T09:00:00"));
        assertThat(output()).as("the first watermark goes on").containsExactly("watermark");
        harness.getOutput().clear();

        call("13800000001", "2020-03-01T10:00:00");
        call("13800000001", "2020-03-01T11:00:00");
        call("13800000002", "2020-03-01T12:00:00");
        harness.processWatermark(millis("2020-03-01T12:00:00"));
        harness.processWatermark(millis("2020-03-02T01:00:00") - 2);
        assertThat(output()).as("no day has closed").isEmpty();

        harness.processWatermark(millis("2020-03-02T01:00:00") - 1);

        assertThat(output())
                .as("both subscribers' batches, then the watermark that closes 2020-03-01")
                .containsExactlyInAnyOrder("13800000001 13800000001", "13800000002", "watermark");
        assertThat(output().get(2)).isEqualTo("watermark");
    }

    @Test
    void sendsEveryOpenBatchBeforeACheckpointBarrier() throws Exception {
        call("13800000001", "2020-03-01T10:00:00");

        harness.prepareSnapshotPreBarrier(1);

        assertThat(output()).containsExactly("13800000001");
    }

    @Test
    void sendsABatchOnceItIsFull() throws Exception {
        for (int i = 0; i < BucketBatches.FULL; i++) {
            call("13800000001", "2020-03-01T10:00:00");
        }
        assertThat(harness.getOutput()).hasSize(1);
    }
}
