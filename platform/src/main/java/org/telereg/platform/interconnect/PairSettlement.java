package org.telereg.platform.interconnect;

import java.math.BigDecimal;

/**
 * A month's settlement between two operators over all their links the reader may see.
 *
 * @param payer the operator that pays (for settlement-free links, the first of the pair)
 * @param payee the operator paid (for settlement-free links, the second of the pair)
 * @param links how many links the figures cover
 * @param averageCapacityGbps their prorated capacities, summed
 * @param amountYuan the amounts, summed
 */
public record PairSettlement(
        String payer,
        String payerName,
        String payee,
        String payeeName,
        Regime regime,
        long links,
        BigDecimal averageCapacityGbps,
        BigDecimal amountYuan) {}
