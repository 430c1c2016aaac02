package org.telereg.engine.fraud;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scores subscribers from their {@link Feature features}: logistic regression over standardised features, each
 * count first taken as {@code log(1 + x)}. Everything that decides a score — the feature settings, each
 * feature's transform, mean, spread and weight, the flag threshold and what counts as a reason — is data, read
 * from a model file (docs/fraud-model.md), and {@link #train} fits it to labelled data.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class FraudModel {

    static final String MAGIC = "telereg-fraud-model 1";
    private static final int WIDTH = Feature.count();

    private final FeatureSettings settings;
    private final double threshold;
    private final double clip;
    private final int reasons;
    private final double reasonMinContribution;
    private final double intercept;
    private final boolean[] used;
    private final boolean[] logged;
    private final double[] means;
    private final double[] spreads;
    private final double[] weights;

    private FraudModel(
            FeatureSettings settings,
            double threshold,
            double clip,
            int reasons,
            double reasonMinContribution,
            double intercept,
            boolean[] used,
            boolean[] logged,
            double[] means,
            double[] spreads,
            double[] weights) {
        this.settings = settings;
        this.threshold = threshold;
        this.clip = clip;
        this.reasons = reasons;
        this.reasonMinContribution = reasonMinContribution;
        this.intercept = intercept;
        this.used = used;
        this.logged = logged;
        this.means = means;
        this.spreads = spreads;
        this.weights = weights;
    }

    /** The model shipped in the engine jar, trained on generated data (docs/fraud-model.md). */
    public static FraudModel standard() {
        return Standard.MODEL;
    }

    private static final class Standard {
        // The JVM initialises this holder on first access, exactly once, and safely publishes the result.
        static final FraudModel MODEL = load();

        private static FraudModel load() {
            try (InputStream in = FraudModel.class.getResourceAsStream("default-model.txt")) {
                if (in == null) {
                    throw new IllegalStateException("default-model.txt is missing from the engine jar");
                }
                return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "default-model.txt");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Reads a model file.
     *
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException naming the file and line of the first problem
     */
    public static FraudModel read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /**
     * Parses the text of a model file; {@code source} names it in error messages.
     *
     * @throws IllegalArgumentException naming the line of the first problem
     */
    public static FraudModel parse(String text, String source) {
        Integer shortCall = null;
        int[] night = null;
        Long step = null;
        Integer lateDays = null;
        Double threshold = null;
        Double clip = null;
        Integer reasons = null;
        Double reasonMin = null;
        Double intercept = null;
        boolean magic = false;
        boolean[] used = new boolean[WIDTH];
        boolean[] logged = new boolean[WIDTH];
        double[] means = new double[WIDTH];
        double[] spreads = new double[WIDTH];
        double[] weights = new double[WIDTH];
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = source + " line " + (i + 1) + ": ";
            String[] words = line.split("\\s+");
            try {
                if (!magic) {
                    if (!line.equals(MAGIC)) {
                        throw new IllegalArgumentException(where + "expected '" + MAGIC + "', found '" + line + "'");
                    }
                    magic = true;
                    continue;
                }
                switch (words[0]) {
                    case "short_call_seconds" -> shortCall = Integer.parseInt(only(words, 1, where));
                    case "night_hours" -> {
                        expect(words, 3, where);
                        night = new int[] {Integer.parseInt(words[1]), Integer.parseInt(words[2])};
                    }
                    case "sequential_step" -> step = Long.parseLong(only(words, 1, where));
                    case "late_days" -> lateDays = Integer.parseInt(only(words, 1, where));
                    case "threshold" -> threshold = Double.parseDouble(only(words, 1, where));
                    case "clip" -> clip = Double.parseDouble(only(words, 1, where));
                    case "reasons" -> reasons = Integer.parseInt(only(words, 1, where));
                    case "reason_min_contribution" -> reasonMin = Double.parseDouble(only(words, 1, where));
                    case "intercept" -> intercept = Double.parseDouble(only(words, 1, where));
                    case "feature" -> {
                        expect(words, 6, where);
                        int f = Feature.ofCode(words[1]).ordinal();
                        if (used[f]) {
                            throw new IllegalArgumentException(where + "feature " + words[1] + " appears twice");
                        }
                        used[f] = true;
                        logged[f] = switch (words[2]) {
                            case "log1p" -> true;
                            case "identity" -> false;
                            default ->
                                throw new IllegalArgumentException(
                                        where + "transform must be log1p or identity, found '" + words[2] + "'");
                        };
                        means[f] = Double.parseDouble(words[3]);
                        spreads[f] = Double.parseDouble(words[4]);
                        weights[f] = Double.parseDouble(words[5]);
                        if (!(spreads[f] > 0)) {
                            throw new IllegalArgumentException(where + "spread must be above 0");
                        }
                    }
                    default -> throw new IllegalArgumentException(where + "unknown setting '" + words[0] + "'");
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(where + "not a number: " + e.getMessage(), e);
            } catch (IllegalArgumentException e) {
                if (e.getMessage() != null && e.getMessage().startsWith(source)) {
                    throw e;
                }
                throw new IllegalArgumentException(where + e.getMessage(), e);
            }
        }
        if (!magic) {
            throw new IllegalArgumentException(source + ": empty, expected a first line '" + MAGIC + "'");
        }
        List<String> missing = new ArrayList<>();
        require(missing, shortCall, "short_call_seconds");
        require(missing, night, "night_hours");
        require(missing, step, "sequential_step");
        require(missing, lateDays, "late_days");
        require(missing, threshold, "threshold");
        require(missing, clip, "clip");
        require(missing, reasons, "reasons");
        require(missing, reasonMin, "reason_min_contribution");
        require(missing, intercept, "intercept");
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(source + ": missing " + String.join(", ", missing));
        }
        FeatureSettings settings;
        try {
            settings = new FeatureSettings(shortCall, night[0], night[1], step, lateDays);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
        if (!(threshold >= 0 && threshold <= 1) || !(clip > 0) || reasons < 0) {
            throw new IllegalArgumentException(source + ": threshold must lie in 0..1, clip above 0, reasons ≥ 0");
        }
        return new FraudModel(
                settings, threshold, clip, reasons, reasonMin, intercept, used, logged, means, spreads, weights);
    }

    private static String only(String[] words, int count, String where) {
        expect(words, count + 1, where);
        return words[1];
    }

    private static void expect(String[] words, int count, String where) {
        if (words.length != count) {
            throw new IllegalArgumentException(
                    where + words[0] + " takes " + (count - 1) + " value(s), found " + (words.length - 1));
        }
    }

    private static void require(List<String> missing, Object value, String name) {
        if (value == null) {
            missing.add(name);
        }
    }

    /** The model file text. */
    public String format() {
        StringBuilder out = new StringBuilder();
        out.append(MAGIC).append('\n');
        out.append("# Feature settings: the features the weights below were fitted on.\n");
        out.append("short_call_seconds ").append(settings.shortCallSeconds()).append('\n');
        out.append("night_hours ")
                .append(settings.nightStartHour())
                .append(' ')
                .append(settings.nightEndHour())
                .append('\n');
        out.append("sequential_step ").append(settings.sequentialStep()).append('\n');
        out.append("late_days ").append(settings.lateDays()).append('\n');
        out.append("# Scoring: flag at score >= threshold; standardised values clipped to +-clip;\n");
        out.append("# up to 'reasons' reasons, each adding at least reason_min_contribution to the log-odds.\n");
        out.append("threshold ").append(Decimals.exact(threshold)).append('\n');
        out.append("clip ").append(Decimals.exact(clip)).append('\n');
        out.append("reasons ").append(reasons).append('\n');
        out.append("reason_min_contribution ")
                .append(Decimals.exact(reasonMinContribution))
                .append('\n');
        out.append("intercept ").append(Decimals.exact(intercept)).append('\n');
        out.append("# feature <code> <log1p|identity> <mean> <spread> <weight>\n");
        for (int f = 0; f < WIDTH; f++) {
            if (used[f]) {
                out.append("feature ")
                        .append(Feature.at(f).code())
                        .append(' ')
                        .append(logged[f] ? "log1p" : "identity")
                        .append(' ')
                        .append(Decimals.exact(means[f]))
                        .append(' ')
                        .append(Decimals.exact(spreads[f]))
                        .append(' ')
                        .append(Decimals.exact(weights[f]))
                        .append('\n');
            }
        }
        return out.toString();
    }

    /** Writes the model file. */
    public void write(Path file) throws IOException {
        Files.writeString(file, format(), StandardCharsets.UTF_8);
    }

    /** The feature settings this model was fitted on; compute features with them. */
    public FeatureSettings settings() {
        return settings;
    }

    /** The score at and above which a subscriber is flagged. */
    public double threshold() {
        return threshold;
    }

    /** The weight of a feature (per standard deviation of its transformed value); 0 when unused. */
    public double weight(Feature feature) {
        return used[feature.ordinal()] ? weights[feature.ordinal()] : 0;
    }

    /**
     * Scores one row. An unknown feature — NaN, or from an input file that was not given ({@link
     * FeatureTable#isKnown}) — counts as average, so that a scan without SMS file, or of anonymised numbers that
     * hide sequential dialling, neither accuses nor clears anyone on that account.
     */
    public Verdict score(FeatureTable table, int row) {
        double[] contributions = new double[WIDTH];
        double logit = intercept;
        for (int f = 0; f < WIDTH; f++) {
            if (used[f] && table.isKnown(Feature.at(f))) {
                contributions[f] = weights[f] * standardised(f, table.value(row, Feature.at(f)));
                logit += contributions[f];
            }
        }
        double score = LogisticRegression.sigmoid(logit);
        // The largest contributions first, ties in feature order, as a stable sort would give them; picked one by
        // one, since only the first few are wanted.
        List<Reason> found = new ArrayList<>();
        boolean[] picked = new boolean[WIDTH];
        while (found.size() < reasons) {
            int best = -1;
            for (int f = 0; f < WIDTH; f++) {
                if (!picked[f] && (best < 0 || Double.compare(contributions[f], contributions[best]) > 0)) {
                    best = f;
                }
            }
            if (best < 0 || contributions[best] < reasonMinContribution) {
                break;
            }
            picked[best] = true;
            found.add(new Reason(Feature.at(best), table.value(row, Feature.at(best)), contributions[best]));
        }
        return new Verdict(score, score >= threshold, found);
    }

    private double standardised(int f, double value) {
        if (Double.isNaN(value)) {
            return 0;
        }
        double x = logged[f] ? Math.log1p(Math.max(0, value)) : value;
        double z = (x - means[f]) / spreads[f];
        return Math.max(-clip, Math.min(clip, z));
    }

    /** Flags against ground truth, over the rows of {@code table} that have a label. */
    public Quality quality(FeatureTable table, Map<String, Boolean> labels) {
        long tp = 0;
        long fp = 0;
        long fn = 0;
        long tn = 0;
        for (int row = 0; row < table.size(); row++) {
            Boolean fraud = labels.get(table.subscriber(row));
            if (fraud == null) {
                continue;
            }
            boolean flagged = score(table, row).flagged();
            if (flagged && fraud) {
                tp++;
            } else if (flagged) {
                fp++;
            } else if (fraud) {
                fn++;
            } else {
                tn++;
            }
        }
        return new Quality(tp, fp, fn, tn);
    }

    /**
     * Fits a model to the labelled rows of {@code table} (rows without a label are left out): every feature
     * whose input was given, counts as {@code log(1 + x)}, standardised by the mean and standard deviation of
     * its known values in the labelled rows (unknown values count as the mean); weights by L2-regularised
     * logistic regression; then the threshold that maximises F1 on the training rows.
     *
     * @throws IllegalArgumentException when there are no labelled rows, or only one class
     */
    public static FraudModel train(FeatureTable table, Map<String, Boolean> labels, TrainingSettings training) {
        List<Integer> rows = new ArrayList<>();
        for (int row = 0; row < table.size(); row++) {
            if (labels.containsKey(table.subscriber(row))) {
                rows.add(row);
            }
        }
        int n = rows.size();
        boolean[] y = new boolean[n];
        int positives = 0;
        for (int i = 0; i < n; i++) {
            y[i] = labels.get(table.subscriber(rows.get(i)));
            positives += y[i] ? 1 : 0;
        }
        if (positives == 0 || positives == n) {
            throw new IllegalArgumentException("training needs both fraud and legitimate labelled subscribers; found "
                    + positives + " fraud of " + n + " labelled");
        }
        boolean[] used = new boolean[WIDTH];
        boolean[] logged = new boolean[WIDTH];
        double[] means = new double[WIDTH];
        double[] spreads = new double[WIDTH];
        List<Integer> columns = new ArrayList<>();
        for (int f = 0; f < WIDTH; f++) {
            Feature feature = Feature.at(f);
            if (!table.isKnown(feature)) {
                continue;
            }
            logged[f] = feature.isCount();
            double sum = 0;
            double squares = 0;
            int known = 0;
            for (int row : rows) {
                double value = table.value(row, feature);
                if (!Double.isNaN(value)) {
                    double x = logged[f] ? Math.log1p(Math.max(0, value)) : value;
                    sum += x;
                    squares += x * x;
                    known++;
                }
            }
            means[f] = known == 0 ? 0 : sum / known;
            double variance = known == 0 ? 0 : Math.max(0, squares / known - means[f] * means[f]);
            if (variance > 1e-12) {
                used[f] = true;
                spreads[f] = Math.sqrt(variance);
                columns.add(f);
            }
        }
        FraudModel unweighted = new FraudModel(
                table.settings(),
                0.5,
                training.clip(),
                training.reasons(),
                training.reasonMinContribution(),
                0,
                used,
                logged,
                means,
                spreads,
                new double[WIDTH]);
        double[][] x = new double[n][columns.size()];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < columns.size(); c++) {
                int f = columns.get(c);
                x[i][c] = unweighted.standardised(f, table.value(rows.get(i), Feature.at(f)));
            }
        }
        double[] beta = LogisticRegression.fit(x, y, training.l2(), training.maxIterations());
        double[] weights = new double[WIDTH];
        for (int c = 0; c < columns.size(); c++) {
            weights[columns.get(c)] = beta[c + 1];
        }
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
            double z = beta[0];
            for (int c = 0; c < columns.size(); c++) {
                z += beta[c + 1] * x[i][c];
            }
            scores[i] = LogisticRegression.sigmoid(z);
        }
        double threshold = bestThreshold(scores, y);
        return new FraudModel(
                table.settings(),
                threshold,
                training.clip(),
                training.reasons(),
                training.reasonMinContribution(),
                beta[0],
                used,
                logged,
                means,
                spreads,
                weights);
    }

    /** The threshold among 0.05, 0.06, …, 0.95 with the best F1 on the training rows (the lowest of equals). */
    private static double bestThreshold(double[] scores, boolean[] y) {
        double best = 0.5;
        double bestF1 = -1;
        for (int step = 5; step <= 95; step++) {
            double threshold = step / 100.0;
            long tp = 0;
            long fp = 0;
            long fn = 0;
            for (int i = 0; i < scores.length; i++) {
                boolean flagged = scores[i] >= threshold;
                if (flagged && y[i]) {
                    tp++;
                } else if (flagged) {
                    fp++;
                } else if (y[i]) {
                    fn++;
                }
            }
            double f1 = new Quality(tp, fp, fn, 0).f1();
            if (f1 > bestF1 + 1e-12) {
                bestF1 = f1;
                best = threshold;
            }
        }
        return best;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "FraudModel[threshold %.2f, %d features]", threshold, countUsed());
    }

    private int countUsed() {
        int count = 0;
        for (boolean u : used) {
            count += u ? 1 : 0;
        }
        return count;
    }
}
