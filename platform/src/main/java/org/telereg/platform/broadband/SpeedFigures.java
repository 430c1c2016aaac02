package org.telereg.platform.broadband;

/**
 * The download statistics of one group of measurements; a dimension not grouped by is null, and so is
 * a figure without data (no busy-hour test, no known plan speed).
 *
 * @param province the two-digit province code
 * @param provinceName the province's name
 * @param city the four-digit city code
 * @param operator the operator as the files name it
 * @param technology the access technology ({@code FIBRE}, {@code MOBILE_5G}, …)
 * @param period {@code 2024-05-01}, {@code 2024-05}, {@code 2024-Q2} or {@code 2024}
 * @param count measurements with a download figure
 * @param meanMbps all-day mean download, Mbit/s
 * @param medianMbps median download (linear interpolation between closest ranks)
 * @param p10Mbps 10th percentile
 * @param p90Mbps 90th percentile
 * @param busyHourCount tests in the busy hours (20:00–23:00 local) and panel rows with a peak figure
 * @param busyHourMeanMbps their mean download
 * @param planKnownCount measurements whose plan speed is known
 * @param underPlanShare the share of those whose download was below the plan speed
 */
public record SpeedFigures(
        String province,
        String provinceName,
        String city,
        String operator,
        String technology,
        String period,
        long count,
        Double meanMbps,
        Double medianMbps,
        Double p10Mbps,
        Double p90Mbps,
        long busyHourCount,
        Double busyHourMeanMbps,
        long planKnownCount,
        Double underPlanShare) {}
