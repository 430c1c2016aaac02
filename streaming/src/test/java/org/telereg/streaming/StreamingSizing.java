package org.telereg.streaming;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.telereg.engine.fraud.CallRecord;
import org.telereg.engine.fraud.CdrGenerator;
import org.telereg.engine.fraud.CdrRow;
import org.telereg.engine.fraud.CdrRowParser;
import org.telereg.engine.fraud.CompactFeatureAccumulator;
import org.telereg.engine.fraud.FraudModel;
import org.telereg.engine.fraud.GeneratedCdrs;
import org.telereg.engine.fraud.GeneratorSettings;

/**
 * The state figures of docs/streaming.md, "Sizing": serialized and heap bytes per subscriber ({@link
 * StreamingThroughput} measures the job's records per CPU-second). Not a test (it asserts nothing): run it by hand with
 * {@code java -cp … org.telereg.streaming.StreamingSizing SUBSCRIBERS DAYS}.
 */
public final class StreamingSizing {

    private StreamingSizing() {}

    public static void main(String[] args) throws Exception {
        int subscribers = Integer.parseInt(args[0]);
        int days = Integer.parseInt(args[1]);
        Path dir = Files.createTempDirectory("telereg-sizing");
        GeneratedCdrs cdrs =
                new CdrGenerator(GeneratorSettings.of(20201101, subscribers).withDays(days)).writeTo(dir);
        System.out.printf(
                "generated %,d calls and %,d SMS of %,d subscribers over %d days%n",
                cdrs.callRows(), cdrs.smsRows(), subscribers, days);
        state(cdrs);
    }

    /** Serialized bytes (what RocksDB and checkpoints hold) of each subscriber's accumulators, and heap bytes. */
    private static void state(GeneratedCdrs cdrs) throws Exception {
        FraudModel model = FraudModel.standard();
        List<String> lines = Files.readAllLines(cdrs.calls());
        CdrRowParser parser = CdrRowParser.calls("calls", lines.get(0));
        Map<String, CompactFeatureAccumulator> periods = new HashMap<>();
        Map<String, Map<Long, CompactFeatureAccumulator>> daysBySubscriber = new HashMap<>();
        System.gc();
        long heapBefore = usedHeap();
        long started = System.nanoTime();
        for (String line : lines.subList(1, lines.size())) {
            CdrRow row = parser.parse(line);
            if (row instanceof CallRecord call) {
                periods.computeIfAbsent(call.subscriber(), k -> new CompactFeatureAccumulator())
                        .call(call, model.settings());
            }
        }
        double engineSeconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(
                "engine alone (CdrRowParser and CompactFeatureAccumulator, one thread, first pass): %,.0f calls/s%n",
                (lines.size() - 1) / engineSeconds);
        System.gc();
        long heap = usedHeap() - heapBefore;
        long serialized = 0;
        long largest = 0;
        for (CompactFeatureAccumulator accumulator : periods.values()) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            accumulator.write(new DataOutputStream(bytes));
            serialized += bytes.size();
            largest = Math.max(largest, bytes.size());
        }
        for (String line : lines.subList(1, lines.size())) {
            CdrRow row = parser.parse(line);
            if (row instanceof CallRecord call
                    && FraudWindows.day(call.time()) == FraudWindows.day(firstTime(lines, parser))) {
                daysBySubscriber
                        .computeIfAbsent(call.subscriber(), k -> new HashMap<>())
                        .computeIfAbsent(0L, k -> new CompactFeatureAccumulator())
                        .call(call, model.settings());
            }
        }
        long daySerialized = 0;
        int dayCount = 0;
        for (Map<Long, CompactFeatureAccumulator> days : daysBySubscriber.values()) {
            for (CompactFeatureAccumulator accumulator : days.values()) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                accumulator.write(new DataOutputStream(bytes));
                daySerialized += bytes.size();
                dayCount++;
            }
        }
        System.out.printf(
                "period state: %,d subscribers, serialized %,d bytes per subscriber (largest %,d), heap about %,d"
                        + " bytes per subscriber; one day: serialized %,d bytes per active subscriber%n",
                periods.size(),
                serialized / periods.size(),
                largest,
                heap / periods.size(),
                daySerialized / Math.max(1, dayCount));
    }

    private static long firstTime(List<String> lines, CdrRowParser parser) {
        return ((CallRecord) parser.parse(lines.get(1))).time();
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
