package org.telereg.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.runtime.watermarkstatus.WatermarkStatus;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ParseBlocksTests {

    private static final String HEADER =
            "phone_no_m,opposite_no_m,calltype_id,start_datetime,call_dur,city_name,county_name,imei_m";
    private static final long HOUR = 3_600_000L;
    /** Days close an hour after their end; watermarks trail the newest record by 10 minutes. */
    private final FraudWindows windows = new FraudWindows(LocalDate.of(2020, 3, 1), 30, HOUR);

    private OneInputStreamOperatorTestHarness<byte[], CdrBatch> harness;

    @BeforeEach
    void open() throws Exception {
        harness = new OneInputStreamOperatorTestHarness<>(new ParseBlocks(
                "calls", HEADER, FraudJob.BUCKETS, windows, Duration.ofMinutes(10), Duration.ofMinutes(1)));
        harness.setProcessingTime(0);
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void block(String... lines) throws Exception {
        harness.processElement(String.join("\n", lines).getBytes(StandardCharsets.UTF_8), 0);
    }

    private static String call(String subscriber, String time, String imei) {
        return subscriber + ",13900000002,1," + time.replace('T', ' ') + ",35,成都,锦江区," + imei;
    }

    private static long millis(String time) {
        return LocalDateTime.parse(time).toEpochSecond(ZoneOffset.UTC) * 1000;
    }

    /** What left on the main output, in order: the subscribers of each batch, "watermark …", "idle" or "active". */
    private List<String> output() {
        List<String> out = new ArrayList<>();
        for (Object element : harness.getOutput()) {
            if (element instanceof Watermark mark) {
                out.add("watermark " + mark.getTimestamp());
            } else if (element instanceof WatermarkStatus status) {
                out.add(status.isIdle() ? "idle" : "active");
            } else {
                out.add(subscribers((CdrBatch) ((StreamRecord<?>) element).getValue()));
            }
        }
        return out;
    }

    private static String subscribers(CdrBatch batch) {
        List<String> subscribers = new ArrayList<>();
        for (int at = 0; at < batch.size; at++) {
            subscribers.add(batch.subscriber(at));
        }
        return String.join(" ", subscribers);
    }

    private List<Rejected> rejected() {
        var side = harness.getSideOutput(ParseBlocks.REJECTED);
        return side == null
                ? List.of()
                : side.stream().map(StreamRecord::getValue).toList();
    }

    @Test
    void readsEachLineOfABlockSkipsAReplayedFilesHeaderAndReportsABadLineWithTheBatchScansProblem() throws Exception {
        block(
                "\uFEFF" + HEADER + "\r",
                "13800000001,13900000002,1,2020-03-01 10:00:00,35,成都,锦江区,86000001\r",
                "",
                "13800000001,13900000002,1,2020-03-01 10:00:00,-5,成都,锦江区,86000001",
                "a9f3c2,b77e01,2,2020-03-01 10:05:00,0,,,");
        harness.prepareSnapshotPreBarrier(1);

        List<CdrBatch> batches = harness.extractOutputValues();
        assertThat(batches).hasSize(2);
        CdrBatch number = batches.stream()
                .filter(b -> b.subscriberKey(0) != 0)
                .findFirst()
                .orElseThrow();
        assertThat(number.size).isEqualTo(1);
        assertThat(number.subscriber(0)).isEqualTo("13800000001");
        assertThat(number.duration(0)).isEqualTo(35);
        assertThat(number.counties[number.place(0)]).isEqualTo("锦江区");
        assertThat(number.imei(0)).isEqualTo(86000001L | 8L << 57);
        CdrBatch token = batches.stream()
                .filter(b -> b.subscriberKey(0) == 0)
                .findFirst()
                .orElseThrow();
        assertThat(token.subscriber(0)).isEqualTo("a9f3c2");
        assertThat(token.counterpartText(0)).isEqualTo("b77e01");
        assertThat(token.place(0)).isEqualTo(-1);
        assertThat(token.imei(0)).isEqualTo(CdrBatch.NONE);
        assertThat(rejected())
                .containsExactly(new Rejected(
                        "bad",
                        "calls",
                        "call_dur is not a whole number of seconds",
                        "13800000001,13900000002,1,2020-03-01 10:00:00,-5,成都,锦江区,86000001"));
    }

    @Test
    void sendsEachCallWithAnImeiToTheImeiStageByTheImeisBucket() throws Exception {
        block(
                call("13800000001", "2020-03-01T10:00:00", "86000001"),
                call("13800000002", "2020-03-01T10:01:00", "86000001"),
                call("13800000003", "2020-03-01T10:02:00", ""));
        harness.prepareSnapshotPreBarrier(1);

        var uses = harness.getSideOutput(ParseBlocks.IMEI_USES);
        assertThat(uses).hasSize(1);
        CdrBatch batch = uses.peek().getValue();
        assertThat(batch.bucket).isEqualTo(CdrBatch.bucket("86000001", FraudJob.BUCKETS));
        assertThat(subscribers(batch)).isEqualTo("13800000001 13800000002");
        assertThat(batch.imeiText(1)).isEqualTo("86000001");
    }

    @Test
    void sendsASubscribersUseOfAnImeiOnADayOnceUntilTheNextBarrier() throws Exception {
        block(
                call("13800000001", "2020-03-01T10:00:00", "86000001"),
                call("13800000001", "2020-03-01T10:05:00", "86000001"),
                call("13800000002", "2020-03-01T10:06:00", "86000001"),
                call("13800000001", "2020-03-01T10:07:00", "86000002"),
                call("13800000001", "2020-03-02T00:01:00", "86000001"),
                call("13800000001", "2020-03-01T10:08:00", "86000001"));
        harness.prepareSnapshotPreBarrier(1);
        // After the barrier the same use goes again: a restore from it replays only what follows it.
        block(call("13800000001", "2020-03-01T10:09:00", "86000001"));
        harness.prepareSnapshotPreBarrier(2);

        List<String> uses = harness.getSideOutput(ParseBlocks.IMEI_USES).stream()
                .map(StreamRecord::getValue)
                .flatMap(batch -> java.util.stream.IntStream.range(0, batch.size)
                        .mapToObj(at -> batch.subscriber(at) + " " + batch.imeiText(at) + " "
                                + FraudWindows.date(FraudWindows.day(batch.time(at)))))
                .toList();
        assertThat(uses)
                .containsExactlyInAnyOrder(
                        "13800000001 86000001 2020-03-01",
                        "13800000002 86000001 2020-03-01",
                        "13800000001 86000002 2020-03-01",
                        "13800000001 86000001 2020-03-02",
                        "13800000001 86000001 2020-03-01");
        // Every call still goes to the subscriber stage.
        assertThat(harness.extractOutputValues().stream()
                        .mapToInt(batch -> batch.size)
                        .sum())
                .isEqualTo(7);
    }

    @Test
    void refusesAReplayedFileWhoseHeaderOrdersTheColumnsOtherwise() {
        assertThatThrownBy(() -> block(
                        "opposite_no_m,phone_no_m,calltype_id,start_datetime,call_dur,city_name,county_name,imei_m"))
                .hasMessageContaining("orders the columns otherwise");
    }

    @Test
    void knowsAHeaderInAnyCaseFromADataLineWhoseSubscriberSpellsTheColumnName() throws Exception {
        block(HEADER.toUpperCase(Locale.ROOT), "phone_no_m,13900000002,1,2020-03-01 10:00:00,35,成都,锦江区,86000001");
        harness.prepareSnapshotPreBarrier(1);

        assertThat(output()).containsExactly("phone_no_m");
        assertThat(rejected()).isEmpty();
    }

    @Test
    void holdsRecordsUntilTheirTimesCloseADayThenSendsThemBeforeTheWatermark() throws Exception {
        block(call("13800000001", "2020-03-01T10:00:00", ""), call("13800000001", "2020-03-01T11:00:00", ""));
        block(call("13800000002", "2020-03-01T12:00:00", ""));
        // The day closes at 2020-03-02T01:00 less a millisecond; the watermark trails the newest record by 10
        // minutes and a millisecond.
        block(call("13800000003", "2020-03-02T01:09:59", ""));
        assertThat(output()).as("no day has closed").isEmpty();

        block(call("13800000003", "2020-03-02T01:10:00", ""));

        assertThat(output())
                .as("every batch, then the watermark that closes 2020-03-01")
                .containsExactlyInAnyOrder(
                        "13800000001 13800000001",
                        "13800000002",
                        "13800000003 13800000003",
                        "watermark " + (millis("2020-03-02T01:00:00") - 1));
        assertThat(output().get(3)).startsWith("watermark");
    }

    @Test
    void sendsEveryOpenBatchAndTheEndOfInputsWatermark() throws Exception {
        block(call("13800000001", "2020-03-01T10:00:00", ""));

        harness.processWatermark(Long.MAX_VALUE);

        assertThat(output()).containsExactly("13800000001", "watermark " + Long.MAX_VALUE);
    }

    @Test
    void sendsEveryOpenBatchBeforeACheckpointBarrier() throws Exception {
        block(call("13800000001", "2020-03-01T10:00:00", ""));

        harness.prepareSnapshotPreBarrier(1);

        assertThat(output()).containsExactly("13800000001");
    }

    @Test
    void sendsABatchOnceItIsFull() throws Exception {
        String[] lines = new String[ParseBlocks.FULL];
        java.util.Arrays.fill(lines, call("13800000001", "2020-03-01T10:00:00", ""));
        block(lines);

        assertThat(harness.getOutput()).hasSize(1);
    }

    @Test
    void marksItsOutputIdleAfterTheIdlenessWithoutBlocksAndActiveWithTheNextBlock() throws Exception {
        block(call("13800000001", "2020-03-01T10:00:00", ""));
        harness.setProcessingTime(30_000);
        assertThat(output()).isEmpty();

        harness.setProcessingTime(60_000);
        assertThat(output()).as("open batches leave first").containsExactly("13800000001", "idle");

        block(call("13800000002", "2020-03-01T10:00:00", ""));
        assertThat(output()).containsExactly("13800000001", "idle", "active");
    }
}
