package org.telereg.engine.fraud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CdrReadingTests {

    private static final String HEADER =
            "phone_no_m,opposite_no_m,calltype_id,start_datetime,call_dur,city_name,county_name,imei_m\n";
    private static final String ROWS = """
            13800000001,13900000001,1,2020-03-01 08:00:00,5,成都,锦江区,861111
            13800000001,13900000002,1,2020-03-01 08:01:00,0,成都,锦江区,861111
            13800000001,13900000001,2,2020-03-02 23:30:00,120,绵阳,涪城区,862222
            a1b2c3,13900000001,1,2020-03-03 01:00:00,40,成都,青羊区,861111
            """;

    @TempDir
    Path dir;

    private final FraudFeatures features = FraudFeatures.with(FraudFeaturesTests.SETTINGS);

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private String csv(FeatureExtraction extraction) throws IOException {
        StringBuilder out = new StringBuilder();
        extraction.features().writeCsv(out);
        return out.toString();
    }

    @Test
    void findsTheColumnsInAnyOrderAndIgnoresExtraOnes() throws IOException {
        Path plain = write("calls.csv", HEADER + ROWS);
        StringBuilder reordered = new StringBuilder(
                "imei_m,arpu_202003,call_dur,county_name,city_name,start_datetime,calltype_id,opposite_no_m,phone_no_m\n");
        for (String line : ROWS.split("\n")) {
            String[] f = line.split(",");
            reordered
                    .append(String.join(",", f[7], "88.5", f[4], f[6], f[5], f[3], f[2], f[1], f[0]))
                    .append('\n');
        }
        Path shuffled = write("shuffled.csv", reordered.toString());

        FeatureExtraction fromPlain = features.extract(CdrFiles.calls(plain));
        FeatureExtraction fromShuffled = features.extract(CdrFiles.calls(shuffled));

        assertThat(fromPlain.features().size()).isEqualTo(2);
        assertThat(fromPlain.badRows()).isZero();
        assertThat(csv(fromShuffled)).isEqualTo(csv(fromPlain));
        int row = fromPlain.features().rowOf("13800000001");
        assertThat(fromPlain.features().value(row, Feature.OUT_CALLS)).isEqualTo(2);
        assertThat(fromPlain.features().value(row, Feature.DISTINCT_IMEIS)).isEqualTo(2);
        assertThat(fromPlain.features().value(row, Feature.SHARED_IMEIS)).isEqualTo(1);
        assertThat(fromPlain.features().value(row, Feature.CALLBACK_RATIO)).isEqualTo(0.5);
    }

    @Test
    void readsGzipFilesByTheirContentWhateverTheirName() throws IOException {
        Path plain = write("calls.csv", HEADER + ROWS);
        Path zipped = dir.resolve("calls-without-suffix");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(zipped))) {
            out.write((HEADER + ROWS).getBytes(StandardCharsets.UTF_8));
        }

        FeatureExtraction fromZipped = features.extract(CdrFiles.calls(zipped));

        assertThat(csv(fromZipped)).isEqualTo(csv(features.extract(CdrFiles.calls(plain))));
        assertThat(fromZipped.inputs().get(0).rows()).isEqualTo(4);
    }

    @Test
    void reportsEachBadRowWithItsLineNumberAndProblem() throws IOException {
        Path calls = write(
                "calls.csv",
                HEADER
                        + "13800000001,13900000001,1,2020-03-01 08:00:00,5,成都,锦江区,861111\n"
                        + "13800000001,13900000001,4,2020-03-01 08:00:00,5,成都,锦江区,861111\n"
                        + "\n"
                        + "13800000001,13900000001,1,2020/03/01 08:00,5,成都,锦江区,861111\n"
                        + "13800000001,13900000001,1,2020-03-01 08:00:00,five,成都,锦江区,861111\n"
                        + ",13900000001,1,2020-03-01 08:00:00,5,成都,锦江区,861111\n"
                        + "13800000001,13900000001,1\n"
                        + "13800000001,,1,2020-03-01 08:00:00,5,成都,锦江区,861111\n"
                        // The engine keeps seconds as ints from 2000: years it cannot hold are refused, not wrapped.
                        + "13800000001,13900000001,1,1931-12-31 23:59:59,5,成都,锦江区,861111\n"
                        + "13800000001,13900000001,1,1932-01-01 00:00:00,5,成都,锦江区,861111\n");

        InputReport report = features.extract(CdrFiles.calls(calls)).inputs().get(0);

        assertThat(report.rows()).isEqualTo(9);
        assertThat(report.badRows()).isEqualTo(7);
        assertThat(report.firstBadRows())
                .extracting(BadRow::line, BadRow::problem)
                .containsExactly(
                        tuple(3L, "calltype_id must be 1, 2 or 3"),
                        tuple(5L, "start_datetime is not a date and time as yyyy-MM-dd HH:mm:ss"),
                        tuple(6L, "call_dur is not a whole number of seconds"),
                        tuple(7L, "phone_no_m is empty"),
                        tuple(8L, "expected at least 8 fields, found 3"),
                        tuple(9L, "opposite_no_m is empty"),
                        tuple(10L, "start_datetime lies outside 1932-01-01 to 2067-12-31"));
        assertThat(report.firstBadRows().get(0).text()).startsWith("13800000001,13900000001,4,");
    }

    @Test
    void readsLinesWhoseFieldsDoNotLineUpWithThePreviousLine() throws IOException {
        // Each line after the first breaks the layout of the line before it where a comma might be expected.
        Path calls = write(
                "calls.csv",
                HEADER
                        + "13800000001,13900000001,1,2020-03-01 08:00:00,5,成都,锦江区,861111\n"
                        + "\n"
                        + "1380000000,,13900000001,1,2020-03-01 08:00:00,5,成都,锦江区,861111\n"
                        + "13800000001,13900000002,1,2020-03-01 08:05:00,5,\"成都,天府新区\",锦江区,861111\r\n"
                        + "13800000001,abcdefghijk,3,2020-03-01 08:06:00,12,成都,锦江区,861111\n"
                        + "13800000001,1390000000x,2,2020-03-01 08:07:00,5,成都,锦江区,861111\n"
                        + "1380000001,13900000001,1,2020-03-01 08:08:00,7,成都,锦江区,861111\n"
                        + "13800000001,13900000001,1,2020-03-01 08:09:00\n"
                        + "13800000001,13900000003,1,2020-03-01 08:10:00,5,成都,锦江区,861111\n");

        FeatureExtraction extraction = features.extract(CdrFiles.calls(calls));

        InputReport report = extraction.inputs().get(0);
        assertThat(report.rows()).isEqualTo(8);
        assertThat(report.firstBadRows())
                .extracting(BadRow::line, BadRow::problem)
                .containsExactly(tuple(4L, "opposite_no_m is empty"), tuple(9L, "expected at least 8 fields, found 4"));
        FeatureTable table = extraction.features();
        assertThat(table.size()).isEqualTo(2);
        int row = table.rowOf("13800000001");
        assertThat(table.value(row, Feature.OUT_CALLS)).isEqualTo(3);
        assertThat(table.value(row, Feature.IN_CALLS)).isEqualTo(1);
        assertThat(table.value(row, Feature.FORWARDED_CALLS)).isEqualTo(1);
        assertThat(table.value(row, Feature.DISTINCT_CALLEES)).isEqualTo(3);
        assertThat(table.value(row, Feature.DISTINCT_CALLERS)).isEqualTo(1);
        assertThat(table.value(row, Feature.DISTINCT_PLACES)).isEqualTo(2);
        assertThat(table.value(table.rowOf("1380000001"), Feature.OUT_CALLS)).isEqualTo(1);
    }

    @Test
    void keepsTheFirstBadRowsAsConfiguredAndCountsTheRest() throws IOException {
        StringBuilder content = new StringBuilder(HEADER);
        for (int i = 0; i < 500; i++) {
            content.append("1380000").append(1000 + i).append(",139,9,2020-03-01 08:00:00,5,成都,锦江区,86\n");
        }
        Path calls = write("calls.csv", content.toString());

        InputReport report = features.withThreads(2)
                .withBadRowsToReport(3)
                .extract(CdrFiles.calls(calls))
                .inputs()
                .get(0);

        assertThat(report.badRows()).isEqualTo(500);
        assertThat(report.firstBadRows()).extracting(BadRow::line).containsExactly(2L, 3L, 4L);
    }

    @Test
    void refusesAFileThatIsNotCallsNamingTheMissingColumns() throws IOException {
        Path sms =
                write("sms.csv", "phone_no_m,opposite_no_m,calltype_id,request_datetime\n1,2,1,2020-03-01 08:00:00\n");

        assertThatThrownBy(() -> features.extract(CdrFiles.calls(sms)))
                .isInstanceOf(CdrFormatException.class)
                .hasMessageContaining("not a calls file")
                .hasMessageContaining("start_datetime, call_dur, city_name, county_name, imei_m")
                .satisfies(e -> assertThat(((CdrFormatException) e).missingColumns())
                        .containsExactly("start_datetime", "call_dur", "city_name", "county_name", "imei_m"));
    }

    @Test
    void refusesAnEmptyFileAndAMissingOne() throws IOException {
        Path empty = write("empty.csv", "");

        assertThatThrownBy(() -> features.extract(CdrFiles.calls(empty)))
                .isInstanceOf(CdrFormatException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> features.extract(CdrFiles.calls(dir.resolve("nowhere.csv"))))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("nowhere.csv");
    }

    @Test
    void acceptsByteOrderMarkWindowsLineEndsQuotedFieldsAndLongTokens() throws IOException {
        String token = "f".repeat(300);
        Path calls = write(
                "calls.csv",
                "\uFEFF\"phone_no_m\",opposite_no_m,calltype_id,start_datetime,call_dur,city_name,county_name,imei_m\r\n"
                        + token + ",\"13900000001\",1,2020-03-01 08:00:00,5,\"成都, 天府新区\",锦江区,861111\r\n"
                        + token + ",13900000001,1,2020-03-01T09:00:00,20,成都,锦江区,861111");

        FeatureExtraction extraction = features.extract(CdrFiles.calls(calls));

        assertThat(extraction.badRows()).isZero();
        FeatureTable table = extraction.features();
        assertThat(table.subscriber(0)).isEqualTo(token);
        assertThat(table.value(0, Feature.OUT_CALLS)).isEqualTo(2);
        assertThat(table.value(0, Feature.DISTINCT_CALLEES)).isEqualTo(1);
        assertThat(table.value(0, Feature.DISTINCT_PLACES)).isEqualTo(2);
    }

    @Test
    void usesTheUsersFileForIdCardsAndHomeCityAndTheSmsFileForCounts() throws IOException {
        Path calls = write("calls.csv", HEADER + ROWS);
        Path users = write(
                "users.csv",
                "phone_no_m,city_name,county_name,idcard_cnt,arpu_202004,label\n13800000001,成都,锦江区,3,46.0,1\n");
        Path sms = write(
                "sms.csv",
                "phone_no_m,opposite_no_m,calltype_id,request_datetime\n"
                        + "13800000001,1069000,2,2020-03-01 07:00:00\n"
                        + "sender-only,13800000001,1,2020-03-01 07:00:00\n");

        FeatureTable table = features.extract(new CdrFiles(calls, sms, users)).features();

        int row = table.rowOf("13800000001");
        assertThat(table.value(row, Feature.IDCARD_COUNT)).isEqualTo(3);
        assertThat(table.value(row, Feature.AWAY_RATIO)).isCloseTo(1.0 / 3, within(1e-6));
        assertThat(table.value(row, Feature.SMS_IN)).isEqualTo(1);
        assertThat(table.rowOf("sender-only")).isNotNegative();
        assertThat(table.size()).isEqualTo(3);
    }
}
