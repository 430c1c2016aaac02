package org.telereg.engine.broadband;

/** Why a measurement that was read was nevertheless excluded from the aggregates. */
public enum Implausibility {
    /** Download or upload of zero or less: the test failed rather than measured a speed. */
    NON_POSITIVE_THROUGHPUT,
    /** Download above what the line's technology can carry (see {@link PlausibilityLimits#ceilingMbps}). */
    ABOVE_TECHNOLOGY_CEILING,
    /** Latency of zero or less, or above {@link PlausibilityLimits#maxLatencyMs}. */
    LATENCY_OUT_OF_RANGE,
    /** Packet loss below 0 or above 1 (loss is a fraction; write {@code 2%} for two per cent). */
    LOSS_OUT_OF_RANGE,
    /** A test time later than now plus {@link PlausibilityLimits#futureTolerance}. */
    FUTURE_TIMESTAMP
}
