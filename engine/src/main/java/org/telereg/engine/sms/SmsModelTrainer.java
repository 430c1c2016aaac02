package org.telereg.engine.sms;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * Trains an {@link SmsModel}: a multinomial logistic regression over hashed character n-grams (AdaGrad, a fixed
 * seed, so the same corpus gives the same model), with the keyword groups' weights as fixed offsets of the
 * logits, so the regression learns what the keyword list does not already say.
 *
 * <p>The decision thresholds are chosen on out-of-fold probabilities of the training corpus (an inner
 * cross-validation), never on the messages they are later judged on. The fraud threshold applies to the fraud
 * score {@code p(fraud) / (p(fraud) + p(normal) + adWeight × p(ad))} (see {@link SmsModel#fraudThreshold()}); it
 * is the lower of the one that maximises fraud F1 and the highest one that reaches the target fraud recall, but never so low that more
 * than the allowed share of normal messages is called fraud; the ad threshold maximises accuracy between ad and
 * normal. Instances are immutable; {@code with…} methods return changed copies.
 */
public final class SmsModelTrainer {

    private static final Pattern DIGIT_PLACEHOLDER = Pattern.compile("\\[?DIGIT\\]?");
    private static final Pattern OTHER_PLACEHOLDER =
            Pattern.compile("\\[(?:NAME|PLACE|URL|HOTLINE|具体地址|链接|插入URL|插入网址|网址)\\]|NAME|PLACE|URL|HOTLINE");
    private static final Pattern MASKED_NAME = Pattern.compile("(?<![A-Za-z])X{2,}(?![A-Za-z])");
    private static final Pattern MASKED_DIGITS = Pattern.compile("(?<![A-Za-z])x+(?![A-Za-z])");

    private final KeywordMatcher keywords;
    private final int bits;
    private final int epochs;
    private final double learningRate;
    private final double adWeight;
    private final double targetFraudRecall;
    private final double maxNormalAsFraud;
    private final int thresholdFolds;
    private final long seed;

    private SmsModelTrainer(
            KeywordMatcher keywords,
            int bits,
            int epochs,
            double learningRate,
            double adWeight,
            double targetFraudRecall,
            double maxNormalAsFraud,
            int thresholdFolds,
            long seed) {
        this.keywords = keywords;
        this.bits = bits;
        this.epochs = epochs;
        this.learningRate = learningRate;
        this.adWeight = adWeight;
        this.targetFraudRecall = targetFraudRecall;
        this.maxNormalAsFraud = maxNormalAsFraud;
        this.thresholdFolds = thresholdFolds;
        this.seed = seed;
    }

    /**
     * The trainer behind the shipped model: the shipped keyword list, 2^16 buckets, 10 epochs, ads weighing 0.05
     * in the fraud score, target fraud recall 0.96 with at most 1.75% of normal messages called fraud (both on the
     * inner cross-validation, leaving a margin to the product targets of 0.95 and 2%).
     */
    public static SmsModelTrainer standard() {
        return new SmsModelTrainer(KeywordMatcher.standard(), 16, 10, 0.1, 0.05, 0.96, 0.0175, 4, 20261128L);
    }

    /** A copy that trains with these keyword groups. */
    public SmsModelTrainer withKeywords(KeywordMatcher keywords) {
        return new SmsModelTrainer(
                keywords,
                bits,
                epochs,
                learningRate,
                adWeight,
                targetFraudRecall,
                maxNormalAsFraud,
                thresholdFolds,
                seed);
    }

    /** A copy that hashes n-grams into {@code 2^bits} buckets (8 to 24). */
    public SmsModelTrainer withHashBits(int bits) {
        if (bits < 8 || bits > 24) {
            throw new IllegalArgumentException("Hash bits must be 8 to 24: " + bits);
        }
        return new SmsModelTrainer(
                keywords,
                bits,
                epochs,
                learningRate,
                adWeight,
                targetFraudRecall,
                maxNormalAsFraud,
                thresholdFolds,
                seed);
    }

    /** A copy with these threshold targets. */
    public SmsModelTrainer withFraudTargets(double targetFraudRecall, double maxNormalAsFraud) {
        return new SmsModelTrainer(
                keywords,
                bits,
                epochs,
                learningRate,
                adWeight,
                targetFraudRecall,
                maxNormalAsFraud,
                thresholdFolds,
                seed);
    }

    /** A copy that makes this many passes over the corpus. */
    public SmsModelTrainer withEpochs(int epochs) {
        return new SmsModelTrainer(
                keywords,
                bits,
                epochs,
                learningRate,
                adWeight,
                targetFraudRecall,
                maxNormalAsFraud,
                thresholdFolds,
                seed);
    }

    /**
     * Reads a labelled corpus, UTF-8. Two layouts are recognised: the TeleReg layout with header {@code
     * class<TAB>subtype<TAB>text} (classes normal, ad, fraud), and the UCI SMS Spam Collection layout, no
     * header, {@code ham|spam<TAB>text} (ham is read as normal and spam as ad, subtype {@code ham} or {@code
     * spam}).
     *
     * <p>In the TeleReg layout the anonymisation marks of the source corpora are neutralised, because they differ
     * by source and so by label and would otherwise be learnt as signals no real message carries: {@code DIGIT}
     * and runs of lower-case {@code x} become zeros, and {@code NAME}, {@code PLACE}, {@code URL}, {@code
     * HOTLINE}, {@code [链接]}-style marks and runs of upper-case {@code X} are removed.
     *
     * @throws IllegalArgumentException naming the line of the first malformed row
     */
    public static List<LabelledSms> readCorpus(Path file) throws IOException {
        List<LabelledSms> corpus = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String first = reader.readLine();
            if (first == null) {
                return corpus;
            }
            boolean teleReg = first.startsWith("class\tsubtype\ttext");
            // The first line is a message in the UCI layout and the header in the TeleReg one.
            int lineNumber = teleReg ? 1 : 0;
            for (String line = teleReg ? reader.readLine() : first; line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    if (teleReg) {
                        String[] f = line.split("\t", 3);
                        if (f.length != 3) {
                            throw new IllegalArgumentException("expected class, subtype and text");
                        }
                        corpus.add(new LabelledSms(SmsCategory.ofLabel(f[0]), f[1].strip(), clean(f[2])));
                    } else {
                        int tab = line.indexOf('\t');
                        if (tab < 0) {
                            throw new IllegalArgumentException("expected label and text");
                        }
                        String label = line.substring(0, tab).strip().toLowerCase(Locale.ROOT);
                        corpus.add(new LabelledSms(SmsCategory.ofLabel(label), label, line.substring(tab + 1)));
                    }
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(file + " line " + lineNumber + ": " + e.getMessage(), e);
                }
            }
        }
        return corpus;
    }

    static String clean(String text) {
        String t = DIGIT_PLACEHOLDER.matcher(text).replaceAll("0");
        t = OTHER_PLACEHOLDER.matcher(t).replaceAll("");
        t = MASKED_NAME.matcher(t).replaceAll("");
        return MASKED_DIGITS.matcher(t).replaceAll(m -> "0".repeat(m.group().length()));
    }

    /** Trains on the whole corpus. */
    public SmsModel train(List<LabelledSms> corpus) {
        Encoded encoded = encode(corpus);
        int[] all = new int[corpus.size()];
        Arrays.setAll(all, i -> i);
        return train(encoded, all, describe(corpus));
    }

    /**
     * Cross-validates: splits the corpus into {@code folds} parts stratified by subtype, trains on all parts but
     * one (thresholds included) and screens the part left out, for every part.
     */
    public SmsQualityReport crossValidate(List<LabelledSms> corpus, int folds) {
        if (folds < 2) {
            throw new IllegalArgumentException("Cross-validation needs at least 2 folds");
        }
        SmsCategory[] verdicts = crossValidatedVerdicts(corpus, folds);
        SmsQualityReport report = new SmsQualityReport();
        for (int i = 0; i < corpus.size(); i++) {
            report.add(corpus.get(i).category(), corpus.get(i).subtype(), verdicts[i]);
        }
        return report;
    }

    /** The verdict on each message from the model trained without its fold. */
    SmsCategory[] crossValidatedVerdicts(List<LabelledSms> corpus, int folds) {
        Encoded encoded = encode(corpus);
        int[] fold = stratifiedFolds(corpus, folds, seed);
        SmsCategory[] verdicts = new SmsCategory[corpus.size()];
        double[] p = new double[SmsModel.CLASSES];
        for (int k = 0; k < folds; k++) {
            SmsModel model = train(encoded, indexes(fold, k, false), "fold " + k);
            for (int i : indexes(fold, k, true)) {
                probabilities(model, encoded, i, p);
                verdicts[i] = Workspace.decide(p, model.fraudThreshold, model.adWeight, model.adThreshold);
            }
        }
        return verdicts;
    }

    private SmsModel train(Encoded encoded, int[] indexes, String description) {
        float[][] oof = outOfFoldProbabilities(encoded, indexes);
        float fraudThreshold = fraudThreshold(encoded, indexes, oof);
        float adThreshold = adThreshold(encoded, indexes, oof, fraudThreshold);
        return fit(encoded, indexes, fraudThreshold, adThreshold, description);
    }

    private float[][] outOfFoldProbabilities(Encoded encoded, int[] indexes) {
        float[][] oof = new float[indexes.length][];
        List<LabelledSms> subset = new ArrayList<>(indexes.length);
        for (int i : indexes) {
            subset.add(encoded.corpus.get(i));
        }
        int[] fold = stratifiedFolds(subset, thresholdFolds, seed + 1);
        double[] p = new double[SmsModel.CLASSES];
        for (int k = 0; k < thresholdFolds; k++) {
            int[] trainLocal = indexes(fold, k, false);
            int[] train = new int[trainLocal.length];
            for (int j = 0; j < train.length; j++) {
                train[j] = indexes[trainLocal[j]];
            }
            SmsModel model = fit(encoded, train, 0.5f, 0.5f, "");
            for (int local : indexes(fold, k, true)) {
                probabilities(model, encoded, indexes[local], p);
                oof[local] = new float[] {(float) p[0], (float) p[1], (float) p[2]};
            }
        }
        return oof;
    }

    private float fraudThreshold(Encoded encoded, int[] indexes, float[][] oof) {
        int n = indexes.length;
        Integer[] order = new Integer[n];
        Arrays.setAll(order, i -> i);
        float[] score = new float[n];
        for (int i = 0; i < n; i++) {
            score[i] = (float) Workspace.fraudScore(new double[] {oof[i][0], oof[i][1], oof[i][2]}, adWeight);
        }
        Arrays.sort(order, (a, b) -> Float.compare(score[b], score[a]));
        int frauds = 0;
        int normals = 0;
        for (int i : indexes) {
            SmsCategory c = encoded.corpus.get(i).category();
            frauds += c == SmsCategory.FRAUD ? 1 : 0;
            normals += c == SmsCategory.NORMAL ? 1 : 0;
        }
        if (frauds == 0) {
            return 1.01f;
        }
        // Sweep the threshold down through the sorted probabilities; only thresholds between distinct values count.
        int tp = 0;
        int fp = 0;
        int normalFp = 0;
        double bestF1 = -1;
        float f1Threshold = 1.01f;
        float recallThreshold = Float.NaN;
        float lowestAllowed = 1.01f;
        for (int r = 0; r < n; r++) {
            int local = order[r];
            SmsCategory c = encoded.corpus.get(indexes[local]).category();
            if (c == SmsCategory.FRAUD) {
                tp++;
            } else {
                fp++;
                normalFp += c == SmsCategory.NORMAL ? 1 : 0;
            }
            float here = score[local];
            if (r + 1 < n && score[order[r + 1]] == here) {
                continue;
            }
            if (normals > 0 && (double) normalFp / normals > maxNormalAsFraud) {
                break;
            }
            // Halfway to the next lower score, so that a new message just below the last one accepted still is.
            float t = r + 1 < n ? (here + score[order[r + 1]]) / 2 : here / 2;
            lowestAllowed = t;
            double f1 = 2.0 * tp / (2.0 * tp + fp + (frauds - tp));
            if (f1 > bestF1) {
                bestF1 = f1;
                f1Threshold = t;
            }
            if (Float.isNaN(recallThreshold) && (double) tp / frauds >= targetFraudRecall) {
                recallThreshold = t;
            }
        }
        float chosen = Float.isNaN(recallThreshold) ? lowestAllowed : Math.min(f1Threshold, recallThreshold);
        return Math.max(chosen, lowestAllowed);
    }

    private float adThreshold(Encoded encoded, int[] indexes, float[][] oof, float fraudThreshold) {
        List<float[]> candidates = new ArrayList<>();
        for (int local = 0; local < indexes.length; local++) {
            SmsCategory c = encoded.corpus.get(indexes[local]).category();
            float[] p = oof[local];
            if (c != SmsCategory.FRAUD
                    && Workspace.fraudScore(new double[] {p[0], p[1], p[2]}, adWeight) < fraudThreshold
                    && p[0] + p[1] > 0) {
                candidates.add(new float[] {p[1] / (p[0] + p[1]), c == SmsCategory.AD ? 1 : 0});
            }
        }
        if (candidates.isEmpty()) {
            return 0.5f;
        }
        candidates.sort((a, b) -> Float.compare(b[0], a[0]));
        int ads = 0;
        for (float[] c : candidates) {
            ads += (int) c[1];
        }
        // Calling everything at or above the threshold an ad: correct = ads above + normals below.
        int correct = candidates.size() - ads;
        int best = correct;
        float threshold = 1.01f;
        for (int r = 0; r < candidates.size(); r++) {
            correct += candidates.get(r)[1] == 1 ? 1 : -1;
            float here = candidates.get(r)[0];
            boolean last = r + 1 == candidates.size();
            if ((last || candidates.get(r + 1)[0] != here) && correct > best) {
                best = correct;
                threshold = last ? here / 2 : (here + candidates.get(r + 1)[0]) / 2;
            }
        }
        return threshold;
    }

    private SmsModel fit(Encoded encoded, int[] indexes, float fraudThreshold, float adThreshold, String description) {
        final int stride = SmsModel.STRIDE;
        float[] w = new float[stride << bits];
        float[] squares = new float[stride << bits];
        double[] bias = new double[SmsModel.CLASSES];
        double[] biasSquares = new double[SmsModel.CLASSES];
        double[] logits = new double[SmsModel.CLASSES];
        double[] p = new double[SmsModel.CLASSES];
        double[] delta = new double[SmsModel.CLASSES];
        int[] order = indexes.clone();
        SplittableRandom random = new SplittableRandom(seed);
        for (int epoch = 0; epoch < epochs; epoch++) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (int m : order) {
                int[] features = encoded.features[m];
                double scale = Workspace.scale(features.length);
                for (int c = 0; c < SmsModel.CLASSES; c++) {
                    double sum = 0;
                    for (int f : features) {
                        sum += w[f * stride + c];
                    }
                    logits[c] = bias[c] + scale * sum + encoded.offsets[m][c];
                }
                Workspace.softmax(logits, p);
                int label = encoded.labels[m];
                for (int c = 0; c < SmsModel.CLASSES; c++) {
                    delta[c] = p[c] - (c == label ? 1 : 0);
                    biasSquares[c] += delta[c] * delta[c];
                    bias[c] -= learningRate * delta[c] / Math.sqrt(biasSquares[c] + 1e-8);
                }
                for (int f : features) {
                    int slot = f * stride;
                    for (int c = 0; c < SmsModel.CLASSES; c++) {
                        float g = (float) (delta[c] * scale);
                        squares[slot + c] += g * g;
                        w[slot + c] -= (float) (learningRate * g / Math.sqrt(squares[slot + c] + 1e-8));
                    }
                }
            }
        }
        float[] b = {(float) bias[0], (float) bias[1], (float) bias[2]};
        return new SmsModel(
                bits, fraudThreshold, (float) adWeight, adThreshold, b, w, encoded.keywordList, description);
    }

    private static void probabilities(SmsModel model, Encoded encoded, int m, double[] p) {
        int[] features = encoded.features[m];
        double[] logits = new double[SmsModel.CLASSES];
        Workspace.logits(model, features, features.length, new int[0], 0, logits);
        for (int c = 0; c < SmsModel.CLASSES; c++) {
            logits[c] += encoded.offsets[m][c];
        }
        Workspace.softmax(logits, p);
    }

    private Encoded encode(List<LabelledSms> corpus) {
        String list = keywords.toListText();
        SmsModel shell = new SmsModel(8, 1, 0, 1, new float[3], new float[SmsModel.STRIDE << 8], list, "");
        Encoded e = new Encoded(corpus, list);
        Workspace w = new Workspace();
        for (int i = 0; i < corpus.size(); i++) {
            String text = corpus.get(i).text();
            if (w.text.length < text.length()) {
                w.text = new char[text.length()];
                w.features = new int[NgramFeatures.count(text.length())];
            }
            w.length = TextNormaliser.standard().normalise(text, w.text);
            int[] groups = new int[keywords.groups().size()];
            int groupCount = shell.keywords.match(w.text, w.length, groups);
            int featureCount = NgramFeatures.buckets(w.text, w.length, bits, w.features);
            e.features[i] = Arrays.copyOf(w.features, featureCount);
            for (int g = 0; g < groupCount; g++) {
                for (int c = 0; c < SmsModel.CLASSES; c++) {
                    e.offsets[i][c] += shell.groupOffset[groups[g] * SmsModel.CLASSES + c];
                }
            }
            e.labels[i] = corpus.get(i).category().ordinal();
        }
        return e;
    }

    /** Fold numbers, each subtype dealt round-robin over the folds in a seeded random order. */
    static int[] stratifiedFolds(List<LabelledSms> corpus, int folds, long seed) {
        Map<String, List<Integer>> bySubtype = new HashMap<>();
        for (int i = 0; i < corpus.size(); i++) {
            LabelledSms m = corpus.get(i);
            bySubtype
                    .computeIfAbsent(m.category() + "/" + m.subtype(), k -> new ArrayList<>())
                    .add(i);
        }
        int[] fold = new int[corpus.size()];
        SplittableRandom random = new SplittableRandom(seed);
        List<String> keys = new ArrayList<>(bySubtype.keySet());
        keys.sort(null);
        int next = 0;
        for (String key : keys) {
            List<Integer> members = bySubtype.get(key);
            for (int i = members.size() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                Integer t = members.get(i);
                members.set(i, members.get(j));
                members.set(j, t);
            }
            for (int member : members) {
                fold[member] = next++ % folds;
            }
        }
        return fold;
    }

    private static int[] indexes(int[] fold, int k, boolean inFold) {
        int n = 0;
        for (int f : fold) {
            n += (f == k) == inFold ? 1 : 0;
        }
        int[] result = new int[n];
        for (int i = 0, r = 0; i < fold.length; i++) {
            if ((fold[i] == k) == inFold) {
                result[r++] = i;
            }
        }
        return result;
    }

    private String describe(List<LabelledSms> corpus) {
        int[] counts = new int[SmsModel.CLASSES];
        for (LabelledSms m : corpus) {
            counts[m.category().ordinal()]++;
        }
        return String.format(
                Locale.ROOT,
                "trained on %d messages (normal %d, ad %d, fraud %d); %d keyword groups; 2^%d buckets; %d epochs;"
                        + " ad weight %.2f; target fraud recall %.2f with at most %.2f%% of normal messages called fraud",
                corpus.size(),
                counts[0],
                counts[1],
                counts[2],
                keywords.groups().size(),
                bits,
                epochs,
                adWeight,
                targetFraudRecall,
                100 * maxNormalAsFraud);
    }

    private static final class Encoded {
        final List<LabelledSms> corpus;
        final String keywordList;
        final int[][] features;
        final double[][] offsets;
        final int[] labels;

        Encoded(List<LabelledSms> corpus, String keywordList) {
            this.corpus = corpus;
            this.keywordList = keywordList;
            this.features = new int[corpus.size()][];
            this.offsets = new double[corpus.size()][SmsModel.CLASSES];
            this.labels = new int[corpus.size()];
        }
    }
}
