package org.telereg.engine.fraud;

import java.util.List;

/**
 * The model's judgement of one subscriber.
 *
 * @param score probability-like fraud score, 0..1
 * @param flagged whether the score reaches the model's threshold
 * @param reasons the features that pushed the score up most, strongest first
 */
public record Verdict(double score, boolean flagged, List<Reason> reasons) {

    public Verdict {
        reasons = List.copyOf(reasons);
    }

    /** The reasons as written in scan output: {@code code=value} joined by {@code ;}. */
    public String reasonCodes() {
        StringBuilder codes = new StringBuilder();
        for (Reason reason : reasons) {
            if (!codes.isEmpty()) {
                codes.append(';');
            }
            codes.append(reason);
        }
        return codes.toString();
    }
}
