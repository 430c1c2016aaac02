package org.telereg.engine.broadband;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * One speed measurement as the aggregation sees it. Unknown figures are {@code NaN}; unknown texts are empty.
 *
 * @param time local time where the line is, to the second (busy hours are local hours)
 * @param division GB/T 2260 code in its natural length: 2 digits for a province, 4 for a city, 6 for a county;
 *     empty when unknown
 * @param operator the operator (ISP) as the source names it; empty when unknown
 * @param technology access technology
 * @param downloadMbps download throughput in Mbit/s; {@code NaN} only for an upload-only test
 * @param uploadMbps upload throughput in Mbit/s
 * @param latencyMs round-trip latency in milliseconds (minimum RTT for M-Lab tests)
 * @param loss packet loss as a fraction from 0 to 1 (retransmitted share of bytes for M-Lab tests)
 * @param planMbps the download speed of the subscriber's plan (签约速率), when known
 * @param busyHourDownloadMbps for a panel summary that reports its own peak-time mean (Ofcom: 8–10 pm
 *     weekdays), that figure; {@code NaN} for a single test
 */
public record Measurement(
        LocalDateTime time,
        String division,
        String operator,
        Technology technology,
        double downloadMbps,
        double uploadMbps,
        double latencyMs,
        double loss,
        double planMbps,
        double busyHourDownloadMbps) {

    public Measurement {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(division, "division");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(technology, "technology");
        if (Double.isNaN(downloadMbps) && Double.isNaN(uploadMbps)) {
            throw new IllegalArgumentException("a measurement needs a download or an upload figure");
        }
    }

    /** A single test with the figures a generic CSV row carries. */
    public static Measurement of(
            LocalDateTime time,
            String division,
            String operator,
            Technology technology,
            double downloadMbps,
            double uploadMbps,
            double latencyMs,
            double loss,
            double planMbps) {
        return new Measurement(
                time, division, operator, technology, downloadMbps, uploadMbps, latencyMs, loss, planMbps, Double.NaN);
    }

    /** The two-digit province code, or empty. */
    public String provinceCode() {
        return division.length() >= 2 ? division.substring(0, 2) : "";
    }

    /** The four-digit city code, or empty when the division is a province or unknown. */
    public String cityCode() {
        return division.length() >= 4 ? division.substring(0, 4) : "";
    }
}
