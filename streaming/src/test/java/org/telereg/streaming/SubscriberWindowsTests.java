package org.telereg.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.jobgraph.OperatorID;
import org.apache.flink.runtime.metrics.groups.InternalOperatorMetricGroup;
import org.apache.flink.runtime.metrics.groups.TaskMetricGroup;
import org.apache.flink.runtime.metrics.util.InterceptingOperatorMetricGroup;
import org.apache.flink.runtime.metrics.util.InterceptingTaskMetricGroup;
import org.apache.flink.runtime.operators.testutils.MockEnvironmentBuilder;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telereg.engine.fraud.FraudModel;

class SubscriberWindowsTests {

    private static final String SUBSCRIBER = "13800000001";
    private static final long HOUR = 3_600_000L;
    /** Two-day periods from 2020-03-01, days open an hour after their end. */
    private final FraudWindows windows = new FraudWindows(LocalDate.of(2020, 3, 1), 2, HOUR);

    private final InterceptingOperatorMetricGroup operatorMetrics = new InterceptingOperatorMetricGroup();
    private KeyedOneInputStreamOperatorTestHarness<Integer, CdrBatch, ScoredWindow> harness;

    @BeforeEach
    void open() throws Exception {
        harness = harness(windows);
        harness.open();
    }

    private KeyedOneInputStreamOperatorTestHarness<Integer, CdrBatch, ScoredWindow> harness(FraudWindows windows)
            throws Exception {
        SubscriberWindows function = new SubscriberWindows(FraudModel.standard().format(), windows, false, true);
        // The operator's metrics land in one intercepting group, so that a test can read its counters.
        TaskMetricGroup taskMetrics = new InterceptingTaskMetricGroup() {
            @Override
            public InternalOperatorMetricGroup getOrAddOperator(
                    OperatorID id, String name, Map<String, String> additionalVariables) {
                return operatorMetrics;
            }
        };
        return new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(function),
                CdrBatch::bucket,
                Types.INT,
                new MockEnvironmentBuilder().setMetricGroup(taskMetrics).build());
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void call(String time, String callee) throws Exception {
        long seconds = LocalDateTime.parse(time).toEpochSecond(ZoneOffset.UTC);
        CdrBatch batch = new CdrBatch(CdrBatch.bucket(SUBSCRIBER, FraudJob.BUCKETS), 1);
        Batches.calls(batch, false, SUBSCRIBER + "," + callee + ",1," + time.replace('T', ' ') + ",5,成都,锦江区,86000001");
        harness.processElement(batch, seconds * 1000);
    }

    private static long millis(String time) {
        return LocalDateTime.parse(time).toEpochSecond(ZoneOffset.UTC) * 1000;
    }

    @Test
    void scoresADayWhenItsTimerFiresAndForgetsTheDayAndThenThePeriod() throws Exception {
        for (int i = 0; i < 40; i++) {
            call("2020-03-01T10:%02d:00".formatted(i), "139000000" + (10 + i));
        }
        call("2020-03-02T09:00:00", "13900000010");

        harness.processWatermark(millis("2020-03-02T01:00:00") - 2);
        assertThat(harness.extractOutputValues())
                .as("before the first day's lateness ends")
                .isEmpty();

        harness.processWatermark(millis("2020-03-02T01:00:00") - 1);
        List<ScoredWindow> first = harness.extractOutputValues();
        assertThat(first).extracting(ScoredWindow::window).containsExactly("day", "to_date");
        assertThat(first.get(0).from()).isEqualTo("2020-03-01");
        assertThat(first.get(0).features()).as("out_calls first").startsWith("40,0,0,0,40,");
        assertThat(first.get(1).complete()).as("the period goes on").isFalse();
        int openState = harness.numKeyedStateEntries();
        assertThat(openState).as("day 2 open, day 1 in the period").isPositive();

        harness.processWatermark(millis("2020-03-03T01:00:00") - 1);
        List<ScoredWindow> all = harness.extractOutputValues();
        assertThat(all).hasSize(4);
        ScoredWindow period = all.get(3);
        assertThat(period.window()).isEqualTo("to_date");
        assertThat(period.from() + "/" + period.to()).isEqualTo("2020-03-01/2020-03-02");
        assertThat(period.complete()).isTrue();
        assertThat(period.features()).as("both days' calls").startsWith("41,0,0,0,40,");
        assertThat(harness.numKeyedStateEntries()).as("state after the period").isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void givesADayThatIsAWholePeriodOneVerdictForBothWindowsAndKeepsNothing() throws Exception {
        harness.close();
        harness = harness(new FraudWindows(LocalDate.of(2020, 3, 1), 1, HOUR));
        harness.open();
        for (int i = 0; i < 12; i++) {
            call("2020-03-01T10:%02d:00".formatted(i), "139000000" + (10 + i));
        }

        harness.processWatermark(millis("2020-03-02T01:00:00") - 1);

        List<ScoredWindow> verdicts = harness.extractOutputValues();
        assertThat(verdicts).extracting(ScoredWindow::window).containsExactly("day", "to_date");
        ScoredWindow day = verdicts.get(0);
        ScoredWindow period = verdicts.get(1);
        assertThat(period.complete()).isTrue();
        assertThat(period.from() + "/" + period.to()).isEqualTo("2020-03-01/2020-03-01");
        assertThat(period.features()).startsWith("12,0,0,0,12,").isEqualTo(day.features());
        assertThat(period.score()).isEqualTo(day.score());
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void reportsARecordWhoseDayHasClosedAsLateAndLeavesTheVerdictsAlone() throws Exception {
        call("2020-03-01T10:00:00", "13900000010");
        harness.processWatermark(millis("2020-03-02T01:00:00"));
        int verdicts = harness.extractOutputValues().size();

        call("2020-03-01T23:30:00", "13900000011");
        call("2020-03-02T08:00:00", "13900000012");

        List<Rejected> late = harness.getSideOutput(SubscriberWindows.LATE).stream()
                .map(StreamRecord::getValue)
                .collect(Collectors.toList());
        assertThat(late).hasSize(1);
        assertThat(((Counter) operatorMetrics.get("lateRecords")).getCount()).isEqualTo(1);
        assertThat(late.get(0).reason()).isEqualTo("late");
        assertThat(late.get(0).problem()).startsWith("day 2020-03-01 closed");
        assertThat(late.get(0).text()).startsWith(SUBSCRIBER);

        harness.processWatermark(millis("2020-03-03T01:00:00"));
        ScoredWindow period =
                harness.extractOutputValues().get(harness.extractOutputValues().size() - 1);
        assertThat(harness.extractOutputValues()).hasSize(verdicts + 2);
        assertThat(period.features()).as("the late call is not counted").startsWith("2,");
    }

    @Test
    void countsAnImeiSharedLaterInThePeriod() throws Exception {
        call("2020-03-01T10:00:00", "13900000010");
        harness.processElement(
                CdrBatch.of(
                        new ImeiShared(SUBSCRIBER, millis("2020-03-02T12:00:00") / 1000, "86000001"), FraudJob.BUCKETS),
                millis("2020-03-02T12:00:00"));
        harness.processWatermark(millis("2020-03-03T01:00:00"));

        ScoredWindow period =
                harness.extractOutputValues().get(harness.extractOutputValues().size() - 1);
        assertThat(period.complete()).isTrue();
        // distinct_imeis and shared_imeis are the 22nd and 23rd features.
        assertThat(period.features().split(",", -1)[21]).isEqualTo("1");
        assertThat(period.features().split(",", -1)[22]).isEqualTo("1");
    }
}
