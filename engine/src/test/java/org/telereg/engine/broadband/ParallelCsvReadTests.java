package org.telereg.engine.broadband;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading a CSV on several threads gives the same report and the same figures, to the last bit, as reading it on
 * one thread and as the measurement-by-measurement reader: however the file is cut into stretches, whatever the
 * rows in it (plain, quoted, wrong, implausible, undecodable, over a megabyte, blank).
 */
class ParallelCsvReadTests {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void readsAMixedFileAlikeOnOneTwoAndThreeThreadsInAnyStretches() throws IOException {
        Path file = write("mixed.csv", mixedFile(8_000, StandardCharsets.UTF_8));
        ImportSettings settings = settings().withMaxListed(7);
        Outcome expected = measurementByMeasurement(file, settings);
        assertSame(expected, oneThread(file, settings));
        assertSame(expected, parallel(file, settings, 1, 0));
        for (int threads : new int[] {2, 3}) {
            assertSame(expected, parallel(file, settings, threads, 0));
            for (long stretch : new long[] {4_096, 150_001}) {
                assertSame(expected, parallel(file, settings, threads, stretch));
            }
        }
        for (int maxListed : new int[] {0, 1_000}) {
            ImportSettings listing = settings().withMaxListed(maxListed);
            assertSame(measurementByMeasurement(file, listing), parallel(file, listing, 3, 4_096));
        }
        ImportReport report = measurementByMeasurement(file, settings().withMaxListed(1_000)).report;
        assertThat(report.accepted()).isGreaterThan(6_000);
        assertThat(report.excludedByReason()).containsOnlyKeys(Implausibility.values());
        assertThat(report.firstRejected())
                .extracting(RejectedRow::problem)
                .contains(
                        "longer than 1048576 bytes",
                        "not UTF-8 text like the lines before it",
                        "the row has 9 fields, the header 10",
                        "download_mbps: missing");
    }

    @Test
    void cutsASmallFileIntoStretchesOfALineOrTwoAlike() throws IOException {
        Path file = write("small.csv", mixedFile(1_500, StandardCharsets.UTF_8));
        Outcome expected = measurementByMeasurement(file, settings());
        for (long stretch : new long[] {1, 100}) {
            assertSame(expected, parallel(file, settings(), 2, stretch));
        }
    }

    @Test
    void readsGbkAndFilesWhoseFirstChineseLineDecidesNothingAlike() throws IOException {
        Path gbk = write("gbk.csv", mixedFile(3_000, TextLines.GBK));
        ByteArrayOutputStream undecided = new ByteArrayOutputStream();
        undecided.writeBytes("time,division,operator,technology,download_mbps,upload_mbps,latency_ms,loss,plan_mbps\n"
                .getBytes(StandardCharsets.US_ASCII));
        undecided.writeBytes("2024-05-01 20:00:00,440300,中".getBytes(StandardCharsets.UTF_8));
        undecided.write(0xFF);
        undecided.writeBytes(",FTTH,90,30,5,0.001,100\n".getBytes(StandardCharsets.US_ASCII));
        undecided.writeBytes(mixedFile(3_000, StandardCharsets.UTF_8));
        Path later = write("undecided.csv", undecided.toByteArray());
        Path ascii = write(
                "ascii.csv",
                new String(mixedFile(3_000, StandardCharsets.UTF_8), StandardCharsets.UTF_8)
                        .replace("中国移动", "CMCC")
                        .replace("广东", "44")
                        .replace("中国电信", "CTCC")
                        .replaceAll("[^\\x00-\\x7F]", "x")
                        .getBytes(StandardCharsets.US_ASCII));
        for (Path file : List.of(gbk, later, ascii)) {
            Outcome expected = measurementByMeasurement(file, settings());
            for (long stretch : new long[] {1_000, 50_000}) {
                assertSame(expected, parallel(file, settings(), 2, stretch));
            }
        }
        assertThat(measurementByMeasurement(gbk, settings()).report.charset()).isEqualTo("GBK");
        assertThat(measurementByMeasurement(later, settings())
                        .report
                        .firstRejected()
                        .get(0))
                .isEqualTo(new RejectedRow(2, "neither UTF-8 nor GBK text", ""));
    }

    @Test
    void rejectsThreadCountsBelowOne() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> MeasurementFiles.readCsv(dir.resolve("x.csv"), settings(), 0, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("threads");
    }

    private static ImportSettings settings() {
        return ImportSettings.defaults().withClock(CLOCK).withZone(ZoneOffset.ofHours(8));
    }

