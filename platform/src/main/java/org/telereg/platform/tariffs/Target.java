package org.telereg.platform.tariffs;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;

/**
 * The ministry's unit-price target for one year: ceilings for the fixed and mobile unit price, and a
 * reduction on the same month of the year before; any part may be absent.
 *
 * @param fixedMax highest fixed broadband price, yuan per Mbps per month
 * @param mobileMax highest mobile data price, yuan per GB
 * @param reductionPercent how much lower than the same month a year before both prices must be, in percent
 */
public record Target(
        int year,
        BigDecimal fixedMax,
        BigDecimal mobileMax,
        BigDecimal reductionPercent,
        String note,
        OffsetDateTime updatedAt,
        String updatedBy) {

    /** Which unit price a flag is about. */
    public enum Price {
        FIXED,
        MOBILE
    }

    /**
     * Whether a reported price misses the target: above the year's ceiling, or not lower than the
     * same month's price a year before by the reduction. Null when there is nothing to compare (no
     * price, or neither a ceiling nor a reduction with last year's price to apply).
     */
    public Boolean behind(Price price, BigDecimal amount, BigDecimal lastYear) {
        if (amount == null) {
            return null;
        }
        BigDecimal ceiling = price == Price.FIXED ? fixedMax : mobileMax;
        Boolean behind = null;
        if (ceiling != null) {
            behind = amount.compareTo(ceiling) > 0;
        }
        BigDecimal required = required(lastYear);
        if (required != null) {
            behind = (behind != null && behind) || amount.compareTo(required) > 0;
        }
        return behind;
    }

    /** The highest price the reduction allows, given the same month's price a year before. */
    public BigDecimal required(BigDecimal lastYear) {
        if (reductionPercent == null || lastYear == null) {
            return null;
        }
        BigDecimal factor = BigDecimal.ONE.subtract(reductionPercent.movePointLeft(2));
        return lastYear.multiply(factor).setScale(PlanView.SCALE, RoundingMode.HALF_UP);
    }

    /** The ceiling of one price, or null. */
    public BigDecimal ceiling(Price price) {
        return price == Price.FIXED ? fixedMax : mobileMax;
    }
}
