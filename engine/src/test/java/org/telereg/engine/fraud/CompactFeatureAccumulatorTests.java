package org.telereg.engine.fraud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compact accumulator against the batch scan, bit for bit: 32 random inputs (bad rows, quotes, tokens, shared
 * IMEIs), whole and split in two halves merged after serialization.
 */
class CompactFeatureAccumulatorTests {

    private static final FeatureSettings SETTINGS = FraudFeaturesTests.SETTINGS;

    @TempDir
    Path dir;

    /** Per file kind: the bad rows the line parser found, as (line number, problem). */
    private final Map<String, List<BadRow>> badRows = new HashMap<>();

    @Test
    void givesTheBatchScansFeaturesRecordByRecordOnRandomInput() throws IOException {
        boolean[] reached = new boolean[Feature.count()];
        for (long seed = 1; seed <= 32; seed++) {
            int rows = seed <= 30 ? 5 + (int) seed * 7 : 3_000;
            RandomCdrs input = RandomCdrs.write(dir, seed, rows);
            FeatureExtraction batch = FraudFeatures.with(SETTINGS)
                    .withThreads(2)
                    .withBadRowsToReport(100_000)
                    .extract(input.files());
            for (boolean split : new boolean[] {false, true}) {
                FeatureTable streamed = accumulate(input, new Random(seed), split);
                compare(seed, split, batch.features(), streamed, reached);
            }
            for (InputReport report : batch.inputs()) {
                assertThat(badRows.getOrDefault(report.kind(), List.of()))
                        .as("seed %d, bad rows of the %s file", seed, report.kind())
                        .containsExactlyElementsOf(report.firstBadRows());
            }
        }
        for (Feature feature : Feature.values()) {
            assertThat(reached[feature.ordinal()])
                    .as("%s is above 0 somewhere", feature.code())
                    .isTrue();
        }
    }

