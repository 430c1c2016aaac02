package org.telereg.engine.fraud;

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
 * {@code telereg fraud-train}: fits a model to CDR files and ground truth, and writes the model file
 * (docs/fraud-model.md).
 *
 * <pre>
 * fraud-train --calls FILE [--sms FILE] [--users FILE] --labels FILE --out MODEL
 *             [--base-model FILE] [--short-call-seconds N] [--night-hours FROM-TO] [--sequential-step N]
 *             [--late-days N] [--l2 X] [--clip X] [--reasons N] [--reason-min X] [--threads N] [--bad-rows N]
 * </pre>
 *
 * <p>Labels: a CSV with {@code phone_no_m} and {@code label} (1 fraud, 0 not) in any order, such as the
 * contest's users file. Feature settings come from the base model (default: the shipped model) unless given.
 * Exit codes: 0 written, 1 input refused, 2 wrong command line.
 */
public final class FraudTrainCommand {

    static final String USAGE = """
            usage: fraud-train --calls FILE [--sms FILE] [--users FILE] --labels FILE --out MODEL
                               [--base-model FILE] [--short-call-seconds N] [--night-hours FROM-TO]
                               [--sequential-step N] [--late-days N] [--l2 X] [--clip X] [--reasons N]
                               [--reason-min X] [--threads N] [--bad-rows N]
              --labels              CSV with phone_no_m and label (1 fraud, 0 not), e.g. the contest users file
              --out                 model file to write
              --base-model          take feature settings from this model (default: the shipped model)
              --short-call-seconds  connected calls shorter than this are short
              --night-hours         night as FROM-TO hours, e.g. 0-6 or 23-5
              --sequential-step     largest distance between callees dialled in sequence
              --late-days           length of the late window at the end of the input
              --l2                  L2 penalty (default 0.001)
              --clip                clip standardised values to +-X (default 5)
              --reasons             reasons per subscriber (default 3)
              --reason-min          smallest log-odds contribution that is a reason (default 0.5)
            """;

    private static final int TOP_WEIGHTS = 10;

    private FraudTrainCommand() {}

