package org.telereg.platform.interconnect;

import java.math.BigDecimal;

/**
 * What one link settles for one month.
 *
 * @param averageCapacityGbps the month's capacity averaged by day (the prorated capacity charged)
 * @param priceYuan the price charged per Gbps per month (the link's, capped), null when settlement-free
 * @param amountYuan the month's amount, 0 when settlement-free
 * @param payer the operator that pays, null when settlement-free
 * @param payee the operator paid, null when settlement-free
 */
public record MonthlySettlement(
        long linkId,
        String periodCode,
        Regime regime,
        BigDecimal averageCapacityGbps,
        BigDecimal priceYuan,
        BigDecimal amountYuan,
        String payer,
        String payee) {}
