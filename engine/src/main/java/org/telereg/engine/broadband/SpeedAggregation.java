package org.telereg.engine.broadband;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Download statistics by any combination of province, city, operator, technology and one period, fed one
 * measurement at a time.
 *
 * <p>Counts, sums and plan shares take constant memory per group. Medians and percentiles are exact: each group
 * keeps its download figures in a {@code float} array (4 bytes a measurement, sorted once when results are asked
 * for). A regulator's published median must be reproducible by anyone from the same data, which an approximate
 * sketch is not; 10<sup>7</sup> measurements take 40 MB, and a float's 24-bit mantissa keeps 7 significant digits,
 * more than any speed test reports.
 *
 * <p>Measurements without a download figure (NDT7 upload tests) are counted in {@link #withoutDownload()} and
 * otherwise left out. Not thread-safe: give each thread its own and {@link #merge} them.
 */
public final class SpeedAggregation implements Consumer<Measurement> {

    private final EnumSet<GroupBy> dimensions;
    private final GroupBy period;
    private final BusyHours busyHours;
    private final Map<GroupKey, Group> groups = new HashMap<>();
    private long withoutDownload;

    /**
     * @param groupBy the dimensions; none gives one overall group
     * @param busyHours which local hours are busy
     * @throws IllegalArgumentException when more than one period is given
     */
    public SpeedAggregation(Set<GroupBy> groupBy, BusyHours busyHours) {
        this.dimensions = groupBy.isEmpty() ? EnumSet.noneOf(GroupBy.class) : EnumSet.copyOf(groupBy);
        List<GroupBy> periods = dimensions.stream().filter(GroupBy::isPeriod).toList();
        if (periods.size() > 1) {
            throw new IllegalArgumentException("group by one period at most, not " + periods);
        }
        this.period = periods.isEmpty() ? null : periods.get(0);
        this.busyHours = busyHours;
    }

    /** An aggregation by {@code groupBy} with the evening busy hours 20:00–23:00. */
    public static SpeedAggregation by(GroupBy... groupBy) {
        return new SpeedAggregation(
                groupBy.length == 0 ? EnumSet.noneOf(GroupBy.class) : EnumSet.copyOf(Arrays.asList(groupBy)),
                BusyHours.evening());
    }

    @Override
    public void accept(Measurement measurement) {
        double download = measurement.downloadMbps();
        if (Double.isNaN(download)) {
            withoutDownload++;
            return;
        }
        groups.computeIfAbsent(key(measurement), k -> new Group()).add(measurement, download, busyHours);
    }

    /** Adds everything {@code other} has seen; both must group alike. */
    public void merge(SpeedAggregation other) {
        if (!dimensions.equals(other.dimensions) || !busyHours.equals(other.busyHours)) {
            throw new IllegalArgumentException("cannot merge aggregations grouped differently");
        }
        withoutDownload += other.withoutDownload;
        other.groups.forEach(
                (key, group) -> groups.computeIfAbsent(key, k -> new Group()).addAll(group));
    }

    /** Measurements left out because they had no download figure. */
    public long withoutDownload() {
        return withoutDownload;
    }

    /** The statistics of every group seen, ordered by province, city, operator, technology and period. */
    public List<SpeedAggregate> results() {
        List<SpeedAggregate> results = new ArrayList<>(groups.size());
        groups.forEach((key, group) -> results.add(group.aggregate(key)));
        results.sort((a, b) -> a.key().compareTo(b.key()));
        return results;
    }

    private GroupKey key(Measurement m) {
        return new GroupKey(
                dimensions.contains(GroupBy.PROVINCE) ? m.provinceCode() : "",
                dimensions.contains(GroupBy.CITY) ? m.cityCode() : "",
                dimensions.contains(GroupBy.OPERATOR) ? m.operator() : "",
                dimensions.contains(GroupBy.TECHNOLOGY) ? m.technology().name() : "",
                period == null ? "" : period(m.time()));
    }

    private String period(LocalDateTime time) {
        return switch (period) {
            case DAY -> time.toLocalDate().toString();
            case MONTH -> time.getYear() + (time.getMonthValue() < 10 ? "-0" : "-") + time.getMonthValue();
            case QUARTER -> time.getYear() + "-Q" + ((time.getMonthValue() + 2) / 3);
            case YEAR -> Integer.toString(time.getYear());
            default -> throw new IllegalStateException("not a period: " + period);
        };
    }

    /** The running figures of one group. */
    private static final class Group {
        private float[] downloads = new float[16];
        private int count;
        private double sum;
        private long busyCount;
        private double busySum;
        private long planKnown;
        private long underPlan;

        void add(Measurement m, double download, BusyHours busyHours) {
            append((float) download);
            sum += download;
            double busy = m.busyHourDownloadMbps();
            if (Double.isNaN(busy) && busyHours.contains(m.time().getHour())) {
                busy = download;
            }
            if (!Double.isNaN(busy)) {
                busyCount++;
                busySum += busy;
            }
            if (m.planMbps() > 0) {
                planKnown++;
                if (download < m.planMbps()) {
                    underPlan++;
                }
            }
        }

        void addAll(Group other) {
            for (int i = 0; i < other.count; i++) {
                append(other.downloads[i]);
            }
            sum += other.sum;
            busyCount += other.busyCount;
            busySum += other.busySum;
            planKnown += other.planKnown;
            underPlan += other.underPlan;
        }

        private void append(float value) {
            if (count == downloads.length) {
                downloads = Arrays.copyOf(downloads, count * 2);
            }
            downloads[count++] = value;
        }

        SpeedAggregate aggregate(GroupKey key) {
            Arrays.sort(downloads, 0, count);
            return new SpeedAggregate(
                    key,
                    count,
                    sum / count,
                    quantile(0.5),
                    quantile(0.1),
                    quantile(0.9),
                    busyCount,
                    busyCount == 0 ? Double.NaN : busySum / busyCount,
                    planKnown,
                    planKnown == 0 ? Double.NaN : (double) underPlan / planKnown);
        }

        // Linear interpolation between closest ranks over the sorted prefix (numpy's default definition).
        private double quantile(double p) {
            double rank = p * (count - 1);
            int below = (int) Math.floor(rank);
            int above = Math.min(below + 1, count - 1);
            double fraction = rank - below;
            return downloads[below] + fraction * ((double) downloads[above] - downloads[below]);
        }
    }
}
