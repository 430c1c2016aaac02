package org.telereg.bench;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The benchmark jar's entry point: {@code java -jar telereg-benchmarks.jar} lists the side-by-side runs, {@code
 * java -jar telereg-benchmarks.jar <run> [arguments]} starts one (the same as {@code java -cp … org.telereg.bench.<run>
 * [arguments]}), and {@code java -jar telereg-benchmarks.jar jmh [JMH options]} runs the JMH benchmarks ({@code -l}
 * lists them, a name pattern picks some).
 */
public final class Benchmarks {

    /** A run's entry point. */
    private interface Run {
        void main(String[] args) throws Exception;
    }

    private static final Map<String, Run> RUNS = new LinkedHashMap<>();

    static {
        RUNS.put("PhoneLookupComparison", PhoneLookupComparison::main);
        RUNS.put("NumberSetComparison", NumberSetComparison::main);
        RUNS.put("FraudFeaturesComparison", FraudFeaturesComparison::main);
        RUNS.put("StreamingComparison", StreamingComparison::main);
        RUNS.put("SmsScreeningComparison", SmsScreeningComparison::main);
        RUNS.put("MeasurementImportBenchmark", MeasurementImportBenchmark::main);
        RUNS.put("IpPrefixBenchmark", IpPrefixBenchmark::main);
        RUNS.put("FilingCrossCheckBenchmark", FilingCrossCheckBenchmark::main);
    }

    private Benchmarks() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            usage(System.out);
            return;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        if (args[0].equals("jmh")) {
            org.openjdk.jmh.Main.main(rest);
            return;
        }
        Run run = RUNS.get(args[0]);
        if (run == null) {
            System.err.println("No run named " + args[0] + ".");
            usage(System.err);
            System.exit(2);
        }
        run.main(rest);
    }

    private static void usage(PrintStream out) {
        out.println("Usage: java -jar telereg-benchmarks.jar <run> [arguments]   (docs/benchmarks.md and the run's own"
                + " documentation give the arguments)");
        out.println("       java -jar telereg-benchmarks.jar jmh [JMH options]   (-l lists the JMH benchmarks)");
        out.println("Runs:");
        RUNS.keySet().forEach(name -> out.println("  " + name));
    }
}
