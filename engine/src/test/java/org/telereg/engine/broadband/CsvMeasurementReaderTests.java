package org.telereg.engine.broadband;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvMeasurementReaderTests {

    private static final ImportSettings SETTINGS =
            ImportSettings.defaults().withClock(Clock.fixed(Instant.parse("2024-06-01T00:00:00Z"), ZoneOffset.UTC));

    @TempDir
    Path dir;

    private final List<Measurement> read = new ArrayList<>();

    @Test
    void readsCanonicalColumnsIntoMeasurements() throws IOException {
        Path file = write(
                "time,division,operator,technology,download_mbps,upload_mbps,latency_ms,loss,plan_mbps",
                "2024-05-01 20:15:00,440106,中国电信,FTTH,512.5,60.1,8.5,0.001,1000",
                "2024-05-02T09:00:00+00:00,110000,中国联通,5G,350,80,22,0.5%,");

        ImportReport report = MeasurementFiles.readCsv(file, SETTINGS, read::add);

        assertThat(report.records()).isEqualTo(2);
        assertThat(report.accepted()).isEqualTo(2);
        assertThat(report.charset()).isEqualTo("UTF-8");
        assertThat(read.get(0))
                .isEqualTo(Measurement.of(
                        LocalDateTime.of(2024, 5, 1, 20, 15),
                        "440106",
                        "中国电信",
                        Technology.FIBRE,
                        512.5,
                        60.1,
                        8.5,
                        0.001,
                        1000));
        // UTC 09:00 is 17:00 in Beijing; 110000 is the province-level code of Beijing; 0.5% is a fraction of 0.005.
        assertThat(read.get(1).time()).isEqualTo(LocalDateTime.of(2024, 5, 2, 17, 0));
        assertThat(read.get(1).division()).isEqualTo("11");
        assertThat(read.get(1).technology()).isEqualTo(Technology.MOBILE_5G);
        assertThat(read.get(1).loss()).isCloseTo(0.005, within(1e-12));
        assertThat(read.get(1).planMbps()).isNaN();
    }

    @Test
    void findsChineseAliasesInAnyOrderAndListsColumnsItDoesNotUse() throws IOException {
        Path file = write("下行速率(Mbps),备注,运营商,测试时间,省份,接入方式,签约速率", "95.5,夜间,中国移动,2024/05/03 21:00,广东,光纤,100M");

        ImportReport report = MeasurementFiles.readCsv(file, SETTINGS, read::add);

        assertThat(report.ignoredColumns()).containsExactly("备注");
        assertThat(read).singleElement().satisfies(m -> {
            assertThat(m.downloadMbps()).isEqualTo(95.5);
            assertThat(m.operator()).isEqualTo("中国移动");
            assertThat(m.time()).isEqualTo(LocalDateTime.of(2024, 5, 3, 21, 0));
            assertThat(m.division()).isEqualTo("44");
            assertThat(m.technology()).isEqualTo(Technology.FIBRE);
            assertThat(m.planMbps()).isEqualTo(100);
            assertThat(m.uploadMbps()).isNaN();
        });
    }

    @Test
    void readsGbkFileAsSavedByExcelOnChineseWindows() throws IOException {
        Path file = dir.resolve("gbk.csv");
        Files.writeString(
                file,
                "时间,运营商,下载速率\r\n2024-05-01 08:00,中国电信,100\r\n2024-05-01 21:00,中国联通,80\r\n",
                Charset.forName("GBK"));

        ImportReport report = MeasurementFiles.readCsv(file, SETTINGS, read::add);

        assertThat(report.charset()).isEqualTo("GBK");
        assertThat(read).extracting(Measurement::operator).containsExactly("中国电信", "中国联通");
    }

    @Test
    void skipsUtf8ByteOrderMark() throws IOException {
        Path file = dir.resolve("bom.csv");
        Files.writeString(file, "\uFEFFtime,download\n2024-05-01 08:00,100\n", StandardCharsets.UTF_8);

        assertThat(MeasurementFiles.readCsv(file, SETTINGS, read::add).accepted())
                .isEqualTo(1);
    }

    @Test
    void rejectsBadRowsWithLineNumberAndFieldAndKeepsTheGoodOnes() throws IOException {
        Path file = write(
                "time,operator,technology,download_mbps,loss,division",
                "2024-05-01 08:00,A,FTTH,100,0.01,440106",
                "yesterday,A,FTTH,100,0.01,440106",
                "",
                "2024-05-01 08:00,A,FTTH,fast,0.01,440106",
                "2024-05-01 08:00,A,carrier pigeon,100,0.01,440106",
                "2024-05-01 08:00,A,FTTH,100,0.01,999999",
                "2024-05-01 08:00,A,FTTH,,0.01,440106",
                "2024-05-01 08:00,A,FTTH,NaN,0.01,440106",
                "2024-05-01 08:00,\"A,FTTH,100,0.01,440106",
                "2024-05-01 08:00,A,FTTH,100");

        ImportReport report = MeasurementFiles.readCsv(file, SETTINGS, read::add);

        assertThat(report.records()).isEqualTo(9);
        assertThat(report.accepted()).isEqualTo(1);
        assertThat(report.rejected()).isEqualTo(8);
        assertThat(report.firstRejected())
                .extracting(RejectedRow::line, RejectedRow::problem)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                3L,
                                "time: \"yesterday\" is not a time such as 2024-05-01 20:15:00 or 2024-05-01T12:15:00Z"),
                        org.assertj.core.groups.Tuple.tuple(5L, "download_mbps: \"fast\" is not a number"),
                        org.assertj.core.groups.Tuple.tuple(
                                6L, "technology: \"carrier pigeon\" is not one of FTTH, VDSL, ADSL, cable, 4G, 5G"),
                        org.assertj.core.groups.Tuple.tuple(
                                7L, "division: \"999999\" is not a current GB/T 2260 code or province name"),
                        org.assertj.core.groups.Tuple.tuple(8L, "download_mbps: missing"),
                        org.assertj.core.groups.Tuple.tuple(9L, "download_mbps: \"NaN\" is not a number"),
                        org.assertj.core.groups.Tuple.tuple(10L, "the quote opened at character 18 is not closed"),
                        org.assertj.core.groups.Tuple.tuple(11L, "the row has 4 fields, the header 6"));
        assertThat(report.firstRejected().get(0).text()).isEqualTo("yesterday,A,FTTH,100,0.01,440106");
    }

    @Test
    void readsTheUsualTimeAndNumberFormsAndRejectsLookalikes() throws IOException {
        Path file = write(
                "time,download",
                "2024/05/01 20:15:30,1e3",
                "2024-05-01T20:15,.5",
                "2024-05-01 20:15:00.250,5.",
                "2024-05-01T12:15:00Z,+3",
                "2024-02-30 08:00,1",
                "2024-05-01 24:00,1",
                "2024-05-01,1",
                "2024-05-01 08:00,0x10",
                "2024-05-01 08:00,1e",
                "2024-05-01 08:00,1.2.3",
                "2024-05-01 08:00,Infinity",
                "2024-05-01 08:00,1e999");

        ImportReport report = MeasurementFiles.readCsv(file, SETTINGS, read::add);

        assertThat(read)
                .extracting(Measurement::time, Measurement::downloadMbps)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(LocalDateTime.of(2024, 5, 1, 20, 15, 30), 1000.0),
                        org.assertj.core.groups.Tuple.tuple(LocalDateTime.of(2024, 5, 1, 20, 15), 0.5),
                        org.assertj.core.groups.Tuple.tuple(LocalDateTime.of(2024, 5, 1, 20, 15, 0, 250_000_000), 5.0),
                        org.assertj.core.groups.Tuple.tuple(LocalDateTime.of(2024, 5, 1, 20, 15), 3.0));
        assertThat(report.firstRejected())
                .extracting(RejectedRow::problem)
                .containsExactly(
                        "time: \"2024-02-30 08:00\" is not a time such as 2024-05-01 20:15:00 or 2024-05-01T12:15:00Z",
                        "time: \"2024-05-01 24:00\" is not a time such as 2024-05-01 20:15:00 or 2024-05-01T12:15:00Z",
                        "time: \"2024-05-01\" is not a time such as 2024-05-01 20:15:00 or 2024-05-01T12:15:00Z",
                        "download_mbps: \"0x10\" is not a number",
                        "download_mbps: \"1e\" is not a number",
                        "download_mbps: \"1.2.3\" is not a number",
                        "download_mbps: \"Infinity\" is not a number",
                        "download_mbps: \"1e999\" is out of range");
    }

    @Test
    void listsOnlyTheFirstBadRowsButCountsThemAll() throws IOException {
        List<String> lines = new ArrayList<>(List.of("time,download"));
        for (int i = 0; i < 50; i++) {
            lines.add("2024-05-01 08:00,x" + i);
        }
        Path file = write(lines.toArray(String[]::new));

        ImportReport report = MeasurementFiles.readCsv(file, SETTINGS.withMaxListed(3), read::add);

        assertThat(report.rejected()).isEqualTo(50);
        assertThat(report.firstRejected()).extracting(RejectedRow::line).containsExactly(2L, 3L, 4L);
    }

    @Test
    void excludesImplausibleMeasurementsWithTheirReason() throws IOException {
        Path file = write(
                "time,technology,download,upload,latency,loss",
                "2024-05-01 08:00,FTTH,300,30,10,0",
                "2024-05-01 08:00,FTTH,0,30,10,0",
                "2024-05-01 08:00,FTTH,-5,30,10,0",
                "2024-05-01 08:00,FTTH,300,0,10,0",
                "2024-05-01 08:00,ADSL,90,1,10,0",
                "2024-05-01 08:00,4G,1500,30,10,0",
                "2024-05-01 08:00,FTTH,300,30,0,0",
                "2024-05-01 08:00,FTTH,300,30,90000,0",
                "2024-05-01 08:00,FTTH,300,30,10,2",
                "2024-05-01 08:00,FTTH,300,30,10,-0.1",
                "2024-06-01 09:00,FTTH,300,30,10,0",
                "2024-06-01 07:59,FTTH,300,30,10,0");

        ImportReport report = MeasurementFiles.readCsv(file, SETTINGS, read::add);

        // The clock stands at 2024-06-01 08:00 Beijing time; ten minutes of skew are tolerated.
        assertThat(report.accepted()).isEqualTo(2);
        assertThat(report.excluded()).isEqualTo(10);
        assertThat(report.excludedByReason())
                .isEqualTo(Map.of(
                        Implausibility.NON_POSITIVE_THROUGHPUT, 3L,
                        Implausibility.ABOVE_TECHNOLOGY_CEILING, 2L,
                        Implausibility.LATENCY_OUT_OF_RANGE, 2L,
                        Implausibility.LOSS_OUT_OF_RANGE, 2L,
                        Implausibility.FUTURE_TIMESTAMP, 1L));
        assertThat(report.firstExcluded().get(3))
                .isEqualTo(new Exclusion(
                        6,
                        Implausibility.ABOVE_TECHNOLOGY_CEILING,
                        "download 90.0 Mbit/s above the DSL ceiling of 30.0"));
        assertThat(read).extracting(Measurement::downloadMbps).containsOnly(300.0);
    }

    @Test
    void appliesConfiguredThresholds() throws IOException {
        Path file = write("time,technology,download", "2024-05-01 08:00,ADSL,90");
        ImportSettings generous =
                SETTINGS.withLimits(PlausibilityLimits.defaults().withCeiling(Technology.DSL, 100));

        assertThat(MeasurementFiles.readCsv(file, generous, read::add).accepted())
                .isEqualTo(1);
    }

    @Test
    void refusesEmptyFileNamingTheRequiredColumns() throws IOException {
        Path file = write();

        assertThatThrownBy(() -> MeasurementFiles.readCsv(file, SETTINGS, read::add))
                .isInstanceOf(MeasurementFormatException.class)
                .hasMessageContaining("the file is empty")
                .satisfies(e -> assertThat(((MeasurementFormatException) e).missing())
                        .containsExactly("time", "download_mbps"));
    }

    @Test
    void refusesFileWhoseHeaderLacksRequiredColumns() throws IOException {
        Path file = write("datetime,operator,upload", "2024-05-01 08:00,A,10");

        assertThatThrownBy(() -> MeasurementFiles.readCsv(file, SETTINGS, read::add))
                .isInstanceOf(MeasurementFormatException.class)
                .hasMessageContaining("not a measurement CSV: the header lacks download_mbps")
                .hasMessageContaining(file.toString());
        assertThat(read).isEmpty();
    }

    @Test
    void refusesOfcomPanelAndNdtJsonGivenAsGenericCsv() {
        Path panel = SharedData.file("broadband2014.csv");
        Path json = SharedData.file("mlab-ndt/NDT5Result/ndt-5hkck_1566219987_000000000000017D.json");

        assertThatThrownBy(() -> MeasurementFiles.readCsv(panel, SETTINGS, read::add))
                .isInstanceOf(MeasurementFormatException.class)
                .hasMessageContaining("not a measurement CSV: the header lacks time, download_mbps");
        assertThatThrownBy(() -> MeasurementFiles.readCsv(json, SETTINGS, read::add))
                .isInstanceOf(MeasurementFormatException.class)
                .hasMessageContaining("not a measurement CSV: line 1 is JSON, not a header");
    }

    @Test
    void refusesTwoColumnsThatMeanTheSame() throws IOException {
        Path file = write("time,download,下载速率", "2024-05-01 08:00,1,2");

        assertThatThrownBy(() -> MeasurementFiles.readCsv(file, SETTINGS, read::add))
                .isInstanceOf(MeasurementFormatException.class)
                .hasMessageContaining("columns \"download\" and \"下载速率\" both give download_mbps");
    }

    @Test
    void rejectsTheCutLastRowOfATruncatedFile() throws IOException {
        Path file = dir.resolve("cut.csv");
        Files.writeString(file, "time,operator,download\n2024-05-01 08:00,A,100\n2024-05-01 08:0");

        ImportReport report = MeasurementFiles.readCsv(file, SETTINGS, read::add);

        assertThat(report.accepted()).isEqualTo(1);
        assertThat(report.firstRejected()).singleElement().satisfies(row -> {
            assertThat(row.line()).isEqualTo(3);
            assertThat(row.problem()).isEqualTo("the row has 1 fields, the header 3");
        });
    }

    @Test
    void rejectsHugeAndUndecodableLinesWithoutStopping() throws IOException {
        Path file = dir.resolve("hostile.csv");
        byte[] huge = ("2024-05-01 08:00," + "9".repeat(TextLines.MAX_LINE_BYTES + 10) + "\n")
                .getBytes(StandardCharsets.US_ASCII);
        try (var out = Files.newOutputStream(file)) {
            out.write("time,operator,download\n".getBytes(StandardCharsets.UTF_8));
            out.write("2024-05-01 08:00,中国电信,100\n".getBytes(StandardCharsets.UTF_8));
            out.write(huge);
            out.write("2024-05-01 08:00,".getBytes(StandardCharsets.UTF_8));
            out.write("中国联通".getBytes(Charset.forName("GBK")));
            out.write(",100\n2024-05-01 09:00,中国移动,100\n".getBytes(StandardCharsets.UTF_8));
        }

        ImportReport report = MeasurementFiles.readCsv(file, SETTINGS, read::add);

        assertThat(report.accepted()).isEqualTo(2);
        assertThat(report.firstRejected())
                .extracting(RejectedRow::line, RejectedRow::problem)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(3L, "longer than 1048576 bytes"),
                        org.assertj.core.groups.Tuple.tuple(4L, "not UTF-8 text like the lines before it"));
    }

    @Test
    void readsTheHomeSpeedtestFileThroughAliases() throws IOException {
        Path file = SharedData.file("home-speedtests-2017-2019.csv");
        SpeedAggregation all = SpeedAggregation.by();
        SpeedAggregation june2018 = SpeedAggregation.by(GroupBy.MONTH);
        ImportSettings brisbane = SETTINGS.withZone(ZoneId.of("Australia/Brisbane"));

        ImportReport report = MeasurementFiles.readCsv(file, brisbane, m -> {
            all.accept(m);
            june2018.accept(m);
        });

        // Figures from expected-figures.py in the test resources (Python, standard library only).
        assertThat(report.records()).isEqualTo(23_654);
        assertThat(report.rejected()).isZero();
        assertThat(report.excludedByReason()).isEqualTo(Map.of(Implausibility.NON_POSITIVE_THROUGHPUT, 4L));
        assertThat(report.firstExcluded().get(0))
                .isEqualTo(new Exclusion(5163, Implausibility.NON_POSITIVE_THROUGHPUT, "upload 0.0 Mbit/s"));
        assertThat(report.ignoredColumns()).containsExactly("datetimestop", "server", "distance");
        SpeedAggregate overall = all.results().get(0);
        assertThat(overall.count()).isEqualTo(23_650);
        assertThat(overall.meanMbps()).isCloseTo(45.636647, within(1e-6));
        assertThat(overall.medianMbps()).isCloseTo(48.06, within(1e-5));
        assertThat(overall.p10Mbps()).isCloseTo(33.47, within(1e-5));
        assertThat(overall.p90Mbps()).isCloseTo(55.571, within(1e-5));
        assertThat(overall.busyHourCount()).isEqualTo(2932);
        assertThat(overall.busyHourMeanMbps()).isCloseTo(44.622507, within(1e-6));
        assertThat(june2018.results())
                .filteredOn(a -> a.key().period().equals("2018-06"))
                .singleElement()
                .satisfies(june -> {
                    assertThat(june.count()).isEqualTo(1334);
                    assertThat(june.meanMbps()).isCloseTo(53.18991, within(1e-5));
                    assertThat(june.medianMbps()).isCloseTo(54.3, within(1e-5));
                    assertThat(june.busyHourCount()).isEqualTo(166);
                });
    }

    private Path write(String... lines) throws IOException {
        Path file = dir.resolve("m" + System.nanoTime() + ".csv");
        Files.writeString(file, lines.length == 0 ? "" : String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return file;
    }
}
