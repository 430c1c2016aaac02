package org.telereg.engine.broadband;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SpeedAggregationTests {

    private static final List<String> DIVISIONS = List.of("440106", "440305", "4403", "44", "110105", "11", "");
    private static final List<String> OPERATORS = List.of("中国电信", "中国移动", "中国联通", "");
    private static final List<Double> PLANS = List.of(Double.NaN, 100.0, 300.0, 1000.0);

    @Test
    void agreesWithAPlainReferenceForEveryGroupingOnRandomInput() {
        for (long seed = 1; seed <= 3; seed++) {
            List<Measurement> input = randomMeasurements(new Random(seed), 2_000);
            BusyHours busy = seed == 3 ? new BusyHours(22, 2) : BusyHours.evening();
            for (Set<GroupBy> groupBy : everyGrouping()) {
                SpeedAggregation aggregation = new SpeedAggregation(groupBy, busy);
                input.forEach(aggregation);

                List<SpeedAggregate> expected = reference(input, groupBy, busy);

                String where = "seed " + seed + ", group by " + groupBy + ", busy " + busy;
                List<SpeedAggregate> actual = aggregation.results();
                assertThat(actual).as(where).hasSameSizeAs(expected);
                for (int i = 0; i < expected.size(); i++) {
                    assertSameFigures(actual.get(i), expected.get(i), where);
                }
            }
        }
    }

    @Test
    void mergingPartsGivesTheSameAsOneAggregation() {
        List<Measurement> input = randomMeasurements(new Random(7), 2_000);
        SpeedAggregation whole = SpeedAggregation.by(GroupBy.PROVINCE, GroupBy.OPERATOR, GroupBy.QUARTER);
        SpeedAggregation first = SpeedAggregation.by(GroupBy.PROVINCE, GroupBy.OPERATOR, GroupBy.QUARTER);
        SpeedAggregation second = SpeedAggregation.by(GroupBy.PROVINCE, GroupBy.OPERATOR, GroupBy.QUARTER);
        input.forEach(whole);
        input.subList(0, 700).forEach(first);
        input.subList(700, input.size()).forEach(second);

        first.merge(second);

        assertThat(first.withoutDownload()).isEqualTo(whole.withoutDownload()).isPositive();
        List<SpeedAggregate> merged = first.results();
        List<SpeedAggregate> expected = whole.results();
        assertThat(merged).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertSameFigures(merged.get(i), expected.get(i), "merge");
        }
    }

    @Test
    void comparesEveningWithAllDayAndCountsTestsUnderPlan() {
        SpeedAggregation aggregation = SpeedAggregation.by(GroupBy.PROVINCE, GroupBy.MONTH);
        aggregation.accept(test("2024-05-01T09:00", "440106", 100, 100));
        aggregation.accept(test("2024-05-01T20:00", "440305", 60, 100));
        aggregation.accept(test("2024-05-02T22:59", "44", 80, Double.NaN));
        aggregation.accept(test("2024-05-02T23:00", "440106", 120, 100));
        aggregation.accept(test("2024-06-01T21:00", "110105", 500, 1000));

        List<SpeedAggregate> results = aggregation.results();

        assertThat(results)
                .extracting(a -> a.key().province() + " " + a.key().period())
                .containsExactly("11 2024-06", "44 2024-05");
        SpeedAggregate guangdong = results.get(1);
        assertThat(guangdong.count()).isEqualTo(4);
        assertThat(guangdong.meanMbps()).isEqualTo(90);
        assertThat(guangdong.medianMbps()).isEqualTo(90);
        assertThat(guangdong.p10Mbps()).isCloseTo(66, within(1e-9));
        assertThat(guangdong.p90Mbps()).isCloseTo(114, within(1e-9));
        assertThat(guangdong.busyHourCount()).isEqualTo(2);
        assertThat(guangdong.busyHourMeanMbps()).isEqualTo(70);
        assertThat(guangdong.busyHourRatio()).isCloseTo(70.0 / 90, within(1e-12));
        assertThat(guangdong.planKnownCount()).isEqualTo(3);
        assertThat(guangdong.underPlanShare()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(results.get(0).underPlanShare()).isEqualTo(1.0);
    }

    @Test
    void namesPeriodsByDayMonthQuarterAndYear() {
        Measurement august = test("2024-08-15T10:00", "", 50, Double.NaN);
        assertThat(periodOf(GroupBy.DAY, august)).isEqualTo("2024-08-15");
        assertThat(periodOf(GroupBy.MONTH, august)).isEqualTo("2024-08");
        assertThat(periodOf(GroupBy.QUARTER, august)).isEqualTo("2024-Q3");
        assertThat(periodOf(GroupBy.YEAR, august)).isEqualTo("2024");
    }

    @Test
    void refusesTwoPeriodsAtOnce() {
        assertThatThrownBy(() -> SpeedAggregation.by(GroupBy.MONTH, GroupBy.DAY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one period at most");
    }

    private static String periodOf(GroupBy period, Measurement m) {
        SpeedAggregation aggregation = SpeedAggregation.by(period);
        aggregation.accept(m);
        return aggregation.results().get(0).key().period();
    }

    private static Measurement test(String time, String division, double download, double plan) {
        return Measurement.of(LocalDateTime.parse(time), division, "中国电信", Technology.FIBRE, download, 10, 10, 0, plan);
    }

    private static void assertSameFigures(SpeedAggregate actual, SpeedAggregate expected, String where) {
        String difference = difference(actual, expected);
        if (difference != null) {
            throw new AssertionError(where + ": " + difference + "\n  expected " + expected + "\n  actual   " + actual);
        }
    }

    // Plain comparisons rather than one AssertJ chain per figure: the random test compares about 100,000 groups.
    private static String difference(SpeedAggregate actual, SpeedAggregate expected) {
        if (!actual.key().equals(expected.key())) {
            return "group";
        }
        if (actual.count() != expected.count()
                || actual.busyHourCount() != expected.busyHourCount()
                || actual.planKnownCount() != expected.planKnownCount()) {
            return "counts";
        }
        if (!close(actual.meanMbps(), expected.meanMbps(), 1e-9)
                || !close(actual.busyHourMeanMbps(), expected.busyHourMeanMbps(), 1e-9)
                || !close(actual.underPlanShare(), expected.underPlanShare(), 1e-12)) {
            return "means or plan share";
        }
        // Quantiles come from float copies of the figures: equal to about seven significant digits.
        if (!close(actual.medianMbps(), expected.medianMbps(), 1e-4)
                || !close(actual.p10Mbps(), expected.p10Mbps(), 1e-4)
                || !close(actual.p90Mbps(), expected.p90Mbps(), 1e-4)) {
            return "quantiles";
        }
        return null;
    }

    private static boolean close(double actual, double expected, double tolerance) {
        return Double.isNaN(expected) ? Double.isNaN(actual) : Math.abs(actual - expected) <= tolerance;
    }

    private static List<Set<GroupBy>> everyGrouping() {
        List<Set<GroupBy>> groupings = new ArrayList<>();
        GroupBy[] places = {GroupBy.PROVINCE, GroupBy.CITY, GroupBy.OPERATOR, GroupBy.TECHNOLOGY};
        List<GroupBy> periods = new ArrayList<>(List.of(GroupBy.DAY, GroupBy.MONTH, GroupBy.QUARTER, GroupBy.YEAR));
        periods.add(null);
        for (int mask = 0; mask < 1 << places.length; mask++) {
            for (GroupBy period : periods) {
                EnumSet<GroupBy> set = EnumSet.noneOf(GroupBy.class);
                for (int i = 0; i < places.length; i++) {
                    if ((mask & 1 << i) != 0) {
                        set.add(places[i]);
                    }
                }
                if (period != null) {
                    set.add(period);
                }
                groupings.add(set);
            }
        }
        return groupings;
    }

    private static List<Measurement> randomMeasurements(Random random, int n) {
        List<Measurement> list = new ArrayList<>();
        Technology[] technologies = Technology.values();
        for (int i = 0; i < n; i++) {
            LocalDateTime time = LocalDateTime.of(2024, 1, 1, 0, 0).plusMinutes(random.nextInt(366 * 24 * 60));
            // Rounded to 0.1 Mbit/s so that equal figures, and ties in the sort, are common.
            double download = Math.round(random.nextDouble() * 5_000) / 10.0;
            boolean uploadOnly = random.nextInt(50) == 0;
            double busyOfPanel = random.nextInt(10) == 0 ? Math.round(random.nextDouble() * 3_000) / 10.0 : Double.NaN;
            list.add(new Measurement(
                    time,
                    DIVISIONS.get(random.nextInt(DIVISIONS.size())),
                    OPERATORS.get(random.nextInt(OPERATORS.size())),
                    technologies[random.nextInt(technologies.length)],
                    uploadOnly ? Double.NaN : download,
                    random.nextDouble() * 100,
                    Double.NaN,
                    Double.NaN,
                    PLANS.get(random.nextInt(PLANS.size())),
                    busyOfPanel));
        }
        return list;
    }

    /** The definitions written out plainly: list every group's figures, sort, and read the statistics off. */
    private static List<SpeedAggregate> reference(List<Measurement> input, Set<GroupBy> groupBy, BusyHours busy) {
        Map<GroupKey, List<Measurement>> groups = new TreeMap<>();
        for (Measurement m : input) {
            if (Double.isNaN(m.downloadMbps())) {
                continue;
            }
            String period = "";
            LocalDateTime t = m.time();
            if (groupBy.contains(GroupBy.DAY)) {
                period = t.toLocalDate().toString();
            } else if (groupBy.contains(GroupBy.MONTH)) {
                period = t.toString().substring(0, 7);
            } else if (groupBy.contains(GroupBy.QUARTER)) {
                period = t.getYear() + "-Q"
                        + (t.getMonthValue() <= 3 ? 1 : t.getMonthValue() <= 6 ? 2 : t.getMonthValue() <= 9 ? 3 : 4);
            } else if (groupBy.contains(GroupBy.YEAR)) {
                period = String.valueOf(t.getYear());
            }
            String division = m.division();
            GroupKey key = new GroupKey(
                    groupBy.contains(GroupBy.PROVINCE) && division.length() >= 2 ? division.substring(0, 2) : "",
                    groupBy.contains(GroupBy.CITY) && division.length() >= 4 ? division.substring(0, 4) : "",
                    groupBy.contains(GroupBy.OPERATOR) ? m.operator() : "",
                    groupBy.contains(GroupBy.TECHNOLOGY) ? m.technology().name() : "",
                    period);
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(m);
        }
        List<SpeedAggregate> result = new ArrayList<>();
        groups.forEach((key, members) -> {
            List<Double> downloads = new ArrayList<>();
            double sum = 0;
            List<Double> busyFigures = new ArrayList<>();
            int planKnown = 0;
            int under = 0;
            for (Measurement m : members) {
                downloads.add(m.downloadMbps());
                sum += m.downloadMbps();
                int hour = m.time().getHour();
                boolean inBusyHours = busy.fromHour() < busy.toHour()
                        ? busy.fromHour() <= hour && hour < busy.toHour()
                        : hour >= busy.fromHour() || hour < busy.toHour();
                if (!Double.isNaN(m.busyHourDownloadMbps())) {
                    busyFigures.add(m.busyHourDownloadMbps());
                } else if (inBusyHours) {
                    busyFigures.add(m.downloadMbps());
                }
                if (!Double.isNaN(m.planMbps())) {
                    planKnown++;
                    if (m.downloadMbps() < m.planMbps()) {
                        under++;
                    }
                }
            }
            Collections.sort(downloads);
            result.add(new SpeedAggregate(
                    key,
                    downloads.size(),
                    sum / downloads.size(),
                    quantile(downloads, 0.5),
                    quantile(downloads, 0.1),
                    quantile(downloads, 0.9),
                    busyFigures.size(),
                    busyFigures.stream()
                            .mapToDouble(Double::doubleValue)
                            .average()
                            .orElse(Double.NaN),
                    planKnown,
                    planKnown == 0 ? Double.NaN : (double) under / planKnown));
        });
        return result;
    }

    private static double quantile(List<Double> sorted, double p) {
        double position = p * (sorted.size() - 1);
        int lower = (int) position;
        if (lower == sorted.size() - 1) {
            return sorted.get(lower);
        }
        return sorted.get(lower) + (position - lower) * (sorted.get(lower + 1) - sorted.get(lower));
    }
}
