package org.telereg.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.telereg.engine.broadband.GroupBy;
import org.telereg.engine.broadband.GroupKey;
import org.telereg.engine.broadband.ImportReport;
import org.telereg.engine.broadband.ImportSettings;
import org.telereg.engine.broadband.MeasurementFiles;
import org.telereg.engine.broadband.SpeedAggregate;
import org.telereg.engine.broadband.SpeedAggregation;
import org.telereg.engine.region.Division;
import org.telereg.engine.region.Divisions;
import org.telereg.engine.region.Province;

/**
 * Reads a generated generic measurement CSV with TeleReg's {@link MeasurementFiles#readCsv} (on as many threads as
 * DuckDB gets) and aggregates it by
 * province × operator × month and by city × operator × month with {@link SpeedAggregation} in the same pass; then
 * does the same with DuckDB ({@code read_csv}, the same plausibility rules as a WHERE clause, GROUP BY with avg
 * and {@code quantile_cont}, 2 threads), checks that both give the same groups and figures, and prints rows/s,
 * bytes/s, peak heap, the heap the aggregations hold, and the ratio.
 *
 * <p>Usage: {@code java -cp telereg-benchmarks.jar org.telereg.bench.MeasurementImportBenchmark [rows] [--dir DIR]
 * [--keep] [--runs N] [--threads N]}; rows default to 10,000,000, runs to 2 (each side, alternating; the median,
 * the lower of the middle two for an even count, is reported), threads to 2 (both sides). Each run also prints the
 * CPU time the process spent in it, a fairer measure than wall time on a machine that is not quiet. The file is generated from a fixed seed into a temporary
 * directory (or DIR) and deleted afterwards unless {@code --keep}; a file of the same size in DIR is reused.
 */
public final class MeasurementImportBenchmark {

    private static final long SEED = 20240501L;
    private static final int DEFAULT_THREADS = 2;
    private static final String[] OPERATORS = {"中国移动", "中国电信", "中国联通"};
    /** Operators' shares of fixed broadband lines, roughly as MIIT reports them. */
    private static final double[] OPERATOR_SHARES = {0.46, 0.32, 0.22};

    private MeasurementImportBenchmark() {}