    /** Runs the command; returns the exit code. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        try {
            Options options = Options.parse(
                    "fraud-train",
                    args,
                    Set.of(
                            "calls",
                            "sms",
                            "users",
                            "labels",
                            "out",
                            "base-model",
                            "short-call-seconds",
                            "night-hours",
                            "sequential-step",
                            "late-days",
                            "l2",
                            "clip",
                            "reasons",
                            "reason-min",
                            "threads",
                            "bad-rows"),
                    Set.of());
            CdrFiles files = new CdrFiles(options.requiredPath("calls"), options.path("sms"), options.path("users"));
            Path labelsFile = options.requiredPath("labels");
            Path output = options.requiredPath("out");
            boolean allSettingsGiven = options.has("short-call-seconds")
                    && options.has("night-hours")
                    && options.has("sequential-step")
                    && options.has("late-days");
            FraudModel base = options.has("base-model")
                    ? FraudModel.read(options.path("base-model"))
                    : allSettingsGiven ? null : FraudModel.standard();
            FeatureSettings settings = settings(options, base == null ? null : base.settings());
            TrainingSettings defaults = TrainingSettings.defaults();
            TrainingSettings training;
            try {
                training = new TrainingSettings(
                        options.decimal("l2", defaults.l2()),
                        defaults.maxIterations(),
                        options.decimal("clip", defaults.clip()),
                        options.integer("reasons", defaults.reasons()),
                        options.decimal("reason-min", defaults.reasonMinContribution()));
            } catch (IllegalArgumentException e) {
                throw new Options.UsageException(e.getMessage());
            }
            int threads = options.integer("threads", Runtime.getRuntime().availableProcessors());
            int badRows = options.integer("bad-rows", 20);
            if (threads < 1 || badRows < 0) {
                throw new Options.UsageException("--threads must be at least 1 and --bad-rows at least 0");
            }

            Labels labels = Labels.read(labelsFile, badRows);
            out.printf(
                    Locale.ROOT,
                    "labels %s: %,d subscribers, %,d bad rows%n",
                    labelsFile,
                    labels.fraud.size(),
                    labels.badRows);
            for (BadRow row : labels.firstBadRows) {
                out.println("    " + row);
            }
            FeatureExtraction extraction = FraudFeatures.with(settings)
                    .withThreads(threads)
                    .withBadRowsToReport(badRows)
                    .withProgress(ScanSummary.progress(out, files))
                    .extract(files);
            ScanSummary.inputs(out, extraction);
            FeatureTable table = extraction.features();
            long labelled = 0;
            long fraud = 0;
            for (int row = 0; row < table.size(); row++) {
                Boolean label = labels.fraud.get(table.subscriber(row));
                if (label != null) {
                    labelled++;
                    fraud += label ? 1 : 0;
                }
            }
            out.printf(
                    Locale.ROOT,
                    "training on %,d labelled subscribers (%,d fraud) of %,d in the CDRs%n",
                    labelled,
                    fraud,
                    table.size());
            FraudModel model = FraudModel.train(table, labels.fraud, training);
            Quality quality = model.quality(table, labels.fraud);
            String provenance = String.format(
                    Locale.ROOT,
                    "# Trained by fraud-train on %s (%,d rows)%s%s with labels %s:%n"
                            + "# %,d labelled subscribers, %,d fraud; on the training data precision %.3f, recall"
                            + " %.3f, F1 %.3f.%n",
                    files.calls().getFileName(),
                    extraction.inputs().stream()
                            .filter(r -> r.kind().equals("calls"))
                            .mapToLong(InputReport::rows)
                            .sum(),
                    files.sms() == null ? "" : ", " + files.sms().getFileName(),
                    files.users() == null ? "" : ", " + files.users().getFileName(),
                    labelsFile.getFileName(),
                    labelled,
                    fraud,
                    quality.precision(),
                    quality.recall(),
                    quality.f1());
            Files.writeString(output, provenance + model.format(), StandardCharsets.UTF_8);
            out.printf(
                    Locale.ROOT,
                    "on the training data: precision %.3f, recall %.3f, F1 %.3f at threshold %.2f%n",
                    quality.precision(),
                    quality.recall(),
                    quality.f1(),
                    model.threshold());
            List<Feature> features = new ArrayList<>(List.of(Feature.values()));
            features.sort(Comparator.comparingDouble((Feature f) -> -Math.abs(model.weight(f))));
            out.println("largest weights (per standard deviation):");
            for (Feature feature : features.subList(0, TOP_WEIGHTS)) {
                out.printf(Locale.ROOT, "  %-22s %+.3f%n", feature.code(), model.weight(feature));
            }
            out.println("wrote " + output);
            return 0;
        } catch (Options.UsageException | IOException | IllegalArgumentException | OutOfMemoryError e) {
            return CommandFailures.report("fraud-train", USAGE, e, err);
        }
    }

    /** The settings given as options, the others from {@code base} (null when all are given). */
    private static FeatureSettings settings(Options options, FeatureSettings base) {
        int nightFrom = base == null ? 0 : base.nightStartHour();
        int nightTo = base == null ? 0 : base.nightEndHour();
        if (options.has("night-hours")) {
            String[] hours = options.text("night-hours").split("-");
            try {
                if (hours.length != 2) {
                    throw new NumberFormatException();
                }
                nightFrom = Integer.parseInt(hours[0].strip());
                nightTo = Integer.parseInt(hours[1].strip());
            } catch (NumberFormatException e) {
                throw new Options.UsageException("--night-hours must be FROM-TO, e.g. 0-6");
            }
        }
        try {
            return new FeatureSettings(
                    options.integer("short-call-seconds", base == null ? 0 : base.shortCallSeconds()),
                    nightFrom,
                    nightTo,
                    options.longInteger("sequential-step", base == null ? 0 : base.sequentialStep()),
                    options.integer("late-days", base == null ? 0 : base.lateDays()));
        } catch (IllegalArgumentException e) {
            throw new Options.UsageException(e.getMessage());
        }
    }
}