    /** What one read gave: the report and both aggregations' results. */
    private record Outcome(ImportReport report, List<SpeedAggregate> byProvince, List<SpeedAggregate> byCity) {}

    private static List<SpeedAggregation> aggregations() {
        return List.of(
                SpeedAggregation.by(GroupBy.PROVINCE, GroupBy.OPERATOR, GroupBy.MONTH),
                SpeedAggregation.by(GroupBy.CITY, GroupBy.TECHNOLOGY, GroupBy.DAY));
    }

    private static Outcome measurementByMeasurement(Path file, ImportSettings settings) throws IOException {
        List<SpeedAggregation> into = aggregations();
        // A consumer that is not an aggregation itself takes the Measurement path for every row.
        Consumer<Measurement> both = into.get(0).andThen(into.get(1));
        return new Outcome(
                MeasurementFiles.readCsv(file, settings, both),
                into.get(0).results(),
                into.get(1).results());
    }

    private static Outcome oneThread(Path file, ImportSettings settings) throws IOException {
        List<SpeedAggregation> into = aggregations();
        return new Outcome(
                MeasurementFiles.readCsv(file, settings, 1, into),
                into.get(0).results(),
                into.get(1).results());
    }

    private static Outcome parallel(Path file, ImportSettings settings, int threads, long stretch) throws IOException {
        List<SpeedAggregation> into = aggregations();
        return new Outcome(
                CsvBody.read(file, settings, null, into, threads, stretch),
                into.get(0).results(),
                into.get(1).results());
    }

