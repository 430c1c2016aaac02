package org.telereg.platform.interconnect;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The monthly settlement: capacity × price, prorated by day, capped, rounded to the fen once. */
class SettlementTests {

    private static final BigDecimal CAP = new BigDecimal("80000");

    private static LinkView link(Regime regime, String price) {
        return new LinkView(
                1,
                1,
                "BJ",
                "北京",
                "11",
                "A",
                "甲",
                "B",
                "乙",
                BigDecimal.TEN,
                regime,
                price == null ? null : new BigDecimal(price),
                regime == Regime.PAID ? "A" : null);
    }

    private static CapacityEntry entry(String day, String gbps) {
        return new CapacityEntry(LocalDate.parse(day), new BigDecimal(gbps), null, "test", Instant.EPOCH);
    }

    @Test
    void aFullMonthIsCapacityTimesPrice() {
        MonthlySettlement s = Settlement.of(
                link(Regime.PAID, "50000"), List.of(entry("2025-01-01", "100")), YearMonth.of(2025, 11), CAP);

        assertThat(s.amountYuan()).isEqualByComparingTo("5000000.00");
        assertThat(s.averageCapacityGbps()).isEqualByComparingTo("100");
        assertThat(s.payer()).isEqualTo("A");
        assertThat(s.payee()).isEqualTo("B");
    }

    @Test
    void aChangeInTheMiddleOfTheMonthIsProratedByDay() {
        // November has 30 days: 15 days at 100 Gbps, 15 at 200 Gbps = 150 Gbps on average.
        MonthlySettlement s = Settlement.of(
                link(Regime.PAID, "50000"),
                List.of(entry("2025-11-16", "200"), entry("2025-01-01", "100")),
                YearMonth.of(2025, 11),
                CAP);

        assertThat(s.averageCapacityGbps()).isEqualByComparingTo("150");
        assertThat(s.amountYuan()).isEqualByComparingTo("7500000.00");
    }

    @Test
    void daysBeforeTheLinkOpenedAreNotCharged() {
        // Opened on 22 February 2024 (29 days): 8 days of 10 Gbps.
        MonthlySettlement s = Settlement.of(
                link(Regime.PAID, "29000"), List.of(entry("2024-02-22", "10")), YearMonth.of(2024, 2), CAP);

        assertThat(s.amountYuan()).isEqualByComparingTo("80000.00");
        assertThat(s.averageCapacityGbps()).isEqualByComparingTo("2.759");
    }

    @Test
    void roundsHalfUpToTheFenOnceAtTheEnd() {
        // January: 1 day at 10 Gbps, 30 at 11 Gbps = 340 Gbps-days; 33333.33 × 340 / 31 = 365591.3612… yuan.
        MonthlySettlement s = Settlement.of(
                link(Regime.PAID, "33333.33"),
                List.of(entry("2024-12-01", "10"), entry("2025-01-02", "11")),
                YearMonth.of(2025, 1),
                CAP);

        assertThat(s.amountYuan()).isEqualByComparingTo("365591.36");
    }

    @Test
    void neverChargesMoreThanTheCap() {
        MonthlySettlement s = Settlement.of(
                link(Regime.PAID, "90000"), List.of(entry("2025-01-01", "10")), YearMonth.of(2025, 6), CAP);

        assertThat(s.priceYuan()).isEqualByComparingTo("80000");
        assertThat(s.amountYuan()).isEqualByComparingTo("800000.00");
    }

    @Test
    void aSettlementFreeLinkSettlesNothing() {
        MonthlySettlement s = Settlement.of(
                link(Regime.SETTLEMENT_FREE, null), List.of(entry("2025-01-01", "400")), YearMonth.of(2025, 6), CAP);

        assertThat(s.amountYuan()).isEqualByComparingTo("0");
        assertThat(s.priceYuan()).isNull();
        assertThat(s.payer()).isNull();
        assertThat(s.averageCapacityGbps()).isEqualByComparingTo("400");
    }

    @Test
    void aChangeAfterTheMonthDoesNotCount() {
        MonthlySettlement s = Settlement.of(
                link(Regime.PAID, "10000"),
                List.of(entry("2025-01-01", "10"), entry("2025-07-01", "20")),
                YearMonth.of(2025, 6),
                CAP);

        assertThat(s.amountYuan()).isEqualByComparingTo("100000.00");
    }
}
