package org.telereg.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.reader.TextLineInputFormat;
import org.apache.flink.runtime.checkpoint.AbstractCheckpointStats;
import org.apache.flink.runtime.checkpoint.CheckpointStatsSnapshot;
import org.apache.flink.runtime.checkpoint.FailedCheckpointStats;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.telereg.engine.fraud.CdrGenerator;
import org.telereg.engine.fraud.Feature;
import org.telereg.engine.fraud.FraudModel;
import org.telereg.engine.fraud.GeneratedCdrs;
import org.telereg.engine.fraud.GeneratorSettings;
import org.telereg.streaming.FraudJob;
import org.telereg.streaming.FraudJobSettings;
import org.telereg.streaming.Rejected;
import org.telereg.streaming.ScoredWindow;

/**
 * Sustained events per second, per wall second and per CPU-second of the process, of the streaming module's
 * {@link FraudJob} and of {@link NativeFraudFeaturesJob} (the same daily features written the plain Flink way), on
 * one MiniCluster in this JVM (one task manager, two slots, parallelism 2, heap state backend {@code hashmap},
 * checkpoints every 10 s to files, the same watermark strategy), over the same generated calls and SMS files.
 *
 * <p>Usage: {@code java -cp telereg-benchmarks.jar org.telereg.bench.StreamingComparison [--events N] [--dir DIR]
 * [--keep] [--untimed-runs N] [--runs N] [--period-days D] [--telereg-only]}; events (calls and SMS) default to
 * 10,000,000 (each run also pays the job's fixed costs, submission to task start-up, about half a CPU-second: a
 * quarter of the TeleReg job's run at 3,000,000 events, under a tenth at 10,000,000), untimed runs to 1, runs to 5,
 * the TeleReg job's period to 1 day (so that its {@code shared_imeis} of a
 * day are the native job's: handsets another subscriber used that day). Files are generated into a temporary
 * directory (or DIR), deleted afterwards unless {@code --keep}; files in DIR generated earlier with the same
 * generator settings are reused.
 *
 * <p>A small file first warms both jobs up once, with every verdict written, and the day verdicts of both are
 * compared feature by feature. Then each job runs the large files once untimed (or {@code --untimed-runs} times):
 * both keep getting faster over their first runs on them, as the JIT compiler and the garbage collector's sizing
 * settle, and the figure wanted is the sustained rate. Then the large files are run N times by each job,
 * alternating, and each side's median wall and CPU time are reported. {@code --telereg-only} runs the TeleReg job
 * alone (for profiling it).
 */
public final class StreamingComparison {

    private static final long SEED = 20201101L;
    private static final int DAYS = 30;
    private static final int PILOT_SUBSCRIBERS = 300;
    private static final int PARALLELISM = 2;
    private static final String START = "2020-03-01";
    private static final Duration OUT_OF_ORDERNESS = Duration.ofMinutes(5);
    private static final Duration ALLOWED_LATENESS = Duration.ofHours(2);
    private static final Duration IDLENESS = Duration.ofMinutes(1);
    private static final Duration CHECKPOINT_INTERVAL = Duration.ofSeconds(10);
    /** Features whose sums over all day verdicts the agreement check prints. */
    private static final Feature[] SUMMED = {
        Feature.OUT_CALLS,
        Feature.DISTINCT_CALLEES,
        Feature.DISTINCT_CALLERS,
        Feature.SHORT_CALL_RATIO,
        Feature.MAX_OUT_PER_HOUR,
        Feature.DISTINCT_IMEIS,
        Feature.SHARED_IMEIS,
        Feature.DISTINCT_PLACES,
        Feature.SEQUENTIAL_RATIO,
        Feature.SMS_OUT
    };

    private final MiniCluster cluster;
    private final Path checkpoints;
    private final int periodDays;

    private StreamingComparison(MiniCluster cluster, Path checkpoints, int periodDays) {
        this.cluster = cluster;
        this.checkpoints = checkpoints;
        this.periodDays = periodDays;
    }

