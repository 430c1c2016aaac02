package org.telereg.platform.tariffs;

import java.math.BigDecimal;
import java.util.List;

/**
 * Monthly series for the dashboard's charts, one value per month (null where nothing was reported).
 *
 * @param months {@code 2025-01} … the month asked for
 * @param series one line per operator and figure
 * @param fixedTarget the fixed ceiling in force each month
 * @param mobileTarget the mobile ceiling in force each month
 */
public record PriceTrend(
        List<String> months, List<Series> series, List<BigDecimal> fixedTarget, List<BigDecimal> mobileTarget) {

    /** What a line shows. */
    public enum Figure {
        FIXED_PRICE,
        MOBILE_PRICE,
        REPORTED_DOWNLOAD,
        MEASURED_DOWNLOAD
    }

    public record Series(String operatorCreditCode, String operatorName, Figure figure, List<BigDecimal> values) {}
}
