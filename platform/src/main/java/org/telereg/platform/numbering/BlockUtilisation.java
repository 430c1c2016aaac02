package org.telereg.platform.numbering;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A block's figures for one month.
 *
 * @param allocation the block
 * @param period the month, {@code yyyy-MM}
 * @param inUse numbers in use at the end of the month
 * @param assigned numbers assigned to subscribers or customers
 * @param capacity numbers the block holds ({@link AllocationKind#capacity(String)})
 */
public record BlockUtilisation(AllocationView allocation, String period, long inUse, long assigned, long capacity) {

    /** Numbers in use over capacity, 0 to 1 with four decimals. */
    public BigDecimal ratio() {
        return capacity == 0
                ? BigDecimal.ZERO
                : BigDecimal.valueOf(inUse).divide(BigDecimal.valueOf(capacity), 4, RoundingMode.HALF_UP);
    }

    /** The ratio as a percentage with one decimal, for display. */
    public BigDecimal percent() {
        return ratio().movePointRight(2).setScale(1, RoundingMode.HALF_UP);
    }
}
