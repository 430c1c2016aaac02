package org.telereg.engine.broadband;

import java.time.LocalDate;
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

    /** How many divisions' province and city codes are remembered (the current GB/T 2260 codes are ~3,200). */
    private static final int DIVISIONS_REMEMBERED = 1 << 14;

    private static final String[] NO_DIVISION = {"", ""};

    private final EnumSet<GroupBy> dimensions;
    private final GroupBy period;
    private final BusyHours busyHours;
    private final boolean byProvince;
    private final boolean byCity;
    private final boolean byOperator;
    private final boolean byTechnology;
    /** The groups in the order first seen, and an open-addressing index over them (no key object per record). */
    private final List<Group> groups = new ArrayList<>();

    private Group[] index = new Group[64];
    /** Each index slot's group hash, so a probe past another group does not have to load it. */
    private int[] hashes = new int[64];

    private final Map<String, String[]> divisionParts = new HashMap<>();
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
        this.byProvince = dimensions.contains(GroupBy.PROVINCE);
        this.byCity = dimensions.contains(GroupBy.CITY);
        this.byOperator = dimensions.contains(GroupBy.OPERATOR);
        this.byTechnology = dimensions.contains(GroupBy.TECHNOLOGY);
    }

    /** An aggregation by {@code groupBy} with the evening busy hours 20:00–23:00. */
    public static SpeedAggregation by(GroupBy... groupBy) {
        return new SpeedAggregation(
                groupBy.length == 0 ? EnumSet.noneOf(GroupBy.class) : EnumSet.copyOf(Arrays.asList(groupBy)),
                BusyHours.evening());
    }

    @Override
    public void accept(Measurement measurement) {
        LocalDateTime time = measurement.time();
        add(
                measurement.division(),
                measurement.operator(),
                measurement.technology(),
                time.getYear(),
                time.getMonthValue(),
                time.getDayOfMonth(),
                time.getHour(),
                measurement.downloadMbps(),
                measurement.planMbps(),
                measurement.busyHourDownloadMbps());
    }

    /** What {@link #accept} does with a measurement's figures, for readers that do not build one. */
    void add(
            String division,
            String operator,
            Technology technology,
            int year,
            int month,
            int day,
            int hour,
            double download,
            double plan,
            double busyHourDownload) {
        String[] parts = byProvince || byCity ? parts(division) : NO_DIVISION;
        add(parts[0], parts[1], operator, technology, year, month, day, hour, download, plan, busyHourDownload);
    }

    /**
     * {@link #add(String, String, Technology, int, int, int, int, double, double, double)} with the division's
     * province and city codes already cut ({@link #provinceCode}, {@link #cityCode}).
     */
    void add(
            String provinceCode,
            String cityCode,
            String operator,
            Technology technology,
            int year,
            int month,
            int day,
            int hour,
            double download,
            double plan,
            double busyHourDownload) {
        if (Double.isNaN(download)) {
            withoutDownload++;
            return;
        }
        String province = byProvince ? provinceCode : "";
        String city = byCity ? cityCode : "";
        String operatorKey = byOperator ? operator : "";
        int technologyKey = byTechnology ? technology.ordinal() : -1;
        long periodKey = period == null ? 0 : periodCode(year, month, day);
        int hash = hash(province, city, operatorKey, technologyKey, periodKey);
        Group group = find(province, city, operatorKey, technologyKey, periodKey, hash);
        if (group == null) {
            group = insert(new Group(
                    province,
                    city,
                    operatorKey,
                    technologyKey,
                    periodKey,
                    hash,
                    new GroupKey(
                            province,
                            city,
                            operatorKey,
                            byTechnology ? technology.name() : "",
                            period == null ? "" : periodName(year, month, day))));
        }
        double busy = busyHourDownload;
        if (Double.isNaN(busy) && busyHours.contains(hour)) {
            busy = download;
        }
        group.add(download, busy, plan);
    }

    /** Adds everything {@code other} has seen; both must group alike. */
    public void merge(SpeedAggregation other) {
        if (!dimensions.equals(other.dimensions) || !busyHours.equals(other.busyHours)) {
            throw new IllegalArgumentException("cannot merge aggregations grouped differently");
        }
        withoutDownload += other.withoutDownload;
        for (Group theirs : other.groups) {
            Group ours =
                    find(theirs.province, theirs.city, theirs.operator, theirs.technology, theirs.period, theirs.hash);
            if (ours == null) {
                ours = insert(new Group(
                        theirs.province,
                        theirs.city,
                        theirs.operator,
                        theirs.technology,
                        theirs.period,
                        theirs.hash,
                        theirs.key));
            }
            ours.addAll(theirs);
        }
    }

    /** Measurements left out because they had no download figure. */
    public long withoutDownload() {
        return withoutDownload;
    }

    /** The statistics of every group seen, ordered by province, city, operator, technology and period. */
    public List<SpeedAggregate> results() {
        List<SpeedAggregate> results = new ArrayList<>(groups.size());
        for (Group group : groups) {
            results.add(group.aggregate());
        }
        results.sort((a, b) -> a.key().compareTo(b.key()));
        return results;
    }

    /** The two-digit province code of a division, or empty, as {@link Measurement#provinceCode()}. */
    static String provinceCode(String division) {
        return division.length() >= 2 ? division.substring(0, 2) : "";
    }

    /** The four-digit city code of a division, or empty, as {@link Measurement#cityCode()}. */
    static String cityCode(String division) {
        return division.length() >= 4 ? division.substring(0, 4) : "";
    }

    private String[] parts(String division) {
        String[] parts = divisionParts.get(division);
        if (parts == null) {
            parts = new String[] {provinceCode(division), cityCode(division)};
            if (divisionParts.size() < DIVISIONS_REMEMBERED) {
                divisionParts.put(division, parts);
            }
        }
        return parts;
    }

    // One number per period, unique for each period name: 20240501, 202405, 20242 (the quarter), 2024.
    private long periodCode(int year, int month, int day) {
        return switch (period) {
            case DAY -> year * 10_000L + month * 100 + day;
            case MONTH -> year * 100L + month;
            case QUARTER -> year * 10L + (month + 2) / 3;
            case YEAR -> year;
            default -> throw new IllegalStateException("not a period: " + period);
        };
    }

    private String periodName(int year, int month, int day) {
        return switch (period) {
            case DAY -> LocalDate.of(year, month, day).toString();
            case MONTH -> year + (month < 10 ? "-0" : "-") + month;
            case QUARTER -> year + "-Q" + ((month + 2) / 3);
            case YEAR -> Integer.toString(year);
            default -> throw new IllegalStateException("not a period: " + period);
        };
    }

    private static int hash(String province, String city, String operator, int technology, long period) {
        // An empty part (a dimension not grouped by) is the most common: skip its hash.
        int h = province.isEmpty() ? 0 : province.hashCode();
        h = 31 * h + (city.isEmpty() ? 0 : city.hashCode());
        h = 31 * h + (operator.isEmpty() ? 0 : operator.hashCode());
        h = 31 * h + technology;
        h = 31 * h + Long.hashCode(period);
        h *= 0x9E3779B9;
        return h ^ (h >>> 15);
    }

    private Group find(String province, String city, String operator, int technology, long period, int hash) {
        int mask = index.length - 1;
        for (int i = hash & mask; ; i = (i + 1) & mask) {
            Group group = index[i];
            if (group == null) {
                return null;
            }
            if (hashes[i] == hash
                    && group.technology == technology
                    && group.period == period
                    && same(group.operator, operator)
                    && same(group.city, city)
                    && same(group.province, province)) {
                return group;
            }
        }
    }

    private static boolean same(String a, String b) {
        return a == b || a.equals(b);
    }

    private Group insert(Group group) {
        if ((groups.size() + 1) * 2 > index.length) {
            index = new Group[index.length * 2];
            hashes = new int[index.length];
            for (Group each : groups) {
                place(each);
            }
        }
        place(group);
        groups.add(group);
        return group;
    }

    private void place(Group group) {
        int mask = index.length - 1;
        int i = group.hash & mask;
        while (index[i] != null) {
            i = (i + 1) & mask;
        }
        index[i] = group;
        hashes[i] = group.hash;
    }

    /** The running figures of one group. */
    private static final class Group {
        private final String province;
        private final String city;
        private final String operator;
        private final int technology;
        private final long period;
        private final int hash;
        private final GroupKey key;
        private float[] downloads = new float[16];
        private int count;
        private double sum;
        private long busyCount;
        private double busySum;
        private long planKnown;
        private long underPlan;

        Group(String province, String city, String operator, int technology, long period, int hash, GroupKey key) {
            this.province = province;
            this.city = city;
            this.operator = operator;
            this.technology = technology;
            this.period = period;
            this.hash = hash;
            this.key = key;
        }

        void add(double download, double busy, double plan) {
            append((float) download);
            sum += download;
            if (!Double.isNaN(busy)) {
                busyCount++;
                busySum += busy;
            }
            if (plan > 0) {
                planKnown++;
                if (download < plan) {
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

        SpeedAggregate aggregate() {
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
