package org.telereg.engine.fraud;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CdrLineReaderTests {

    private static final String HEADER =
            "imei_m,phone_no_m,opposite_no_m,calltype_id,start_datetime,call_dur,city_name,county_name,extra";

    private final CdrLineReader reader = reader();

    private static CdrLineReader reader() {
        try {
            return CdrRowParser.calls("calls.csv", HEADER).reader();
        } catch (CdrFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    private CdrLineReader.Line read(String text) {
        byte[] line = ("garbage before|" + text).getBytes(StandardCharsets.UTF_8);
        int from = "garbage before|".length();
        return reader.read(line, from, line.length);
    }

    @Test
    void readsNumbersAsKeysAndDecodesOnlyWhatIsAskedFor() {
        assertThat(read("860000011112222,13800000001,013900000002,1,2020-03-01 10:00:05,35,成都,锦江区,x\r"))
                .isEqualTo(CdrLineReader.Line.CALL);

        assertThat(reader.subscriberKey()).isEqualTo(CompactFeatureAccumulator.numberKey("13800000001"));
        assertThat(reader.counterpartKey())
                .as("a leading zero makes another key")
                .isEqualTo(CompactFeatureAccumulator.numberKey("013900000002"))
                .isNotEqualTo(CompactFeatureAccumulator.numberKey("13900000002"));
        assertThat(reader.hasImei()).isTrue();
        assertThat(reader.imeiText()).isEqualTo("860000011112222");
        assertThat(reader.type()).isEqualTo(1);
        assertThat(reader.time()).isEqualTo(1_583_056_805L);
        assertThat(reader.duration()).isEqualTo(35);
        assertThat(reader.city(reader.place())).isEqualTo("成都");
        assertThat(reader.county(reader.place())).isEqualTo("锦江区");
    }

    @Test
    void givesTokensKeyZeroAndThePlacesOfAFileDenseIds() {
        read(",a9f3c2,\"b7,7e\",2,2020-03-01 10:00:05,0,,,");
        assertThat(reader.subscriberKey()).isZero();
        assertThat(reader.subscriberText()).isEqualTo("a9f3c2");
        assertThat(reader.counterpartKey()).isZero();
        assertThat(reader.counterpartText()).as("a quoted field").isEqualTo("b7,7e");
        assertThat(reader.hasImei()).isFalse();
        assertThat(reader.place()).as("no place").isEqualTo(-1);

        read(",13800000001,10086,2,2020-03-01 10:00:05,0,成都,锦江区,");
        int chengdu = reader.place();
        read(",13800000001,10086,2,2020-03-01 10:00:05,0,成都,武侯区,");
        int wuhou = reader.place();
        read(",13800000001,10086,2,2020-03-02 23:59:59,0,成都,锦江区,");

        assertThat(reader.place()).isEqualTo(chengdu);
        assertThat(wuhou).isNotEqualTo(chengdu);
        assertThat(reader.county(wuhou)).isEqualTo("武侯区");
        assertThat(reader.time()).as("another date after a cached one").isEqualTo(1_583_193_599L);
    }

    @Test
    void namesTheProblemOfABadLineAndSkipsABlankOne() {
        assertThat(read("\r")).isEqualTo(CdrLineReader.Line.BLANK);
        assertThat(read(",13800000001,10086,4,2020-03-01 10:00:05,0,,,")).isEqualTo(CdrLineReader.Line.BAD);
        assertThat(reader.problem()).isEqualTo("calltype_id must be 1, 2 or 3");
        assertThat(reader.lineText()).isEqualTo(",13800000001,10086,4,2020-03-01 10:00:05,0,,,");
        assertThat(read(",13800000001,10086,1,2020-02-30 10:00:05,0,,,")).isEqualTo(CdrLineReader.Line.BAD);
        assertThat(reader.problem()).startsWith("start_datetime is not a date");
        assertThat(read(",13800000001,10086,1,2068-01-01 00:00:00,0,,,")).isEqualTo(CdrLineReader.Line.BAD);
        assertThat(reader.problem()).isEqualTo("start_datetime lies outside 1932-01-01 to 2067-12-31");
        assertThat(read(",13800000001,10086,1,2067-12-31 23:59:59,0,,,")).isEqualTo(CdrLineReader.Line.CALL);
        assertThat(read(",13800000001")).isEqualTo(CdrLineReader.Line.BAD);
        assertThat(reader.problem()).isEqualTo("expected at least 8 fields, found 2");
    }

    @Test
    void findsWhereALineEnds() {
        byte[] block = "first line\nsecond".getBytes(StandardCharsets.UTF_8);

        assertThat(CdrLineReader.lineEnd(block, 0, block.length)).isEqualTo(10);
        assertThat(CdrLineReader.lineEnd(block, 11, block.length)).isEqualTo(block.length);
    }
}
