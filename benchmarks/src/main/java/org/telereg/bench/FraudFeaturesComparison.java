package org.telereg.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.stream.Stream;
import org.telereg.engine.fraud.CdrFiles;
import org.telereg.engine.fraud.CdrGenerator;
import org.telereg.engine.fraud.Feature;
import org.telereg.engine.fraud.FeatureExtraction;
import org.telereg.engine.fraud.FeatureSettings;
import org.telereg.engine.fraud.FeatureTable;
import org.telereg.engine.fraud.FraudFeatures;
import org.telereg.engine.fraud.GeneratedCdrs;
import org.telereg.engine.fraud.GeneratorSettings;

/**
 * Computes the per-subscriber features of a generated calls CSV with TeleReg's {@link FraudFeatures} (both cores)
 * and with DuckDB ({@code read_csv} + GROUP BY with the same definitions and exact distinct counts, 2 threads),
 * checks that both agree, and prints rows/s, bytes/s, peak memory and the ratio.
 *
 * <p>Usage: {@code java -cp telereg-benchmarks.jar org.telereg.bench.FraudFeaturesComparison [rows ...] [--dir
 * DIR] [--keep] [--untimed-runs N] [--runs N] [--telereg-only]}; rows default to 10,000,000. Files are generated
 * into a temporary directory (or DIR), deleted afterwards unless {@code --keep}; a file in DIR generated earlier with
 * the same generator settings is reused. Each side processes each file once untimed first ({@code --untimed-runs},
 * default 1), then N times (default 3), alternating TeleReg and DuckDB, and each side's median wall time (with the
 * process's CPU time of that run) is reported: the same warm-up for both sides. {@code --telereg-only} runs TeleReg
 * alone (for profiling and before/after comparisons).
 */
public final class FraudFeaturesComparison {

    private static final long SEED = 20201101L;
    private static final int DAYS = 14;
    private static final int PILOT_SUBSCRIBERS = 2_000;
    private static final int THREADS = 2;
    /** The settings the SQL of fraud-features.sql hard-codes. */
    private static final FeatureSettings SETTINGS = new FeatureSettings(15, 0, 6, 10, 7);

    private static final Feature[] CHECKED = {
        Feature.OUT_CALLS,
        Feature.IN_CALLS,
        Feature.DISTINCT_CALLEES,
        Feature.DISTINCT_CALLERS,
        Feature.CALLBACK_RATIO,
        Feature.SHORT_CALL_RATIO,
        Feature.MEDIAN_DURATION,
        Feature.ACTIVE_DAYS,
        Feature.MAX_OUT_PER_HOUR,
        Feature.LATE_OUT_SHARE,
        Feature.DISTINCT_IMEIS,
        Feature.SHARED_IMEIS,
        Feature.DISTINCT_PLACES,
        Feature.SEQUENTIAL_RATIO,
        Feature.FIRST_ACTIVE
    };

    private FraudFeaturesComparison() {}

