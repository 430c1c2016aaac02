package org.telereg.engine.fraud;

/**
 * A feature that pushed a subscriber's score up.
 *
 * @param feature the feature
 * @param value the subscriber's value of it
 * @param contribution how much it added to the log-odds of fraud compared with an average subscriber
 */
public record Reason(Feature feature, double value, double contribution) {

    /** The reason as written in scan output: {@code code=value}, e.g. {@code short_call_ratio=0.93}. */
    @Override
    public String toString() {
        return feature.code() + "=" + Decimals.rounded(value, 3);
    }
}
