package org.telereg.streaming;

import java.io.BufferedReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.telereg.engine.fraud.CdrGenerator;
import org.telereg.engine.fraud.FraudModel;
import org.telereg.engine.fraud.GeneratedCdrs;
import org.telereg.engine.fraud.GeneratorSettings;

/**
 * Records per CPU-second of the whole job on a local MiniCluster (parallelism 1, heap state by default) over files
 * of generated traffic, for docs/streaming.md. Not a test (it asserts nothing and times): run it by hand with
 * {@code java -cp … org.telereg.streaming.StreamingThroughput SUBSCRIBERS DAYS [hashmap|rocksdb] [RUNS]}.
 *
 * <p>It prints, per run, the process's CPU time (every thread: tasks, garbage collector, JIT compiler, the
 * MiniCluster's own threads, its start-up included) and the CPU time of the job's task threads alone (sampled
 * every 100 ms while they live, since they end with the job), each as records per CPU-second. The files are
 * generated once per size into the temporary directory and kept for later runs.
 */
public final class StreamingThroughput {

    private StreamingThroughput() {}

    public static void main(String[] args) throws Exception {
        int subscribers = Integer.parseInt(args[0]);
        int days = Integer.parseInt(args[1]);
        String backend = args.length > 2 ? args[2] : "hashmap";
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "telereg-throughput-" + subscribers + "-" + days);
        GeneratedCdrs cdrs = new CdrGenerator(
                        GeneratorSettings.of(20201101, subscribers).withDays(days))
                .writeTo(Files.createDirectories(dir));
        long records = cdrs.callRows() + cdrs.smsRows();
        System.out.printf(
                "%,d calls and %,d SMS of %,d subscribers over %d days; %s state%n",
                cdrs.callRows(), cdrs.smsRows(), subscribers, days, backend);
        for (int run = 1; run <= runs; run++) {
            run(cdrs, backend, records, run);
        }
    }

    private static void run(GeneratedCdrs cdrs, String backend, long records, int run) throws Exception {
        FraudJobSettings settings = FraudJobSettings.parse(List.of(
                "--bootstrap-servers",
                "unused:9092",
                "--calls-files",
                cdrs.calls().toString(),
                "--sms-files",
                cdrs.sms().toString(),
                "--calls-header",
                header(cdrs.calls()),
                "--sms-header",
                header(cdrs.sms()),
                "--period-days",
                "30",
                "--period-anchor",
                "2020-03-01",
                "--allowed-lateness",
                "31d",
                "--parallelism",
                "1",
                "--state-backend",
                backend,
                "--checkpoint-dir",
                Files.createTempDirectory("telereg-checkpoints").toUri().toString(),
                "--checkpoint-interval",
                "10s"));
        Configuration config = FraudJob.configuration(settings);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1, config);
        FraudJob job = new FraudJob(
                FraudJob.fileLines(List.of(cdrs.calls())),
                FraudJob.fileLines(List.of(cdrs.sms())),
                new CollectingSink<>(),
                new CollectingSink<>(),
                settings,
                FraudModel.standard());
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        TaskThreads tasks = new TaskThreads();
        tasks.start();
        long cpuBefore = os.getProcessCpuTime();
        long start = System.nanoTime();
        job.execute(env);
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpuBefore) / 1e9;
        tasks.interrupt();
        tasks.join();
        double taskCpu = tasks.cpuNanos() / 1e9;
        System.out.printf(
                "run %d: %.1f s wall; process %.1f CPU-s = %,.0f records per CPU-second; task threads %.1f CPU-s"
                        + " = %,.0f records per CPU-second; load %s%n",
                run, seconds, cpu, records / cpu, taskCpu, records / taskCpu, loadAverage());
        tasks.byName().entrySet().stream()
                .filter(thread -> thread.getValue() >= 50_000_000L)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(
                        thread -> System.out.printf("    %6.2f CPU-s  %s%n", thread.getValue() / 1e9, thread.getKey()));
    }

    /** The first line of a file, without reading the rest. */
    private static String header(Path file) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file)) {
            return in.readLine();
        }
    }

    private static String loadAverage() throws Exception {
        return Files.readString(Path.of("/proc/loadavg")).trim();
    }

    /** Samples the CPU time of Flink's task threads (named "… (1/1)#…") until interrupted. */
    private static final class TaskThreads extends Thread {
        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        private final Map<Long, Long> cpu = new HashMap<>();
        private final Map<Long, String> names = new HashMap<>();

        TaskThreads() {
            setDaemon(true);
        }

        @Override
        public void run() {
            while (!isInterrupted()) {
                sample();
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    break;
                }
            }
            sample();
        }

        private synchronized void sample() {
            for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (info != null && info.getThreadName().contains("(1/1)#")) {
                    long nanos = threads.getThreadCpuTime(info.getThreadId());
                    if (nanos > 0) {
                        cpu.merge(info.getThreadId(), nanos, Math::max);
                        names.put(info.getThreadId(), info.getThreadName());
                    }
                }
            }
        }

        synchronized long cpuNanos() {
            return cpu.values().stream().mapToLong(Long::longValue).sum();
        }

        synchronized Map<String, Long> byName() {
            Map<String, Long> byName = new HashMap<>();
            cpu.forEach((id, nanos) -> byName.merge(names.get(id).replaceAll("#\\d+$", ""), nanos, Long::sum));
            return byName;
        }
    }
}
