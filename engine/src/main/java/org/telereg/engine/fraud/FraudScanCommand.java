package org.telereg.engine.fraud;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code telereg fraud-scan}: scores every subscriber of a set of CDR files and writes one row per subscriber.
 *
 * <pre>
 * fraud-scan --calls FILE [--sms FILE] [--users FILE] [--model FILE] --out FILE
 *            [--features FILE] [--labels FILE] [--threads N] [--bad-rows N]
 * </pre>
 *
 * <p>The output has the header {@code phone_no_m,score,flag,reasons}: score 0..1 with four decimals, flag 0 or
 * 1, reasons as {@code code=value} joined by {@code ;}; one row per subscriber that appears as {@code phone_no_m}
 * in the calls or SMS file, sorted by number. Exit codes: 0 done (bad rows are reported, not fatal), 1 input
 * refused (missing or unreadable file, not the schema, bad model file, no valid call record), 2 wrong command
 * line.
 */
public final class FraudScanCommand {

    static final String USAGE = """
            usage: fraud-scan --calls FILE [--sms FILE] [--users FILE] [--model FILE] --out FILE
                              [--features FILE] [--labels FILE] [--threads N] [--bad-rows N]
              --calls     calls CSV (phone_no_m,opposite_no_m,calltype_id,start_datetime,call_dur,
                          city_name,county_name,imei_m), plain or gzip
              --sms       SMS CSV (phone_no_m,opposite_no_m,calltype_id,request_datetime)
              --users     users CSV (phone_no_m,city_name,county_name,idcard_cnt)
              --model     model file (default: the model shipped with TeleReg)
              --out       suspects CSV to write: phone_no_m,score,flag,reasons
              --features  also write every subscriber's features to this CSV
              --labels    ground truth (phone_no_m,label[,archetype]): print precision, recall and F1
              --threads   worker threads (default: number of processors)
              --bad-rows  bad rows to list per file (default 20; all are counted)
            """;

    private static final int TOP_SUSPECTS = 10;

    private FraudScanCommand() {}

    /** Runs the command; returns the exit code. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        try {
            Options options = Options.parse(
                    "fraud-scan",
                    args,
                    Set.of("calls", "sms", "users", "model", "out", "features", "labels", "threads", "bad-rows"),
                    Set.of());
            CdrFiles files = new CdrFiles(options.requiredPath("calls"), options.path("sms"), options.path("users"));
            Path output = options.requiredPath("out");
            int threads = options.integer("threads", Runtime.getRuntime().availableProcessors());
            int badRows = options.integer("bad-rows", 20);
            if (threads < 1 || badRows < 0) {
                throw new Options.UsageException("--threads must be at least 1 and --bad-rows at least 0");
            }
            FraudModel model = options.has("model") ? FraudModel.read(options.path("model")) : FraudModel.standard();
            Labels labels = options.has("labels") ? Labels.read(options.path("labels"), badRows) : null;
            return scan(files, model, output, options.path("features"), labels, threads, badRows, out, err);
        } catch (Options.UsageException | IOException | IllegalArgumentException | OutOfMemoryError e) {
            return CommandFailures.report("fraud-scan", USAGE, e, err);
        }
    }

    /**
     * Precision, recall and F1 against the labels; with an archetype column, per archetype the share flagged
     * (recall for fraud archetypes, false-positive rate for the others) and, for fraud archetypes, F1 against all
     * legitimate subscribers.
     */
    private static void quality(PrintStream out, FeatureTable table, FraudModel model, Labels labels) {
        Quality quality = model.quality(table, labels.fraud);
        out.printf(
                Locale.ROOT,
                "against %,d labels: precision %.3f, recall %.3f, F1 %.3f (%d true, %d false positives, %d missed)%n",
                quality.total(),
                quality.precision(),
                quality.recall(),
                quality.f1(),
                quality.truePositives(),
                quality.falsePositives(),
                quality.falseNegatives());
        if (labels.archetypes.isEmpty()) {
            return;
        }
        java.util.Map<String, long[]> counts = new java.util.TreeMap<>();
        java.util.Map<String, Boolean> fraudArchetype = new java.util.HashMap<>();
        for (int row = 0; row < table.size(); row++) {
            String subscriber = table.subscriber(row);
            String archetype = labels.archetypes.get(subscriber);
            Boolean fraud = labels.fraud.get(subscriber);
            if (archetype != null && fraud != null) {
                long[] c = counts.computeIfAbsent(archetype, a -> new long[2]);
                c[0]++;
                c[1] += model.score(table, row).flagged() ? 1 : 0;
                fraudArchetype.put(archetype, fraud);
            }
        }
        out.println("  archetype        kind        subscribers  flagged  share  F1 vs legitimate");
        for (var entry : counts.entrySet()) {
            long[] c = entry.getValue();
            boolean fraud = fraudArchetype.get(entry.getKey());
            String f1 = fraud
                    ? String.format(
                            Locale.ROOT, "%.3f", new Quality(c[1], quality.falsePositives(), c[0] - c[1], 0).f1())
                    : "";
            out.printf(
                    Locale.ROOT,
                    "  %-16s %-10s %12d %8d  %5.3f  %s%n",
                    entry.getKey(),
                    fraud ? "fraud" : "legitimate",
                    c[0],
                    c[1],
                    (double) c[1] / c[0],
                    f1);
        }
    }

