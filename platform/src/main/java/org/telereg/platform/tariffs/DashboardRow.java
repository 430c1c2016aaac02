package org.telereg.platform.tariffs;

import java.math.BigDecimal;

/**
 * One operator (or one province of one operator) on the "speed up, fee down" dashboard for a month; a
 * figure without data is null.
 *
 * @param provinceCode the province of the row, or the province asked for, or null for all
 * @param fixedPrice reported yuan per Mbps per month
 * @param fixedPriceLastYear the same, for the same month a year before
 * @param fixedChangePercent the change on a year before, in percent
 * @param fixedBehind whether the fixed price misses the year's target (null: no target to compare)
 * @param catalogueFixedMedian median unit price of the fixed broadband plans on sale
 * @param fixedPlans how many fixed broadband plans were on sale
 * @param measuredMeanMbps mean download of the month's fibre speed tests
 * @param measuredMedianMbps their median
 * @param measurements how many tests
 * @param reportedDownloadMbps the reported average available download rate (FIXED_DOWNLOAD_MBPS)
 * @param share1000m percent of broadband users on gigabit plans (SHARE_1000M)
 * @param reportsAccepted whether the reports behind the figures were all accepted (else some await review)
 * @param feeAppeals accepted appeals about fees received in the month
 * @param speedAppeals accepted appeals about broadband speed received in the month
 */
public record DashboardRow(
        String operatorCreditCode,
        String operatorName,
        String provinceCode,
        String provinceName,
        BigDecimal fixedPrice,
        BigDecimal fixedPriceLastYear,
        BigDecimal fixedChangePercent,
        Boolean fixedBehind,
        BigDecimal mobilePrice,
        BigDecimal mobilePriceLastYear,
        BigDecimal mobileChangePercent,
        Boolean mobileBehind,
        BigDecimal catalogueFixedMedian,
        BigDecimal catalogueFixedMean,
        int fixedPlans,
        BigDecimal catalogueMobileMedian,
        BigDecimal catalogueMobileMean,
        int mobilePlans,
        Double measuredMeanMbps,
        Double measuredMedianMbps,
        long measurements,
        BigDecimal reportedDownloadMbps,
        BigDecimal share1000m,
        Boolean reportsAccepted,
        long feeAppeals,
        long speedAppeals) {}