    public static void main(String[] args) throws Exception {
        long events = 10_000_000L;
        Path dir = null;
        boolean keep = false;
        int runs = 5;
        int untimedRuns = 1;
        int periodDays = 1;
        boolean teleRegOnly = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--events" -> events = Long.parseLong(args[++i].replace("_", ""));
                case "--dir" -> dir = Path.of(args[++i]);
                case "--keep" -> keep = true;
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--untimed-runs" -> untimedRuns = Integer.parseInt(args[++i]);
                case "--period-days" -> periodDays = Integer.parseInt(args[++i]);
                case "--telereg-only" -> teleRegOnly = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Path work = dir != null ? Files.createDirectories(dir) : Files.createTempDirectory("telereg-streaming-bench");
        System.out.printf(
                Locale.ROOT,
                "java %s, %d processors, max heap %,d MB, files in %s; MiniCluster: 1 task manager, %d slots,"
                        + " parallelism %d, state backend hashmap, checkpoints every %d s; TeleReg period %d day(s);"
                        + " %d runs per side (median)%n",
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20,
                work,
                PARALLELISM,
                PARALLELISM,
                CHECKPOINT_INTERVAL.toSeconds(),
                periodDays,
                runs);
        Configuration config = FraudJob.configuration(settings(
                work.resolve("unused.csv"),
                work.resolve("unused-sms.csv"),
                "",
                "",
                work.resolve("checkpoints"),
                1,
                false));
        try (MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration.Builder()
                .setConfiguration(config)
                .setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(PARALLELISM)
                .build())) {
            cluster.start();
            StreamingComparison comparison = new StreamingComparison(cluster, work.resolve("checkpoints"), periodDays);
            if (teleRegOnly) {
                comparison.teleRegOnly(work, events, untimedRuns, runs);
            } else {
                comparison.compare(work, events, untimedRuns, runs);
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

    private void compare(Path work, long events, int untimedRuns, int runs) throws Exception {
        Generated pilot = pilot(work);
        System.out.printf(
                Locale.ROOT,
                "%n== warm-up and agreement: %,d calls and %,d SMS of %d subscribers over %d days%n",
                pilot.callRows(),
                pilot.smsRows(),
                PILOT_SUBSCRIBERS,
                DAYS);
        Run ourPilot = teleReg(pilot, true);
        report("TeleReg FraudJob", "warm-up", ourPilot, pilot.events());
        Run theirPilot = flinkNative(pilot, true);
        report("Flink-native job", "warm-up", theirPilot, pilot.events());
        agreement(ourPilot, theirPilot);

        Generated data = data(work, events, pilot);
        for (int run = 1; run <= untimedRuns; run++) {
            report("TeleReg FraudJob", "untimed " + run, teleReg(data, false), data.events());
            report("Flink-native job", "untimed " + run, flinkNative(data, false), data.events());
        }
        List<Run> ours = new ArrayList<>();
        List<Run> theirs = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            Run our = teleReg(data, false);
            report("TeleReg FraudJob", "run " + run, our, data.events());
            Run their = flinkNative(data, false);
            report("Flink-native job", "run " + run, their, data.events());
            System.out.printf(Locale.ROOT, "  flagged days: %s%n", sameFlaggedDays(our, their));
            ours.add(our);
            theirs.add(their);
        }
        if (runs == 0) {
            return;
        }
        Run our = median(ours);
        Run their = median(theirs);
        System.out.println();
        report("TeleReg FraudJob", "median", our, data.events());
        report("Flink-native job", "median", their, data.events());
        System.out.printf(
                Locale.ROOT,
                "ratio TeleReg / Flink-native (medians): %.2fx per CPU-second, %.2fx per wall second%n",
                their.cpuSeconds() / our.cpuSeconds(),
                their.wallSeconds() / our.wallSeconds());
        System.out.printf(
                Locale.ROOT,
                "TeleReg events per CPU-second: %,.0f (target 1,000,000); per core of the machine (wall × %d): %,.0f%n",
                data.events() / our.cpuSeconds(),
                Runtime.getRuntime().availableProcessors(),
                data.events() / our.wallSeconds() / Runtime.getRuntime().availableProcessors());
    }

    /** The TeleReg job alone, warmed up as in {@link #compare}, then run {@code runs} times on the large files. */
    private void teleRegOnly(Path work, long events, int untimedRuns, int runs) throws Exception {
        Generated pilot = pilot(work);
        report("TeleReg FraudJob", "warm-up", teleReg(pilot, true), pilot.events());
        Generated data = data(work, events, pilot);
        for (int run = 1; run <= untimedRuns + runs; run++) {
            String label = run <= untimedRuns ? "untimed " + run : "run " + (run - untimedRuns);
            report("TeleReg FraudJob", label, teleReg(data, false), data.events());
        }
    }

    /** The small files both jobs warm up on, and whose subscribers the large files' are like. */
    private static Generated pilot(Path work) throws IOException {
        return generated(GeneratorSettings.of(SEED, PILOT_SUBSCRIBERS).withDays(DAYS), work.resolve("pilot"));
    }

    /** The large files: about {@code events} calls and SMS of subscribers like the pilot's. */
    private static Generated data(Path work, long events, Generated pilot) throws IOException {
        double eventsPerSubscriber = (double) pilot.events() / PILOT_SUBSCRIBERS;
        int subscribers = (int) Math.ceil(events / eventsPerSubscriber);
        long started = System.nanoTime();
        Generated data = generated(
                GeneratorSettings.of(SEED + subscribers, subscribers).withDays(DAYS),
                work.resolve("subscribers-" + subscribers));
        System.out.printf(
                Locale.ROOT,
                "%n== %,d events: %,d calls and %,d SMS of %,d subscribers over %d days, %,.1f MB; %s in %.0f s%n",
                data.events(),
                data.callRows(),
                data.smsRows(),
                subscribers,
                DAYS,
                (Files.size(data.calls()) + Files.size(data.sms())) / 1048576.0,
                data.reused() ? "reused" : "generated",
                (System.nanoTime() - started) / 1e9);
        return data;
    }

    /**
     * What one run of a job took and wrote. Wall and CPU seconds are until the suspects sink saw the end of its
     * input; the totals include the wait for the last checkpoint after it.
     */
    private record Run(
            double wallSeconds,
            double cpuSeconds,
            double totalWallSeconds,
            double totalCpuSeconds,
            long peakHeap,
            String loadBefore,
            String loadAfter,
            long checkpoints,
            long failedCheckpoints,
            long largestCheckpoint,
            String checkpointFailures,
            List<ScoredWindow> verdicts,
            int rejected) {

        List<ScoredWindow> days() {
            return verdicts.stream().filter(v -> v.window().equals("day")).toList();
        }
    }

    private Run teleReg(Generated data, boolean allVerdicts) throws Exception {
        FraudJobSettings settings = settings(
                data.calls(), data.sms(), data.callsHeader(), data.smsHeader(), checkpoints, periodDays, allVerdicts);
        CollectingSink<ScoredWindow> verdicts = new CollectingSink<>();
        CollectingSink<Rejected> rejected = new CollectingSink<>();
        // The files as the job's command line reads them (FraudJob.of): lines as bytes.
        FraudJob job = new FraudJob(
                FraudJob.fileLines(List.of(data.calls())),
                FraudJob.fileLines(List.of(data.sms())),
                verdicts,
                rejected,
                settings,
                FraudModel.standard());
        return measure(job::build, FraudJob.configuration(settings), verdicts, rejected);
    }

    private Run flinkNative(Generated data, boolean allVerdicts) throws Exception {
        FraudJobSettings settings = settings(
                data.calls(), data.sms(), data.callsHeader(), data.smsHeader(), checkpoints, periodDays, allVerdicts);
        CollectingSink<ScoredWindow> verdicts = new CollectingSink<>();
        NativeFraudFeaturesJob job = new NativeFraudFeaturesJob(
                lines(data.calls()),
                lines(data.sms()),
                verdicts,
                data.callsHeader(),
                data.smsHeader(),
                OUT_OF_ORDERNESS,
                IDLENESS,
                ALLOWED_LATENESS,
                FraudModel.standard(),
                allVerdicts);
        // The TeleReg job's configuration: checkpoint interval and storage, state backend, no Kryo.
        return measure(job::build, FraudJob.configuration(settings), verdicts, null);
    }

    /**
     * Builds a job, runs it on the cluster and measures it: wall time, CPU time of this process, peak heap, and
     * the cluster's count of checkpoints and their largest state.
     */
    private Run measure(
            Consumer<StreamExecutionEnvironment> build,
            Configuration config,
            CollectingSink<ScoredWindow> verdicts,
            CollectingSink<Rejected> rejected)
            throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(config);
        build.accept(env);
        var jobGraph = env.getStreamGraph().getJobGraph();
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        System.gc();
        ProcessMemory.resetPeaks();
        String loadBefore = loadAverage();
        long cpuBefore = os.getProcessCpuTime();
        long started = System.nanoTime();
        cluster.executeJobBlocking(jobGraph);
        double wall = (System.nanoTime() - started) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpuBefore) / 1e9;
        long[] end = verdicts.endOfInput();
        long peakHeap = ProcessMemory.peakHeap();
        String loadAfter = loadAverage();
        CheckpointStatsSnapshot checkpoints =
                cluster.getArchivedExecutionGraph(jobGraph.getJobID()).get().getCheckpointStatsSnapshot();
        return new Run(
                end[0] == 0 ? wall : (end[0] - started) / 1e9,
                end[0] == 0 ? cpu : (end[1] - cpuBefore) / 1e9,
                wall,
                cpu,
                peakHeap,
                loadBefore,
                loadAfter,
                checkpoints.getCounts().getNumberOfCompletedCheckpoints(),
                checkpoints.getCounts().getNumberOfFailedCheckpoints(),
                checkpoints.getSummaryStats().getStateSizeStats().getMaximum(),
                failures(checkpoints),
                verdicts.take(),
                rejected == null ? 0 : rejected.take().size());
    }

    private static FraudJobSettings settings(
            Path calls,
            Path sms,
            String callsHeader,
            String smsHeader,
            Path checkpoints,
            int periodDays,
            boolean allVerdicts) {
        List<String> args = new ArrayList<>(List.of(
                "--bootstrap-servers",
                "unused:9092",
                "--calls-files",
                calls.toString(),
                "--sms-files",
                sms.toString(),
                "--period-days",
                Integer.toString(periodDays),
                "--period-anchor",
                START,
                "--out-of-orderness",
                OUT_OF_ORDERNESS.toMillis() + "ms",
                "--allowed-lateness",
                ALLOWED_LATENESS.toMillis() + "ms",
                "--idleness",
                IDLENESS.toMillis() + "ms",
                "--parallelism",
                Integer.toString(PARALLELISM),
                "--state-backend",
                "hashmap",
                "--checkpoint-dir",
                checkpoints.toUri().toString(),
                "--checkpoint-interval",
                CHECKPOINT_INTERVAL.toMillis() + "ms"));
        if (!callsHeader.isEmpty()) {
            args.addAll(List.of("--calls-header", callsHeader, "--sms-header", smsHeader));
        }
        if (allVerdicts) {
            args.add("--all-verdicts");
        }
        return FraudJobSettings.parse(args);
    }

    /** Text lines, as a Flink-native job reads a file. */
    private static FileSource<String> lines(Path file) {
        return FileSource.forRecordStreamFormat(
                        new TextLineInputFormat(StandardCharsets.UTF_8.name()),
                        org.apache.flink.core.fs.Path.fromLocalFile(file.toFile()))
                .build();
    }

    /** Why checkpoints failed, each reason once. */
    private static String failures(CheckpointStatsSnapshot checkpoints) {
        Set<String> reasons = new LinkedHashSet<>();
        for (AbstractCheckpointStats checkpoint : checkpoints.getHistory().getCheckpoints()) {
            if (checkpoint instanceof FailedCheckpointStats failed) {
                reasons.add(String.valueOf(failed.getFailureMessage()));
            }
        }
        return String.join("; ", reasons);
    }

    private static void report(String side, String label, Run result, long events) {
        System.out.printf(
                Locale.ROOT,
                "%-17s %s: %,d events in %6.1f s wall = %,9.0f events/s; %6.1f CPU-s = %,9.0f events per"
                        + " CPU-second (%.1f s, %.1f CPU-s with the last checkpoint); peak heap %,d MB; checkpoints %d (%d failed, largest %,.1f MB); %,d day and %,d"
                        + " to-date verdicts; load %s -> %s%n",
                side,
                label,
                events,
                result.wallSeconds(),
                events / result.wallSeconds(),
                result.cpuSeconds(),
                events / result.cpuSeconds(),
                result.totalWallSeconds(),
                result.totalCpuSeconds(),
                result.peakHeap() >> 20,
                result.checkpoints(),
                result.failedCheckpoints(),
                result.largestCheckpoint() / 1048576.0,
                result.days().size(),
                result.verdicts().size() - result.days().size(),
                result.loadBefore(),
                result.loadAfter());
        if (!result.checkpointFailures().isEmpty()) {
            System.out.printf(Locale.ROOT, "  failed checkpoints: %s%n", result.checkpointFailures());
        }
        if (result.rejected() > 0) {
            System.out.printf(Locale.ROOT, "  %,d records rejected (bad or late)%n", result.rejected());
        }
    }

    /**
     * Median wall time and median CPU time (each on its own), the largest peak heap and checkpoint, all runs'
     * checkpoints, the first run's verdicts.
     */
    private static Run median(List<Run> runs) {
        double[] walls = runs.stream().mapToDouble(Run::wallSeconds).sorted().toArray();
        double[] cpus = runs.stream().mapToDouble(Run::cpuSeconds).sorted().toArray();
        double[] totalWalls =
                runs.stream().mapToDouble(Run::totalWallSeconds).sorted().toArray();
        double[] totalCpus =
                runs.stream().mapToDouble(Run::totalCpuSeconds).sorted().toArray();
        int middle = (runs.size() - 1) / 2;
        return new Run(
                walls[middle],
                cpus[middle],
                totalWalls[middle],
                totalCpus[middle],
                runs.stream().mapToLong(Run::peakHeap).max().orElse(0),
                runs.get(0).loadBefore(),
                runs.get(runs.size() - 1).loadAfter(),
                runs.stream().mapToLong(Run::checkpoints).sum(),
                runs.stream().mapToLong(Run::failedCheckpoints).sum(),
                runs.stream().mapToLong(Run::largestCheckpoint).max().orElse(0),
                "",
                runs.get(0).verdicts(),
                runs.get(0).rejected());
    }

    /** Whether both jobs flagged the same subscribers on the same days. */
    private static String sameFlaggedDays(Run our, Run their) {
        Map<String, ScoredWindow> ours = byDay(our.days());
        Map<String, ScoredWindow> theirs = byDay(their.days());
        long same = ours.keySet().stream().filter(theirs::containsKey).count();
        return String.format(
                Locale.ROOT,
                "TeleReg %,d, native %,d, both %,d: %s",
                ours.size(),
                theirs.size(),
                same,
                same == ours.size() && same == theirs.size() ? "agree" : "DIFFER");
    }

    /**
     * Compares every day verdict of the two jobs (both wrote all of them): the same subscribers and days, the same
     * flags, and feature by feature the same values; prints the features that differ and some sums.
     */
    private static void agreement(Run our, Run their) {
        Map<String, ScoredWindow> ours = byDay(our.days());
        Map<String, ScoredWindow> theirs = byDay(their.days());
        int both = 0;
        int sameFlag = 0;
        int sameFeatures = 0;
        int width = Feature.values().length;
        int[] differing = new int[width];
        double[] ourSums = new double[width];
        double[] theirSums = new double[width];
        for (Map.Entry<String, ScoredWindow> entry : ours.entrySet()) {
            ScoredWindow their1 = theirs.get(entry.getKey());
            if (their1 == null) {
                continue;
            }
            both++;
            ScoredWindow our1 = entry.getValue();
            if (our1.flagged() == their1.flagged()) {
                sameFlag++;
            }
            if (our1.features().equals(their1.features())) {
                sameFeatures++;
            }
            String[] a = our1.features().split(",", -1);
            String[] b = their1.features().split(",", -1);
            for (int f = 0; f < width; f++) {
                if (!a[f].equals(b[f])) {
                    differing[f]++;
                }
                ourSums[f] += a[f].isEmpty() ? 0 : Double.parseDouble(a[f]);
                theirSums[f] += b[f].isEmpty() ? 0 : Double.parseDouble(b[f]);
            }
        }
        boolean agree = both == ours.size() && both == theirs.size() && sameFlag == both && sameFeatures == both;
        System.out.printf(
                Locale.ROOT,
                "agreement: %s — day verdicts TeleReg %,d, native %,d, both %,d; same flag %,d, same features %,d;"
                        + " flagged TeleReg %,d, native %,d%n",
                agree ? "agree" : "DIFFER",
                ours.size(),
                theirs.size(),
                both,
                sameFlag,
                sameFeatures,
                ours.values().stream().filter(ScoredWindow::flagged).count(),
                theirs.values().stream().filter(ScoredWindow::flagged).count());
        Map<String, Integer> differ = new TreeMap<>();
        for (int f = 0; f < width; f++) {
            if (differing[f] > 0) {
                differ.put(Feature.values()[f].code(), differing[f]);
            }
        }
        if (!differ.isEmpty()) {
            System.out.println("  features that differ (day verdicts): " + differ);
        }
        StringBuilder sums = new StringBuilder("  sums over the day verdicts of both (TeleReg / native):");
        for (Feature feature : SUMMED) {
            sums.append(String.format(
                    Locale.ROOT,
                    " %s %.1f / %.1f;",
                    feature.code(),
                    ourSums[feature.ordinal()],
                    theirSums[feature.ordinal()]));
        }
        System.out.println(sums);
    }

    private static Map<String, ScoredWindow> byDay(List<ScoredWindow> verdicts) {
        Map<String, ScoredWindow> byDay = new HashMap<>();
        for (ScoredWindow verdict : verdicts) {
            if (byDay.put(verdict.subscriber() + ' ' + verdict.from(), verdict) != null) {
                throw new IllegalStateException(
                        "two day verdicts for " + verdict.subscriber() + " on " + verdict.from());
            }
        }
        return byDay;
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "?";
        }
    }

    /** Generated calls and SMS files, their headers and rows, and whether they were already there. */
    private record Generated(
            Path calls, Path sms, String callsHeader, String smsHeader, long callRows, long smsRows, boolean reused) {

        long events() {
            return callRows + smsRows;
        }
    }

    /**
     * The files of {@code settings} in {@code directory}: reused when a description written after an earlier
     * generation names the same settings and the files still have the sizes they had, generated otherwise.
     */
    private static Generated generated(GeneratorSettings settings, Path directory) throws IOException {
        Path description = directory.resolve("generated.properties");
        Path calls = directory.resolve("calls.csv");
        Path sms = directory.resolve("sms.csv");
        boolean reused = false;
        Properties written = new Properties();
        if (Files.isRegularFile(description) && Files.isRegularFile(calls) && Files.isRegularFile(sms)) {
            try (Reader in = Files.newBufferedReader(description, StandardCharsets.UTF_8)) {
                written.load(in);
            }
            reused = settings.toString().equals(written.getProperty("settings"))
                    && String.valueOf(Files.size(calls)).equals(written.getProperty("callsBytes"))
                    && String.valueOf(Files.size(sms)).equals(written.getProperty("smsBytes"));
        }
        if (!reused) {
            Files.deleteIfExists(description);
            GeneratedCdrs data = new CdrGenerator(settings).writeTo(directory);
            written = new Properties();
            written.setProperty("settings", settings.toString());
            written.setProperty("callRows", String.valueOf(data.callRows()));
            written.setProperty("smsRows", String.valueOf(data.smsRows()));
            written.setProperty("callsBytes", String.valueOf(Files.size(data.calls())));
            written.setProperty("smsBytes", String.valueOf(Files.size(data.sms())));
            try (Writer out = Files.newBufferedWriter(description, StandardCharsets.UTF_8)) {
                written.store(out, "written by StreamingComparison after generating this directory's files");
            }
        }
        return new Generated(
                calls,
                sms,
                firstLine(calls),
                firstLine(sms),
                Long.parseLong(written.getProperty("callRows")),
                Long.parseLong(written.getProperty("smsRows")),
                reused);
    }

    private static String firstLine(Path file) throws IOException {
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.findFirst().orElseThrow(() -> new IOException(file + " is empty"));
        }
    }
}
