package org.telereg.platform.tariffs;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One version of a plan, as the catalogue shows it.
 *
 * @param planId the plan (all its versions share it)
 * @param version 1 for the first filing, then counting up
 * @param provinceCode null for a national plan
 * @param effectiveFrom the day this version took effect
 * @param effectiveTo the day before the next version took effect, null for the current version
 */
public record PlanView(
        long planId,
        String operatorCreditCode,
        String operatorName,
        String planCode,
        int version,
        String name,
        PlanKind kind,
        String provinceCode,
        BigDecimal monthlyFee,
        Integer downlinkMbps,
        BigDecimal dataGb,
        Integer voiceMinutes,
        String extras,
        int contractMonths,
        LocalDate validFrom,
        LocalDate validTo,
        PlanStatus status,
        LocalDate effectiveFrom,
        LocalDate effectiveTo,
        OffsetDateTime filedAt,
        String filedBy) {

    /** Unit prices keep 4 decimals, as the reported ones do. */
    static final int SCALE = 4;

    /**
     * The plan's unit price: yuan per Mbps per month for fixed broadband, yuan per GB for mobile; null
     * for a bundle, whose fee pays for both and cannot be split.
     */
    public BigDecimal unitPrice() {
        return switch (kind) {
            case FIXED_BROADBAND -> monthlyFee.divide(BigDecimal.valueOf(downlinkMbps), SCALE, RoundingMode.HALF_UP);
            case MOBILE -> monthlyFee.divide(dataGb, SCALE, RoundingMode.HALF_UP);
            case BUNDLE -> null;
        };
    }

    /** Whether this version offered the plan to customers on the given day. */
    public boolean onSaleOn(LocalDate day) {
        return status == PlanStatus.ON_SALE
                && !effectiveFrom.isAfter(day)
                && (effectiveTo == null || !effectiveTo.isBefore(day))
                && !validFrom.isAfter(day)
                && (validTo == null || !validTo.isBefore(day));
    }

    /** Whether the plan is sold nationwide. */
    public boolean national() {
        return provinceCode == null;
    }
}
