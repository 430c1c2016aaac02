package org.telereg.streaming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.flink.streaming.api.operators.ProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ParseLinesTests {

    private static final String HEADER =
            "phone_no_m,opposite_no_m,calltype_id,start_datetime,call_dur,city_name,county_name,imei_m";

    private OneInputStreamOperatorTestHarness<byte[], SubscriberEvent> harness;

    @BeforeEach
    void open() throws Exception {
        harness = new OneInputStreamOperatorTestHarness<>(new ProcessOperator<>(new ParseLines("calls", HEADER)));
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void skipsAReplayedFilesHeaderAndReportsABadLineWithTheBatchScansProblem() throws Exception {
        harness.processElement(utf8("\uFEFF" + HEADER + "\r"), 0);
        harness.processElement(utf8("13800000001,13900000002,1,2020-03-01 10:00:00,35,成都,锦江区,86000001\r"), 0);
        harness.processElement(utf8("13800000001,13900000002,1,2020-03-01 10:00:00,-5,成都,锦江区,86000001"), 0);
        harness.processElement(utf8(""), 0);

        assertThat(harness.extractOutputValues()).singleElement().satisfies(event -> {
            assertThat(event.call().duration()).isEqualTo(35);
            assertThat(event.call().county()).isEqualTo("锦江区");
            assertThat(event.call().imei()).isEqualTo("86000001");
        });
        List<Rejected> rejected = harness.getSideOutput(ParseLines.REJECTED).stream()
                .map(StreamRecord::getValue)
                .collect(Collectors.toList());
        assertThat(rejected)
                .containsExactly(new Rejected(
                        "bad",
                        "calls",
                        "call_dur is not a whole number of seconds",
                        "13800000001,13900000002,1,2020-03-01 10:00:00,-5,成都,锦江区,86000001"));
    }

    @Test
    void refusesAReplayedFileWhoseHeaderOrdersTheColumnsOtherwise() {
        assertThatThrownBy(() -> harness.processElement(
                        utf8(
                                "opposite_no_m,phone_no_m,calltype_id,start_datetime,call_dur,city_name,county_name,imei_m"),
                        0))
                .hasMessageContaining("orders the columns otherwise");
    }

    @Test
    void knowsAHeaderInAnyCaseFromADataLineWhoseSubscriberSpellsTheColumnName() throws Exception {
        harness.processElement(utf8(HEADER.toUpperCase(Locale.ROOT)), 0);
        harness.processElement(utf8("phone_no_m,13900000002,1,2020-03-01 10:00:00,35,成都,锦江区,86000001"), 0);

        assertThat(harness.extractOutputValues())
                .singleElement()
                .satisfies(event -> assertThat(event.subscriber()).isEqualTo("phone_no_m"));
        assertThat(harness.getSideOutput(ParseLines.REJECTED)).isNull();
    }

    private static byte[] utf8(String line) {
        return line.getBytes(StandardCharsets.UTF_8);
    }
}
