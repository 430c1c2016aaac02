package org.telereg.platform.universal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The pilot's compensation of one village: {@code share × (construction + years × yearly operation)},
 * where the years are the batch's border/island years for a border or island village and its
 * ordinary years otherwise. Yuan, two decimals, rounded half up once per village.
 */
public final class Compensation {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Compensation() {}

    /** The operation years the batch counts for a village. */
    public static int years(PilotBatch batch, boolean border, boolean island) {
        return border || island ? batch.borderYears() : batch.ordinaryYears();
    }

    /** Yearly operation over the counted years, in yuan. */
    public static BigDecimal operation(BigDecimal yearlyOperation, int years) {
        return yearlyOperation.multiply(BigDecimal.valueOf(years)).setScale(2, RoundingMode.HALF_UP);
    }

    /** {@code sharePercent / 100 × (construction + years × yearlyOperation)}, two decimals, half up. */
    public static BigDecimal of(
            BigDecimal sharePercent, BigDecimal construction, BigDecimal yearlyOperation, int years) {
        return sharePercent
                .multiply(construction.add(yearlyOperation.multiply(BigDecimal.valueOf(years))))
                .divide(HUNDRED, 2, RoundingMode.HALF_UP);
    }

    /** The compensation of a village under its batch. */
    public static BigDecimal of(PilotBatch batch, VillageView village) {
        return of(
                batch.sharePercent(),
                village.constructionCost(),
                village.yearlyOperationCost(),
                years(batch, village.border(), village.island()));
    }
}
