package org.telereg.engine.sms;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Screens SMS: normalises the text, matches the keyword groups, classifies with the model and applies the model's
 * thresholds. Thread-safe; each thread reuses its own buffers.
 */
public final class SmsScreener {

    private static final int TOP_FEATURES = 3;

    private final SmsModel model;
    private final ThreadLocal<Workspace> workspaces = ThreadLocal.withInitial(Workspace::new);

    private SmsScreener(SmsModel model) {
        this.model = model;
    }

    /** A screener with the model shipped in the engine jar. */
    public static SmsScreener standard() {
        return new SmsScreener(SmsModel.standard());
    }

    /** A screener with the given model. */
    public static SmsScreener of(SmsModel model) {
        return new SmsScreener(model);
    }

    /** The model screening uses. */
    public SmsModel model() {
        return model;
    }

    /**
     * The category of a message, without reasons: the hot path, which allocates nothing once this thread's
     * buffers have grown to the longest message seen.
     */
    public SmsCategory categoryOf(CharSequence text) {
        Workspace w = workspaces.get();
        w.quickScore(model, text);
        return w.decide(model);
    }

    /** Screens a message with no known sender. */
    public SmsVerdict screen(String text) {
        return screen("", text);
    }

    /**
     * Screens a message with its reasons.
     *
     * @param sender the sending number or 106 port as the operator recorded it; may be empty
     */
    public SmsVerdict screen(String sender, String text) {
        Workspace w = workspaces.get();
        w.score(model, text);
        SmsCategory category = w.decide(model);
        List<KeywordGroup> groups = new ArrayList<>(w.groupCount);
        for (int i = 0; i < w.groupCount; i++) {
            groups.add(model.keywords.groups().get(w.groups[i]));
        }
        groups.sort(Comparator.comparingDouble(KeywordGroup::weight).reversed());
        Entities entities = Entities.extract(sender == null || sender.isBlank() ? text : sender + "\n" + text);
        return new SmsVerdict(
                category, w.probabilities[category.ordinal()], groups, entities, topFeatures(w, category));
    }

    /** The grams whose weights favour {@code category} over the best other class the most, best first. */
    private List<String> topFeatures(Workspace w, SmsCategory category) {
        int c = category.ordinal();
        float[] weights = model.weights;
        List<String> grams = new ArrayList<>(TOP_FEATURES + 1);
        List<Float> gains = new ArrayList<>(TOP_FEATURES + 1);
        for (int i = 0; i < w.featureCount; i++) {
            int slot = w.features[i] * SmsModel.STRIDE;
            float other = Float.NEGATIVE_INFINITY;
            for (int k = 0; k < SmsModel.CLASSES; k++) {
                if (k != c) {
                    other = Math.max(other, weights[slot + k]);
                }
            }
            float gain = weights[slot + c] - other;
            if (gain <= 0 || (gains.size() == TOP_FEATURES && gain <= gains.get(TOP_FEATURES - 1))) {
                continue;
            }
            String gram = NgramFeatures.gram(w.text, i).replace(' ', '_');
            if (grams.contains(gram)) {
                continue;
            }
            int at = 0;
            while (at < gains.size() && gains.get(at) >= gain) {
                at++;
            }
            grams.add(at, gram);
            gains.add(at, gain);
            if (grams.size() > TOP_FEATURES) {
                grams.remove(TOP_FEATURES);
                gains.remove(TOP_FEATURES);
            }
        }
        return grams;
    }
}
