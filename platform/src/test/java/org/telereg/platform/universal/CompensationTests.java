package org.telereg.platform.universal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The compensation formula on numbers worked by hand. */
class CompensationTests {

    private static final PilotBatch NINTH = batch("30", 6, 10);
    private static final PilotBatch OTHER = batch("25", 8, 12);

    private static PilotBatch batch(String share, int ordinary, int border) {
        return new PilotBatch(
                1,
                "第九批",
                2025,
                new BigDecimal(share),
                ordinary,
                border,
                6,
                new BigDecimal("5"),
                20,
                new BigDecimal("100"),
                LocalDate.of(2026, 12, 31));
    }

    private static BigDecimal of(PilotBatch batch, String construction, String yearly, boolean border, boolean island) {
        return Compensation.of(
                batch.sharePercent(),
                new BigDecimal(construction),
                new BigDecimal(yearly),
                Compensation.years(batch, border, island));
    }

    @Test
    void anOrdinaryRemoteVillageCountsSixYearsOfOperation() {
        // 30 % × (500 000 + 6 × 40 000) = 30 % × 740 000 = 222 000.00
        assertThat(of(NINTH, "500000", "40000", false, false)).isEqualByComparingTo("222000.00");
    }

    @Test
    void aBorderVillageCountsTenYears() {
        // 30 % × (500 000 + 10 × 40 000) = 30 % × 900 000 = 270 000.00
        assertThat(of(NINTH, "500000", "40000", true, false)).isEqualByComparingTo("270000.00");
    }

    @Test
    void anIslandVillageCountsTheBorderYearsToo() {
        assertThat(of(NINTH, "500000", "40000", false, true)).isEqualByComparingTo("270000.00");
        assertThat(of(NINTH, "500000", "40000", true, true)).isEqualByComparingTo("270000.00");
    }

    @Test
    void eachBatchHasItsOwnShareAndYears() {
        // 25 % × (500 000 + 8 × 40 000) = 205 000.00; border: 25 % × (500 000 + 12 × 40 000) = 245 000.00
        assertThat(of(OTHER, "500000", "40000", false, false)).isEqualByComparingTo("205000.00");
        assertThat(of(OTHER, "500000", "40000", true, false)).isEqualByComparingTo("245000.00");
    }

    @Test
    void roundsToTheFenHalfUp() {
        // 30 % × (333 333.33 + 6 × 11 111.11) = 30 % × 399 999.99 = 119 999.997 → 120 000.00
        assertThat(of(NINTH, "333333.33", "11111.11", false, false)).isEqualTo(new BigDecimal("120000.00"));
        // 12.5 % × 0.20 = 0.025 → 0.03 (half up, not half even)
        assertThat(Compensation.of(new BigDecimal("12.5"), new BigDecimal("0.20"), BigDecimal.ZERO, 6))
                .isEqualTo(new BigDecimal("0.03"));
    }

    @Test
    void operationIsTheYearlyCostTimesTheCountedYears() {
        assertThat(Compensation.operation(new BigDecimal("40000.00"), 10)).isEqualByComparingTo("400000.00");
    }
}