    private static void assertSame(Outcome expected, Outcome actual) {
        ImportReport e = expected.report;
        ImportReport a = actual.report;
        assertThat(a.records()).isEqualTo(e.records());
        assertThat(a.accepted()).isEqualTo(e.accepted());
        assertThat(a.rejected()).isEqualTo(e.rejected());
        assertThat(a.excluded()).isEqualTo(e.excluded());
        assertThat(new TreeMap<>(a.excludedByReason())).isEqualTo(new TreeMap<>(e.excludedByReason()));
        assertThat(a.firstRejected()).isEqualTo(e.firstRejected());
        assertThat(a.firstExcluded()).isEqualTo(e.firstExcluded());
        assertThat(a.charset()).isEqualTo(e.charset());
        assertThat(a.ignoredColumns()).isEqualTo(e.ignoredColumns());
        // Records compare doubles bit for bit (Double.compare): means, quantiles and shares are exactly equal.
        assertThat(actual.byProvince).isEqualTo(expected.byProvince);
        assertThat(actual.byCity).isEqualTo(expected.byCity);
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    /**
     * A header with an ignored column, then mostly plain rows and, sprinkled among them, every kind of row the
     * plain path hands to the general one or that is rejected or excluded.
     */
    private static byte[] mixedFile(int rows, Charset charset) {
        SplittableRandom random =
                new SplittableRandom(rows * 31L + charset.name().length());
        String[] divisions = {"440300", "440100", "110000", "310000", "广东", "4403", "44", ""};
        String[] operators = {"中国移动", "中国电信", "China Unicom", " CMCC ", ""};
        String[] technologies = {"FTTH", "5G", "4G", "ADSL", "VDSL", "", "光纤"};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("\r\n \ntime,division,operator,technology,download_mbps,upload_mbps,latency_ms,loss,plan_mbps,"
                        + "note\n")
                .getBytes(charset));
        List<String> odd = new ArrayList<>(List.of(
                "\"2024-05-01 20:00:00\",440300,\"中国移动\",FTTH,100.5,30,5,0.001,100,\"a \"\"quoted\"\" note\"",
                "2024-05-01 20:00:00,440300,中国移动,FTTH,100.5,30,5,0.001,100",
                "2024-05-01 20:00:00,440300,中国移动,FTTH,100.5,30,5,0.001,100,x,y",
                "2024-02-30 20:00:00,440300,中国移动,FTTH,100,30,5,0.001,100,",
                "2024-05-01 24:00:00,440300,中国移动,FTTH,100,30,5,0.001,100,",
                "2024-05-01T12:15:00Z,440300,中国移动,FTTH,100,30,5,0.001,100,",
                "2024/05/01 20:15,440300,中国移动,FTTH,100,30,5,0.001,100,",
                " 2024-05-01 20:15:00 ,440300,中国移动,FTTH,100,30,5,0.001,100,",
                "2024-05-01 20:15:00.5,440300,中国移动,FTTH,100,30,5,0.001,100,",
                "2024-05-01 20:15:00,999999,中国移动,FTTH,100,30,5,0.001,100,",
                "2024-05-01 20:15:00,440300,中国移动,WiMAX,100,30,5,0.001,100,",
                "2024-05-01 20:15:00,440300,中国移动,FTTH,,30,5,0.001,100,",
                "2024-05-01 20:15:00,440300,中国移动,FTTH,NA,30,5,0.001,100,",
                "2024-05-01 20:15:00,440300,中国移动,FTTH,1e2,30,5,0.001,100,",
                "2024-05-01 20:15:00,440300,中国移动,FTTH,0x10,30,5,0.001,100,",
                "2024-05-01 20:15:00,440300,中国移动,FTTH,12345678901234567890,30,5,0.001,100,",
                "2024-05-01 20:15:00,440300,中国移动,FTTH,0.1234567890123456789,30,5,0.001,100,",
                "2024-05-01 20:15:00,440300,中国移动,FTTH,9007199254740993,30,5,0.001,100,",
                "2024-05-01 20:15:00,440300,中国移动,FTTH,+88.8,NA,#NULL!,0.2%,100M,",
                "2024-05-01 20:15:00,440300,中国移动,FTTH,88.,.5,-0,2%,1G,",
                "2024-05-01 20:15:00,440300,中国移动,FTTH, 88 ,30,5,0.001, 100 ,",
                "2024-05-01 20:15:00,440300,中国移动,FTTH,-5,30,5,0.001,100,",
                "2024-05-01 20:15:00,440300,中国移动,FTTH,50,0,5,0.001,100,",
                "2024-05-01 20:15:00,440300,中国移动,ADSL,50.5,1,5,0.001,8,",
                "2024-05-01 20:15:00,440300,中国移动,FTTH,50,20,9000,0.001,100,",
                "2024-05-01 20:15:00,440300,中国移动,FTTH,50,20,5,1.5,100,",
                "2030-05-01 20:15:00,440300,中国移动,FTTH,50,20,5,0.001,100,",
                "2025-01-01 08:10:00,440300,中国移动,FTTH,50,20,5,0.001,100,",
                "2025-01-01 08:10:01,440300,中国移动,FTTH,50,20,5,0.001,100,",
                "  ",
                "",
                "\r",
                "2024-05-01 20:15:00,440300,中国移动,FTTH,50,20,5,0.001,100,\r",
                "2024-05-01 20:15:00,440300,中国移动,FTTH,50,20,5,0.001,100,\u3000"));
        for (int i = 0; i < rows; i++) {
            String line;
            int kind = random.nextInt(40);
            if (kind == 0) {
                line = odd.get(random.nextInt(odd.size()));
            } else {
                int hour = random.nextInt(24);
                line = String.format(
                        java.util.Locale.ROOT,
                        "2024-%02d-%02d %02d:%02d:%02d,%s,%s,%s,%s,%s,%d,%s,%s,%s",
                        1 + random.nextInt(12),
                        1 + random.nextInt(28),
                        hour,
                        random.nextInt(60),
                        random.nextInt(60),
                        divisions[random.nextInt(divisions.length)],
                        operators[random.nextInt(operators.length)],
                        technologies[random.nextInt(technologies.length)],
                        decimal(random, 400),
                        decimal(random, 100),
                        1 + random.nextInt(80),
                        random.nextInt(10) == 0 ? "" : "0.00" + random.nextInt(10),
                        random.nextInt(3) == 0 ? "" : Integer.toString(100 * (1 + random.nextInt(5))),
                        random.nextInt(5) == 0 ? "备注" : "");
            }
            if (kind == 1 && charset == StandardCharsets.UTF_8) {
                out.writeBytes(line.getBytes(TextLines.GBK));
            } else {
                out.writeBytes(line.getBytes(charset));
            }
            out.write('\n');
            if (i == rows / 2) {
                out.writeBytes("2024-05-01 20:15:00,440300,".getBytes(StandardCharsets.US_ASCII));
                out.writeBytes("x".repeat(TextLines.MAX_LINE_BYTES + 10).getBytes(StandardCharsets.US_ASCII));
                out.write('\n');
            }
        }
        // A last line without a line feed.
        out.writeBytes("2024-05-01 20:15:00,440300,中国移动,FTTH,77.7,20,5,0.001,100,".getBytes(charset));
        return out.toByteArray();
    }

    private static String decimal(SplittableRandom random, int scale) {
        double value = random.nextDouble() * scale;
        return switch (random.nextInt(4)) {
            case 0 -> String.format(java.util.Locale.ROOT, "%.1f", value);
            case 1 -> String.format(java.util.Locale.ROOT, "%.3f", value);
            case 2 -> Integer.toString((int) value);
            default -> Double.toString(value);
        };
    }
}