    public static void main(String[] args) throws Exception {
        List<Long> sizes = new ArrayList<>();
        Path dir = null;
        boolean keep = false;
        int runs = 3;
        int untimedRuns = 1;
        boolean teleRegOnly = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--dir" -> dir = Path.of(args[++i]);
                case "--keep" -> keep = true;
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--untimed-runs" -> untimedRuns = Integer.parseInt(args[++i]);
                case "--telereg-only" -> teleRegOnly = true;
                default -> sizes.add(Long.parseLong(args[i].replace("_", "")));
            }
        }
        if (sizes.isEmpty()) {
            sizes.add(10_000_000L);
        }
        Path work = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("telereg-fraud-bench");
        System.out.printf(
                Locale.ROOT,
                "java %s, %d processors, max heap %,d MB, files in %s, %d untimed and %d timed runs per side and file"
                        + " (median)%n",
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20,
                work,
                untimedRuns,
                runs);
        try {
            Generated pilot =
                    generated(GeneratorSettings.of(SEED, PILOT_SUBSCRIBERS).withDays(DAYS), work.resolve("pilot"));
            double rowsPerSubscriber = (double) pilot.callRows() / PILOT_SUBSCRIBERS;
            // Warm-up: JIT for TeleReg, extension loading and caches for DuckDB.
            String sql = sql();
            for (int i = 0; i < 2; i++) {
                teleReg(pilot.calls());
                if (!teleRegOnly) {
                    duckDb(pilot.calls(), sql);
                }
            }
            for (long rows : sizes) {
                int subscribers = (int) Math.ceil(rows / rowsPerSubscriber);
                long started = System.nanoTime();
                Generated data = generated(
                        GeneratorSettings.of(SEED + rows, subscribers).withDays(DAYS), work.resolve("rows-" + rows));
                long bytes = Files.size(data.calls());
                System.out.printf(
                        Locale.ROOT,
                        "%n== %,d call rows (%,d subscribers, %d days), %,.1f MB; %s in %.0f s%n",
                        data.callRows(),
                        subscribers,
                        DAYS,
                        bytes / 1048576.0,
                        data.reused() ? "reused" : "generated",
                        (System.nanoTime() - started) / 1e9);
                for (int run = 1; run <= untimedRuns; run++) {
                    report("TeleReg FraudFeatures", "untimed " + run, teleReg(data.calls()), data.callRows(), bytes);
                    if (!teleRegOnly) {
                        report(
                                "DuckDB 2.0.0.1 SQL",
                                "untimed " + run,
                                duckDb(data.calls(), sql),
                                data.callRows(),
                                bytes);
                    }
                }
                List<Result> ours = new ArrayList<>();
                List<Result> theirs = new ArrayList<>();
                for (int run = 1; run <= runs; run++) {
                    Result our = teleReg(data.calls());
                    report("TeleReg FraudFeatures", "run " + run, our, data.callRows(), bytes);
                    if (teleRegOnly) {
                        ours.add(our);
                        continue;
                    }
                    Result their = duckDb(data.calls(), sql);
                    report("DuckDB 2.0.0.1 SQL", "run " + run, their, data.callRows(), bytes);
                    compare(our, their);
                    ours.add(our);
                    theirs.add(their);
                }
                if (runs == 0) {
                    continue;
                }
                Result our = median(ours);
                report("TeleReg FraudFeatures", "median", our, data.callRows(), bytes);
                if (teleRegOnly) {
                    continue;
                }
                Result their = median(theirs);
                report("DuckDB 2.0.0.1 SQL", "median", their, data.callRows(), bytes);
                System.out.printf(
                        Locale.ROOT, "ratio TeleReg / DuckDB (medians): %.1fx%n", their.seconds / our.seconds);
            }
        } finally {
            if (!keep) {
                try (Stream<Path> files = Files.walk(work)) {
                    for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(file);
                    }
                }
            }
        }
    }

    /** A generated calls file, whether it was already there, and its rows. */
    private record Generated(Path calls, long callRows, boolean reused) {}

    /**
     * The files of {@code settings} in {@code directory}: reused when a description written after an earlier
     * generation names the same settings and the calls file still has the size it had, generated otherwise.
     */
    private static Generated generated(GeneratorSettings settings, Path directory) throws IOException {
        Path description = directory.resolve("generated.properties");
        Path calls = directory.resolve(settings.gzip() ? "calls.csv.gz" : "calls.csv");
        if (Files.isRegularFile(description) && Files.isRegularFile(calls)) {
            Properties written = new Properties();
            try (Reader in = Files.newBufferedReader(description, StandardCharsets.UTF_8)) {
                written.load(in);
            }
            if (settings.toString().equals(written.getProperty("settings"))
                    && String.valueOf(Files.size(calls)).equals(written.getProperty("callsBytes"))) {
                return new Generated(calls, Long.parseLong(written.getProperty("callRows")), true);
            }
        }
        Files.deleteIfExists(description);
        GeneratedCdrs data = new CdrGenerator(settings).writeTo(directory);
        Properties written = new Properties();
        written.setProperty("settings", settings.toString());
        written.setProperty("callRows", String.valueOf(data.callRows()));
        written.setProperty("callsBytes", String.valueOf(Files.size(data.calls())));
        try (Writer out = Files.newBufferedWriter(description, StandardCharsets.UTF_8)) {
            written.store(out, "written by FraudFeaturesComparison after generating this directory's files");
        }
        return new Generated(data.calls(), data.callRows(), false);
    }

    /** The run of median time (the lower of the two middle ones for an even count), with the largest peaks. */
    private static Result median(List<Result> results) {
        List<Result> byTime = new ArrayList<>(results);
        byTime.sort(Comparator.comparingDouble(Result::seconds));
        Result middle = byTime.get((byTime.size() - 1) / 2);
        long peakHeap = 0;
        long peakRss = 0;
        long rssBefore = 0;
        for (Result each : results) {
            if (each.peakRss - each.rssBefore >= peakRss - rssBefore) {
                peakRss = each.peakRss;
                rssBefore = each.rssBefore;
            }
            peakHeap = Math.max(peakHeap, each.peakHeap);
        }
        return new Result(
                middle.seconds, middle.cpuSeconds, peakHeap, peakRss, rssBefore, middle.subscribers, middle.sums);
    }

    /** Time, memory and per-feature sums (over subscribers, NaN skipped) of one side's result. */
    private record Result(
            double seconds,
            double cpuSeconds,
            long peakHeap,
            long peakRss,
            long rssBefore,
            int subscribers,
            double[] sums) {

        /** A run's result with the memory peaks since the last {@link ProcessMemory#resetPeaks()}. */
        static Result measured(double seconds, double cpuSeconds, long rssBefore, int subscribers, double[] sums) {
            return new Result(
                    seconds,
                    cpuSeconds,
                    ProcessMemory.peakHeap(),
                    ProcessMemory.rss("VmHWM"),
                    rssBefore,
                    subscribers,
                    sums);
        }
    }

    private static Result teleReg(Path calls) throws IOException {
        System.gc();
        ProcessMemory.resetPeaks();
        long rssBefore = ProcessMemory.rss("VmRSS");
        long started = System.nanoTime();
        long cpuBefore = ProcessMemory.cpuNanos();
        FeatureExtraction extraction =
                FraudFeatures.with(SETTINGS).withThreads(THREADS).extract(CdrFiles.calls(calls));
        double cpuSeconds = (ProcessMemory.cpuNanos() - cpuBefore) / 1e9;
        double seconds = (System.nanoTime() - started) / 1e9;
        FeatureTable table = extraction.features();
        double[] sums = new double[CHECKED.length];
        for (int row = 0; row < table.size(); row++) {
            for (int i = 0; i < CHECKED.length; i++) {
                double value = table.value(row, CHECKED[i]);
                if (!Double.isNaN(value)) {
                    sums[i] += value;
                }
            }
        }
        return Result.measured(seconds, cpuSeconds, rssBefore, table.size(), sums);
    }

    private static Result duckDb(Path calls, String sql) throws SQLException {
        System.gc();
        ProcessMemory.resetPeaks();
        long rssBefore = ProcessMemory.rss("VmRSS");
        long started = System.nanoTime();
        long cpuBefore = ProcessMemory.cpuNanos();
        double[] sums = new double[CHECKED.length];
        int subscribers = 0;
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement()) {
            String[] statements =
                    sql.replace("${file}", calls.toString().replace("'", "''")).split(";\\s*\n");
            ResultSet result = null;
            for (String each : statements) {
                String trimmed = stripComments(each);
                if (trimmed.isEmpty()) {
                    continue;
                }
                if (trimmed.startsWith("WITH")) {
                    result = statement.executeQuery(trimmed);
                } else {
                    statement.execute(trimmed);
                }
            }
            while (result.next()) {
                subscribers++;
                for (int i = 0; i < CHECKED.length; i++) {
                    double value = result.getDouble(CHECKED[i].code());
                    if (!result.wasNull()) {
                        sums[i] += value;
                    }
                }
            }
        }
        double cpuSeconds = (ProcessMemory.cpuNanos() - cpuBefore) / 1e9;
        double seconds = (System.nanoTime() - started) / 1e9;
        return Result.measured(seconds, cpuSeconds, rssBefore, subscribers, sums);
    }

    /** Prints one run's figures (or, labelled median, the median time and the largest peaks of all runs). */
    private static void report(String name, String run, Result result, long rows, long bytes) {
        System.out.printf(
                Locale.ROOT,
                "%-22s %-9s %6.2f s  CPU %6.2f s  %,12.0f rows/s  %7.1f MB/s  %,d subscribers"
                        + "  peak RSS %,d MB (+%,d MB), peak Java heap %,d MB%n",
                name,
                run,
                result.seconds,
                result.cpuSeconds,
                rows / result.seconds,
                bytes / 1048576.0 / result.seconds,
                result.subscribers,
                result.peakRss >> 20,
                (result.peakRss - result.rssBefore) >> 20,
                result.peakHeap >> 20);
    }

    private static void compare(Result ours, Result theirs) {
        List<String> differences = new ArrayList<>();
        if (ours.subscribers != theirs.subscribers) {
            differences.add("subscribers " + ours.subscribers + " vs " + theirs.subscribers);
        }
        for (int i = 0; i < CHECKED.length; i++) {
            double a = ours.sums[i];
            double b = theirs.sums[i];
            if (Math.abs(a - b) > 1e-4 * Math.max(1, Math.abs(b))) {
                differences.add(String.format(Locale.ROOT, "%s %.4f vs %.4f", CHECKED[i].code(), a, b));
            }
        }
        System.out.println(
                differences.isEmpty()
                        ? "features agree: subscriber count and the sums of " + CHECKED.length + " features are equal"
                        : "FEATURES DIFFER: " + differences);
    }

    private static String sql() throws IOException {
        try (InputStream in = FraudFeaturesComparison.class.getResourceAsStream("fraud-features.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String stripComments(String statement) {
        StringBuilder kept = new StringBuilder();
        for (String line : statement.split("\n")) {
            if (!line.strip().startsWith("--")) {
                kept.append(line).append('\n');
            }
        }
        return kept.toString().strip();
    }
}
