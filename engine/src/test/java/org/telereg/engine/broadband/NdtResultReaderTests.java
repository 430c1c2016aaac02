package org.telereg.engine.broadband;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NdtResultReaderTests {

    private static final ImportSettings UTC = ImportSettings.defaults()
            .withZone(ZoneOffset.UTC)
            .withClock(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));

    @TempDir
    Path dir;

    private final List<Measurement> read = new ArrayList<>();

    // Expected figures: expected-figures.py in the test resources computes them with Python's json module.

    @Test
    void readsNdt7DownloadFromTheLastServerSnapshot() throws IOException {
        Path file = SharedData.file(
                "mlab-ndt/NDT7Result/ndt7-download-20200318T000657.568382877Z.ndt-knwp4_1583603744_000000000000590E.json");

        ImportReport report = MeasurementFiles.readNdt(file, UTC, read::add);

        assertThat(report.accepted()).isEqualTo(1);
        Measurement m = read.get(0);
        assertThat(m.time()).isEqualTo(LocalDateTime.parse("2020-03-18T00:06:57.568560744"));
        assertThat(m.downloadMbps()).isCloseTo(38.714033638, within(1e-8));
        assertThat(m.uploadMbps()).isNaN();
        assertThat(m.latencyMs()).isCloseTo(285.804, within(1e-9));
        assertThat(m.loss()).isCloseTo(0.120291692, within(1e-8));
    }

    @Test
    void readsNdt7UploadAsUploadOnlyInTheLocalZone() throws IOException {
        Path file = SharedData.file(
                "mlab-ndt/NDT7Result/ndt7-upload-20200318T001352.496224022Z.ndt-knwp4_1583603744_0000000000005CF2.json");

        MeasurementFiles.readNdt(file, UTC.withZone(ZoneId.of("Asia/Shanghai")), read::add);

        assertThat(read).singleElement().satisfies(m -> {
            assertThat(m.time()).isEqualTo(LocalDateTime.parse("2020-03-18T08:13:52.496385765"));
            assertThat(m.uploadMbps()).isCloseTo(2.684834198, within(1e-8));
            assertThat(m.downloadMbps()).isNaN();
            assertThat(m.latencyMs()).isCloseTo(173.733, within(1e-9));
        });
    }

    @Test
    void readsEveryNdt7AndNdt5ResultOfTheSample() throws IOException {
        List<String> names = List.of(
                "NDT7Result/ndt7-download-20221130T230746.606388371Z.ndt-rczlq_1666977535_unsafe_000000000016912D.json",
                "NDT5Result/ndt-5hkck_1566219987_000000000000017D.json",
                "NDT5Result/ndt-m9pcq_1652405655_000000000014FD22.json",
                "NDT5Result/ndt-rczlq_1666977535_unsafe_0000000000169592.json",
                "NDT5Result/ndt-vscqp_1565987984_000000000001A1C2.json");
        for (String name : names) {
            ImportReport report = MeasurementFiles.readNdt(SharedData.file("mlab-ndt/" + name), UTC, read::add);
            assertThat(report.accepted()).as(name).isEqualTo(1);
        }

        assertThat(read)
                .extracting(Measurement::downloadMbps)
                .satisfiesExactly(
                        d -> assertThat(d).isCloseTo(76.65633407, within(1e-7)),
                        d -> assertThat(d).isEqualTo(425.1844608),
                        d -> assertThat(d).isEqualTo(0.4230442008110187),
                        d -> assertThat(d).isEqualTo(218.32357147346343),
                        d -> assertThat(d).isEqualTo(0.4063232));
        assertThat(read)
                .extracting(Measurement::uploadMbps)
                .containsExactly(
                        Double.NaN, 275.1432297321564, 0.196594535535153, 14.133278312335156, 0.19657181846162247);
        assertThat(read).extracting(Measurement::latencyMs).containsExactly(2.959, 2.0, 40.0, 12.0, 216.0);
        assertThat(read.get(3).loss()).isCloseTo(0.001180918, within(1e-9));
        assertThat(read.get(1).loss()).isNaN();
        assertThat(read.get(1).time()).isEqualTo(LocalDateTime.parse("2019-08-22T19:44:36.855433937"));
    }

    @Test
    void rejectsNdt5ResultWithoutAnyTestNamingTheFields() throws IOException {
        Path file = SharedData.file("mlab-ndt/NDT5Result/ndt-x5dms_1589313593_0000000000024063.json");

        ImportReport report = MeasurementFiles.readNdt(file, UTC, read::add);

        assertThat(report.records()).isEqualTo(1);
        assertThat(report.rejected()).isEqualTo(1);
        assertThat(report.firstRejected())
                .singleElement()
                .hasToString("line 1: S2C, C2S: the result has neither a download nor an upload test");
    }

    @Test
    void refusesTheCorruptFileNamingLineAndColumn() {
        Path file = SharedData.file("mlab-ndt/Annotation2/ndt-corrupt.json");

        assertThatThrownBy(() -> MeasurementFiles.readNdt(file, UTC, read::add))
                .isInstanceOf(MeasurementFormatException.class)
                .hasMessage(file + ": not valid JSON at line 49, column 1: expected ',' or '}' after member"
                        + " \"Client\" but found '/'");
        assertThat(read).isEmpty();
    }

    @Test
    void refusesAnAnnotationFileAsNotAnNdtResult() {
        Path file = SharedData.file("mlab-ndt/Annotation2/ndt-njp6l_1585004303_00000000000170FA.json");

        assertThatThrownBy(() -> MeasurementFiles.readNdt(file, UTC, read::add))
                .isInstanceOf(MeasurementFormatException.class)
                .hasMessageContaining("not an NDT5 or NDT7 result")
                .hasMessageContaining("it has UUID, Timestamp, Server, Client");
    }

    @Test
    void refusesEmptyTruncatedAndMalformedJson() throws IOException {
        assertRefused("", "the file is empty");
        assertRefused("  \n ", "the file is empty");
        assertRefused(
                "{\"S2C\": {\"MeanThroughputMbps\": 1",
                "line 1, column 32: expected ',' or '}' after member \"MeanThroughputMbps\" but found the end of the input");
        assertRefused("{\"S2C\": {\"StartTime\": \"2020-01-01T00:00:00Z", "the input ends inside a string");
        assertRefused("{\"S2C\": 1, \"S2C\": 2}", "member \"S2C\" appears twice");
        assertRefused("{\"S2C\": 01}", "a number may not start with 0");
        assertRefused("{\"S2C\": [1,]}", "expected a value but found ']'");
        assertRefused("{'S2C': 1}", "expected a member name in double quotes but found '''");
        assertRefused("{\"S2C\": NaN}", "expected a value but found 'N'");
        assertRefused("{\"S2C\": tru}", "expected true but found '}'");
        assertRefused("[1, 2]", "line 1: not an NDT result: a JSON object was expected");
        assertRefused("{\"S2C\":" + "[".repeat(100) + "]".repeat(100) + "}", "nesting deeper than 64 levels");
        assertRefused("{\"S2C\": 1e400}", "number 1e400 is out of range");
        assertRefused("{\"S2C\": [" + " ".repeat(1 << 23) + "]}", "a value longer than 8388608 characters");
        assertRefused("{\"S2C\": " + "9".repeat(1_000) + "}", "a number longer than 100 characters");
        assertRefused("{\"S2C\": \"" + "x".repeat((1 << 20) + 1) + "\"}", "a string longer than 1048576 characters");
    }

    @Test
    void refusesARealResultCutInHalf() throws IOException {
        Path whole = SharedData.file(
                "mlab-ndt/NDT7Result/ndt7-download-20200318T000657.568382877Z.ndt-knwp4_1583603744_000000000000590E.json");
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = dir.resolve("cut.json");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));

        assertThatThrownBy(() -> MeasurementFiles.readNdt(cut, UTC, read::add))
                .isInstanceOf(MeasurementFormatException.class)
                .hasMessageStartingWith(cut + ": not valid JSON at line 1, column ")
                .hasMessageContaining("the end of the input");
        assertThat(read).isEmpty();
    }

    @Test
    void refusesGbkBytesInJson() throws IOException {
        Path file = dir.resolve("gbk.json");
        Files.write(file, "{\"Control\": \"中国\"}".getBytes(Charset.forName("GBK")));

        assertThatThrownBy(() -> MeasurementFiles.readNdt(file, UTC, read::add))
                .isInstanceOf(MeasurementFormatException.class)
                .hasMessageContaining("not UTF-8 text");
    }

    @Test
    void readsSeveralResultsOneAfterAnotherAndRejectsTheIncompleteOne() throws IOException {
        Path file = dir.resolve("lines.jsonl");
        Files.writeString(file, """
                {"S2C": {"StartTime": "2024-05-01T12:30:00Z", "MeanThroughputMbps": 100.5, "MinRTT": 5000000}}
                {"S2C": {"StartTime": "2024-05-01T12:31:00Z"}}
                {"S2C": {"StartTime": "yesterday", "MeanThroughputMbps": 1}}
                {"Download": {"StartTime": "2024-05-01T12:32:00Z", "ServerMeasurements": []}}
                {"C2S": {"StartTime": "2024-05-01T12:33:00Z", "MeanThroughputMbps": 20}}
                """);

        ImportReport report =
                MeasurementFiles.readNdt(file, UTC.withDefaults("440300", "中国电信", Technology.FIBRE), read::add);

        assertThat(report.records()).isEqualTo(5);
        assertThat(report.accepted()).isEqualTo(2);
        assertThat(report.firstRejected())
                .extracting(RejectedRow::toString)
                .containsExactly(
                        "line 2: S2C.MeanThroughputMbps: missing",
                        "line 3: S2C.StartTime: \"yesterday\" is not an RFC 3339 time",
                        "line 4: Download.ServerMeasurements: empty, the test measured nothing");
        assertThat(read.get(0))
                .isEqualTo(Measurement.of(
                        LocalDateTime.of(2024, 5, 1, 12, 30),
                        "4403",
                        "中国电信",
                        Technology.FIBRE,
                        100.5,
                        Double.NaN,
                        5.0,
                        Double.NaN,
                        Double.NaN));
        assertThat(read.get(1).uploadMbps()).isEqualTo(20);
    }

    private void assertRefused(String json, String message) throws IOException {
        Path file = dir.resolve("bad" + System.nanoTime() + ".json");
        Files.writeString(file, json);
        assertThatThrownBy(() -> MeasurementFiles.readNdt(file, UTC, read::add))
                .as(json.length() <= 100 ? json : json.substring(0, 100) + "…")
                .isInstanceOf(MeasurementFormatException.class)
                .hasMessageContaining(message)
                .hasMessageStartingWith(file.toString());
    }
}