    public static void main(String[] args) throws Exception {
        long rows = 10_000_000L;
        Path dir = null;
        boolean keep = false;
        int runs = 2;
        int threads = DEFAULT_THREADS;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--dir" -> dir = Path.of(args[++i]);
                case "--keep" -> keep = true;
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                default -> rows = Long.parseLong(args[i].replace("_", ""));
            }
        }
        Path work = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("telereg-broadband-bench");
        Path file = work.resolve("measurements-" + rows + ".csv");
        System.out.printf(
                Locale.ROOT,
                "java %s, %d processors, max heap %,d MB, load average %.2f, %d runs per side (median), %d threads%n",
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                runs,
                threads);
        try {
            long started = System.nanoTime();
            boolean reused = Files.isRegularFile(file) && dir != null;
            long implausible = reused ? -1 : generate(file, rows);
            long bytes = Files.size(file);
            System.out.printf(
                    Locale.ROOT,
                    "%n== %,d measurements, %,.1f MB; %s in %.0f s%s%n",
                    rows,
                    bytes / 1048576.0,
                    reused ? "reused" : "generated",
                    (System.nanoTime() - started) / 1e9,
                    reused ? "" : String.format(Locale.ROOT, "; %,d written implausible", implausible));
            // Warm-up on a small file of the same kind: JIT for TeleReg, extension loading for DuckDB.
            Path pilot = work.resolve("pilot.csv");
            generate(pilot, 200_000);
            for (int i = 0; i < 2; i++) {
                teleReg(pilot, threads);
                duckDb(pilot, threads);
            }
            Files.deleteIfExists(pilot);
            List<Result> ours = new ArrayList<>();
            List<Result> theirs = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                Result our = teleReg(file, threads);
                report("TeleReg broadband", "run " + run, our, rows, bytes);
                if (run == 1) {
                    System.out.println("  " + our.summary);
                }
                Result their = duckDb(file, threads);
                report("DuckDB 2.0.0.1 SQL", "run " + run, their, rows, bytes);
                compare(our, their);
                ours.add(our);
                theirs.add(their);
            }
            if (runs > 0) {
                Result our = median(ours);
                Result their = median(theirs);
                report("TeleReg broadband", "median", our, rows, bytes);
                report("DuckDB 2.0.0.1 SQL", "median", their, rows, bytes);
                System.out.printf(
                        Locale.ROOT, "ratio TeleReg / DuckDB (medians): %.2fx%n", their.seconds / our.seconds);
            }
        } finally {
            if (!keep) {
                Files.deleteIfExists(file);
                if (dir == null) {
                    Files.deleteIfExists(work);
                }
            }
        }
    }

    /**
     * Writes {@code rows} measurements in the generic CSV format: 31 provinces weighted roughly by population
     * (uniform over each province's current cities), three operators, fibre mostly with some 5G, 4G and ADSL,
     * tests spread over the 24 months of 2023–2024 with more in the evening, downloads around the plan speed;
     * about 3% are implausible (a zero download, ADSL above its ceiling, a timeout latency, a loss over 1).
     *
     * @return the rows written implausible
     */
    static long generate(Path file, long rows) throws IOException {
        SplittableRandom random = new SplittableRandom(SEED + rows);
        List<String[]> citiesByProvince = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        Divisions divisions = Divisions.standard();
        for (Province province : divisions.provinces()) {
            List<String> codes = new ArrayList<>();
            for (Division city : divisions.cities(province.code())) {
                String code = (city.code() + "000000").substring(0, 6);
                if (divisions.current(code).isPresent()) {
                    codes.add(code);
                }
            }
            if (codes.isEmpty()) {
                codes.add((province.code() + "000000").substring(0, 6));
            }
            citiesByProvince.add(codes.toArray(String[]::new));
            // More tests where there are more cities: a rough stand-in for population.
            weights.add(Math.sqrt(codes.size()) + 1);
        }
        double[] cumulative =
                cumulative(weights.stream().mapToDouble(Double::doubleValue).toArray());
        double[] operatorCumulative = cumulative(OPERATOR_SHARES);
        int[] fibrePlans = {100, 200, 300, 500, 1000};
        long implausible = 0;
        StringBuilder line = new StringBuilder(128);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("time,division,operator,technology,download_mbps,upload_mbps,latency_ms,loss,plan_mbps\n");
            for (long i = 0; i < rows; i++) {
                line.setLength(0);
                int month = random.nextInt(24);
                int yearNumber = 2023 + month / 12;
                int monthNumber = month % 12 + 1;
                int dayNumber = 1 + random.nextInt(28);
                int hour = random.nextDouble() < 0.35 ? 19 + random.nextInt(5) : random.nextInt(24);
                line.append(yearNumber).append('-');
                two(line, monthNumber).append('-');
                two(line, dayNumber).append(' ');
                two(line, hour).append(':');
                two(line, random.nextInt(60)).append(':');
                two(line, random.nextInt(60)).append(',');
                String[] cities = citiesByProvince.get(pick(cumulative, random.nextDouble()));
                line.append(cities[random.nextInt(cities.length)]).append(',');
                line.append(OPERATORS[pick(operatorCumulative, random.nextDouble())])
                        .append(',');
                double kind = random.nextDouble();
                String technology;
                int plan;
                double ceiling;
                if (kind < 0.80) {
                    technology = "FTTH";
                    plan = fibrePlans[random.nextInt(fibrePlans.length)];
                    ceiling = 10_000;
                } else if (kind < 0.90) {
                    technology = "5G";
                    plan = 0;
                    ceiling = 5_000;
                } else if (kind < 0.97) {
                    technology = "4G";
                    plan = 0;
                    ceiling = 1_000;
                } else {
                    technology = "ADSL";
                    plan = random.nextBoolean() ? 4 : 8;
                    ceiling = 30;
                }
                double fault = random.nextDouble();
                if (fault >= 0.01 && fault < 0.015) {
                    technology = "ADSL";
                }
                line.append(technology).append(',');
                double typical = switch (technology) {
                    case "5G" -> 350;
                    case "4G" -> 45;
                    default -> plan * 0.92;
                };
                // Log-normal around the typical speed, slower in the evening.
                double evening = hour >= 20 && hour < 23 ? 0.85 : 1.0;
                double download = Math.min(ceiling, typical * evening * Math.exp(0.25 * random.nextGaussian()));
                double upload = Math.min(ceiling, download * (technology.equals("FTTH") ? 0.3 : 0.15));
                int latency = 3 + (int) Math.round(Math.abs(random.nextGaussian()) * 15);
                double loss = Math.abs(random.nextGaussian()) * 0.002;
                if (fault < 0.03) {
                    implausible++;
                    if (fault < 0.01) {
                        download = 0;
                    } else if (fault < 0.015) {
                        download = 30 + 10 * random.nextDouble() + 0.1;
                        upload = 1;
                    } else if (fault < 0.025) {
                        latency = 9_000 + random.nextInt(1_000);
                    } else {
                        loss = 1.5;
                    }
                }
                tenths(line, download).append(',');
                tenths(line, upload).append(',');
                line.append(latency).append(',');
                long tenThousandths = Math.round(loss * 10_000);
                line.append(tenThousandths / 10_000).append('.');
                String fraction = Long.toString(tenThousandths % 10_000);
                line.append("0000", fraction.length(), 4).append(fraction).append(',');
                if (plan > 0) {
                    line.append(plan);
                }
                line.append('\n');
                out.append(line);
            }
        }
        return implausible;
    }

    private static double[] cumulative(double[] weights) {
        double total = 0;
        for (double weight : weights) {
            total += weight;
        }
        double[] cumulative = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            cumulative[i] = sum / total;
        }
        return cumulative;
    }

    private static int pick(double[] cumulative, double draw) {
        for (int i = 0; i < cumulative.length - 1; i++) {
            if (draw < cumulative[i]) {
                return i;
            }
        }
        return cumulative.length - 1;
    }

    private static StringBuilder two(StringBuilder line, int number) {
        return (number < 10 ? line.append('0') : line).append(number);
    }

    private static StringBuilder tenths(StringBuilder line, double mbps) {
        long tenths = Math.round(mbps * 10);
        return line.append(tenths / 10).append('.').append(tenths % 10);
    }

    /** Time, memory and the two aggregations' figures of one side's run. */
    private record Result(
            double seconds,
            double cpuSeconds,
            long peakHeap,
            long retainedHeap,
            long peakRss,
            long rssBefore,
            Map<String, double[]> byProvince,
            Map<String, double[]> byCity,
            String summary) {}

    private static Result teleReg(Path file, int threads) throws IOException {
        System.gc();
        ProcessMemory.resetPeaks();
        long heapBefore = ProcessMemory.usedHeap();
        long rssBefore = ProcessMemory.rss("VmRSS");
        long cpuBefore = ProcessMemory.cpuNanos();
        long started = System.nanoTime();
        SpeedAggregation byProvince = SpeedAggregation.by(GroupBy.PROVINCE, GroupBy.OPERATOR, GroupBy.MONTH);
        SpeedAggregation byCity = SpeedAggregation.by(GroupBy.CITY, GroupBy.OPERATOR, GroupBy.MONTH);
        ImportReport report =
                MeasurementFiles.readCsv(file, ImportSettings.defaults(), threads, List.of(byProvince, byCity));
        Map<String, double[]> provinces = figures(byProvince.results());
        Map<String, double[]> cities = figures(byCity.results());
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpuSeconds = (ProcessMemory.cpuNanos() - cpuBefore) / 1e9;
        long peakHeap = ProcessMemory.peakHeap();
        // What the two aggregations hold once read (their float arrays, sorted, and the group maps).
        System.gc();
        long retained = ProcessMemory.usedHeap() - heapBefore;
        String summary = String.format(
                Locale.ROOT,
                "%,d records: %,d accepted, %,d rejected, %,d excluded %s; exact quantiles keep 2 × 4 bytes × %,d"
                        + " accepted = %,d MB of floats",
                report.records(),
                report.accepted(),
                report.rejected(),
                report.excluded(),
                report.excludedByReason(),
                report.accepted(),
                (8 * report.accepted()) >> 20);
        Result result = new Result(
                seconds,
                cpuSeconds,
                peakHeap,
                retained,
                ProcessMemory.rss("VmHWM"),
                rssBefore,
                provinces,
                cities,
                summary);
        // Keeps the aggregations reachable until the retained heap is measured.
        if (byProvince.withoutDownload() + byCity.withoutDownload() < 0) {
            throw new IllegalStateException();
        }
        return result;
    }

    /** Per group: count, mean, median, p10, p90, keyed by place, operator and month. */
    private static Map<String, double[]> figures(List<SpeedAggregate> aggregates) {
        Map<String, double[]> figures = new HashMap<>();
        for (SpeedAggregate each : aggregates) {
            GroupKey key = each.key();
            String place = key.city().isEmpty() ? key.province() : key.city();
            figures.put(
                    place + "|" + key.operator() + "|" + key.period(),
                    new double[] {each.count(), each.meanMbps(), each.medianMbps(), each.p10Mbps(), each.p90Mbps()});
        }
        return figures;
    }

    private static Result duckDb(Path file, int threads) throws SQLException {
        System.gc();
        ProcessMemory.resetPeaks();
        long rssBefore = ProcessMemory.rss("VmRSS");
        long cpuBefore = ProcessMemory.cpuNanos();
        long started = System.nanoTime();
        Map<String, double[]> provinces;
        Map<String, double[]> cities;
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement()) {
            statement.execute("SET threads = " + threads);
            statement.execute("CREATE TEMP TABLE m AS SELECT substr(division, 1, 2) AS province,"
                    // A province's own code (110000) has no city, as in the engine.
                    + " CASE WHEN substr(division, 3) = '0000' THEN '' ELSE substr(division, 1, 4) END AS city, operator, strftime(time, '%Y-%m') AS period, download_mbps"
                    + " FROM read_csv('" + file.toString().replace("'", "''") + "', header = true, columns = {"
                    + "'time': 'TIMESTAMP', 'division': 'VARCHAR', 'operator': 'VARCHAR', 'technology': 'VARCHAR',"
                    + " 'download_mbps': 'DOUBLE', 'upload_mbps': 'DOUBLE', 'latency_ms': 'DOUBLE',"
                    + " 'loss': 'DOUBLE', 'plan_mbps': 'DOUBLE'})"
                    // The engine's plausibility checks with their default limits.
                    + " WHERE download_mbps > 0 AND upload_mbps > 0"
                    + " AND download_mbps <= CASE technology WHEN 'ADSL' THEN 30 WHEN '4G' THEN 1000"
                    + " WHEN '5G' THEN 5000 ELSE 10000 END"
                    + " AND latency_ms > 0 AND latency_ms <= 5000 AND loss >= 0 AND loss <= 1");
            provinces = groups(statement, "province");
            cities = groups(statement, "city");
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpuSeconds = (ProcessMemory.cpuNanos() - cpuBefore) / 1e9;
        return new Result(
                seconds,
                cpuSeconds,
                ProcessMemory.peakHeap(),
                0,
                ProcessMemory.rss("VmHWM"),
                rssBefore,
                provinces,
                cities,
                "");
    }

    private static Map<String, double[]> groups(Statement statement, String place) throws SQLException {
        Map<String, double[]> figures = new HashMap<>();
        try (ResultSet rows = statement.executeQuery("SELECT " + place + ", operator, period, count(*),"
                + " avg(download_mbps), quantile_cont(download_mbps, 0.5), quantile_cont(download_mbps, 0.1),"
                + " quantile_cont(download_mbps, 0.9) FROM m GROUP BY " + place + ", operator, period")) {
            while (rows.next()) {
                figures.put(rows.getString(1) + "|" + rows.getString(2) + "|" + rows.getString(3), new double[] {
                    rows.getLong(4), rows.getDouble(5), rows.getDouble(6), rows.getDouble(7), rows.getDouble(8)
                });
            }
        }
        return figures;
    }

    /**
     * Prints whether both sides found the same groups with the same count and, within float precision (the
     * engine keeps speeds as floats for its quantiles), the same mean, median, p10 and p90.
     */
    private static void compare(Result ours, Result theirs) {
        List<String> differences = new ArrayList<>();
        differences.addAll(differences("province", ours.byProvince, theirs.byProvince));
        differences.addAll(differences("city", ours.byCity, theirs.byCity));
        System.out.println(
                differences.isEmpty()
                        ? String.format(
                                Locale.ROOT,
                                "figures agree: %,d province and %,d city groups, counts equal, mean and quantiles"
                                        + " within 1e-6",
                                ours.byProvince.size(),
                                ours.byCity.size())
                        : "FIGURES DIFFER (" + differences.size() + "): "
                                + differences.subList(0, Math.min(5, differences.size())));
    }

    private static List<String> differences(String name, Map<String, double[]> ours, Map<String, double[]> theirs) {
        List<String> differences = new ArrayList<>();
        if (!ours.keySet().equals(theirs.keySet())) {
            differences.add(name + " groups " + ours.size() + " vs " + theirs.size());
            return differences;
        }
        for (Map.Entry<String, double[]> each : ours.entrySet()) {
            double[] a = each.getValue();
            double[] b = theirs.get(each.getKey());
            for (int i = 0; i < a.length; i++) {
                if (Math.abs(a[i] - b[i]) > 1e-6 * Math.max(1, Math.abs(b[i]))) {
                    differences.add(String.format(
                            Locale.ROOT, "%s %s figure %d: %.6f vs %.6f", name, each.getKey(), i, a[i], b[i]));
                }
            }
        }
        return differences;
    }

    /** The run of median time (the lower of the two middle ones for an even count), with the largest peaks. */
    private static Result median(List<Result> results) {
        List<Result> byTime = new ArrayList<>(results);
        byTime.sort((a, b) -> Double.compare(a.seconds, b.seconds));
        Result middle = byTime.get((byTime.size() - 1) / 2);
        long peakHeap = 0;
        long retained = 0;
        long peakRss = 0;
        long rssBefore = 0;
        for (Result each : results) {
            if (each.peakRss - each.rssBefore >= peakRss - rssBefore) {
                peakRss = each.peakRss;
                rssBefore = each.rssBefore;
            }
            peakHeap = Math.max(peakHeap, each.peakHeap);
            retained = Math.max(retained, each.retainedHeap);
        }
        return new Result(
                middle.seconds,
                middle.cpuSeconds,
                peakHeap,
                retained,
                peakRss,
                rssBefore,
                middle.byProvince,
                middle.byCity,
                "");
    }

    private static void report(String name, String run, Result result, long rows, long bytes) {
        System.out.printf(
                Locale.ROOT,
                "%-19s %-7s %6.2f s  %,11.0f rows/s  %6.1f MB/s  CPU %6.2f s  peak RSS %,d MB (+%,d MB), peak Java heap"
                        + " %,d MB%s%n",
                name,
                run,
                result.seconds,
                rows / result.seconds,
                bytes / 1048576.0 / result.seconds,
                result.cpuSeconds,
                result.peakRss >> 20,
                (result.peakRss - result.rssBefore) >> 20,
                result.peakHeap >> 20,
                result.retainedHeap > 0
                        ? String.format(Locale.ROOT, ", held after GC %,d MB", result.retainedHeap >> 20)
                        : "");
    }
}
