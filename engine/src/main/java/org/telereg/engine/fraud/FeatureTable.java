package org.telereg.engine.fraud;

import java.io.IOException;
import java.util.Arrays;

/**
 * The features of every subscriber, one row per subscriber sorted by number (as text), one column per {@link
 * Feature}. Values are held as floats, four bytes per feature and subscriber. Immutable.
 */
public final class FeatureTable {

    private static final int WIDTH = Feature.count();

    private final String[] subscribers;
    private final float[] values;
    private final FeatureSettings settings;
    private final boolean withSms;
    private final boolean withUsers;

    FeatureTable(String[] subscribers, float[] values, FeatureSettings settings, boolean withSms, boolean withUsers) {
        this.subscribers = subscribers;
        this.values = values;
        this.settings = settings;
        this.withSms = withSms;
        this.withUsers = withUsers;
    }

    /** The settings the features were computed with. */
    public FeatureSettings settings() {
        return settings;
    }

    /**
     * Whether the input the feature needs was given: false for the SMS features without an SMS file and for the
     * ID-card count and away ratio without a users file (they are then 0 and say nothing).
     */
    public boolean isKnown(Feature feature) {
        return switch (feature.source()) {
            case CALLS -> true;
            case SMS -> withSms;
            case USERS -> withUsers;
        };
    }

    /** Number of subscribers. */
    public int size() {
        return subscribers.length;
    }

    /** The subscriber number (or token) of a row. */
    public String subscriber(int row) {
        return subscribers[row];
    }

    /** One feature of one row; NaN when unknown (see {@link Feature}). */
    public double value(int row, Feature feature) {
        return values[row * WIDTH + feature.ordinal()];
    }

    /** All features of a row, indexed by {@link Feature#ordinal()}. */
    public double[] row(int row) {
        double[] copy = new double[WIDTH];
        for (int i = 0; i < WIDTH; i++) {
            copy[i] = values[row * WIDTH + i];
        }
        return copy;
    }

    /** The row of a subscriber, or -1 when it is not in the table. */
    public int rowOf(String subscriber) {
        int row = Arrays.binarySearch(subscribers, subscriber);
        return row >= 0 ? row : -1;
    }

    /**
     * Writes the table as CSV: a header {@code phone_no_m} followed by the feature codes, then one line per
     * subscriber with values in their shortest exact decimal form, unknown values empty.
     */
    public void writeCsv(Appendable out) throws IOException {
        out.append("phone_no_m");
        for (int i = 0; i < WIDTH; i++) {
            out.append(',').append(Feature.at(i).code());
        }
        out.append('\n');
        for (int row = 0; row < subscribers.length; row++) {
            out.append(subscribers[row]);
            for (int i = 0; i < WIDTH; i++) {
                out.append(',').append(Decimals.shortest(values[row * WIDTH + i]));
            }
            out.append('\n');
        }
    }
}
