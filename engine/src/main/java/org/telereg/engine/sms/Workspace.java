package org.telereg.engine.sms;

/**
 * The buffers one screening needs, reused from message to message by one thread so that the hot path allocates
 * nothing once they have grown to the longest message seen.
 */
final class Workspace {

    private static final TextNormaliser NORMALISER = TextNormaliser.standard();

    char[] text = new char[256];
    int length;
    int[] features = new int[NgramFeatures.count(256)];
    int featureCount;
    int[] groups = new int[16];
    int groupCount;
    final double[] logits = new double[SmsModel.CLASSES];
    private final long[] sums = new long[SmsModel.CLASSES];
    final double[] probabilities = new double[SmsModel.CLASSES];
    private KeywordMatcher matcherScratchOwner;
    private KeywordMatcher.Scratch matcherScratch;

    /**
     * Normalises {@code raw}, matches keywords and computes the class probabilities without keeping the n-gram
     * buckets: the hot path of {@link SmsScreener#categoryOf}.
     */
    void quickScore(SmsModel model, CharSequence raw) {
        normaliseAndMatch(model, raw);
        featureCount = 0;
        NgramFeatures.sumSteps(text, length, model.bits, model.lanes, sums);
        int grams = NgramFeatures.count(length);
        double scale = scale(grams);
        logits[0] = model.bias[0] + scale * model.quantum[0] * sums[0];
        logits[1] = model.bias[1] + scale * model.quantum[1] * sums[1];
        logits[2] = model.bias[2] + scale * model.quantum[2] * sums[2];
        addGroupOffsets(model, groups, groupCount, logits);
        softmax(logits, probabilities);
    }

    /** Normalises {@code raw}, matches keywords, hashes n-grams and computes the class probabilities. */
    void score(SmsModel model, CharSequence raw) {
        normaliseAndMatch(model, raw);
        featureCount = NgramFeatures.buckets(text, length, model.bits, features);
        logits(model, features, featureCount, groups, groupCount, logits);
        softmax(logits, probabilities);
    }

    private void normaliseAndMatch(SmsModel model, CharSequence raw) {
        if (text.length < raw.length()) {
            text = new char[Math.max(raw.length(), text.length * 2)];
            features = new int[NgramFeatures.count(text.length)];
        }
        length = NORMALISER.normalise(raw, text);
        int groupTotal = model.keywords.groups().size();
        if (groups.length < groupTotal) {
            groups = new int[groupTotal];
        }
        // The matcher's buffers are kept here, not looked up in its thread-local map for every message.
        if (matcherScratchOwner != model.keywords) {
            matcherScratchOwner = model.keywords;
            matcherScratch = model.keywords.newScratch();
        }
        groupCount = model.keywords.match(text, length, groups, matcherScratch);
    }

    /** The verdict the model's thresholds give for the probabilities last computed. */
    SmsCategory decide(SmsModel model) {
        return decide(probabilities, model.fraudThreshold, model.adWeight, model.adThreshold);
    }

    static SmsCategory decide(double[] p, double fraudThreshold, double adWeight, double adThreshold) {
        if (fraudScore(p, adWeight) >= fraudThreshold) {
            return SmsCategory.FRAUD;
        }
        double ad = p[SmsCategory.AD.ordinal()];
        double rest = ad + p[SmsCategory.NORMAL.ordinal()];
        return rest > 0 && ad / rest >= adThreshold ? SmsCategory.AD : SmsCategory.NORMAL;
    }

    /**
     * The quantity the fraud threshold applies to: fraud against normal, with ads counted at {@code adWeight}.
     * Weighing ads less than normal messages lets ad-like fraud (loan offers, bank look-alikes) through to the
     * fraud verdict, which the product targets ask for, at the cost of calling more ads fraud.
     */
    static double fraudScore(double[] p, double adWeight) {
        double fraud = p[SmsCategory.FRAUD.ordinal()];
        return fraud / (fraud + p[SmsCategory.NORMAL.ordinal()] + adWeight * p[SmsCategory.AD.ordinal()]);
    }

    static void logits(
            SmsModel model, int[] features, int featureCount, int[] groups, int groupCount, double[] logits) {
        long[] sums = new long[SmsModel.CLASSES];
        NgramFeatures.sumSteps(features, featureCount, model.lanes, sums);
        double scale = scale(featureCount);
        logits[0] = model.bias[0] + scale * model.quantum[0] * sums[0];
        logits[1] = model.bias[1] + scale * model.quantum[1] * sums[1];
        logits[2] = model.bias[2] + scale * model.quantum[2] * sums[2];
        addGroupOffsets(model, groups, groupCount, logits);
    }

    private static void addGroupOffsets(SmsModel model, int[] groups, int groupCount, double[] logits) {
        final float[] offsets = model.groupOffset;
        for (int i = 0; i < groupCount; i++) {
            int g = groups[i] * SmsModel.CLASSES;
            logits[0] += offsets[g];
            logits[1] += offsets[g + 1];
            logits[2] += offsets[g + 2];
        }
    }

    /**
     * The factor n-gram weights are summed with: one over the square root of their number, so that a long
     * message does not reach a confident verdict merely by being long.
     */
    static double scale(int featureCount) {
        return featureCount == 0 ? 0 : 1 / Math.sqrt(featureCount);
    }

    static void softmax(double[] logits, double[] probabilities) {
        double max = Math.max(logits[0], Math.max(logits[1], logits[2]));
        double sum = 0;
        for (int c = 0; c < SmsModel.CLASSES; c++) {
            probabilities[c] = Math.exp(logits[c] - max);
            sum += probabilities[c];
        }
        for (int c = 0; c < SmsModel.CLASSES; c++) {
            probabilities[c] /= sum;
        }
    }
}
