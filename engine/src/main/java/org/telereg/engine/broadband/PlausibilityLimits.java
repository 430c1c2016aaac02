package org.telereg.engine.broadband;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Thresholds that decide whether a measurement is plausible. A measurement failing any of them is excluded with
 * the first {@link Implausibility} found, in the order of that enum.
 *
 * @param ceilingMbps the highest download each technology can deliver; a technology without an entry has no ceiling
 * @param maxLatencyMs the highest believable round-trip latency (the default 5,000 ms is well above a
 *     geostationary satellite's 600 ms, so only broken clocks and timeouts are caught)
 * @param futureTolerance how far past the importer's clock a test time may lie (clock skew of the probe)
 */
public record PlausibilityLimits(Map<Technology, Double> ceilingMbps, double maxLatencyMs, Duration futureTolerance) {

    public PlausibilityLimits {
        ceilingMbps = Map.copyOf(ceilingMbps);
        ceilingMbps.forEach((technology, ceiling) -> {
            if (!(ceiling > 0)) {
                throw new IllegalArgumentException("ceiling for " + technology + " must be positive: " + ceiling);
            }
        });
        if (!(maxLatencyMs > 0)) {
            throw new IllegalArgumentException("maxLatencyMs must be positive: " + maxLatencyMs);
        }
        Objects.requireNonNull(futureTolerance, "futureTolerance");
    }

    /**
     * Ceilings a little above the fastest service each technology sells (10G-PON fibre, VDSL2 profile 35b, ADSL2+,
     * DOCSIS 3.1, LTE-Advanced category 16, 5G NR on 100 MHz plus carrier aggregation); unknown technology has the
     * fibre ceiling. Latency up to 5 s; test times up to 10 minutes ahead of the clock.
     */
    public static PlausibilityLimits defaults() {
        Map<Technology, Double> ceilings = new EnumMap<>(Technology.class);
        ceilings.put(Technology.FIBRE, 10_000.0);
        ceilings.put(Technology.VDSL, 400.0);
        ceilings.put(Technology.DSL, 30.0);
        ceilings.put(Technology.CABLE, 10_000.0);
        ceilings.put(Technology.MOBILE_4G, 1_000.0);
        ceilings.put(Technology.MOBILE_5G, 5_000.0);
        ceilings.put(Technology.UNKNOWN, 10_000.0);
        return new PlausibilityLimits(ceilings, 5_000.0, Duration.ofMinutes(10));
    }

    /** These limits with another download ceiling for {@code technology}. */
    public PlausibilityLimits withCeiling(Technology technology, double mbps) {
        Map<Technology, Double> ceilings = new EnumMap<>(Technology.class);
        ceilings.putAll(ceilingMbps);
        ceilings.put(technology, mbps);
        return new PlausibilityLimits(ceilings, maxLatencyMs, futureTolerance);
    }

    /**
     * The first reason {@code measurement} is implausible, with the figure that failed, or empty when it is
     * plausible. Unknown ({@code NaN}) figures are not checked.
     *
     * @param now the importer's local time, in the same zone as the measurement's time
     */
    Optional<Finding> check(Measurement measurement, LocalDateTime now) {
        double down = measurement.downloadMbps();
        double up = measurement.uploadMbps();
        if (down <= 0) {
            return finding(Implausibility.NON_POSITIVE_THROUGHPUT, "download " + down + " Mbit/s");
        }
        if (up <= 0) {
            return finding(Implausibility.NON_POSITIVE_THROUGHPUT, "upload " + up + " Mbit/s");
        }
        Double ceiling = ceilingMbps.get(measurement.technology());
        if (ceiling != null && down > ceiling) {
            return finding(
                    Implausibility.ABOVE_TECHNOLOGY_CEILING,
                    "download " + down + " Mbit/s above the " + measurement.technology() + " ceiling of " + ceiling);
        }
        double latency = measurement.latencyMs();
        if (latency <= 0 || latency > maxLatencyMs) {
            return finding(
                    Implausibility.LATENCY_OUT_OF_RANGE,
                    "latency " + latency + " ms outside (0, " + maxLatencyMs + "]");
        }
        double loss = measurement.loss();
        if (loss < 0 || loss > 1) {
            return finding(Implausibility.LOSS_OUT_OF_RANGE, "loss " + loss + " outside 0..1");
        }
        if (measurement.time().isAfter(now.plus(futureTolerance))) {
            return finding(Implausibility.FUTURE_TIMESTAMP, "time " + measurement.time() + " is after " + now);
        }
        return Optional.empty();
    }

    private static Optional<Finding> finding(Implausibility reason, String detail) {
        return Optional.of(new Finding(reason, detail));
    }

    /** A failed check: the reason and the figure that failed it. */
    record Finding(Implausibility reason, String detail) {}
}