    /**
     * Features of every subscriber from one accumulator per subscriber, fed line by line as a streaming job would
     * be (now and then reserving contact room first); with {@code split}, each subscriber's records go at random to
     * two accumulators that are then merged, one of them after a trip through {@link
     * CompactFeatureAccumulator#write} and {@link CompactFeatureAccumulator#read}.
     */
    private FeatureTable accumulate(RandomCdrs input, Random random, boolean split) throws IOException {
        badRows.clear();
        Map<String, CompactFeatureAccumulator[]> subscribers = new TreeMap<>();
        Map<String, Set<String>> imeiUsers = new HashMap<>();
        long[] window = {Long.MAX_VALUE, Long.MIN_VALUE};
        for (String kind : List.of("users", "calls", "sms")) {
            Path file = kind.equals("users") ? input.users : kind.equals("calls") ? input.calls : input.sms;
            String[] lines = Files.readString(file, StandardCharsets.UTF_8).split("\n", -1);
            CdrRowParser parser = kind.equals("users")
                    ? CdrRowParser.users(file.toString(), lines[0])
                    : kind.equals("calls")
                            ? CdrRowParser.calls(file.toString(), lines[0])
                            : CdrRowParser.sms(file.toString(), lines[0]);
            for (int i = 1; i < lines.length; i++) {
                CdrRow row = parser.parse(lines[i]);
                if (row == null) {
                    continue;
                }
                if (row instanceof BadRecord bad) {
                    badRows.computeIfAbsent(kind, k -> new ArrayList<>())
                            .add(new BadRow(i + 1, bad.problem(), bad.text()));
                    continue;
                }
                CompactFeatureAccumulator[] halves = null;
                if (row instanceof UserRecord user) {
                    // Both halves know the home city, as the batch scan does before any call.
                    halves = halvesOf(subscribers, user.subscriber());
                    halves[0].user(user);
                    halves[1].user(user);
                } else if (row instanceof CallRecord call) {
                    halves = halvesOf(subscribers, call.subscriber());
                    CompactFeatureAccumulator half = halves[split ? random.nextInt(2) : 0];
                    if (random.nextInt(8) == 0) {
                        half.reserveContacts(random.nextInt(40)); // as the streaming job does before a batch
                    }
                    half.call(call, SETTINGS);
                    if (!call.imei().isEmpty()) {
                        imeiUsers
                                .computeIfAbsent(call.imei(), k -> new HashSet<>())
                                .add(call.subscriber());
                    }
                    window[0] = Math.min(window[0], call.time());
                    window[1] = Math.max(window[1], call.time());
                } else if (row instanceof SmsRecord sms) {
                    halves = halvesOf(subscribers, sms.subscriber());
                    halves[split ? random.nextInt(2) : 0].sms(sms);
                    window[0] = Math.min(window[0], sms.time());
                    window[1] = Math.max(window[1], sms.time());
                }
            }
        }
        List<String> names = new ArrayList<>();
        List<float[]> rows = new ArrayList<>();
        for (Map.Entry<String, CompactFeatureAccumulator[]> entry : subscribers.entrySet()) {
            CompactFeatureAccumulator whole = entry.getValue()[0];
            if (split) {
                whole = roundTrip(whole);
                whole.merge(entry.getValue()[1]);
            }
            if (!whole.isActive()) {
                continue;
            }
            for (String imei : whole.imeis()) {
                if (imeiUsers.get(imei).size() >= 2) {
                    whole.imeiShared(imei);
                }
            }
            FeatureTable one = whole.features(entry.getKey(), window[0], window[1], SETTINGS, true, true);
            float[] values = new float[Feature.count()];
            for (Feature feature : Feature.values()) {
                values[feature.ordinal()] = (float) one.value(0, feature);
            }
            names.add(entry.getKey());
            rows.add(values);
        }
        float[] all = new float[rows.size() * Feature.count()];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, all, i * Feature.count(), Feature.count());
        }
        return new FeatureTable(names.toArray(String[]::new), all, SETTINGS, true, true);
    }

    private static CompactFeatureAccumulator[] halvesOf(
            Map<String, CompactFeatureAccumulator[]> subscribers, String subscriber) {
        return subscribers.computeIfAbsent(subscriber, k ->
                new CompactFeatureAccumulator[] {new CompactFeatureAccumulator(), new CompactFeatureAccumulator()});
    }

    private static CompactFeatureAccumulator roundTrip(CompactFeatureAccumulator accumulator) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        accumulator.write(new DataOutputStream(bytes));
        return CompactFeatureAccumulator.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    }

    private static void compare(
            long seed, boolean split, FeatureTable batch, FeatureTable streamed, boolean[] reached) {
        List<String> batchSubscribers = new ArrayList<>();
        List<String> streamedSubscribers = new ArrayList<>();
        for (int row = 0; row < batch.size(); row++) {
            batchSubscribers.add(batch.subscriber(row));
        }
        for (int row = 0; row < streamed.size(); row++) {
            streamedSubscribers.add(streamed.subscriber(row));
        }
        assertThat(streamedSubscribers).as("subscribers, seed %d", seed).isEqualTo(batchSubscribers);
        for (int row = 0; row < batch.size(); row++) {
            for (Feature feature : Feature.values()) {
                double want = batch.value(row, feature);
                double got = streamed.value(row, feature);
                if (Double.doubleToLongBits(want) != Double.doubleToLongBits(got)) {
                    fail(
                            "seed %d%s: %s of %s is %s record by record, %s in the batch scan",
                            seed, split ? " (split and merged)" : "", feature.code(), batch.subscriber(row), got, want);
                }
                reached[feature.ordinal()] |= want != 0 && !Double.isNaN(want);
            }
        }
    }

    @Test
    void scoresLikeTheBatchScan() throws IOException {
        RandomCdrs input = RandomCdrs.write(dir, 5, 400);
        FraudModel model = FraudModel.standard();
        FeatureTable batch = FraudFeatures.with(SETTINGS).extract(input.files()).features();
        FeatureTable streamed = accumulate(input, new Random(5), false);
        for (int row = 0; row < batch.size(); row++) {
            Verdict want = model.score(batch, row);
            Verdict got = model.score(streamed, row);
            assertThat(got.score()).isEqualTo(want.score());
            assertThat(got.reasonCodes()).isEqualTo(want.reasonCodes());
        }
    }

    @Test
    void countsANumberWithALeadingZeroAsAnotherCalleeButItsValueForSequences() {
        CompactFeatureAccumulator accumulator = new CompactFeatureAccumulator();
        long day = 18_300L * 86_400L;
        accumulator.call(new CallRecord("13800000001", "0123", 1, day + 36_000, 20, "", "", ""), SETTINGS);
        accumulator.call(new CallRecord("13800000001", "123", 1, day + 36_100, 20, "", "", ""), SETTINGS);
        accumulator.call(new CallRecord("13800000001", "124", 1, day + 36_200, 20, "", "", ""), SETTINGS);

        FeatureTable table = accumulator.features("13800000001", day, day + 86_399, SETTINGS, false, false);

        assertThat(table.value(0, Feature.DISTINCT_CALLEES)).isEqualTo(3);
        assertThat(table.value(0, Feature.REPEAT_CONTACT_RATIO)).isEqualTo(0);
        assertThat(table.value(0, Feature.SEQUENTIAL_RATIO)).isEqualTo(1);
    }

    @Test
    void takesTheIMEIsSharedInThePeriodIntoADay() {
        CompactFeatureAccumulator period = new CompactFeatureAccumulator();
        CompactFeatureAccumulator today = new CompactFeatureAccumulator();
        long day = 18_300L * 86_400L;
        period.imeiShared("860000000000001");
        period.imeiShared("a1b2c3");
        today.call(new CallRecord("13800000001", "13900000002", 1, day, 20, "", "", "860000000000001"), SETTINGS);
        today.call(new CallRecord("13800000001", "13900000002", 1, day + 60, 20, "", "", "a1b2c3"), SETTINGS);
        today.call(new CallRecord("13800000001", "13900000002", 1, day + 90, 20, "", "", "860000000000002"), SETTINGS);

        today.imeisSharedIn(period);
        FeatureTable table = today.features("13800000001", day, day + 86_399, SETTINGS, false, false);

        assertThat(table.value(0, Feature.DISTINCT_IMEIS)).isEqualTo(3);
        assertThat(table.value(0, Feature.SHARED_IMEIS)).isEqualTo(2);
        assertThat(today.sharedImeis()).containsExactlyInAnyOrder("860000000000001", "a1b2c3");
        assertThat(today.imeis()).contains("860000000000002");
    }

    @Test
    void givesAPeriodsFeaturesAfterEachDayMergedInAsAFreshAccumulatorDoes() throws IOException {
        Random random = new Random(11);
        long day = 18_300L * 86_400L;
        CompactFeatureAccumulator period = new CompactFeatureAccumulator();
        for (int d = 0; d < 12; d++) {
            CompactFeatureAccumulator today = new CompactFeatureAccumulator();
            for (int call = 0; call < 60; call++) {
                // Callees close to each other (sequences), some again, some calling back, a few with a leading zero.
                String callee = (random.nextInt(5) == 0 ? "0" : "") + (13_900_000_000L + random.nextInt(400));
                today.call(
                        new CallRecord(
                                "13800000001",
                                callee,
                                1 + random.nextInt(2),
                                day + d * 86_400L + call * 60,
                                random.nextInt(90),
                                "",
                                "",
                                ""),
                        SETTINGS);
            }
            if (d % 3 == 2) {
                today = roundTrip(today);
            }
            period.merge(today);
            long end = day + (d + 1) * 86_400L - 1;
            FeatureTable merged = period.features("13800000001", day, end, SETTINGS, false, false);
            FeatureTable fresh = roundTrip(period).features("13800000001", day, end, SETTINGS, false, false);
            for (Feature feature : Feature.values()) {
                assertThat(Double.doubleToLongBits(merged.value(0, feature)))
                        .as("day %d: %s", d, feature.code())
                        .isEqualTo(Double.doubleToLongBits(fresh.value(0, feature)));
            }
        }
    }
}
