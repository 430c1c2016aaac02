package org.telereg.engine.fraud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FraudFeaturesTests {

    static final FeatureSettings SETTINGS = new FeatureSettings(15, 0, 6, 3, 3);

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void agreesWithTheReferenceImplementationOnRandomInput(int threads) throws IOException {
        boolean[] reached = new boolean[Feature.count()];
        long badRows = 0;
        for (long seed = 1; seed <= 32; seed++) {
            int rows = seed <= 30 ? 5 + (int) seed * 7 : 3_000;
            RandomCdrs input = RandomCdrs.write(dir, seed, rows);
            FeatureExtraction extraction = FraudFeatures.with(SETTINGS)
                    .withThreads(threads)
                    .withBadRowsToReport(1_000)
                    .extract(input.files());
            ReferenceFeatures reference = new ReferenceFeatures(SETTINGS);
            reference.users(input.users);
            reference.calls(input.calls);
            reference.sms(input.sms);
            compare(seed, input, extraction, reference);
            for (double[] values : reference.features().values()) {
                for (int i = 0; i < values.length; i++) {
                    reached[i] |= values[i] != 0 && !Double.isNaN(values[i]);
                }
            }
            badRows += extraction.badRows();
        }
        for (Feature feature : Feature.values()) {
            assertThat(reached[feature.ordinal()])
                    .as("%s is above 0 somewhere", feature.code())
                    .isTrue();
        }
        assertThat(badRows).isPositive();
    }

    private static void compare(long seed, RandomCdrs input, FeatureExtraction extraction, ReferenceFeatures reference)
            throws IOException {
        for (InputReport report : extraction.inputs()) {
            List<Long> expected = reference.badLines.getOrDefault(report.kind(), List.of());
            List<Long> actual = report.firstBadRows().stream().map(BadRow::line).collect(Collectors.toList());
            if (!actual.equals(expected) || report.badRows() != expected.size()) {
                fail(
                        "seed %d, %s file: bad lines %s, expected %s%n%s",
                        seed, report.kind(), actual, expected, Files.readString(report.file(), StandardCharsets.UTF_8));
            }
        }
        Map<String, double[]> expected = reference.features();
        FeatureTable table = extraction.features();
        List<String> subscribers = new ArrayList<>();
        for (int row = 0; row < table.size(); row++) {
            subscribers.add(table.subscriber(row));
        }
        assertThat(subscribers).as("subscribers, seed %d", seed).containsExactlyElementsOf(expected.keySet());
        for (int row = 0; row < table.size(); row++) {
            String subscriber = table.subscriber(row);
            double[] want = expected.get(subscriber);
            for (Feature feature : Feature.values()) {
                double got = table.value(row, feature);
                double wanted = want[feature.ordinal()];
                if (Double.isNaN(got) != Double.isNaN(wanted)
                        || Math.abs(got - wanted) > 1e-5 * Math.max(1, Math.abs(wanted))) {
                    fail(
                            "seed %d: %s of %s is %s, the reference says %s; the subscriber's rows:%n%s",
                            seed, feature.code(), subscriber, got, wanted, rowsOf(input, subscriber));
                }
            }
        }
    }

    private static String rowsOf(RandomCdrs input, String subscriber) throws IOException {
        StringBuilder rows = new StringBuilder();
        for (Path file : List.of(input.users, input.calls, input.sms)) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            rows.append(file.getFileName()).append(": ").append(lines.get(0)).append('\n');
            for (String line : lines) {
                if (List.of(line.split(",", -1)).contains(subscriber)) {
                    rows.append("  ").append(line).append('\n');
                }
            }
        }
        return rows.toString();
    }

    @Test
    void ordersSubscribersAsTextWhetherTheyAreNumbersOfOneLengthOrNot() {
        String[] numbers = {"13900000002", "13800000001", "15000000000", "13800000000"};
        assertThat(sortedBy(numbers)).containsExactly("13800000000", "13800000001", "13900000002", "15000000000");

        String[] mixed = {"139", "1380", "138", "a1", "0990"};
        assertThat(sortedBy(mixed)).containsExactly("0990", "138", "1380", "139", "a1");

        String[] tokens = {"ffe3", "0a9c", "5bd1"};
        assertThat(sortedBy(tokens)).containsExactly("0a9c", "5bd1", "ffe3");
        assertThat(FraudFeatures.byName(new String[0])).isEmpty();
    }

    private static List<String> sortedBy(String[] names) {
        List<String> sorted = new ArrayList<>();
        for (int i : FraudFeatures.byName(names)) {
            sorted.add(names[i]);
        }
        return sorted;
    }

    @Test
    void agreesWithTheReferenceOnAFileLargerThanAReadBlock() throws IOException {
        RandomCdrs input = RandomCdrs.write(dir, 77, 80_000);
        assertThat(Files.size(input.calls)).isGreaterThan(4 << 20);
        FeatureExtraction extraction = FraudFeatures.with(SETTINGS)
                .withThreads(2)
                .withBadRowsToReport(100_000)
                .extract(input.files());
        ReferenceFeatures reference = new ReferenceFeatures(SETTINGS);
        reference.users(input.users);
        reference.calls(input.calls);
        reference.sms(input.sms);
        compare(77, input, extraction, reference);
    }

    @Test
    void givesTheSameTableWithOneTwoAndFourThreads() throws IOException {
        RandomCdrs input = RandomCdrs.write(dir, 99, 20_000);
        StringBuilder one = new StringBuilder();
        FraudFeatures.with(SETTINGS)
                .withThreads(1)
                .extract(input.files())
                .features()
                .writeCsv(one);
        for (int threads : new int[] {2, 4}) {
            StringBuilder many = new StringBuilder();
            FraudFeatures.with(SETTINGS)
                    .withThreads(threads)
                    .extract(input.files())
                    .features()
                    .writeCsv(many);
            assertThat(many.toString()).as("%d threads", threads).isEqualTo(one.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void takesTheLastUsersRowOfASubscriberWhenTheFileSpansManyBlocks(int threads) throws IOException {
        // Two rows per subscriber, a megabyte or more apart: the file spans several read blocks, which two or
        // more threads parse in any order.
        int subscribers = 40_000;
        StringBuilder users = new StringBuilder("phone_no_m,city_name,county_name,idcard_cnt\n");
        StringBuilder calls = new StringBuilder(
                "phone_no_m,opposite_no_m,calltype_id,start_datetime,call_dur,city_name,county_name,imei_m\n");
        for (int i = 0; i < subscribers; i++) {
            users.append(13_000_000_000L + i).append(",成都,锦江区,1\n");
            calls.append(13_000_000_000L + i).append(",13900000000,1,2020-03-01 08:00:00,30,绵阳,涪城区,\n");
        }
        for (int i = 0; i < subscribers; i++) {
            users.append(13_000_000_000L + i)
                    .append(",绵阳,涪城区,")
                    .append(2 + i % 7)
                    .append('\n');
        }
        Path usersFile = dir.resolve("users-twice.csv");
        Path callsFile = dir.resolve("calls-once.csv");
        Files.writeString(usersFile, users, StandardCharsets.UTF_8);
        Files.writeString(callsFile, calls, StandardCharsets.UTF_8);
        assertThat(Files.size(usersFile)).isGreaterThan(2 << 20);

        FeatureTable table = FraudFeatures.with(SETTINGS)
                .withThreads(threads)
                .extract(new CdrFiles(callsFile, null, usersFile))
                .features();

        assertThat(table.size()).isEqualTo(subscribers);
        for (int row = 0; row < table.size(); row++) {
            int i = (int) (Long.parseLong(table.subscriber(row)) - 13_000_000_000L);
            assertThat(table.value(row, Feature.IDCARD_COUNT))
                    .as("ID cards of %s", table.subscriber(row))
                    .isEqualTo(2 + i % 7);
            assertThat(table.value(row, Feature.AWAY_RATIO))
                    .as("away ratio of %s, whose last home city is 绵阳", table.subscriber(row))
                    .isZero();
        }
    }
}
