package org.telereg.platform.tariffs;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Unit prices, medians, year-on-year changes and target flags on numbers worked by hand. */
class UnitPriceArithmeticTests {

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    private static PlanView plan(PlanKind kind, String fee, Integer mbps, String gb) {
        LocalDate day = LocalDate.of(2025, 1, 1);
        return new PlanView(
                1,
                "C",
                "运营商",
                "P",
                1,
                "套餐",
                kind,
                null,
                d(fee),
                mbps,
                gb == null ? null : d(gb),
                null,
                null,
                0,
                day,
                null,
                PlanStatus.ON_SALE,
                day,
                null,
                null,
                "u");
    }

    @Test
    void aPlansUnitPriceIsItsFeeOverItsSpeedOrData() {
        // 100 yuan for 1000 Mbps: 0.1 yuan per Mbps per month; 49 yuan for 300 Mbps: 0.16333… → 0.1633.
        assertThat(plan(PlanKind.FIXED_BROADBAND, "100", 1000, null).unitPrice())
                .isEqualByComparingTo("0.1");
        assertThat(plan(PlanKind.FIXED_BROADBAND, "49", 300, null).unitPrice()).isEqualByComparingTo("0.1633");
        // 69 yuan for 40 GB: 1.725 yuan per GB; 59 for 30 GB: 1.96666… → 1.9667.
        assertThat(plan(PlanKind.MOBILE, "69", null, "40").unitPrice()).isEqualByComparingTo("1.725");
        assertThat(plan(PlanKind.MOBILE, "59", null, "30").unitPrice()).isEqualByComparingTo("1.9667");
        assertThat(plan(PlanKind.BUNDLE, "169", 1000, "40").unitPrice()).isNull();
    }

    @Test
    void medianAndMeanOverThePlansOnSale() {
        // Sorted 0.08, 0.099, 0.1633: the median is the middle one; the mean 0.3423 / 3 = 0.1141.
        assertThat(UnitPrices.median(List.of(d("0.1633"), d("0.08"), d("0.099"))))
                .isEqualByComparingTo("0.099");
        assertThat(UnitPrices.mean(List.of(d("0.1633"), d("0.08"), d("0.099")))).isEqualByComparingTo("0.1141");
        // An even count: the mean of the two middle values, (1.7 + 1.725) / 2 = 1.7125.
        assertThat(UnitPrices.median(List.of(d("1.9667"), d("1.7"), d("1.725"), d("1.6583"))))
                .isEqualByComparingTo("1.7125");
        assertThat(UnitPrices.median(List.of())).isNull();
        assertThat(UnitPrices.mean(List.of())).isNull();
    }

    @Test
    void changeOnAYearBeforeInPercent() {
        // 0.095 against 0.1: (0.095 - 0.1) / 0.1 = -5.0 %; 1.7 against 2.0: -15.0 %.
        assertThat(UnitPrices.changePercent(d("0.095"), d("0.1"))).isEqualByComparingTo("-5.0");
        assertThat(UnitPrices.changePercent(d("1.7"), d("2.0"))).isEqualByComparingTo("-15.0");
        assertThat(UnitPrices.changePercent(d("1.7"), null)).isNull();
        assertThat(UnitPrices.changePercent(d("1.7"), BigDecimal.ZERO)).isNull();
    }

    @Test
    void aPriceIsBehindAboveTheCeilingOrShortOfTheReduction() {
        Target target = new Target(2026, d("0.1"), d("1.8"), d("5"), null, null, null);

        // Fixed ceiling 0.1: 0.1 itself is on track, 0.1001 behind.
        assertThat(target.behind(Target.Price.FIXED, d("0.1"), null)).isFalse();
        assertThat(target.behind(Target.Price.FIXED, d("0.1001"), null)).isTrue();
        // 5 % below last year's 0.1: at most 0.095. 0.096 is under the ceiling but short of the reduction.
        assertThat(target.required(d("0.1"))).isEqualByComparingTo("0.095");
        assertThat(target.behind(Target.Price.FIXED, d("0.096"), d("0.1"))).isTrue();
        assertThat(target.behind(Target.Price.FIXED, d("0.095"), d("0.1"))).isFalse();
        // Mobile: 1.75 is under 1.8, and 1.75 ≤ 1.9 × 0.95 = 1.805.
        assertThat(target.behind(Target.Price.MOBILE, d("1.75"), d("1.9"))).isFalse();
        assertThat(target.behind(Target.Price.MOBILE, d("1.85"), null)).isTrue();
        assertThat(target.behind(Target.Price.MOBILE, null, d("1.9"))).isNull();

        Target reductionOnly = new Target(2026, null, null, d("10"), null, null, null);
        assertThat(reductionOnly.behind(Target.Price.FIXED, d("0.1"), null))
                .as("nothing to compare")
                .isNull();
        assertThat(reductionOnly.behind(Target.Price.FIXED, d("0.091"), d("0.1")))
                .isTrue();
        assertThat(reductionOnly.behind(Target.Price.FIXED, d("0.09"), d("0.1")))
                .isFalse();
    }

    @Test
    void aVersionIsOnSaleWithinItsEffectiveAndOfferedDaysOnly() {
        LocalDate from = LocalDate.of(2025, 1, 1);
        PlanView version = new PlanView(
                1,
                "C",
                "运营商",
                "P",
                2,
                "套餐",
                PlanKind.MOBILE,
                null,
                d("59"),
                null,
                d("30"),
                null,
                null,
                0,
                from,
                LocalDate.of(2025, 12, 31),
                PlanStatus.ON_SALE,
                LocalDate.of(2025, 3, 1),
                LocalDate.of(2025, 5, 31),
                null,
                "u");

        assertThat(version.onSaleOn(LocalDate.of(2025, 2, 28))).isFalse();
        assertThat(version.onSaleOn(LocalDate.of(2025, 3, 1))).isTrue();
        assertThat(version.onSaleOn(LocalDate.of(2025, 5, 31))).isTrue();
        assertThat(version.onSaleOn(LocalDate.of(2025, 6, 1))).isFalse();
    }
}
