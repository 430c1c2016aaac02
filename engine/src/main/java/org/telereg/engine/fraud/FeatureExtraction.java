package org.telereg.engine.fraud;

import java.util.List;

/**
 * The result of reading a set of CDR files: the features of every subscriber and what was read.
 *
 * @param features one row per subscriber that appears as {@code phone_no_m} in the calls or SMS file
 * @param inputs one report per file read: users (when given), calls, SMS (when given)
 * @param stateBytes memory held by the per-subscriber state while reading, all shards together
 */
public record FeatureExtraction(FeatureTable features, List<InputReport> inputs, long stateBytes) {

    public FeatureExtraction {
        inputs = List.copyOf(inputs);
    }

    /** Data rows of all files. */
    public long rows() {
        return inputs.stream().mapToLong(InputReport::rows).sum();
    }

    /** Bad rows of all files. */
    public long badRows() {
        return inputs.stream().mapToLong(InputReport::badRows).sum();
    }
}
