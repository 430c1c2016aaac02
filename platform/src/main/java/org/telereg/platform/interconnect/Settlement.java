package org.telereg.platform.interconnect;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * The monthly settlement of a link. A capacity change in the middle of a month is prorated by day:
 * each day of the month is charged the capacity in force that day (the latest change on or before
 * it; none before the link's first capacity), so the month's amount is
 * {@code price × Σ capacity(day) / days in month}, rounded half up to the fen once, at the end. The
 * price charged is the link's price, but never more than the cap in force.
 */
final class Settlement {

    private Settlement() {}

    /**
     * The month's settlement of one link.
     *
     * @param history the link's capacity changes, in any order
     */
    static MonthlySettlement of(LinkView link, List<CapacityEntry> history, YearMonth month, BigDecimal cap) {
        List<CapacityEntry> sorted = history.stream()
                .sorted((x, y) -> x.effectiveOn().compareTo(y.effectiveOn()))
                .toList();
        BigDecimal capacityDays = BigDecimal.ZERO;
        for (int day = 1; day <= month.lengthOfMonth(); day++) {
            capacityDays = capacityDays.add(capacityOn(sorted, month.atDay(day)));
        }
        BigDecimal days = BigDecimal.valueOf(month.lengthOfMonth());
        BigDecimal average = capacityDays.divide(days, 3, RoundingMode.HALF_UP);
        BigDecimal price = null;
        BigDecimal amount = BigDecimal.ZERO.setScale(2);
        if (link.regime() == Regime.PAID && link.priceYuan() != null) {
            price = link.priceYuan().min(cap);
            amount = price.multiply(capacityDays)
                    .divide(days, MathContext.DECIMAL128)
                    .setScale(2, RoundingMode.HALF_UP);
        }
        return new MonthlySettlement(
                link.id(), month.toString(), link.regime(), average, price, amount, link.payer(), link.payee());
    }

    /** The capacity in force on a day: the latest change on or before it, zero before the first. */
    static BigDecimal capacityOn(List<CapacityEntry> sortedHistory, LocalDate day) {
        BigDecimal capacity = BigDecimal.ZERO;
        for (CapacityEntry entry : sortedHistory) {
            if (entry.effectiveOn().isAfter(day)) {
                break;
            }
            capacity = entry.capacityGbps();
        }
        return capacity;
    }
}