    private static int scan(
            CdrFiles files,
            FraudModel model,
            Path output,
            Path featuresOutput,
            Labels labels,
            int threads,
            int badRows,
            PrintStream out,
            PrintStream err)
            throws IOException {
        long started = System.nanoTime();
        out.printf(Locale.ROOT, "fraud-scan: %s, %d threads%n", model, threads);
        FeatureExtraction extraction = FraudFeatures.with(model.settings())
                .withThreads(threads)
                .withBadRowsToReport(badRows)
                .withProgress(ScanSummary.progress(out, files))
                .extract(files);
        ScanSummary.inputs(out, extraction);
        FeatureTable table = extraction.features();
        if (table.size() == 0) {
            err.println("fraud-scan: no valid call or SMS record in the input; nothing to score");
            return 1;
        }
        List<Integer> flaggedRows = new ArrayList<>();
        double[] scores = new double[table.size()];
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (BufferedWriter writer = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            writer.write("phone_no_m,score,flag,reasons\n");
            for (int row = 0; row < table.size(); row++) {
                Verdict verdict = model.score(table, row);
                scores[row] = verdict.score();
                if (verdict.flagged()) {
                    flaggedRows.add(row);
                }
                writer.write(ScanSummary.csv(table.subscriber(row)));
                writer.write(String.format(Locale.ROOT, ",%.4f,%d,", verdict.score(), verdict.flagged() ? 1 : 0));
                writer.write(verdict.reasonCodes());
                writer.write('\n');
            }
        }
        if (featuresOutput != null) {
            try (BufferedWriter writer = Files.newBufferedWriter(featuresOutput, StandardCharsets.UTF_8)) {
                table.writeCsv(writer);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        out.printf(
                Locale.ROOT,
                "subscribers: %,d, flagged: %,d (%.1f%%)%n",
                table.size(),
                flaggedRows.size(),
                100.0 * flaggedRows.size() / table.size());
        flaggedRows.sort(
                Comparator.comparingDouble((Integer row) -> -scores[row]).thenComparing(row -> row));
        if (!flaggedRows.isEmpty()) {
            out.println("top suspects:");
            for (int row : flaggedRows.subList(0, Math.min(TOP_SUSPECTS, flaggedRows.size()))) {
                out.printf(
                        Locale.ROOT,
                        "  %s %.4f %s%n",
                        table.subscriber(row),
                        scores[row],
                        model.score(table, row).reasonCodes());
            }
        }
        if (labels != null) {
            quality(out, table, model, labels);
        }
        out.printf(
                Locale.ROOT,
                "wrote %s in %.1f s (%,.0f rows/s)%n",
                output,
                seconds,
                extraction.rows() / Math.max(seconds, 1e-9));
        return 0;
    }
}
