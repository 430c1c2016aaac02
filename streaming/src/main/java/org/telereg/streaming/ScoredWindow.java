package org.telereg.streaming;

import java.util.Locale;

/**
 * The model's verdict on one subscriber over one window: what the job writes to the suspects topic.
 *
 * @param subscriber {@code phone_no_m}
 * @param window {@code day} (that calendar day alone) or {@code to_date} (the period from its first day to the
 *     end of {@code to})
 * @param from first day of the window, {@code yyyy-MM-dd}
 * @param to last day of the window, {@code yyyy-MM-dd}
 * @param complete whether the window is over: every {@code day} window, and the {@code to_date} window of a
 *     period's last day
 * @param score 0..1
 * @param flagged whether the score reaches the model's threshold
 * @param reasons {@code code=value} joined by {@code ;}, strongest first, as {@code telereg fraud-scan} writes them
 * @param features the feature values as {@code FeatureTable.writeCsv} writes a row, without the number
 */
public record ScoredWindow(
        String subscriber,
        String window,
        String from,
        String to,
        boolean complete,
        double score,
        boolean flagged,
        String reasons,
        String features) {

    static final String DAY = "day";
    static final String TO_DATE = "to_date";

    /** The header of {@link #toCsv()} lines. */
    public static final String CSV_HEADER = "phone_no_m,score,flag,reasons,window,from,to,complete";

    /**
     * One CSV line: number, score with four decimals, flag 0/1 and reasons exactly as in {@code telereg fraud-scan}
     * output, then the window.
     */
    public String toCsv() {
        return scanLine() + ',' + window + ',' + from + ',' + to + ',' + (complete ? 1 : 0);
    }

    /** The line {@code telereg fraud-scan} writes for this subscriber and score. */
    public String scanLine() {
        return subscriber + String.format(Locale.ROOT, ",%.4f,%d,", score, flagged ? 1 : 0) + reasons;
    }
}
