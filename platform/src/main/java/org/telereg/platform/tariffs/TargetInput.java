package org.telereg.platform.tariffs;

/**
 * A year's target as the ministry types it; each figure may be left empty, not all of them.
 *
 * @param fixedMax yuan per Mbps per month, at most 4 decimals
 * @param mobileMax yuan per GB, at most 4 decimals
 * @param reductionPercent percent below the same month a year before, under 100
 */
public record TargetInput(String year, String fixedMax, String mobileMax, String reductionPercent, String note) {}
