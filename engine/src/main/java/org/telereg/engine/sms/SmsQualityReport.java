package org.telereg.engine.sms;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * How well verdicts agree with labels: the confusion of classes and, per subtype, where its messages went. Built
 * by {@link SmsModelTrainer#crossValidate} from out-of-fold verdicts.
 */
public final class SmsQualityReport {

    private final int[][] confusion = new int[3][3];
    private final Map<String, int[]> bySubtype = new TreeMap<>();
    private final Map<String, SmsCategory> subtypeCategory = new TreeMap<>();

    SmsQualityReport() {}

    void add(SmsCategory actual, String subtype, SmsCategory predicted) {
        confusion[actual.ordinal()][predicted.ordinal()]++;
        String key = subtype.isEmpty() ? actual.label() : subtype;
        bySubtype.computeIfAbsent(key, k -> new int[3])[predicted.ordinal()]++;
        subtypeCategory.put(key, actual);
    }

    /** Messages labelled {@code actual} and called {@code predicted}. */
    public int count(SmsCategory actual, SmsCategory predicted) {
        return confusion[actual.ordinal()][predicted.ordinal()];
    }

    /** Messages labelled {@code actual}. */
    public int total(SmsCategory actual) {
        int n = 0;
        for (int p = 0; p < 3; p++) {
            n += confusion[actual.ordinal()][p];
        }
        return n;
    }

    /** Of the messages called {@code category}, the share labelled so; 1 when none was called so. */
    public double precision(SmsCategory category) {
        int called = 0;
        for (int a = 0; a < 3; a++) {
            called += confusion[a][category.ordinal()];
        }
        return called == 0 ? 1 : (double) confusion[category.ordinal()][category.ordinal()] / called;
    }

    /** Of the messages labelled {@code category}, the share called so; 1 when there are none. */
    public double recall(SmsCategory category) {
        int total = total(category);
        return total == 0 ? 1 : (double) confusion[category.ordinal()][category.ordinal()] / total;
    }

    /** Of the messages labelled {@code actual}, the share called {@code predicted}. */
    public double rate(SmsCategory actual, SmsCategory predicted) {
        int total = total(actual);
        return total == 0 ? 0 : (double) count(actual, predicted) / total;
    }

    /** Of the messages of {@code subtype}, the share called their own class. */
    public double subtypeRecall(String subtype) {
        int[] counts = bySubtype.get(subtype);
        if (counts == null) {
            throw new IllegalArgumentException("No messages of subtype " + subtype);
        }
        return (double) counts[subtypeCategory.get(subtype).ordinal()] / (counts[0] + counts[1] + counts[2]);
    }

    /** The subtypes seen, each with its class. */
    public Map<String, SmsCategory> subtypes() {
        return Map.copyOf(subtypeCategory);
    }

    /** The report as Markdown tables: per class, per subtype, and the confusion matrix. */
    public String toMarkdown() {
        StringBuilder out = new StringBuilder();
        out.append("| class | messages | precision | recall |\n|---|---:|---:|---:|\n");
        for (SmsCategory c : SmsCategory.values()) {
            if (total(c) > 0 || precision(c) < 1) {
                out.append(String.format(
                        Locale.ROOT, "| %s | %d | %.3f | %.3f |%n", c.label(), total(c), precision(c), recall(c)));
            }
        }
        out.append(String.format(
                Locale.ROOT,
                "%nnormal messages called fraud: %d of %d (%.2f%%)%n%n",
                count(SmsCategory.NORMAL, SmsCategory.FRAUD),
                total(SmsCategory.NORMAL),
                100 * rate(SmsCategory.NORMAL, SmsCategory.FRAUD)));
        out.append("| subtype | class | messages | called normal | called ad | called fraud | recall |\n");
        out.append("|---|---|---:|---:|---:|---:|---:|\n");
        for (Map.Entry<String, int[]> e : bySubtype.entrySet()) {
            int[] n = e.getValue();
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | %d | %d | %d | %d | %.3f |%n",
                    e.getKey(),
                    subtypeCategory.get(e.getKey()).label(),
                    n[0] + n[1] + n[2],
                    n[0],
                    n[1],
                    n[2],
                    subtypeRecall(e.getKey())));
        }
        out.append("\n| labelled \\ called | normal | ad | fraud |\n|---|---:|---:|---:|\n");
        for (SmsCategory a : SmsCategory.values()) {
            out.append(String.format(
                    Locale.ROOT,
                    "| %s | %d | %d | %d |%n",
                    a.label(),
                    confusion[a.ordinal()][0],
                    confusion[a.ordinal()][1],
                    confusion[a.ordinal()][2]));
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return toMarkdown();
    }
}
