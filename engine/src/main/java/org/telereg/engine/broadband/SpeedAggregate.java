package org.telereg.engine.broadband;

/**
 * Download statistics of one group. Quantiles are exact, interpolated linearly between the two nearest ranks (the
 * definition of numpy's default, Excel's PERCENTILE.INC and R's type 7).
 *
 * @param key the group
 * @param count measurements with a download figure
 * @param meanMbps all-day mean download, Mbit/s
 * @param medianMbps median download
 * @param p10Mbps 10th percentile: the speed the slowest tenth of tests do not exceed
 * @param p90Mbps 90th percentile
 * @param busyHourCount measurements with a busy-hour download (a test in the busy hours, or a panel summary's own
 *     peak figure)
 * @param busyHourMeanMbps mean busy-hour download; {@code NaN} without busy-hour measurements
 * @param planKnownCount measurements whose plan speed is known
 * @param underPlanShare share of those measuring below their plan speed, 0 to 1; {@code NaN} when no plan is known
 */
public record SpeedAggregate(
        GroupKey key,
        long count,
        double meanMbps,
        double medianMbps,
        double p10Mbps,
        double p90Mbps,
        long busyHourCount,
        double busyHourMeanMbps,
        long planKnownCount,
        double underPlanShare) {

    /** Busy-hour mean over all-day mean: below 1 when the evening is slower; {@code NaN} without busy-hour tests. */
    public double busyHourRatio() {
        return busyHourMeanMbps / meanMbps;
    }
}
